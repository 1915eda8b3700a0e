import { isTextField, pickTarget, proposeTargets, type Proposal } from '../../../engine/authoring/propose';
import type { CapturedAdvance } from '../../../engine/authoring/draft';
import type { TargetStrategy } from '../../../engine/schema';
import { isRendered } from '../../../engine/visibility';
import { AUTHOR_TOOLS_TEXT as T } from './strings';
import { el, type AuthorUi } from './ui';

/**
 * The element picker in one frame: the pointer or the keyboard (arrows: parent, first child, next,
 * previous; Enter picks; Esc stops) chooses an element, the panel lists its proposals with their
 * counts, and the author adds the ones ticked as a step. A click with Shift held goes to the page,
 * so an author can open a dropdown list and then pick one of its options.
 */
export interface PickerDeps {
  ui: AuthorUi;
  addStep(targets: TargetStrategy[], advance: CapturedAdvance, label: string | undefined): Promise<string>;
  stop(): void;
}

const parentOf = (node: Element): Element | null => node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
const firstChildOf = (node: Element): Element | null => node.shadowRoot?.firstElementChild ?? node.firstElementChild;

/** The element an event is really about, inside open shadow roots. */
export const deepTarget = (event: Event): Element | null => {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : null;
};

export function describe(target: TargetStrategy): string {
  let out =
    target.role !== undefined ? T.kind.role(target.role, target.name ?? '') :
    target.label !== undefined ? T.kind.label(target.label) :
    target.text !== undefined ? T.kind.text(target.text) : T.kind.css(target.css ?? '');
  if (target.within) out += T.within(target.within.role ?? '', target.within.name ?? target.within.label ?? target.within.text ?? target.within.css ?? '');
  if (target.nth !== undefined) out += T.nth(target.nth + 1);
  return out;
}

export function startPicker({ ui, addStep, stop }: PickerDeps): () => void {
  const lifetime = new AbortController();
  const on = { capture: true, signal: lifetime.signal };
  const notOurs = (node: Element) => node.getRootNode() !== ui.root && node !== ui.host && isRendered(node);
  let current: Element | null = null;
  let panel: HTMLElement | null = null;

  const point = (node: Element | null) => {
    current = node;
    ui.outline(node);
  };

  function closePanel() {
    panel?.remove();
    panel = null;
  }

  function showPanel(picked: Element) {
    closePanel();
    point(picked);
    const proposals: Proposal[] = proposeTargets(picked, { isVisible: notOurs });
    const status = el('p', {});
    status.setAttribute('role', 'status');
    const boxes: Array<[HTMLInputElement, Proposal]> = [];
    const list = el('ul', {});
    let ticked = 0;
    for (const proposal of proposals) {
      // Ticked at first: the strongest few that find this element alone.
      const box = el('input', { type: 'checkbox', checked: proposal.count === 1 && ticked < 3 });
      if (box.checked) ticked++;
      const count = el('span', { className: proposal.count === 1 ? 'count' : 'count many', textContent: T.matches(proposal.count) });
      list.append(el('li', {}, el('label', {}, box, el('span', {}, describe(proposal.target), count))));
      boxes.push([box, proposal]);
    }
    const add = el('button', { type: 'button', className: 'main', textContent: T.addToDraft });
    const again = el('button', { type: 'button', textContent: T.pickAgain });
    add.addEventListener('click', () => {
      const chosen = boxes.filter(([box]) => box.checked).map(([, p]) => p);
      if (!chosen.length) return;
      const label = chosen.map((p) => p.target.name ?? p.target.label ?? p.target.text).find(Boolean);
      void addStep(chosen.slice(0, 6).map((p) => p.target), isTextField(picked) ? 'input' : 'click', label).then((message) => {
        status.textContent = message;
        add.disabled = true;
      });
    });
    again.addEventListener('click', () => {
      closePanel();
      point(picked);
    });
    const heading = el('h2', { textContent: T.panelTitle, id: 'danbuoc-author-panel-title' });
    panel = el('section', { className: 'panel' }, heading, el('p', { textContent: proposals.length ? T.panelHint : T.noProposal }), list, add, again, status);
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', heading.id);
    ui.root.append(panel);
    (boxes[0]?.[0] ?? again).focus();
  }

  // The page does not see the clicks of a pick (Shift lets one through).
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick'] as const) {
    window.addEventListener(type, (event) => {
      if (ui.owns(event) || (event as MouseEvent).shiftKey) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const target = deepTarget(event);
      if (type === 'click' && target) showPanel(pickTarget(target));
    }, on);
  }
  window.addEventListener('pointermove', (event) => {
    if (panel || ui.owns(event)) return;
    const target = deepTarget(event);
    if (target) point(pickTarget(target));
  }, { ...on, passive: true });
  window.addEventListener('focusin', (event) => {
    if (!panel && !ui.owns(event)) point(deepTarget(event));
  }, on);
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (panel) {
        closePanel();
        point(current);
      } else stop();
      return;
    }
    if (panel || ui.owns(event)) return;
    const from = current ?? document.body;
    const moves: Record<string, () => Element | null> = {
      ArrowUp: () => parentOf(from),
      ArrowDown: () => firstChildOf(from),
      ArrowRight: () => from.nextElementSibling,
      ArrowLeft: () => from.previousElementSibling,
    };
    if (event.key in moves) {
      const next = moves[event.key]();
      if (next && next !== ui.host) point(next);
    } else if (event.key === 'Enter') {
      showPanel(from);
    } else return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }, on);

  return () => {
    lifetime.abort();
    closePanel();
    ui.outline(null);
  };
}
