import { backupJson, xlsxSheets } from '../../sessions';
import { onSessionsChanged, type SessionsChange } from '../sessions-db/changes';
import { IdbStorage } from '../sessions-db/idb-storage';
import { sessionLogCsvParts } from './csv-chunks';
import type { FromWorker, RecordsAnswers, RecordsRequest, ToWorker } from './records-protocol';
import { RecordsStore } from './records-store';
import { xlsxBlob } from './xlsx-writer';

/**
 * The dashboard's records worker: reads and validates every session record once, keeps them
 * current from the change broadcasts (re-reading only the records a change names), and builds the
 * exports from them, so the page's main thread only ever holds the per-day tallies. Jobs run one
 * after another: an export sees the records of one moment, never a half-applied change.
 */
const CSV_TYPE = 'text/csv;charset=utf-8';

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);
const store = new RecordsStore();
let opened: Promise<IdbStorage> | null = null;
const storage = () => (opened ??= IdbStorage.open());
let queue: Promise<unknown> = Promise.resolve();
let loaded = false;

function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

async function loadAll(): Promise<void> {
  try {
    await store.load(await storage(), Date.now());
    loaded = true;
    post({ type: 'info', info: store.info() });
  } catch (error) {
    loaded = false;
    console.error('[Dẫn Bước] could not read the sessions database', error);
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

async function applyChange(change: SessionsChange): Promise<void> {
  if (!loaded || !change.sessionIds) return loadAll();
  if (!change.sessionIds.length) return;
  const applied = await store.apply(await storage(), change.sessionIds, Date.now()).catch(() => false);
  if (!applied) return loadAll();
  post({ type: 'info', info: store.info() });
}

async function answer(id: number, request: RecordsRequest): Promise<RecordsAnswers[RecordsRequest['kind']]> {
  const progress = (fraction: number) => post({ type: 'progress', id, fraction });
  switch (request.kind) {
    case 'reload':
      await loadAll();
      return null;
    case 'csv': {
      const parts = await sessionLogCsvParts(store.inPeriod(request.from, request.to), { members: request.meta.members }, progress, () => Promise.resolve());
      return new Blob(parts, { type: CSV_TYPE });
    }
    case 'xlsx': {
      const sessions = store.inPeriod(request.from, request.to);
      progress(0.1);
      const sheets = xlsxSheets(request.report, sessions, { members: request.meta.members });
      progress(0.4);
      const blob = await xlsxBlob(sheets);
      progress(1);
      return blob;
    }
    case 'backup':
      return new Blob([backupJson(store.all(), { deskId: request.meta.deskId, exportedAt: request.meta.now, withdrawn: request.meta.withdrawn })], { type: 'application/json' });
    case 'retention':
      return store.retention(request.now, request.months);
    case 'drifted':
      // A quick comparison first; a difference is confirmed in one transaction over records and
      // tallies (a write may have landed between the page's read of the tallies and ours).
      return store.drifted(request.days) ? (await (await storage()).checkTallies()).length : 0;
    case 'withdrawal':
      return store.withdrawalMatches(request.code);
    case 'plan':
      return store.planImport(request.fileName, request.content, { settings: request.settings, withdrawn: request.withdrawn }, request.now);
  }
}

onSessionsChanged((change) => void enqueue(() => applyChange(change)), new AbortController().signal);
void enqueue(loadAll);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const { id, request } = event.data;
  void enqueue(() => answer(id, request)).then(
    (value) => post({ type: 'result', id, value }),
    (error: unknown) => post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) }),
  );
};
