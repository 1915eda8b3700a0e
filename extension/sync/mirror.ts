import {
  jsonEqual,
  loadWithdrawals,
  migrateSession,
  replaces,
  replicatedSessionDoc,
  replicatedWithdrawalDoc,
  SESSION_DOC_PREFIX,
  sessionDocId,
  winningCopy,
  WITHDRAWAL_DOC_PREFIX,
  withdrawalOps,
  Withdrawal,
  type ReplicatedSessionDoc,
  type Session,
  type StorageAdapter,
  type WriteOp,
} from '../../sessions';
import type { PouchDb, PouchDoc } from './pouch-types';

/**
 * The PouchDB mirror: the desk's IndexedDB store stays the source of truth (its lock, durability and
 * tests are unchanged), and a separate PouchDB database holds only what may replicate — the minimal
 * record of each shareable session and the withdrawal tombstones. CouchDB replication runs between
 * the mirror and the province's server; these functions move records between the store and the
 * mirror in both directions.
 */
export interface MirrorDesk {
  deskId: string;
  commune?: string;
}

export interface PushSummary {
  /** Mirror documents written (new, changed or deleted) by this pass. */
  written: number;
}

interface MirrorState {
  sessions: Map<string, ReplicatedSessionDoc & PouchDoc>;
  withdrawals: Set<string>;
  /** Deleted documents are not listed by allDocs; a session id seen deleted may be recreated. */
}

async function readMirror(mirror: PouchDb): Promise<MirrorState> {
  const state: MirrorState = { sessions: new Map(), withdrawals: new Set() };
  const { rows } = await mirror.allDocs({ include_docs: true });
  for (const row of rows) {
    const doc = row.doc;
    if (!doc) continue;
    if (doc._id.startsWith(SESSION_DOC_PREFIX) && doc.type === 'session') state.sessions.set(doc._id, doc as ReplicatedSessionDoc & PouchDoc);
    else if (doc._id.startsWith(WITHDRAWAL_DOC_PREFIX) && typeof doc.id === 'string') state.withdrawals.add(doc.id);
  }
  return state;
}

/** Every readable session in the store, without writing anything (migration happens on the desk's own load). */
async function readSessions(adapter: StorageAdapter): Promise<Session[]> {
  const out: Session[] = [];
  for (const { key, value } of await adapter.list('sessions')) {
    const migrated = migrateSession(value);
    if (migrated.ok && migrated.session.id === key) out.push(migrated.session);
  }
  return out;
}

/**
 * Store → mirror: writes the minimal copy of every shareable session that is new or that wins over
 * the mirror's copy by the merge rule, deletes copies whose session was withdrawn or no longer may be
 * shared, and adds a tombstone for every withdrawal. Reads only: safe outside the write lock.
 */
export async function pushToMirror(adapter: StorageAdapter, mirror: PouchDb, desk: MirrorDesk): Promise<PushSummary> {
  const [sessions, stored, state] = await Promise.all([readSessions(adapter), loadWithdrawals(adapter), readMirror(mirror)]);
  const docs: PouchDoc[] = [];
  const local = new Set<string>();
  for (const session of sessions) {
    if (stored.ids.has(session.id)) continue;
    const doc = replicatedSessionDoc(session, desk);
    const held = state.sessions.get(sessionDocId(session.id));
    if (!doc) {
      // Consent changed so that it no longer allows sharing: the copy already sent is taken back.
      if (held && held.deskId === desk.deskId) docs.push({ _id: held._id, _rev: held._rev, _deleted: true });
      continue;
    }
    local.add(doc._id);
    if (held && (jsonEqual(held.session, doc.session) || !replaces(held.session, doc.session))) continue;
    docs.push({ ...doc, ...(held?._rev ? { _rev: held._rev } : {}) });
  }
  for (const withdrawal of stored.list) {
    if (!state.withdrawals.has(withdrawal.id)) docs.push(replicatedWithdrawalDoc(withdrawal, desk.deskId) as unknown as PouchDoc);
    const held = state.sessions.get(sessionDocId(withdrawal.id));
    if (held && held.deskId === desk.deskId) docs.push({ _id: held._id, _rev: held._rev, _deleted: true });
  }
  // A damaged tombstone (unreadable value) still withdraws its id: its copy is deleted all the same.
  for (const id of stored.ids) {
    const held = state.sessions.get(sessionDocId(id));
    if (held && held.deskId === desk.deskId && !stored.list.some((w) => w.id === id)) docs.push({ _id: held._id, _rev: held._rev, _deleted: true });
  }
  if (!docs.length) return { written: 0 };
  const results = await mirror.bulkDocs(docs);
  const failed = results.filter((r) => r.error);
  if (failed.length) throw new Error(`mirror write failed: ${failed.map((f) => f.message ?? f.reason ?? f.error).join('; ')}`);
  return { written: docs.length };
}

/**
 * Mirror → store, for tombstones: a withdrawal pulled from the province deletes the local session
 * and stores the tombstone, in one atomic write (run it inside withSessionsLock).
 * Returns the ids that were withdrawn here.
 */
export async function applyPulledWithdrawals(adapter: StorageAdapter, mirror: PouchDb): Promise<string[]> {
  const { rows } = await mirror.allDocs({ include_docs: true, startkey: WITHDRAWAL_DOC_PREFIX, endkey: `${WITHDRAWAL_DOC_PREFIX}\uffff` });
  const stored = await loadWithdrawals(adapter);
  const pulled: Withdrawal[] = [];
  for (const row of rows) {
    const parsed = Withdrawal.safeParse({ id: row.doc?.id, at: row.doc?.at });
    if (parsed.success && !stored.ids.has(parsed.data.id)) pulled.push(parsed.data);
  }
  if (!pulled.length) return [];
  const ops: WriteOp[] = [...withdrawalOps(stored, pulled), ...pulled.map((w) => ({ type: 'delete', store: 'sessions', key: w.id }) as const)];
  await adapter.write(ops);
  return pulled.map((w) => w.id);
}

/**
 * Conflicting revisions of this desk's sessions (the same session changed on two machines of the
 * desk while offline): the merge rule picks the winner, the other revisions are deleted, so the
 * server's copy — and the province's counts — converge on what a file merge would keep.
 */
export async function resolveConflicts(mirror: PouchDb, deskId: string): Promise<number> {
  const { rows } = await mirror.allDocs({ include_docs: true, conflicts: true, startkey: SESSION_DOC_PREFIX, endkey: `${SESSION_DOC_PREFIX}\uffff` });
  let resolved = 0;
  for (const row of rows) {
    const current = row.doc as (ReplicatedSessionDoc & PouchDoc) | undefined;
    if (!current?._conflicts?.length || current.deskId !== deskId) continue;
    const others = await Promise.all(current._conflicts.map((rev) => mirror.get(current._id, { rev }) as Promise<ReplicatedSessionDoc & PouchDoc>));
    const winner = winningCopy([current, ...others]);
    const docs: PouchDoc[] = others.map((o) => ({ _id: o._id, _rev: o._rev, _deleted: true }));
    if (winner !== current) {
      const body: PouchDoc = { ...winner, _rev: current._rev };
      delete body._conflicts;
      docs.push(body);
    }
    await mirror.bulkDocs(docs);
    resolved += 1;
  }
  return resolved;
}
