import { OVERLAY_TEXT as T } from './strings';

/**
 * Our own popover element, built once per overlay: engine/spotlight.ts only dims the page around the target.
 * Everything goes in through textContent. The overlay keeps these exact button elements and acts
 * only on a click whose target is one of them (see overlay.ts).
 */
export interface OverlayButton {
  label: string;
  onClick: () => void;
}

export interface PopoverText {
  title?: string;
  text: string;
  /** shown above everything else: "Bản nháp — chưa kiểm duyệt" on an unreviewed tour */
  badge?: string;
  hint?: string;
  /** an error the page just showed, explained; announced at once */
  alert?: string;
  progress?: string;
  /** the step's actions, main one first */
  actions?: OverlayButton[];
}

export interface PopoverDom {
  root: HTMLElement;
  heading: HTMLHeadingElement;
  body: HTMLElement;
  progress: HTMLElement;
  actions: HTMLElement;
  read: HTMLButtonElement;
  minimise: HTMLButtonElement;
  close: HTMLButtonElement;
}

export const POPOVER_CLASS = 'danbuoc-popover';
let nextId = 0;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

export function button(className: string, text: string): HTMLButtonElement {
  const b = element('button', className, text);
  b.type = 'button';
  return b;
}

/** Heading first, "×" last in the DOM so that it comes last in the Tab order (CSS puts it top right). */
export function createPopoverDom(): PopoverDom {
  const id = `danbuoc-title-${++nextId}`;
  const root = element('section', POPOVER_CLASS);
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-labelledby', id);
  const heading = element('h2', 'danbuoc-title');
  heading.id = id;
  heading.tabIndex = -1;
  const body = element('div', 'danbuoc-body');
  const footer = element('div', 'danbuoc-footer');
  footer.setAttribute('role', 'group');
  footer.setAttribute('aria-label', T.navigation);
  const progress = element('span', 'danbuoc-progress');
  const actions = element('span', 'danbuoc-actions');
  const read = button('danbuoc-read', T.read);
  read.setAttribute('aria-label', T.readName);
  const minimise = button('danbuoc-minimise', T.minimise);
  const close = button('danbuoc-close', '×');
  close.setAttribute('aria-label', T.close);
  close.title = T.close;
  footer.append(progress, actions);
  root.append(heading, body, footer, read, minimise, close);
  return { root, heading, body, progress, actions, read, minimise, close };
}

function paragraph(className: string, text: string, role?: string): HTMLParagraphElement {
  const p = element('p', className, text);
  if (role) p.setAttribute('role', role);
  return p;
}

/**
 * Fills the popover. The action buttons stay the same elements while their labels do not change
 * (nothing returned): a redraw between a citizen's press and release must not swallow the click.
 * New buttons are returned to be wired.
 */
export function fillPopover(dom: PopoverDom, view: PopoverText, lang: string): HTMLButtonElement[] | undefined {
  dom.heading.textContent = view.title || T.guide;
  dom.body.replaceChildren(
    ...(view.badge ? [paragraph('danbuoc-badge', view.badge)] : []),
    ...(view.alert ? [paragraph('danbuoc-alert', view.alert, 'alert')] : []),
    paragraph('danbuoc-say', view.text),
    ...(view.hint ? [paragraph('danbuoc-hint', view.hint)] : []),
  );
  dom.progress.textContent = view.progress ?? '';
  dom.progress.hidden = !view.progress;
  dom.root.lang = lang;
  const labels = (view.actions ?? []).map((action) => action.label);
  const kept = [...dom.actions.children] as HTMLButtonElement[];
  if (kept.map((b) => b.textContent).join('\n') === labels.join('\n')) return;
  const buttons = labels.map((label, i) => button(i ? 'danbuoc-other' : 'danbuoc-main', label));
  dom.actions.replaceChildren(...buttons);
  return buttons;
}

/** What "🔊 Đọc" reads: what is on screen, in the order shown. */
export function textToRead(view: PopoverText): string {
  return [view.badge, view.title, view.alert, view.text, view.hint].filter(Boolean).join('. ').replace(/\.\s*\./g, '.');
}
