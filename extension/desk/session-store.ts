import { isAllowedOrigin } from '../../engine/sites';
import {
  checkCitizen,
  completeFromTour,
  endSession,
  loadMembers,
  loadSessions,
  loadSettings,
  loadWithdrawals,
  pruneWithdrawalOps,
  redactPersonal,
  saveSession,
  Session,
  setSatisfaction,
  startSession,
  withdrawalOps,
  withdrawalTargets,
  type DeskSettings,
  type OpResult,
  type SessionSummary,
  type StorageAdapter,
  type WriteOp,
} from '../../sessions';
import { notifySessionsChanged } from '../sessions-db/changes';
import { withSessionsLock } from '../sessions-db/lock';
import { ALLOWED_ORIGINS } from '../../engine/sites';
import { DESK_META_VERSION, META_KEYS, UNRECORDED_PREFIX, type HelpRequest, type HelpRequests, type OpenSessionPointer, type UnrecordedTask, type VisitedOrigins } from './records';
import {
  attemptWrite,
  fail,
  ok,
  POINTER_DAMAGED,
  pointerSessionId,
  readHelp,
  readPointer,
  readSession,
  readUnrecorded,
  readVisitedRecord,
  settingsOrCreate,
  type DeskResult,
} from './store';

/**
 * The assisted session's life on this machine, shared by the desk console and the background:
 * start (session + open pointer in one atomic write), change (read, pure reducer, validate, write,
 * all under the cross-context lock so a tour completing a task and a hand-marked task never
 * overwrite each other), end (session + pointer removal in one write), and the visited-origins
 * record that "end session" uses to offer a sign-out.
 */
async function settingsOrFail(adapter: StorageAdapter): Promise<DeskResult<DeskSettings>> {
  const loaded = await loadSettings(adapter);
  if (!loaded.ok) return loaded;
  return loaded.settings ? ok(loaded.settings) : fail('Chưa có cài đặt của điểm hỗ trợ.', 'The desk has no settings yet.');
}

export interface StartInput {
  /** crypto.randomUUID() */
  id: string;
  memberId: string;
  agreed: boolean;
  at: number;
}

/** Consent comes first: the session is created when the citizen agrees or declines. */
export async function startDeskSession(adapter: StorageAdapter, input: StartInput): Promise<DeskResult<Session>> {
  return withSessionsLock(async () => {
    const settings = await settingsOrCreate(adapter);
    if (!settings.ok) return settings;
    const { members } = await loadMembers(adapter);
    if (!members.some((m) => m.id === input.memberId)) return fail('Không tìm thấy hồ sơ thành viên này.', `No member profile "${input.memberId}".`);
    const pointer = await readPointer(adapter);
    if (pointer === 'damaged') return { ok: false, error: POINTER_DAMAGED };
    if (pointer) {
      const current = await readSession(adapter, pointer.sessionId);
      if (current.ok && current.value && current.value.endedAt === undefined) {
        return fail('Đang có một phiên chưa kết thúc. Hãy kết thúc phiên đó trước.', 'A session is still open: end it first.');
      }
    }
    const started = startSession(
      { id: input.id, deskId: settings.value.deskId, memberId: input.memberId, at: input.at, consent: { agreed: input.agreed } },
      settings.value,
    );
    if (!started.ok) return started;
    const open: OpenSessionPointer = { v: DESK_META_VERSION, sessionId: input.id, memberId: input.memberId, since: input.at };
    const visited: VisitedOrigins = { v: DESK_META_VERSION, sessionId: input.id, origins: [] };
    const written = await attemptWrite(adapter, [
      { type: 'put', store: 'sessions', key: input.id, value: started.session },
      { type: 'put', store: 'meta', key: META_KEYS.openSession, value: open },
      { type: 'put', store: 'meta', key: META_KEYS.visitedOrigins, value: visited },
    ]);
    if (!written.ok) return written;
    notifySessionsChanged([input.id]);
    return ok(started.session);
  });
}

type Op = (session: Session, settings: DeskSettings) => OpResult;

const sessionGone = () => fail('Không tìm thấy phiên này (có thể đã bị xoá).', 'Session not found (it may have been deleted).');

/** The desk's settings and a stored session, for a change made under the lock. */
async function readForChange(adapter: StorageAdapter, sessionId: string): Promise<DeskResult<{ settings: DeskSettings; session: Session }>> {
  const settings = await settingsOrFail(adapter);
  if (!settings.ok) return settings;
  const read = await readSession(adapter, sessionId);
  if (!read.ok) return read;
  if (!read.value) return sessionGone();
  return ok({ settings: settings.value, session: read.value });
}

async function mutate(adapter: StorageAdapter, sessionId: string, op: Op): Promise<DeskResult<{ session: Session; changed: boolean }>> {
  return withSessionsLock(async () => {
    const read = await readForChange(adapter, sessionId);
    if (!read.ok) return read;
    const { settings, session: stored } = read.value;
    const result = op(stored, settings);
    if (!result.ok) return result;
    if (result.session === stored) return ok({ session: stored, changed: false });
    const next = redactPersonal(result.session, settings);
    const saved = await saveSession(adapter, next, settings);
    if (!saved.ok) return saved;
    notifySessionsChanged([next.id]);
    return ok({ session: next, changed: true });
  });
}

/**
 * Applies a pure reducer from sessions/session-ops to one stored session and saves the result
 * (validated against the desk's settings). A reducer that changes nothing writes nothing.
 */
export async function updateSession(adapter: StorageAdapter, sessionId: string, op: Op): Promise<DeskResult<Session>> {
  const result = await mutate(adapter, sessionId, op);
  return result.ok ? ok(result.value.session) : result;
}

/** Ends the session (with the citizen's 1–5 score when they consented) and clears the open pointer in the same write. */
export async function endDeskSession(
  adapter: StorageAdapter,
  sessionId: string,
  satisfaction: number | undefined,
  at: number,
): Promise<DeskResult<{ session: Session; summary: SessionSummary }>> {
  return withSessionsLock(async () => {
    const read = await readForChange(adapter, sessionId);
    if (!read.ok) return read;
    const { settings } = read.value;
    let session = read.value.session;
    if (satisfaction !== undefined && session.consent.agreed && session.endedAt === undefined) {
      const scored = setSatisfaction(session, satisfaction, at);
      if (!scored.ok) return scored;
      session = scored.session;
    }
    const ended = endSession(redactPersonal(session, settings), at);
    const parsed = Session.safeParse(ended.session);
    if (!parsed.success) return fail('Phiên không hợp lệ, chưa kết thúc được.', `Invalid session: ${parsed.error.issues[0]?.message}`);
    const citizen = checkCitizen(parsed.data.citizen, settings, parsed.data.consent);
    if (!citizen.ok) return citizen;
    const ops: WriteOp[] = [{ type: 'put', store: 'sessions', key: sessionId, value: parsed.data }];
    if ((await pointerSessionId(adapter)) === sessionId) ops.push({ type: 'delete', store: 'meta', key: META_KEYS.openSession });
    if ((await readHelp(adapter))?.sessionId === sessionId) ops.push({ type: 'delete', store: 'meta', key: META_KEYS.helpRequests });
    const written = await attemptWrite(adapter, ops);
    if (!written.ok) return written;
    notifySessionsChanged([sessionId]);
    return ok({ session: parsed.data, summary: ended.summary });
  });
}

export type TourCompletion = 'no-open-session' | 'unchanged' | 'saved';

/**
 * A tour reached a step marked `completes`: when a session is open, the task is marked done with
 * the time (completeFromTour is idempotent). Awaited by the background before it replies.
 */
export async function completeTaskFromTour(adapter: StorageAdapter, taskId: string, at: number): Promise<DeskResult<TourCompletion>> {
  const pointer = await readPointer(adapter);
  if (pointer === 'damaged') {
    // Never dropped silently: the completion is kept (task id and time only) for the console to show.
    const record: UnrecordedTask = { v: DESK_META_VERSION, taskId, at };
    await withSessionsLock(() => attemptWrite(adapter, [{ type: 'put', store: 'meta', key: `${UNRECORDED_PREFIX}${taskId}`, value: record }]));
    notifySessionsChanged([]);
    return { ok: false, error: POINTER_DAMAGED };
  }
  if (!pointer) return ok('no-open-session');
  // completeFromTour itself ignores a session that ended meanwhile.
  const result = await mutate(adapter, pointer.sessionId, (session) => completeFromTour(session, taskId, at));
  if (!result.ok) return result;
  return ok(result.value.changed ? 'saved' : 'unchanged');
}

export type HelpFlag = 'no-open-session' | 'task-not-in-session' | 'saved';

/**
 * "Nhờ cán bộ giúp" in a tour: when a session is open and one of `taskIds` (the tour's task, or a
 * task it completes) is in it, that task is flagged with the step, persisted so a restarted worker
 * or a reopened console still shows it. A second press on the same task replaces the step.
 */
export async function flagHelp(adapter: StorageAdapter, request: { taskIds: readonly string[]; tourId: string; stepId: string; at: number }): Promise<DeskResult<HelpFlag>> {
  return withSessionsLock(async () => {
    const pointer = await readPointer(adapter);
    if (pointer === 'damaged') return { ok: false, error: POINTER_DAMAGED };
    if (!pointer) return ok('no-open-session');
    const session = await readSession(adapter, pointer.sessionId);
    if (!session.ok) return session;
    const open = session.value?.endedAt === undefined ? session.value : undefined;
    const taskId = open && request.taskIds.find((id) => open.tasks.some((t) => t.taskId === id));
    if (!open || !taskId) return ok(open ? 'task-not-in-session' : 'no-open-session');
    const current = await readHelp(adapter);
    const kept = current?.sessionId === open.id ? current.items.filter((h) => h.taskId !== taskId) : [];
    const item: HelpRequest = { taskId, tourId: request.tourId, stepId: request.stepId, at: request.at };
    const value: HelpRequests = { v: DESK_META_VERSION, sessionId: open.id, items: [...kept, item].slice(-50) };
    const written = await attemptWrite(adapter, [{ type: 'put', store: 'meta', key: META_KEYS.helpRequests, value }]);
    if (!written.ok) return written;
    notifySessionsChanged([]);
    return ok('saved');
  });
}

/** The member has helped: the flag on `taskId` goes away. */
export async function dismissHelp(adapter: StorageAdapter, sessionId: string, taskId: string): Promise<DeskResult> {
  return withSessionsLock(async () => {
    const current = await readHelp(adapter);
    if (current?.sessionId !== sessionId || !current.items.some((h) => h.taskId === taskId)) return ok(undefined);
    const items = current.items.filter((h) => h.taskId !== taskId);
    const written = await attemptWrite(adapter, [
      items.length
        ? { type: 'put', store: 'meta', key: META_KEYS.helpRequests, value: { ...current, items } satisfies HelpRequests }
        : { type: 'delete', store: 'meta', key: META_KEYS.helpRequests },
    ]);
    if (written.ok) notifySessionsChanged([]);
    return written;
  });
}

/**
 * Remembers that the citizen's browser reached an allow-listed portal origin during the open
 * session (the origin only). Cheap when there is nothing to record: it only takes the lock when a
 * new origin must be written.
 */
export async function recordVisit(adapter: StorageAdapter, origin: string): Promise<boolean> {
  if (!isAllowedOrigin(origin)) return false;
  const needed = async () => {
    const sessionId = await pointerSessionId(adapter);
    if (!sessionId) return undefined;
    const visited = await readVisitedRecord(adapter);
    // A damaged list is replaced: the sign-out offer then still covers this origin.
    const current = visited.state === 'ok' && visited.value.sessionId === sessionId ? visited.value.origins : [];
    return current.includes(origin) ? undefined : { sessionId, origins: [...current, origin] };
  };
  if (!(await needed())) return false;
  return withSessionsLock(async () => {
    const next = await needed();
    if (!next) return false;
    const written = await attemptWrite(adapter, [
      { type: 'put', store: 'meta', key: META_KEYS.visitedOrigins, value: { v: DESK_META_VERSION, ...next } satisfies VisitedOrigins },
    ]);
    return written.ok;
  });
}

/**
 * The origins to sign out of at the end of `sessionId`; refused while that session is still open.
 * A damaged list fails closed: every allowed origin (the citizen may be signed in on any of them).
 */
export async function visitedForSignOut(adapter: StorageAdapter, sessionId: string): Promise<DeskResult<string[]>> {
  if ((await pointerSessionId(adapter)) === sessionId) {
    return fail('Hãy kết thúc phiên trước khi đăng xuất người dân.', 'End the session before signing the citizen out.');
  }
  const visited = await readVisitedRecord(adapter);
  if (visited.state === 'damaged') return ok([...ALLOWED_ORIGINS]);
  return ok(visited.state === 'ok' && visited.value.sessionId === sessionId ? visited.value.origins.filter(isAllowedOrigin) : []);
}

/** Forgets the visited origins of `sessionId` (after signing out, or when the desk declines). */
export async function clearVisited(adapter: StorageAdapter, sessionId: string): Promise<DeskResult> {
  return withSessionsLock(async () => {
    const visited = await readVisitedRecord(adapter);
    if (visited.state === 'missing' || (visited.state === 'ok' && visited.value.sessionId !== sessionId)) return ok(undefined);
    const written = await attemptWrite(adapter, [{ type: 'delete', store: 'meta', key: META_KEYS.visitedOrigins }]);
    if (written.ok) notifySessionsChanged([]);
    return written;
  });
}

/** Drops an open pointer whose session is unreadable, missing or already ended (the record itself stays). */
export async function dropStalePointer(adapter: StorageAdapter): Promise<DeskResult> {
  return withSessionsLock(async () => {
    const pointer = await readPointer(adapter);
    if (!pointer) return ok(undefined);
    if (pointer !== 'damaged') {
      const session = await readSession(adapter, pointer.sessionId);
      if (session.ok && session.value && session.value.endedAt === undefined) return fail('Phiên vẫn đang mở.', 'The session is still open.');
    }
    // The team member has seen the warning (and the tasks a tour could not record): both go.
    const unrecorded = await readUnrecorded(adapter);
    const written = await attemptWrite(adapter, [
      { type: 'delete', store: 'meta', key: META_KEYS.openSession },
      ...unrecorded.map(({ key }): WriteOp => ({ type: 'delete', store: 'meta', key })),
    ]);
    if (written.ok) notifySessionsChanged([]);
    return written;
  });
}

/**
 * The citizen withdraws consent (the consent text promises it): their session is deleted outright,
 * with any other visit the domain ties to them (same ID number or phone), in one write that also
 * stores a tombstone per deleted id (sessions/withdrawals.ts) so no backup can bring them back. If
 * it was the open session, the console is free again.
 */
export async function withdrawConsent(adapter: StorageAdapter, sessionId: string, now: number): Promise<DeskResult<number>> {
  return withSessionsLock(async () => {
    const { sessions } = await loadSessions(adapter, now);
    if (!sessions.some((s) => s.id === sessionId)) return sessionGone();
    const plan = withdrawalTargets(sessions, sessionId);
    const tombstones = await loadWithdrawals(adapter);
    const ops: WriteOp[] = [
      ...plan.deleteIds.map((key): WriteOp => ({ type: 'delete', store: 'sessions', key })),
      ...withdrawalOps(tombstones, plan.deleteIds.map((id) => ({ id, at: now }))),
      ...pruneWithdrawalOps(tombstones, now),
    ];
    if ((await pointerSessionId(adapter)) === sessionId) ops.push({ type: 'delete', store: 'meta', key: META_KEYS.openSession });
    const written = await attemptWrite(adapter, ops);
    if (!written.ok) return written;
    notifySessionsChanged(plan.deleteIds);
    return ok(plan.deleteIds.length);
  });
}
