import { FORM_CONTROLS, roleSelector } from './roles';
import type { ScopeStrategy, Target } from './schema';
import { fold } from './text';

/**
 * Whether a batch of DOM mutations could have made a target appear. A page that changes every frame
 * (a clock, a live table) mostly changes things that cannot be the target: those batches are
 * rejected with cheap checks on the changed nodes only (a selector test on the added subtree, a
 * folded-text test on the changed text), and the full lookup runs only for batches that could
 * matter. When unsure it says yes: a needless lookup costs time, a missed one strands the citizen.
 */
/** A batch of more records than this is accepted without being read. */
export const MAX_RECORDS = 400;
/** An element with more text than this is accepted without its text being folded. */
export const MAX_TEXT = 20_000;
const STYLE_TAGS = new Set(['STYLE', 'LINK']);

interface Needle {
  selector?: string;
  /** folded name, label or text the target must show */
  words?: string;
  /** css with sibling combinators: a change beside the target can complete the match */
  adjacent?: boolean;
}

function needleOf(strategy: ScopeStrategy): Needle {
  if (strategy.css !== undefined) return { selector: strategy.css, adjacent: /[+~]/.test(strategy.css) };
  if (strategy.role !== undefined) {
    return { selector: roleSelector(strategy.role), words: strategy.name ? fold(strategy.name) : undefined };
  }
  if (strategy.label !== undefined) return { selector: FORM_CONTROLS, words: fold(strategy.label) };
  // Stryker disable next-line StringLiteral: the schema gives a strategy exactly one kind, so text is set here
  return { words: fold(strategy.text ?? '') };
}

function needlesOf(target: Target): Needle[] {
  const strategies = Array.isArray(target) ? target : [target];
  return strategies.flatMap((s) => (s.within ? [needleOf(s), needleOf(s.within)] : [needleOf(s)]));
}

/** Text that is, contains, or is a fragment of the wanted words (a phrase split across <b>, <span>). */
function textMatters(own: string, words: string): boolean {
  return own.length > 0 && (own.includes(words) || words.includes(own));
}

function selectorIn(el: Element, selector: string): boolean {
  try {
    return el.matches(selector) || el.querySelector(selector) !== null;
  } catch {
    return true;
  }
}

/**
 * Controls whose name may come from elsewhere in the page (aria-labelledby, <label for=id>), or from
 * an attribute inside them (an icon's aria-label, an image's alt), which only the element's own
 * attributes are folded for.
 */
const NAMED_ELSEWHERE = '[aria-labelledby],[id],[aria-label],[title],[alt]';

/** An element's folded text and naming attributes, read once however many needles test it. */
interface Folded {
  text: string;
  attributes: string;
  long: boolean;
}

function foldedOf(el: Element): Folded {
  // Stryker disable next-line StringLiteral: an element's textContent is never null
  const text = el.textContent ?? '';
  // Stryker disable next-line StringLiteral: a long text is accepted before its folded text is read
  return { text: text.length > MAX_TEXT ? '' : fold(text), attributes: fold(attributeText(el)), long: text.length > MAX_TEXT };
}

function elementMatters(el: Element, needle: Needle, folded: () => Folded): boolean {
  if (STYLE_TAGS.has(el.tagName)) return true;
  if (!needle.words) return needle.selector === undefined || selectorIn(el, needle.selector);
  const { text, attributes, long } = folded();
  if (long || textMatters(text, needle.words) || textMatters(attributes, needle.words)) return true;
  return needle.selector !== undefined && selectorIn(el, needle.selector) && selectorIn(el, NAMED_ELSEWHERE);
}

function attributeText(el: Element): string {
  let out = '';
  for (const name of ['aria-label', 'title', 'placeholder', 'value', 'alt']) out += ` ${el.getAttribute(name) ?? ''}`;
  return out;
}

/**
 * A childList record on an element that has no element child now added text at most (a ticking
 * cell): its watchers read the element, not the record's node lists. On a page that changes every
 * frame, most of the cost of a record is the first touch of its NodeLists and nodes from the content
 * script's world, not what is done with them.
 */
export function gainedTextOnly(record: MutationRecord): boolean {
  const target = record.target;
  return target instanceof Element && !target.firstElementChild;
}

/**
 * NodeList.some, by index: a for…of or a spread over a NodeList costs several times as much, and it
 * runs on every record of every batch of a page that changes every frame.
 */
function anyNode(nodes: NodeList, test: (node: Node) => boolean): boolean {
  for (let i = 0; i < nodes.length; i++) if (test(nodes[i])) return true;
  return false;
}

function mutationsMayMatter(needles: readonly Needle[], records: readonly MutationRecord[]): boolean {
  if (records.length > MAX_RECORDS || needles.some((needle) => needle.adjacent)) return true;
  const wordy = needles.some((needle) => needle.words !== undefined);
  const matters = (node: Node): boolean => {
    // A class, style or hidden change can show an element that was there all along.
    if (node instanceof Element) {
      let folded: Folded | undefined;
      return needles.some((needle) => elementMatters(node, needle, () => (folded ??= foldedOf(node))));
    }
    // Text is folded once per node, not once per needle, and not at all when no needle has words.
    // Stryker disable next-line ConditionalExpression: a shortcut; with no worded needle the test below is false anyway
    return wordy && textOfMatters(node.nodeValue ?? '');
  };
  const textOfMatters = (raw: string) => {
    const text = fold(raw);
    return needles.some((needle) => needle.words !== undefined && textMatters(text, needle.words));
  };
  return records.some((record) => {
    if (record.type !== 'childList') return matters(record.target);
    if (!gainedTextOnly(record)) return anyNode(record.addedNodes, matters);
    // The whole text of the element: a superset of what was added.
    return wordy && textOfMatters((record.target as Element).textContent ?? '');
  });
}

/** The same needle twice (two error watches on {role: "alert"}) is tested once. */
function distinct(needles: Needle[]): Needle[] {
  const seen = new Set<string>();
  return needles.filter((needle) => {
    const key = `${needle.selector}\u0000${needle.words}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** The relevance test for a lookup of any of these targets (a step's target and its skipIf, say). */
export function mayMatterFor(...targets: Array<Target | undefined>): (records: readonly MutationRecord[]) => boolean {
  const needles = distinct(targets.flatMap((t) => (t ? needlesOf(t) : [])));
  return (records) => mutationsMayMatter(needles, records);
}

/**
 * A watcher of elements that match `selector` (the portal's own messages): changes at, in or around
 * one. A childList record is judged at its target, whose subtree holds the added nodes.
 */
export function selectorMayMatter(selector: string): (records: readonly MutationRecord[]) => boolean {
  const isStyle = (node: Node) => node instanceof Element && STYLE_TAGS.has(node.tagName);
  return (records) => {
    if (records.length > MAX_RECORDS) return true;
    // A page changing every frame sends dozens of records under the same ancestors: each element is
    // tested once per batch, and a climb stops at an ancestor already known not to match.
    const searched = new Set<Element>();
    const clearUpwards = new Set<Element>();
    const near = (node: Node | null): boolean => {
      // Stryker disable next-line OptionalChaining: a record always has a target
      const el = node instanceof Element ? node : node?.parentElement;
      if (!el) return false;
      if (STYLE_TAGS.has(el.tagName)) return true;
      if (!searched.has(el)) {
        searched.add(el);
        if (el.firstElementChild && el.querySelector(selector)) return true;
      }
      for (let at: Element | null = el; at && !clearUpwards.has(at); at = at.parentElement) {
        if (at.matches(selector)) return true;
        clearUpwards.add(at);
      }
      return false;
    };
    return records.some((r) => {
      if (r.type !== 'childList' || gainedTextOnly(r)) return near(r.target);
      return r.addedNodes.length > 0 && (anyNode(r.addedNodes, isStyle) || near(r.target));
    });
  };
}

/**
 * A watcher of one element that may vanish: it left the document, or an attribute changed on it or
 * on an ancestor (class, style, hidden), or a stylesheet came or went. Rows coming and going
 * elsewhere do not count.
 */
export function removalMayMatter(element: Element): (records: readonly MutationRecord[]) => boolean {
  const isStyle = (node: Node) => node instanceof Element && STYLE_TAGS.has(node.tagName);
  return (records) =>
    records.length > MAX_RECORDS ||
    records.some((r) => {
      if (r.type === 'childList') return (r.removedNodes.length > 0 && !element.isConnected) || anyNode(r.addedNodes, isStyle) || anyNode(r.removedNodes, isStyle);
      return r.type === 'attributes' && (r.target === element || r.target.contains(element) || isStyle(r.target));
    });
}

/** What could flip a condition: its target appearing, or (for `absent`) anything leaving or hiding. */
export function conditionMayMatter(condition: { present?: Target; absent?: Target; url?: string }): (records: readonly MutationRecord[]) => boolean {
  if (condition.present) return mayMatterFor(condition.present);
  if (condition.absent) {
    const appears = mayMatterFor(condition.absent);
    return (records) => records.some((r) => r.removedNodes.length > 0 || r.type === 'attributes') || appears(records);
  }
  return () => true;
}
