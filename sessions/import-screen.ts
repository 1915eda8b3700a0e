import { CONSENT_TEXTS, redactPersonal } from './consent';
import { retentionCutoff } from './retention';
import { PERSONAL_FIELDS, type DeskSettings, type PersonalField, type Session } from './schema';

/**
 * What this desk accepts from someone else's backup, decided before any merge: a file is data from
 * another machine and carries that machine's choices, not ours.
 *
 * - a session whose consent was withdrawn (here or on the exporting desk) is refused;
 * - a timestamp in the future beyond CLOCK_SKEW_MS is refused (a 2099 `updatedAt` would win every
 *   later correction forever);
 * - a consent text version this extension does not know is refused (nobody can say what the
 *   citizen agreed to);
 * - a session already past this desk's retention is refused (it would be purged at once);
 * - personal fields this desk does not record are dropped, and the preview says which.
 *
 * Each refused session is counted under the first reason that applies, in the order above.
 */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export interface ImportRefusals {
  withdrawn: number;
  future: number;
  unknownConsent: number;
  pastRetention: number;
}

export interface ImportScreen {
  /** What may be merged, with personal fields the desk does not record removed. */
  accepted: Session[];
  refused: ImportRefusals;
  /** Personal fields removed from accepted sessions, and from how many of them. */
  dropped: { fields: PersonalField[]; sessions: number };
}

export interface ImportContext {
  settings: DeskSettings;
  /** Session ids withdrawn here and in the file's own tombstones. */
  withdrawn: ReadonlySet<string>;
  now: number;
}

function latestTimestamp(session: Session): number {
  let latest = Math.max(session.startedAt, session.updatedAt, session.endedAt ?? 0, session.consent.at);
  for (const task of session.tasks) latest = Math.max(latest, task.at);
  return latest;
}

export function screenImport(incoming: readonly Session[], context: ImportContext): ImportScreen {
  const { settings, withdrawn, now } = context;
  const cutoff = retentionCutoff(now, settings.retentionMonths);
  const refused: ImportRefusals = { withdrawn: 0, future: 0, unknownConsent: 0, pastRetention: 0 };
  const droppedFields = new Set<PersonalField>();
  let droppedSessions = 0;
  const accepted: Session[] = [];
  for (const session of incoming) {
    if (withdrawn.has(session.id)) refused.withdrawn += 1;
    else if (latestTimestamp(session) > now + CLOCK_SKEW_MS) refused.future += 1;
    else if (!Object.prototype.hasOwnProperty.call(CONSENT_TEXTS, session.consent.textVersion)) refused.unknownConsent += 1;
    else if (session.startedAt < cutoff) refused.pastRetention += 1;
    else {
      const redacted = redactPersonal(session, settings);
      if (redacted !== session) {
        droppedSessions += 1;
        for (const field of PERSONAL_FIELDS) if (session.citizen?.[field] !== undefined && redacted.citizen?.[field] === undefined) droppedFields.add(field);
      }
      accepted.push(redacted);
    }
  }
  return { accepted, refused, dropped: { fields: PERSONAL_FIELDS.filter((f) => droppedFields.has(f)), sessions: droppedSessions } };
}
