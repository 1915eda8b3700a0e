import { SHARING_CONSENT_VERSIONS } from './consent';
import { compareVersions, mergeSessions } from './merge';
import type { DeskSettings, Session, TaskEntry } from './schema';
import type { Withdrawal } from './withdrawals';

/**
 * What a desk sends to the province's CouchDB, built by pure functions so that what leaves the
 * machine is decided in one place and tested field by field.
 *
 * A session travels as the smallest record the province's weekly numbers need: the session's own
 * ids and times, the member's id, the consent version that allowed it, the citizen's age band when
 * recorded, and each task's id, outcome, reason code, source and time. Nothing else — no name, ID
 * number, phone, note, gender, first-time flag or satisfaction score. The copy is still a valid
 * `Session` (every field it drops is optional), so conflicts between copies are decided by the file
 * merge's own rule (merge.ts), not by a second one.
 *
 * Only sessions whose citizen agreed under a consent text that says records are shared with the
 * province (SHARING_CONSENT_VERSIONS) replicate; older consents never do.
 */
export const SESSION_DOC_PREFIX = 's:';
export const WITHDRAWAL_DOC_PREFIX = 'w:';
export const REPLICATION_DOC_VERSION = 1;

/** Every key a replicated document may carry, per level: the server's validate function checks the same lists. */
export const REPLICATED_KEYS = {
  sessionDoc: ['_id', '_rev', '_revisions', '_conflicts', 'type', 'v', 'deskId', 'commune', 'session'],
  session: ['schemaVersion', 'id', 'deskId', 'memberId', 'startedAt', 'updatedAt', 'endedAt', 'consent', 'citizen', 'tasks'],
  consent: ['textVersion', 'agreed', 'at'],
  citizen: ['ageBand'],
  task: ['taskId', 'outcome', 'reason', 'source', 'at'],
  withdrawalDoc: ['_id', '_rev', '_revisions', 'type', 'v', 'deskId', 'id', 'at'],
} as const;

export interface ReplicatedSessionDoc {
  _id: string;
  _rev?: string;
  type: 'session';
  v: typeof REPLICATION_DOC_VERSION;
  deskId: string;
  /** The desk's commune as set in its settings: the province counts by it. */
  commune: string;
  session: Session;
}

export interface ReplicatedWithdrawalDoc {
  _id: string;
  _rev?: string;
  type: 'withdrawal';
  v: typeof REPLICATION_DOC_VERSION;
  /** The desk where the citizen withdrew. */
  deskId: string;
  id: string;
  at: number;
}

export const sessionDocId = (sessionId: string) => `${SESSION_DOC_PREFIX}${sessionId}`;
export const withdrawalDocId = (sessionId: string) => `${WITHDRAWAL_DOC_PREFIX}${sessionId}`;

/** Whether this session's consent allows sending it to the province. */
export function consentAllowsSharing(session: Session): boolean {
  return session.consent.agreed && SHARING_CONSENT_VERSIONS.includes(session.consent.textVersion);
}

/** A commune name when the desk has none set: the province view still counts the desk's sessions. */
export const UNKNOWN_COMMUNE = '(chưa ghi xã)';

function minimalTask(task: TaskEntry): TaskEntry {
  const out: TaskEntry = { taskId: task.taskId, outcome: task.outcome, source: task.source, at: task.at };
  if (task.reason !== undefined) out.reason = task.reason;
  return out;
}

/** The minimal copy of a session (built field by field: a new personal field can never slip through). */
export function minimalSession(session: Session): Session {
  const out: Session = {
    schemaVersion: session.schemaVersion,
    id: session.id,
    deskId: session.deskId,
    memberId: session.memberId,
    startedAt: session.startedAt,
    updatedAt: session.updatedAt,
    consent: { textVersion: session.consent.textVersion, agreed: session.consent.agreed, at: session.consent.at },
    tasks: session.tasks.map(minimalTask),
  };
  if (session.endedAt !== undefined) out.endedAt = session.endedAt;
  if (session.citizen?.ageBand !== undefined) out.citizen = { ageBand: session.citizen.ageBand };
  return out;
}

/**
 * The document this desk replicates for a session, or undefined when it must stay on the desk
 * (consent does not allow sharing, or the session belongs to another desk: a desk writes only its
 * own records, and the server refuses the rest).
 */
export function replicatedSessionDoc(session: Session, settings: Pick<DeskSettings, 'deskId' | 'commune'>): ReplicatedSessionDoc | undefined {
  if (!consentAllowsSharing(session) || session.deskId !== settings.deskId) return undefined;
  return {
    _id: sessionDocId(session.id),
    type: 'session',
    v: REPLICATION_DOC_VERSION,
    deskId: session.deskId,
    commune: settings.commune ?? UNKNOWN_COMMUNE,
    session: minimalSession(session),
  };
}

export function replicatedWithdrawalDoc(withdrawal: Withdrawal, deskId: string): ReplicatedWithdrawalDoc {
  return { _id: withdrawalDocId(withdrawal.id), type: 'withdrawal', v: REPLICATION_DOC_VERSION, deskId, id: withdrawal.id, at: withdrawal.at };
}

/**
 * Whether `candidate` should replace `held` as this session's replicated copy: the file merge's
 * decision (mergeSessions writes an incoming copy only when it wins), so a desk never pushes a copy
 * the merge rule would throw away, and two machines that disagree settle on the same winner.
 */
export function replaces(held: Session | undefined, candidate: Session): boolean {
  if (!held) return true;
  return mergeSessions([held], [candidate]).changed.length > 0;
}

/** Among conflicting revisions of one session, the one the merge rule keeps. */
export function winningCopy<T extends { session: Session }>(copies: readonly T[]): T {
  if (!copies.length) throw new Error('winningCopy needs at least one copy');
  return copies.reduce((best, next) => (compareVersions(next.session, best.session) > 0 ? next : best));
}
