import { gainedTextOnly } from './relevance';
import { collectShadowRoots, joinIndex } from './shadow-index';

/**
 * A MutationObserver that also sees inside open shadow roots: an observer on the document is not
 * told about changes inside a web component. The shadow roots come from the document's live index
 * (engine/shadow-index.ts), which this observer keeps current from the subtrees mutations add; new
 * roots are observed as they are found. `onChange` receives the records of each batch.
 *
 * Every caller on a document shares one observer: on a page that changes every frame, each observer
 * costs the page a copy of every record, and the shadow-root bookkeeping runs once per batch.
 */
export const OBSERVE_OPTIONS: MutationObserverInit = { childList: true, subtree: true, attributes: true, characterData: true };

type Listener = (records: MutationRecord[]) => void;
type Listeners = Set<Listener> & { stop(): void };
const shared = new WeakMap<Document, Listeners>();

export function observeDeep(doc: Document, onChange: Listener, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listeners = shared.get(doc) ?? start(doc);
  listeners.add(onChange);
  signal.addEventListener(
    'abort',
    () => {
      listeners.delete(onChange);
      // A step drawn again drops every watcher and adds the new ones in the same task: keep the
      // observer and its index (a full scan of the page) for them.
      if (!listeners.size) queueMicrotask(() => listeners.size || shared.get(doc) !== listeners || listeners.stop());
    },
    { once: true },
  );
}

function start(doc: Document): Listeners {
  const listeners = new Set<Listener>() as Listeners;
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
      observer.observe(shadow, OBSERVE_OPTIONS);
    }
  };

  function handle(records: MutationRecord[]) {
    for (const record of records) {
      const type = record.type;
      if (type === 'attributes' && record.attributeName === 'role') index.roled.add(record.target as Element);
      if (type !== 'childList' || gainedTextOnly(record)) continue;
      const added = record.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i];
        if (node instanceof Element) observe(collectShadowRoots(node, index.roots, [], index.roled, index.hostless));
      }
    }
    observe(index.roots);
    for (const listener of [...listeners]) listener(records);
  }

  observer.observe(doc, OBSERVE_OPTIONS);
  observe(index.roots);
  listeners.stop = () => {
    observer.disconnect();
    leave();
    shared.delete(doc);
  };
  shared.set(doc, listeners);
  return listeners;
}
