import { IMPLICIT_BY_TAG, INPUT_ROLES } from './accessible-name';
import type { Role } from './schema';

/**
 * CSS that pre-selects the elements that may have a role: the explicit attribute naming it, or a tag
 * that may imply it (engine/accessible-name.ts's table). `roleOf` then confirms it (an `<a>` without
 * href is not a link, an `<input type=text>` is not a button).
 */
const SPECIAL: Partial<Record<Role, string>> = { link: 'a,area', img: 'img', combobox: 'select,input', listbox: 'select', region: 'section' };

export function roleSelector(role: Role): string {
  const tags = Object.keys(IMPLICIT_BY_TAG).filter((tag) => IMPLICIT_BY_TAG[tag] === role);
  const special = SPECIAL[role] ?? (Object.values(INPUT_ROLES).includes(role) ? 'input' : '');
  return [`[role~=${role}]`, ...tags, ...(special ? [special] : [])].join();
}

const INTERACTIVE = 'a[href],button,summary,label,[role=button],[role=link],[role=option],[role=menuitem],[role=tab]';

/** A text match inside a button or link is promoted to the control a citizen actually clicks. */
export function interactiveAncestor(el: Element): Element {
  return el.closest(INTERACTIVE) ?? el;
}

export const FORM_CONTROLS =
  'input:not([type=hidden]),textarea,select,[role=textbox],[role=searchbox],[role=combobox],[contenteditable=""],[contenteditable=true]';

/** Each role index's size when its disconnected elements were last dropped. */
const pruned = new WeakMap<Set<Element>, number>();

/**
 * The elements `root.querySelectorAll(selector)` finds for the selector lists of this module
 * (roleSelector, FORM_CONTROLS) that `keep` accepts, each tried once, in no particular order. Under a
 * document or an element, the parts that start with a tag read the browser's cached tag collections
 * instead of matching every element of the page against every part; a lone [role…] part reads
 * `roled`, the live index of elements with a role attribute, when a deep observer keeps one.
 */
export function selectByTag(root: ParentNode, selector: string, keep: (el: Element) => boolean, roled?: Set<Element>): Element[] {
  if (!('getElementsByTagName' in root)) return [...root.querySelectorAll(selector)].filter(keep);
  const { attributes, tagged } = partsOf(selector);
  const out: Element[] = [];
  // Elements the [attribute…] parts select: a tagged part may select them again.
  const seen = new Set<Element>();
  if (roled && /^\[role[^,]*$/.test(attributes)) {
    // isConnected costs more than matches: asked of the elements that match, and of all only when the index has doubled.
    if (roled.size > 2 * (pruned.get(roled) ?? 0)) {
      for (const el of roled) if (!el.isConnected) roled.delete(el);
      pruned.set(roled, roled.size);
    }
    for (const el of roled) {
      if (el === root || !el.matches(attributes)) continue;
      if (!el.isConnected) roled.delete(el);
      else if (root.nodeType === 9 ? el.getRootNode() === root : (root as Element).contains(el)) seen.add(el);
    }
  } else if (attributes) for (const el of root.querySelectorAll(attributes)) seen.add(el);
  for (const el of seen) if (keep(el)) out.push(el);
  for (const [tag, part] of tagged) {
    // Indexed: iterating a live HTMLCollection with for…of costs about 6× as much.
    const els = (root as Element).getElementsByTagName(tag);
    for (let i = 0, n = els.length; i < n; i++) {
      const el = els[i];
      if ((part === tag || el.matches(part)) && !(seen.size && seen.has(el)) && keep(el)) out.push(el);
    }
  }
  return out;
}

/** A selector list split once: its [attribute…] parts joined, and each part that starts with a tag (each tag named once in our lists, or an element would be found twice: tests/unit/resolve.test.ts). */
const compiled = new Map<string, { attributes: string; tagged: Array<[string, string]> }>();
function partsOf(selector: string) {
  let parts = compiled.get(selector);
  if (!parts) {
    const list = selector.split(',');
    const tagged = list.flatMap((part): Array<[string, string]> => {
      const tag = /^[a-z]\w*/.exec(part)?.[0];
      return tag ? [[tag, part]] : [];
    });
    parts = { attributes: list.filter((part) => part[0] === '[').join(), tagged };
    compiled.set(selector, parts);
  }
  return parts;
}
