import { collectShadowRoots, joinIndex } from './shadow-index';

/**
 * A MutationObserver that also sees inside open shadow roots: an observer on the document is not
 * told about changes inside a web component. The shadow roots come from the document's live index
 * (engine/shadow-index.ts), which this observer keeps current from the subtrees mutations add; new
 * roots are observed as they are found. `onChange` receives the records of each batch.
 */
const OPTIONS: MutationObserverInit = { childList: true, subtree: true, attributes: true, characterData: true };

export function observeDeep(doc: Document, onChange: (records: MutationRecord[]) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const observer = new MutationObserver((records) => handle(records));
  const { index, leave } = joinIndex(doc, () => {
    const pending = observer.takeRecords();
    if (pending.length) handle(pending);
    else observe(index.roots);
  });
  const observed = new WeakSet<ShadowRoot>();
  const observe = (roots: Iterable<ShadowRoot>) => {
    for (const shadow of roots) {
      if (observed.has(shadow)) continue;
      observed.add(shadow);
      observer.observe(shadow, OPTIONS);
    }
  };

  function handle(records: MutationRecord[]) {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) observe(collectShadowRoots(node, index.roots));
    }
    observe(index.roots);
    onChange(records);
  }

  observer.observe(doc, OPTIONS);
  observe(index.roots);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      leave();
    },
    { once: true },
  );
}
