import { accessibleName, roleOf } from '../accessible-name';
import { findAll, resolveStrategy } from '../resolve';
import { FORM_CONTROLS } from '../roles';
import type { Role, ScopeStrategy, TargetStrategy } from '../schema';
import { openShadowRoots } from '../shadow-index';
import { refusedCharactersMessage } from '../text-hygiene';
import { isRendered, type VisibilityCheck } from '../visibility';
import { isStableIdentifier, stableClasses } from './stable-names';

/**
 * Target proposals for an element an author picked, in robustness order (what a person sees first,
 * CSS last): role + accessible name, label or placeholder, visible text, a stable id, a stable
 * `name` attribute, then CSS from stable attributes and classes only. Every proposal is a
 * `TargetStrategy` the resolver runs as is, and is counted with the resolver on the page as it is
 * now. An ambiguous proposal is preceded by a variant that finds exactly this element: `within` a
 * named dialog, form, region… around it, else `nth`.
 */
export type ProposalKind = 'role' | 'label' | 'text' | 'id' | 'name' | 'css';

export interface Proposal {
  kind: ProposalKind;
  target: TargetStrategy;
  /** how many elements the resolver can find with it now: every match, or 1 for an `nth` that finds the element */
  count: number;
}

export interface ProposeOptions {
  isVisible?: VisibilityCheck;
}

/** Roles of the landmarks and containers an ambiguous target can be scoped to, when they have a name. */
const SCOPE_ROLES: readonly Role[] = ['dialog', 'form', 'region', 'navigation', 'main', 'listbox', 'tabpanel', 'table', 'list', 'banner'];

/**
 * The roles a tour may name (the schema's ROLES, copied so the author script does not carry zod;
 * tests/unit/propose.test.ts keeps the two lists equal).
 */
export const TOUR_ROLES: readonly Role[] = [
  'alert', 'banner', 'button', 'cell', 'checkbox', 'columnheader', 'combobox', 'dialog', 'form',
  'heading', 'img', 'link', 'list', 'listbox', 'listitem', 'main', 'menuitem', 'navigation', 'option',
  'radio', 'region', 'row', 'searchbox', 'status', 'tab', 'table', 'tabpanel', 'textbox',
];
const ROLE_SET = new Set<string>(TOUR_ROLES);
const MAX_TEXT = 200;
const MAX_NTH = 50;
const MAX_CSS = 300;

/** Controls a click inside lands on: a click on the icon in a button picks the button. */
const PICKABLE =
  'a[href],button,summary,input,select,textarea,[role=button],[role=link],[role=option],[role=menuitem],[role=tab],[role=checkbox],[role=radio],[role=combobox],[role=textbox],[role=searchbox]';

const TEXT_FIELD =
  'textarea,input:not([type]),input[type=text],input[type=email],input[type=tel],input[type=number],input[type=password],input[type=search],input[type=url],[role=textbox],[role=searchbox],[contenteditable=""],[contenteditable=true]';

/** A field the citizen types into: its step advances on `input` (filled), not on a click. */
export const isTextField = (el: Element) => el.matches(TEXT_FIELD);

/** The element a pick or a click on `el` is about: the control around it, else `el` itself. */
export function pickTarget(el: Element): Element {
  return el.closest(PICKABLE) ?? el;
}

/** Text fit for a tour's name/label/text: one line, visible characters, at most 200 characters. */
export function cleanText(raw: string | null | undefined): string | undefined {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!text || text.length > MAX_TEXT || refusedCharactersMessage(text) || /<\s*[a-z!/]/i.test(text)) return undefined;
  return text;
}

const IDENT = /^-?[A-Za-z_][A-Za-z0-9_-]*$/;
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

export function proposeTargets(el: Element, options: ProposeOptions = {}): Proposal[] {
  const doc = el.ownerDocument;
  const isVisible = options.isVisible ?? isRendered;
  const shadows = openShadowRoots(doc);

  const matchesOf = (strategy: TargetStrategy): Element[] => {
    if (!strategy.within) return findAll(strategy, doc, isVisible, shadows);
    const found = new Set<Element>();
    for (const scope of findAll(strategy.within, doc, isVisible, shadows)) {
      for (const match of findAll(strategy, scope, isVisible, shadows)) found.add(match);
    }
    return [...found];
  };
  const findsIt = (strategy: TargetStrategy) => resolveStrategy(strategy, doc, isVisible, shadows) === el;

  /** The first named container around `el` that makes `strategy` find it alone, else its index. */
  function uniqueVariant(strategy: TargetStrategy, matches: Element[]): TargetStrategy | undefined {
    for (let scope = parentAcrossShadow(el); scope; scope = parentAcrossShadow(scope)) {
      const role = roleOf(scope);
      if (!role || !(SCOPE_ROLES as readonly string[]).includes(role)) continue;
      const name = cleanText(accessibleName(scope));
      if (!name) continue;
      const within: ScopeStrategy = { role: role as Role, name };
      const scoped = { ...strategy, within };
      const inside = matchesOf(scoped);
      if (inside.length === 1 && inside[0] === el) return scoped;
    }
    const index = matches.indexOf(el);
    const nth = { ...strategy, nth: index };
    return index >= 0 && index <= MAX_NTH && findsIt(nth) ? nth : undefined;
  }

  const out: Proposal[] = [];
  const seen = new Set<string>();
  const consider = (kind: ProposalKind, target: TargetStrategy) => {
    const key = JSON.stringify(target);
    if (seen.has(key) || (target.css?.length ?? 0) > MAX_CSS) return;
    seen.add(key);
    const matches = matchesOf(target);
    if (!matches.includes(el)) return;
    if (matches.length === 1) {
      out.push({ kind, target, count: 1 });
      return;
    }
    // An ambiguous CSS candidate is dropped: the longer path candidate after it is the precise one.
    if (kind === 'css') return;
    const variant = uniqueVariant(target, matches);
    if (variant) out.push({ kind, target: variant, count: 1 });
    out.push({ kind, target, count: matches.length });
  };

  const role = roleOf(el);
  const name = cleanText(accessibleName(el));
  if (role && ROLE_SET.has(role) && name) consider('role', { role: role as Role, name });

  const isField = el.matches(FORM_CONTROLS);
  if (isField) {
    if (name) consider('label', { label: name });
    const placeholder = cleanText(el.getAttribute('placeholder'));
    if (placeholder) consider('label', { label: placeholder });
  } else {
    const text = cleanText(el.textContent);
    if (text) consider('text', { text });
  }

  const id = el.getAttribute('id');
  if (id && isStableIdentifier(id)) consider('id', { css: IDENT.test(id) ? `#${id}` : `[id=${quoted(id)}]` });
  const nameAttribute = el.getAttribute('name');
  if (nameAttribute && isStableIdentifier(nameAttribute)) consider('name', { css: `${el.localName}[name=${quoted(nameAttribute)}]` });

  for (const css of cssCandidates(el)) consider('css', { css });
  return out;
}

const TEST_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'data-cy'] as const;

/** One element as a selector: tag, stable classes (at most two), and a type for inputs. */
function segment(el: Element): string {
  const classes = stableClasses(el).slice(0, 2).filter((c) => IDENT.test(c));
  const typeAttribute = el.localName === 'input' ? el.getAttribute('type') : null;
  const type = typeAttribute ? `[type=${quoted(typeAttribute)}]` : '';
  return `${el.localName}${classes.map((c) => `.${c}`).join('')}${type}`;
}

function nthOfType(el: Element): string {
  const siblings = el.parentElement ? [...el.parentElement.children].filter((s) => s.localName === el.localName) : [el];
  return siblings.length > 1 ? `:nth-of-type(${siblings.indexOf(el) + 1})` : '';
}

/**
 * CSS, last resort: a test attribute, the element's own stable segment, then a path of child steps
 * up to the nearest ancestor with a stable id (or the top of its document or shadow root).
 */
function cssCandidates(el: Element): string[] {
  const out: string[] = [];
  for (const attribute of TEST_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value && isStableIdentifier(value)) out.push(`[${attribute}=${quoted(value)}]`);
  }
  out.push(segment(el));
  const path: string[] = [];
  for (let node: Element | null = el; node && path.length < 6; node = node.parentElement) {
    const id = node.getAttribute('id');
    if (node !== el && id && isStableIdentifier(id) && IDENT.test(id)) {
      path.unshift(`#${id}`);
      break;
    }
    path.unshift(`${segment(node)}${nthOfType(node)}`);
    if (node.localName === 'body') break;
  }
  out.push(path.join(' > '));
  return out;
}

/** What a recorded step keeps: the first proposal of each kind that finds the element alone (at most `max`). */
export function preferredTargets(proposals: readonly Proposal[], max = 3): TargetStrategy[] {
  const kinds = new Set<ProposalKind>();
  const out: TargetStrategy[] = [];
  for (const p of proposals) {
    if (p.count !== 1 || kinds.has(p.kind)) continue;
    kinds.add(p.kind);
    out.push(p.target);
    if (out.length === max) break;
  }
  return out.length ? out : proposals.slice(0, 1).map((p) => p.target);
}

/** The words on screen that name the element (role name, label or text), for a draft's placeholder text. */
export function screenWords(proposals: readonly Proposal[]): string | undefined {
  for (const { target } of proposals) {
    const words = target.name ?? target.label ?? target.text;
    if (words) return words;
  }
  return undefined;
}
