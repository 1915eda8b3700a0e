/**
 * The open shadow roots of a document. Finding them means touching every element of the page (about
 * half of a role+name lookup on a 10,000-element page), so while a deep observer watches a document
 * the roots are indexed once and then kept current from the subtrees that mutations add. Pending
 * mutation records are taken before the index is read, so a host inserted a moment ago counts.
 * No MutationObserver reports a root attached to an element already in the page: custom elements
 * without a root yet (one upgraded late) are kept aside and looked at on every read, and a full
 * rescan catches a root attached to any other element. A full rescan touches every element (10–15 ms
 * at 10,000 elements), so it is rare: RESCAN_MS after the last, and twice as long after each one
 * that found nothing new, up to MAX_RESCAN_MS. Without an observer, every call scans.
 */
export const RESCAN_MS = 5000;
export const MAX_RESCAN_MS = 40_000;

interface LiveIndex {
  roots: Set<ShadowRoot>;
  /** elements of the document with a role attribute, from mutation records (pruned when read; shadow roots are queried): a query for [role~=x] would match every element of the page */
  roled: Set<Element>;
  scannedAt: number;
  /** how long after scannedAt the next full rescan comes */
  rescanAfter: number;
  /** custom elements (a hyphen in the name) seen without a shadow root: one may attach it when it upgrades */
  hostless: Set<Element>;
  /** every deep observer on this document: flushing takes and handles their pending records */
  flushers: Set<() => void>;
}

const live = new WeakMap<Document, LiveIndex>();

/**
 * Adds every open shadow root under `root` (nested ones included) to `into`, elements with a role to
 * `roled` and custom elements without a root to `hostless`; returns the new roots.
 */
export function collectShadowRoots(root: ParentNode, into: Set<ShadowRoot>, added: ShadowRoot[] = [], roled?: Set<Element>, hostless?: Set<Element>): ShadowRoot[] {
  const visit = (node: ParentNode) => {
    if (node instanceof Element) check(node);
    const all = node.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) check(all[i]);
  };
  const check = (el: Element) => {
    if (roled && el.hasAttribute('role')) roled.add(el);
    const shadow = el.shadowRoot;
    if (!shadow && hostless && el.localName.includes('-')) hostless.add(el);
    if (!shadow || into.has(shadow)) return;
    into.add(shadow);
    added.push(shadow);
    visit(shadow);
  };
  visit(root);
  return added;
}

const now = (doc: Document) => (doc.defaultView ?? globalThis).performance.now();

/** Registers a deep observer's flush on `doc`; returns the index it keeps current, and the undo. */
export function joinIndex(doc: Document, flush: () => void): { index: LiveIndex; leave: () => void } {
  let index = live.get(doc);
  if (!index) {
    index = { roots: new Set(), roled: new Set(), hostless: new Set(), scannedAt: now(doc), rescanAfter: RESCAN_MS, flushers: new Set() };
    collectShadowRoots(doc, index.roots, [], index.roled, index.hostless);
    live.set(doc, index);
  }
  index.flushers.add(flush);
  const joined = index;
  return {
    index: joined,
    leave: () => {
      joined.flushers.delete(flush);
      if (!joined.flushers.size && live.get(doc) === joined) live.delete(doc);
    },
  };
}

/** Every open shadow root below `scope`, nested ones included. */
export function openShadowRoots(scope: Document | Element): ShadowRoot[] {
  const doc = scope.nodeType === 9 ? (scope as Document) : (scope as Element).ownerDocument;
  const index = live.get(doc);
  if (!index) return [...collectShadowRoots(scope, new Set())];
  if (now(doc) - index.scannedAt > index.rescanAfter) {
    const known = new Set(index.roots);
    index.roots.clear();
    index.hostless.clear();
    const found = collectShadowRoots(doc, index.roots, [], undefined, index.hostless);
    index.rescanAfter = found.some((root) => !known.has(root)) ? RESCAN_MS : Math.min(index.rescanAfter * 2, MAX_RESCAN_MS);
    index.scannedAt = now(doc);
  }
  for (const flush of index.flushers) flush();
  for (const el of index.hostless) {
    if (!el.isConnected) index.hostless.delete(el);
    else if (el.shadowRoot) {
      index.hostless.delete(el);
      collectShadowRoots(el, index.roots, [], index.roled, index.hostless);
    }
  }
  const out: ShadowRoot[] = [];
  for (const root of index.roots) {
    if (!root.host.isConnected) index.roots.delete(root);
    else if (scope === doc || isInside(root.host, scope as Element)) out.push(root);
  }
  return out;
}

/** The live index of elements with a role attribute, or undefined when no observer keeps one; read it after openShadowRoots (which flushes). */
export const roleIndex = (doc: Document): Set<Element> | undefined => live.get(doc)?.roled;

/** Whether `el` is inside `scope`, crossing shadow boundaries upwards. */
export function isInside(el: Element, scope: Document | Element): boolean {
  if (scope.nodeType === 9) return true;
  for (let node: Node | null = el; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node === scope) return true;
  }
  return false;
}
