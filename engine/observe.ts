/**
 * A MutationObserver that also sees inside open shadow roots: an observer on the document is not
 * told about changes inside a web component. Shadow roots present at the start are found with one
 * scan; later ones are found in the subtrees that mutations add.
 */
const OPTIONS: MutationObserverInit = { childList: true, subtree: true, attributes: true, characterData: true };

export function observeDeep(doc: Document, onChange: () => void, signal: AbortSignal): void {
  const observed = new WeakSet<ShadowRoot>();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) watchShadowsIn(node);
    }
    onChange();
  });

  function watchShadowsIn(root: Element | Document) {
    const elements = root instanceof Element ? [root, ...root.querySelectorAll('*')] : root.querySelectorAll('*');
    for (const el of elements) {
      const shadow = el.shadowRoot;
      if (!shadow || observed.has(shadow)) continue;
      observed.add(shadow);
      observer.observe(shadow, OPTIONS);
      for (const inner of shadow.children) watchShadowsIn(inner);
    }
  }

  observer.observe(doc, OPTIONS);
  watchShadowsIn(doc);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
