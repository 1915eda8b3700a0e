import './zod-jitless';
import { createMember, settingsOrCreate } from '../../../extension/desk/store';
import { endDeskSession, startDeskSession } from '../../../extension/desk/session-store';
import { IdbStorage } from '../../../extension/sessions-db/idb-storage';

/**
 * Evaluated in an extension page of the built extension (same origin, same IndexedDB as the
 * dashboard): the desk console's own write path — `startDeskSession` takes the Web Lock, reads the
 * settings, members and open-session pointer, writes the session, the pointer and the tallies of
 * its day in one strict transaction, and broadcasts the change.
 */
const state: { db?: IdbStorage; memberId?: string } = {};

async function prepare(): Promise<void> {
  const db = await IdbStorage.open();
  const settings = await settingsOrCreate(db);
  if (!settings.ok) throw new Error(settings.error.en);
  const member = await createMember(db, { displayName: 'Thành viên bench', team: 'Tổ công nghệ số bench', commune: 'Xã bench' }, Date.now());
  if (!member.ok) throw new Error(member.error.en);
  state.db = db;
  state.memberId = member.value.id;
}

/** Starts one session; returns the wall-clock times the desk's call began and returned (its broadcast sent). Ends it afterwards (not timed). */
async function startOne(): Promise<{ called: number; sent: number }> {
  const { db, memberId } = state;
  if (!db || !memberId) throw new Error('prepare() first');
  const at = performance.timeOrigin + performance.now();
  const started = await startDeskSession(db, { id: crypto.randomUUID(), memberId, agreed: true, at: Date.now() });
  if (!started.ok) throw new Error(started.error.en);
  const sent = performance.timeOrigin + performance.now();
  (globalThis as { lastStarted?: string }).lastStarted = started.value.id;
  return { called: at, sent };
}

async function endLast(): Promise<void> {
  const id = (globalThis as { lastStarted?: string }).lastStarted;
  if (!state.db || !id) return;
  const ended = await endDeskSession(state.db, id, undefined, Date.now());
  if (!ended.ok) throw new Error(ended.error.en);
}

(globalThis as { benchDesk?: unknown }).benchDesk = { prepare, startOne, endLast };
