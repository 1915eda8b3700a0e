import type { Role } from './schema';

/**
 * CSS that pre-selects the elements that may have a role; `roleOf` (engine/accessible-name.ts) then
 * confirms it (an `<a>` without href is not a link, a `<section>` without a name is not a region).
 */
const IMPLICIT: Partial<Record<Role, string>> = {
  banner: 'header',
  button: 'button,input[type=button],input[type=submit],input[type=reset],input[type=image],summary',
  cell: 'td',
  checkbox: 'input[type=checkbox]',
  columnheader: 'th',
  combobox: 'select,input[list]',
  dialog: 'dialog',
  form: 'form',
  heading: 'h1,h2,h3,h4,h5,h6',
  img: 'img',
  link: 'a[href],area[href]',
  list: 'ul,ol,menu',
  listbox: 'select,datalist',
  listitem: 'li',
  main: 'main',
  navigation: 'nav',
  option: 'option',
  radio: 'input[type=radio]',
  region: 'section',
  row: 'tr',
  searchbox: 'input[type=search]',
  status: 'output',
  table: 'table',
  textbox:
    'textarea,input:not([type]),input[type=text],input[type=email],input[type=tel],input[type=url],input[type=number]',
};

/** Elements that may have `role`: the explicit attribute naming it, or a tag that implies it. */
export function roleSelector(role: Role): string {
  const implicit = IMPLICIT[role];
  return implicit ? `[role~=${role}],${implicit}` : `[role~=${role}]`;
}

const INTERACTIVE = 'a[href],button,summary,label,[role=button],[role=link],[role=option],[role=menuitem],[role=tab]';

/** A text match inside a button or link is promoted to the control a citizen actually clicks. */
export function interactiveAncestor(el: Element): Element {
  return el.closest(INTERACTIVE) ?? el;
}

export const FORM_CONTROLS =
  'input:not([type=hidden]),textarea,select,[role=textbox],[role=searchbox],[role=combobox],[contenteditable=""],[contenteditable=true]';

/**
 * What `root.querySelectorAll(selector)` finds for the selector lists of this module (roleSelector,
 * FORM_CONTROLS), in no particular order. Under a document or an element, the parts that start with
 * a tag read the browser's cached tag collections instead of matching every element of the page
 * against every part; only the attribute parts ([role~=…]) still need a query.
 */
export function selectByTag(root: ParentNode, selector: string): Set<Element> {
  if (!('getElementsByTagName' in root)) return new Set(root.querySelectorAll(selector));
  const parts = selector.split(',');
  const attributes = parts.filter((part) => part[0] === '[').join();
  const out = new Set<Element>(attributes ? root.querySelectorAll(attributes) : []);
  for (const part of parts) {
    const tag = /^[a-z]\w*/.exec(part)?.[0];
    if (tag) for (const el of (root as Element).getElementsByTagName(tag)) if (part === tag || el.matches(part)) out.add(el);
  }
  return out;
}
