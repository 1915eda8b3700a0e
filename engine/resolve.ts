import { accessibleName, namedByText, roleOf } from './accessible-name';
import { FORM_CONTROLS, interactiveAncestor, roleSelector, selectByTag } from './roles';
import type { ScopeStrategy, Target, TargetStrategy } from './schema';
import { fold } from './text';
import { isInside, openShadowRoots, roleIndex } from './shadow-index';
import { isRendered, type VisibilityCheck } from './visibility';

export { openShadowRoots } from './shadow-index';

export interface ResolveOptions {
  isVisible?: VisibilityCheck;
}

export interface Resolution {
  element: Element | null;
  /** index of the strategy that found the element, -1 if none did */
  strategy: number;
  /** indices of strategies tried before one matched (or all of them) */
  failed: number[];
}

export function strategiesOf(target: Target): TargetStrategy[] {
  return Array.isArray(target) ? target : [target];
}

/** Tries a target's strategies in order and returns the first visible match. */
export function resolveTarget(target: Target, root: Document | Element, options: ResolveOptions = {}): Resolution {
  const isVisible = options.isVisible ?? isRendered;
  const shadows = openShadowRoots(root);
  const strategies = strategiesOf(target);
  const failed: number[] = [];
  for (let i = 0; i < strategies.length; i++) {
    const element = resolveStrategy(strategies[i], root, isVisible, shadows);
    if (element) return { element, strategy: i, failed };
    failed.push(i);
  }
  return { element: null, strategy: -1, failed };
}

export function resolveStrategy(
  strategy: TargetStrategy,
  root: Document | Element,
  isVisible: VisibilityCheck,
  shadows: ShadowRoot[] = openShadowRoots(root),
): Element | null {
  const scopes = strategy.within ? findAll(strategy.within, root, isVisible, shadows) : [root];
  const nth = strategy.nth ?? 0;
  for (const scope of scopes) {
    const matches = findAll(strategy, scope, isVisible, shadows);
    if (matches.length > nth) return matches[nth];
  }
  return null;
}

/** Every visible element any of a target's strategies matches (`within` honoured, `nth` ignored). */
export function findEvery(target: Target, root: Document | Element, isVisible: VisibilityCheck = isRendered): Element[] {
  const shadows = openShadowRoots(root);
  const out = new Set<Element>();
  for (const strategy of strategiesOf(target)) {
    const scopes = strategy.within ? findAll(strategy.within, root, isVisible, shadows) : [root];
    for (const scope of scopes) for (const el of findAll(strategy, scope, isVisible, shadows)) out.add(el);
  }
  return [...out];
}

/** Every visible element a strategy matches under `scope` (open shadow roots included), in document order. */
export function findAll(
  strategy: ScopeStrategy,
  scope: Document | Element,
  isVisible: VisibilityCheck,
  shadows: ShadowRoot[] = openShadowRoots(scope),
): Element[] {
  const roots: ParentNode[] = [scope, ...shadows.filter((shadow) => isInside(shadow.host, scope))];
  let found: Element[];
  if (strategy.css !== undefined) found = queryAll(roots, strategy.css);
  else if (strategy.role !== undefined) found = byRole(roots, strategy);
  else if (strategy.label !== undefined) found = byLabel(roots, strategy.label, strategy.partial);
  else if (strategy.text !== undefined) found = byText(roots, strategy.text, strategy.partial);
  else found = [];
  return [...new Set(found)].filter((el) => el !== scope && !el.closest(GUIDE_UI) && isVisible(el));
}

/** The guide's own popover and live region quote the page's words: never a step's target or condition. */
const GUIDE_UI = '.danbuoc-popover,.danbuoc-live';

/**
 * The elements our own selector lists select (by tag where the browser keeps tag collections) that
 * `keep` accepts, in document order within each root: only the few kept are put in order.
 */
function selectAll(roots: ParentNode[], selector: string, keep: (el: Element) => boolean): Element[] {
  const roled = roleIndex(((roots[0] as Node).ownerDocument ?? roots[0]) as Document);
  return roots.flatMap((root) => selectByTag(root, selector, keep, roled).sort((a, b) => (a.compareDocumentPosition(b) & 2 ? 1 : -1)));
}

function queryAll(roots: ParentNode[], selector: string): Element[] {
  const out: Element[] = [];
  for (const root of roots) {
    try {
      out.push(...root.querySelectorAll(selector));
    } catch {
      return [];
    }
  }
  return out;
}

const NAMING_ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder', 'value'] as const;
const NAMED = '[aria-label],[title],[alt],[placeholder],[value]';

/** The text of the elements aria-labelledby names. */
function labelledByText(el: Element): string {
  let out = '';
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return out;
  const root = el.getRootNode() as Document | ShadowRoot;
  for (const id of ids.split(/\s+/)) out += ` ${(id && root.getElementById?.(id)?.textContent) || ''}`;
  return out;
}

/**
 * Every text an accessible name can be built from: content, naming attributes (also on
 * descendants, for an icon's alt), aria-labelledby targets and <label>s. A name cannot contain what
 * these do not, so most candidates are ruled out without the costly name computation.
 */
function nameSources(el: Element): string {
  let out = el.textContent ?? '';
  const named = el.firstElementChild ? [...el.querySelectorAll(NAMED)] : [];
  if (el.matches(NAMED)) named.push(el);
  for (const node of named) for (const attr of NAMING_ATTRIBUTES) out += ` ${node.getAttribute(attr) ?? ''}`;
  out += labelledByText(el);
  const labels = (el as HTMLInputElement).labels;
  if (labels) for (const label of labels) out += ` ${label.textContent}`;
  return out;
}

/**
 * What a container's name can be built from: only what its author gave it (aria-label, title,
 * aria-labelledby, a table's caption), never the text inside it, which for a list of links is most
 * of the page around it. Labelable containers (a <select multiple>) are not read here.
 */
function authorSources(el: Element): string {
  let out = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`;
  out += labelledByText(el);
  if (el.localName === 'table') for (const child of el.children) if (child.localName === 'caption') out += ` ${child.textContent}`;
  return out;
}

/** An element whose name may come from more than its text: a naming attribute, aria-labelledby, an id a label's for= names. */
const SOURCED = `${NAMED},[aria-labelledby],[id]`;

/**
 * A test for one lookup of whether an element's accessible name, or else its own visible text, is
 * (partial: contains) `wanted`, folded: accname as written (and engine/accessible-name.ts) drops an
 * element's self-reference in aria-labelledby ("label-id own-id", common on portal dropdowns) where
 * browsers keep it, so the text a citizen sees on the control counts too. Containers are named by
 * their name only. `role`: the role every element tested has (byRole). Valid while the page does not
 * change: the folds of texts met, and whether a tree scope searched has a <label> without for=, are
 * kept for the lookup.
 */
function nameTest(roots: ParentNode[], wanted: string, partial?: boolean, role?: string): (el: Element) => boolean {
  const container = role !== undefined && CONTAINERS.has(role);
  const folds = new Map<string, string>();
  const folded = (text: string) => {
    let out = folds.get(text);
    if (out === undefined) folds.set(text, (out = fold(text)));
    return out;
  };
  // Whether a tree scope searched has a <label> without for= (one that names the control it holds).
  const holders = roots.some((root) => {
    const scope = (root as Node).getRootNode() as Document;
    const labels = scope.nodeType === 9 ? scope.getElementsByTagName('label') : scope.querySelectorAll('label');
    for (let i = 0; i < labels.length; i++) if (!labels[i].hasAttribute('for')) return true;
    // Outside a document or shadow root, `labels` is not worth guessing: read it.
    return scope.nodeType === 1;
  });
  const same = (candidate: string) => (partial ? candidate.includes(wanted) : candidate === wanted);
  return (el) => {
    const text = el.textContent ?? '';
    // Most candidates are a leaf with no other source than its text (no label holds them): its fold
    // rules it out, or in when that text counts or is its name too.
    if (!el.firstElementChild && !el.matches(SOURCED) && !(holders && el.closest('label'))) {
      const own = folded(text);
      if (!own.includes(wanted)) return false;
      // (What a <select> shows is its chosen option, not its text.)
      if ((!container && same(own) && !(el instanceof HTMLSelectElement)) || namedByText(el, role ?? roleOf(el))) return same(own);
    } else if (!folded(container && !('labels' in el) ? authorSources(el) : nameSources(el)).includes(wanted)) return false;
    const name = accessibleName(el);
    const shown = shownText(el);
    return same(folded(name)) || (!container && shown !== name && same(folded(shown)));
  };
}

/** What a citizen reads on the element: a closed <select> shows its chosen option, not every option. */
function shownText(el: Element): string {
  return el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : (el.textContent ?? '');
}

/** Named by their author (aria-label, a heading), never by all the text inside them. */
const CONTAINERS = new Set(['dialog', 'form', 'region', 'list', 'listbox', 'table', 'main', 'navigation', 'banner', 'tabpanel']);

function byRole(roots: ParentNode[], strategy: ScopeStrategy): Element[] {
  const role = strategy.role!;
  const named = strategy.name !== undefined && nameTest(roots, fold(strategy.name), strategy.partial, role);
  return selectAll(roots, roleSelector(role), (el) => roleOf(el) === role && (!named || named(el)));
}

function byLabel(roots: ParentNode[], label: string, partial?: boolean): Element[] {
  const wanted = fold(label);
  const named = nameTest(roots, wanted, partial);
  return selectAll(roots, FORM_CONTROLS, (el) => {
    if (named(el)) return true;
    const placeholder = fold(el.getAttribute('placeholder') ?? '');
    return partial ? placeholder.includes(wanted) : placeholder === wanted;
  });
}

const SKIPPED_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Finds the deepest elements whose visible text equals (or, when partial, contains) the wanted text.
 * Starts from text nodes so a 10,000-node page costs one pass, then climbs to the element that
 * holds the whole phrase (it may be split across <b>, <span>…).
 */
function byText(roots: ParentNode[], text: string, partial?: boolean): Element[] {
  const wanted = fold(text);
  if (!wanted) return [];
  const matched = new Set<Element>();
  for (const root of roots) {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || SKIPPED_TEXT_PARENTS.has(parent.tagName)) continue;
      const own = fold(node.nodeValue ?? '');
      if (!own) continue;
      if (own.includes(wanted)) {
        if (partial || own === wanted) matched.add(interactiveAncestor(parent));
        continue;
      }
      if (!wanted.includes(own)) continue;
      // A fragment of the phrase: climb while the ancestor's text is still short enough to be it.
      const limit = partial ? wanted.length + 80 : wanted.length;
      for (let el: Element | null = parent; el; el = el.parentElement) {
        const whole = fold(el.textContent ?? '');
        if (whole.length > limit) break;
        if (partial ? whole.includes(wanted) : whole === wanted) {
          matched.add(interactiveAncestor(el));
          break;
        }
      }
    }
  }
  return [...matched];
}
