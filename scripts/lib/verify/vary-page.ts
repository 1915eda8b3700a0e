import { churnClass, GENERATED_CLASS, hashOf, restyle, reword, shuffled, type LabelKind } from './vary-words';

/**
 * Runs in every frame of a `tours:verify --vary` replay, before the replica's own script (an init
 * script): watches the DOM the page builds and changes it the way a redesign of the portal would.
 * Configured by `window.__danbuocVary = { changes, seed }` (see variants.ts).
 */
export type Change = 'reword' | 'restyle' | 'wrappers' | 'shuffle' | 'late' | 'choosers' | 'classes';

interface VaryConfig {
  changes: Change[];
  seed: number;
}

const config = (window as unknown as { __danbuocVary?: VaryConfig }).__danbuocVary;
if (config) install(config);

function install({ changes, seed }: VaryConfig): void {
  const on = new Set(changes);
  const done = new WeakMap<Node, string>();
  const NAMING = ['aria-label', 'placeholder', 'title'];
  const OPTIONS: MutationObserverInit = { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...NAMING, 'class', 'disabled'] };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        record.addedNodes.forEach((node) => visit(node, true));
        if (on.has('shuffle') && record.addedNodes.length) shuffle(record.target);
      } else if (record.type === 'characterData') visitText(record.target as Text);
      else if (record.type === 'attributes') visitAttribute(record.target as Element, record.attributeName!);
    }
    // What this callback changed is not the page's doing: drop those records.
    observer.takeRecords();
  });
  observer.observe(document, OPTIONS);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    observer.observe(root, OPTIONS);
    return root;
  };

  function visit(node: Node, added: boolean): void {
    if (node.nodeType === Node.TEXT_NODE) return visitText(node as Text);
    if (!(node instanceof Element)) return;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    const elements: Element[] = [];
    for (let n: Node | null = node; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) visitText(n as Text);
      else elements.push(n as Element);
    }
    for (const el of elements) {
      for (const attr of NAMING) visitAttribute(el, attr);
      visitAttribute(el, 'class');
      if (on.has('choosers')) swapChooser(el);
      if (on.has('wrappers')) wrap(el);
      if (on.has('shuffle')) shuffle(el);
    }
    if (added && on.has('late')) delay(node);
  }

  function labelKind(el: Element | null): LabelKind | null {
    const owner = el?.closest('label,button,a,[role=tab],[role=button],h1,h2,h3,h4,h5,h6,legend,th');
    if (!owner) return null;
    if (owner.matches('label,legend,th')) return 'label';
    return owner.matches('h1,h2,h3,h4,h5,h6') ? 'heading' : 'action';
  }

  function changeText(value: string, kind: LabelKind | null): string {
    let out = value;
    if (on.has('reword')) out = reword(out, seed);
    if (on.has('restyle') && kind && out.trim().length < 60) out = restyle(out, kind, seed);
    return out;
  }

  function visitText(text: Text): void {
    const parent = text.parentElement;
    if (!parent || parent.closest('script,style,option') || done.get(text) === text.data) return;
    const out = changeText(text.data, labelKind(parent));
    if (out !== text.data) text.data = out;
    done.set(text, out);
  }

  function visitAttribute(el: Element, attr: string): void {
    const value = el.getAttribute(attr);
    if (value === null) return;
    if (attr === 'class') {
      if (!on.has('classes')) return;
      const out = value.split(/\s+/).map((c) => churnClass(c, seed)).join(' ');
      if (out !== value) el.setAttribute('class', out);
      return;
    }
    if (attr === 'disabled') return mirrorDisabled(el);
    const key = `${attr}=${value}`;
    if ((done.get(el) ?? '').includes(`\n${key}\n`)) return;
    const out = changeText(value, attr === 'placeholder' ? 'label' : el.matches('input,select,textarea') ? null : 'action');
    if (out !== value) el.setAttribute(attr, out);
    done.set(el, `${done.get(el) ?? '\n'}${attr}=${out}\n`);
  }

  // ---------- classes: the stylesheets follow the renamed classes ----------
  if (on.has('classes')) {
    const rename = (css: string) => css.replace(/\.(-?[_a-zA-Z][\w-]*)/g, (all, name: string) => (GENERATED_CLASS.test(name) ? `.${churnClass(name, seed)}` : all));
    const textContent = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
    Object.defineProperty(HTMLStyleElement.prototype, 'textContent', {
      configurable: true,
      get() { return textContent.get!.call(this); },
      set(value: string) { textContent.set!.call(this, rename(String(value))); },
    });
  }

  // ---------- wrappers: a container around controls, a span around label words ----------
  const WRAPPED = 'button,a[href],input:not([type=hidden]),select,textarea,h1,h2,h3,h4,h5,h6,table';
  function wrap(el: Element): void {
    if (done.has(el) && done.get(el)!.includes('\nwrapped\n')) return;
    done.set(el, `${done.get(el) ?? '\n'}wrapped\n`);
    if (el.matches('button,a[href],label,h1,h2,h3,h4,h5,h6')) splitWords(el);
    if (!el.matches(WRAPPED) || !el.parentNode || el.parentElement?.matches('[data-danbuoc-vary]')) return;
    const focused = document.activeElement;
    const box = document.createElement(el.closest('label,button,a,p,h1,h2,h3,h4,h5,h6') || el.matches('a,button') ? 'span' : 'div');
    box.setAttribute('data-danbuoc-vary', '');
    box.style.display = 'contents';
    el.replaceWith(box);
    box.append(el);
    if (focused instanceof HTMLElement && focused !== document.activeElement) focused.focus({ preventScroll: true });
  }
  /** "Xác nhận chia sẻ" → <span>Xác nhận</span> <span>chia sẻ</span>: the phrase no longer sits in one text node. */
  function splitWords(el: Element): void {
    const text = [...el.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && (n as Text).data.trim().split(/\s+/).length > 1);
    if (!text) return;
    const words = text.data.trim().split(/\s+/);
    const cut = Math.ceil(words.length / 2);
    const first = document.createElement('span');
    const second = document.createElement('span');
    first.textContent = words.slice(0, cut).join(' ');
    second.textContent = words.slice(cut).join(' ');
    text.replaceWith(first, ' ', second);
    // Already reworded as a whole: the halves are not changed again.
    for (const half of [first.firstChild!, second.firstChild!]) done.set(half, (half as Text).data);
  }

  // ---------- shuffle: siblings whose order carries no meaning ----------
  function shuffle(node: Node): void {
    if (!(node instanceof Element)) return;
    const kids = [...node.children];
    if (kids.length < 2) return;
    const unordered =
      (node.matches('ul,[role=listbox],[role=tablist],[role=menu]') && kids.every((k) => k.matches('li,[role=option],[role=tab],[role=menuitem]'))) ||
      (kids.every((k) => k.matches('button,a[href],[data-danbuoc-vary]')) && kids.some((k) => k.matches('button')));
    if (!unordered) return;
    const order = shuffled(kids, hashOf(`${seed}:${node.textContent}`));
    if (order.every((k, i) => k === kids[i])) order.reverse();
    const focused = document.activeElement;
    node.append(...order);
    if (focused instanceof HTMLElement && focused !== document.activeElement) focused.focus({ preventScroll: true });
  }

  // ---------- late rendering: what the page adds shows up a moment later ----------
  function delay(node: Node): void {
    if (!(node instanceof HTMLElement) || node.matches('style,script,link,meta,head,body,html')) return;
    const ms = 300 + (hashOf(`${seed}:${node.tagName}:${node.textContent?.slice(0, 40)}`) % 1200);
    const before = node.style.getPropertyValue('display');
    const priority = node.style.getPropertyPriority('display');
    node.style.setProperty('display', 'none', 'important');
    setTimeout(() => {
      if (before) node.style.setProperty('display', before, priority);
      else node.style.removeProperty('display');
    }, ms);
  }

  // ---------- choosers: a listbox button becomes a native <select>, and a native <select> a listbox button ----------
  const twins = new WeakMap<Element, Element>();
  function mirrorDisabled(el: Element): void {
    const twin = twins.get(el);
    if (twin) (twin as HTMLButtonElement).disabled = el.hasAttribute('disabled');
  }
  function swapChooser(el: Element): void {
    if (twins.has(el) || el.closest('[data-danbuoc-vary-panel]')) return;
    // A listbox button, or an Angular mat-select (a non-input element with role=combobox that opens a listbox).
    if (el.matches('button[aria-haspopup=listbox],[role=combobox][aria-haspopup=listbox]:not(input)') && !el.closest('[role=dialog],dialog')) toNativeSelect(el as HTMLButtonElement);
    else if (el.matches('select:not([multiple]):not([size])')) toListboxButton(el as HTMLSelectElement);
  }
  function optionsOf(list: Element | null): HTMLElement[] {
    return list ? ([...list.querySelectorAll('[role=option]')] as HTMLElement[]) : [];
  }
  /** Opens the page's own listbox (hidden from the citizen), runs `use` on its options, closes it. */
  function withListbox(button: HTMLButtonElement, use: (options: HTMLElement[]) => void): void {
    const before = new Set(document.querySelectorAll('[role=listbox]'));
    button.click();
    const list = [...document.querySelectorAll('[role=listbox]')].find((l) => !before.has(l)) ?? null;
    use(optionsOf(list));
    if (list?.isConnected) document.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  }
  function toNativeSelect(button: HTMLButtonElement): void {
    const select = document.createElement('select');
    twins.set(button, select);
    twins.set(select, button);
    const placeholder = document.createElement('option');
    placeholder.value = '';
    placeholder.textContent = button.textContent?.trim() ?? '';
    select.append(placeholder);
    if (!button.disabled && button.getAttribute('aria-disabled') !== 'true') {
      withListbox(button, (options) => {
        for (const option of options) select.append(new Option(option.textContent ?? '', option.textContent ?? ''));
      });
    }
    select.disabled = button.disabled || button.getAttribute('aria-disabled') === 'true';
    // The label that named the button names the select.
    const id = button.id;
    button.removeAttribute('id');
    if (id) select.id = id;
    const labelIds = (button.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter((x) => x && x !== id);
    if (labelIds.length && !document.querySelector(`label[for="${CSS.escape(id)}"]`)) select.setAttribute('aria-labelledby', labelIds.join(' '));
    select.addEventListener('change', () => {
      const wanted = select.value;
      withListbox(button, (options) => {
        const option = options.find((o) => o.textContent === wanted);
        option?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 0 }));
        option?.click();
      });
    });
    button.style.setProperty('display', 'none', 'important');
    button.after(select);
  }
  function toListboxButton(select: HTMLSelectElement): void {
    const button = document.createElement('button');
    twins.set(select, button);
    twins.set(button, select);
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'listbox');
    button.setAttribute('aria-expanded', 'false');
    const label = select.labels?.[0];
    if (label) {
      label.id ||= `${select.id || 'chon'}-nhan`;
      button.id = `${select.id || 'chon'}-nut`;
      button.setAttribute('aria-labelledby', `${label.id} ${button.id}`);
      label.htmlFor = button.id;
    }
    const show = () => (button.textContent = select.selectedOptions[0]?.textContent ?? '');
    show();
    button.disabled = select.disabled;
    button.addEventListener('click', () => {
      document.querySelector('[data-danbuoc-vary-panel]')?.remove();
      const panel = document.createElement('div');
      panel.setAttribute('data-danbuoc-vary-panel', '');
      panel.setAttribute('role', 'dialog');
      panel.setAttribute('aria-label', label?.textContent?.trim() || 'Chọn');
      const rect = button.getBoundingClientRect();
      panel.style.cssText = `position:absolute;z-index:200;background:#fff;border:1px solid #888;padding:4px;top:${rect.bottom + scrollY}px;left:${rect.left + scrollX}px;min-width:${Math.max(rect.width, 200)}px`;
      const list = document.createElement('ul');
      list.setAttribute('role', 'listbox');
      list.style.cssText = 'list-style:none;margin:0;padding:0';
      for (const option of [...select.options].filter((o) => o.value !== '')) {
        const item = document.createElement('li');
        item.setAttribute('role', 'option');
        item.textContent = option.textContent;
        item.style.cssText = 'padding:6px 10px;cursor:pointer';
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          select.value = option.value;
          select.dispatchEvent(new Event('input', { bubbles: true }));
          select.dispatchEvent(new Event('change', { bubbles: true }));
          show();
          panel.remove();
          button.setAttribute('aria-expanded', 'false');
          button.focus();
        });
        list.append(item);
      }
      panel.append(list);
      document.body.append(panel);
      button.setAttribute('aria-expanded', 'true');
    });
    select.style.setProperty('display', 'none', 'important');
    select.after(button);
  }
}
