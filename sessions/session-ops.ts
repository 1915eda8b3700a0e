import { applyConsent, checkCitizen, CURRENT_CONSENT_VERSION } from './consent';
import {
  describeIssues,
  MAX_TASKS_PER_SESSION,
  OUTCOMES,
  OUTCOMES_WITH_REASON,
  Reason,
  Session,
  SESSION_SCHEMA_VERSION,
  Slug,
  TaskOutcome,
  type DeskSettings,
  type Message,
  type Reason as ReasonType,
  type TaskEntry,
  type TaskOutcome as Outcome,
} from './schema';

/**
 * Pure reducers over one Session. Each takes the time of the change (`at`, epoch ms) from the
 * caller, never reads a clock, bumps `updatedAt`, and returns a new object — or the very same
 * object when nothing changed, so the caller can skip the write (`result.session === before`).
 */
export type OpResult = { ok: true; session: Session } | { ok: false; error: Message };

const fail = (vi: string, en: string): OpResult => ({ ok: false, error: { vi, en } });

const touch = (session: Session, at: number): number => Math.max(session.updatedAt, at);

export interface StartInput {
  /** crypto.randomUUID() in the caller. */
  id: string;
  deskId: string;
  memberId: string;
  at: number;
  consent: { agreed: boolean; textVersion?: string };
  /** Only with consent; personal fields only when enabled in settings. */
  citizen?: unknown;
}

/** Starts a session. Consent comes first: there is no session without a decision. */
export function startSession(input: StartInput, settings: DeskSettings): OpResult {
  const citizen = checkCitizen(input.citizen, settings, input.consent);
  if (!citizen.ok) return citizen;
  const draft: Session = {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: input.id,
    deskId: input.deskId,
    memberId: input.memberId,
    startedAt: input.at,
    updatedAt: input.at,
    consent: { textVersion: input.consent.textVersion ?? CURRENT_CONSENT_VERSION, agreed: input.consent.agreed, at: input.at },
    tasks: [],
  };
  if (citizen.citizen) draft.citizen = citizen.citizen;
  const consented = applyConsent(draft, { ...input.consent, at: input.at });
  if (!consented.ok) return consented;
  const parsed = Session.safeParse(consented.session);
  if (!parsed.success) return fail(`Không tạo được phiên:\n${describeIssues(parsed.error)}`, `Cannot start the session:\n${describeIssues(parsed.error)}`);
  return { ok: true, session: parsed.data };
}

/** Sets (or clears, with undefined) the citizen descriptor. Refused when consent was declined. */
export function setCitizen(session: Session, citizen: unknown, settings: DeskSettings, at: number): OpResult {
  const checked = checkCitizen(citizen, settings, session.consent);
  if (!checked.ok) return checked;
  const next: Session = { ...session, updatedAt: touch(session, at) };
  if (checked.citizen) next.citizen = checked.citizen;
  else delete next.citizen;
  return { ok: true, session: next };
}

function ended(session: Session): OpResult | undefined {
  return session.endedAt === undefined
    ? undefined
    : fail('Phiên đã kết thúc, không thêm việc được nữa.', 'The session has ended; no more tasks can be added.');
}

/** Adds a task the citizen picked, as "pending". Adding it again changes nothing. */
export function addTask(session: Session, taskId: string, at: number): OpResult {
  const closed = ended(session);
  if (closed) return closed;
  if (!Slug.safeParse(taskId).success) return fail(`Mã việc “${taskId}” không hợp lệ.`, `Invalid task id "${taskId}".`);
  if (session.tasks.some((t) => t.taskId === taskId)) return { ok: true, session };
  if (session.tasks.length >= MAX_TASKS_PER_SESSION) {
    return fail(`Một phiên có tối đa ${MAX_TASKS_PER_SESSION} việc.`, `A session holds at most ${MAX_TASKS_PER_SESSION} tasks.`);
  }
  const task: TaskEntry = { taskId, outcome: 'pending', source: 'manual', at };
  return { ok: true, session: { ...session, tasks: [...session.tasks, task], updatedAt: touch(session, at) } };
}

/** Removes a task picked by mistake. Not after the session ended: the record is then history. */
export function removeTask(session: Session, taskId: string, at: number): OpResult {
  const closed = ended(session);
  if (closed) return closed;
  if (!session.tasks.some((t) => t.taskId === taskId)) return { ok: true, session };
  return { ok: true, session: { ...session, tasks: session.tasks.filter((t) => t.taskId !== taskId), updatedAt: touch(session, at) } };
}

export interface ManualMark {
  outcome: Outcome;
  /** Required for "partial" and "not-done"; refused otherwise. */
  reason?: ReasonType;
}

/**
 * Marks a task by hand. Allowed after the session ended too, to correct a mistake. A reason is
 * required for partly done / not done and refused for done / pending.
 */
export function markTask(session: Session, taskId: string, mark: ManualMark, at: number): OpResult {
  if (!TaskOutcome.safeParse(mark.outcome).success) {
    return fail(`Kết quả “${String(mark.outcome)}” không hợp lệ.`, `Unknown outcome "${String(mark.outcome)}" (one of ${OUTCOMES.join(', ')}).`);
  }
  const needsReason = OUTCOMES_WITH_REASON.includes(mark.outcome);
  if (needsReason && mark.reason === undefined) {
    return fail('Hãy chọn lý do vì sao việc chưa xong.', `Outcome "${mark.outcome}" needs a reason.`);
  }
  if (needsReason && !Reason.safeParse(mark.reason).success) {
    return fail(`Lý do “${String(mark.reason)}” không có trong danh sách.`, `Unknown reason "${String(mark.reason)}".`);
  }
  if (!needsReason && mark.reason !== undefined) {
    return fail('Việc đã xong hoặc chưa đánh dấu thì không cần lý do.', `Outcome "${mark.outcome}" takes no reason.`);
  }
  const index = session.tasks.findIndex((t) => t.taskId === taskId);
  if (index < 0) return fail(`Việc “${taskId}” chưa có trong phiên này.`, `Task "${taskId}" is not in this session.`);
  const task: TaskEntry = { taskId, outcome: mark.outcome, source: 'manual', at };
  if (needsReason) task.reason = mark.reason;
  const tasks = session.tasks.slice();
  tasks[index] = task;
  return { ok: true, session: { ...session, tasks, updatedAt: touch(session, at) } };
}

/**
 * A tour reached a step marked `completes: taskId`. Idempotent: a task already done (by a tour or
 * by hand) keeps its time and source. A task the citizen had not picked is added as done. After
 * the session ended the event is ignored (the same session comes back): the tour outlived it.
 */
export function completeFromTour(session: Session, taskId: string, at: number): OpResult {
  if (session.endedAt !== undefined) return { ok: true, session };
  if (!Slug.safeParse(taskId).success) return fail(`Mã việc “${taskId}” không hợp lệ.`, `Invalid task id "${taskId}".`);
  const index = session.tasks.findIndex((t) => t.taskId === taskId);
  const task: TaskEntry = { taskId, outcome: 'done', source: 'tour', at };
  if (index < 0) {
    if (session.tasks.length >= MAX_TASKS_PER_SESSION) return { ok: true, session };
    return { ok: true, session: { ...session, tasks: [...session.tasks, task], updatedAt: touch(session, at) } };
  }
  if (session.tasks[index].outcome === 'done') return { ok: true, session };
  const tasks = session.tasks.slice();
  tasks[index] = task;
  return { ok: true, session: { ...session, tasks, updatedAt: touch(session, at) } };
}

/** Sets (1–5) or clears (undefined) the citizen's satisfaction score; only with consent. */
export function setSatisfaction(session: Session, score: number | undefined, at: number): OpResult {
  if (score === undefined) {
    if (session.satisfaction === undefined) return { ok: true, session };
    const next: Session = { ...session, updatedAt: touch(session, at) };
    delete next.satisfaction;
    return { ok: true, session: next };
  }
  if (!session.consent.agreed) {
    return fail('Người dân không đồng ý ghi nhận: không lưu mức hài lòng.', 'Consent was declined: no satisfaction score is stored.');
  }
  if (!Number.isInteger(score) || score < 1 || score > 5) return fail('Mức hài lòng là số từ 1 đến 5.', 'Satisfaction is a whole number from 1 to 5.');
  return { ok: true, session: { ...session, satisfaction: score, updatedAt: touch(session, at) } };
}

export interface SessionSummary {
  durationMinutes: number | null;
  tasks: number;
  byOutcome: Record<Outcome, number>;
  /** Tasks still "pending": the side panel asks to mark them before or after ending. */
  unmarked: string[];
  completedByTour: number;
}

export function summarizeSession(session: Session): SessionSummary {
  const byOutcome: Record<Outcome, number> = { done: 0, partial: 0, 'not-done': 0, pending: 0 };
  let completedByTour = 0;
  for (const task of session.tasks) {
    byOutcome[task.outcome] += 1;
    if (task.outcome === 'done' && task.source === 'tour') completedByTour += 1;
  }
  return {
    durationMinutes: session.endedAt === undefined ? null : Math.round((session.endedAt - session.startedAt) / 60_000),
    tasks: session.tasks.length,
    byOutcome,
    unmarked: session.tasks.filter((t) => t.outcome === 'pending').map((t) => t.taskId),
    completedByTour,
  };
}

/**
 * Ends the session (a clock set back never makes it end before it started). Ending twice keeps
 * the first end time. Pending tasks stay pending: the summary lists them to be marked.
 */
export function endSession(session: Session, at: number): { ok: true; session: Session; summary: SessionSummary } {
  if (session.endedAt !== undefined) return { ok: true, session, summary: summarizeSession(session) };
  const endedAt = Math.max(at, session.startedAt);
  const next: Session = { ...session, endedAt, updatedAt: touch(session, endedAt) };
  return { ok: true, session: next, summary: summarizeSession(next) };
}

/** Open sessions left behind (worker killed, laptop closed): the side panel offers to resume or end them. */
export function openSessions(sessions: readonly Session[], deskId?: string): Session[] {
  return sessions.filter((s) => s.endedAt === undefined && (deskId === undefined || s.deskId === deskId));
}
