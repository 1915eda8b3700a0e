import { z } from 'zod';
import { ALLOWED_ORIGINS } from '../../engine/sites';
import { EpochMs, Slug, Uuid } from '../../sessions/schema';

/**
 * The desk console's own records, kept in the `meta` store of the sessions database next to the
 * sessions themselves (never only in memory or `storage.session`, which a browser update clears).
 * Versioned and parsed on every read like everything else persisted.
 *
 * - OPEN_SESSION: which session is open on this machine. Written in the same atomic write as the
 *   session it points to, removed in the same write that ends it.
 * - CURRENT_MEMBER: the team member working at the desk now (a machine is shared by several).
 * - VISITED_ORIGINS: portal origins the citizen's browser visited during the latest session, so
 *   ending it can offer to sign out of exactly those. Allow-listed origins only, no paths, no URLs;
 *   deleted once the sign-out is done or declined.
 * - HELP_REQUESTS: tasks of the open session where the citizen pressed "Nhờ cán bộ giúp" in a tour,
 *   with the step; kept here (not in the session record, which reports and exports carry) until
 *   the member dismisses it or the session ends. Ids and a time only.
 */
export const DESK_META_VERSION = 1;

export const META_KEYS = {
  openSession: 'desk:open-session',
  currentMember: 'desk:current-member',
  visitedOrigins: 'desk:visited-origins',
  helpRequests: 'desk:help-requests',
} as const;

export const OpenSessionPointer = z.strictObject({
  v: z.literal(DESK_META_VERSION),
  sessionId: Uuid,
  memberId: Slug,
  since: EpochMs,
});

export const CurrentMember = z.strictObject({
  v: z.literal(DESK_META_VERSION),
  memberId: Slug,
});

export const AllowedOrigin = z.enum(ALLOWED_ORIGINS);

export const VisitedOrigins = z.strictObject({
  v: z.literal(DESK_META_VERSION),
  sessionId: Uuid,
  origins: z.array(AllowedOrigin).max(ALLOWED_ORIGINS.length),
});

export const HelpRequest = z.strictObject({
  taskId: Slug,
  tourId: z.string().max(80),
  stepId: z.string().max(80),
  at: EpochMs,
});

export const HelpRequests = z.strictObject({
  v: z.literal(DESK_META_VERSION),
  sessionId: Uuid,
  items: z.array(HelpRequest).max(50),
});

export type HelpRequest = z.infer<typeof HelpRequest>;
export type HelpRequests = z.infer<typeof HelpRequests>;
export type OpenSessionPointer = z.infer<typeof OpenSessionPointer>;
export type CurrentMember = z.infer<typeof CurrentMember>;
export type VisitedOrigins = z.infer<typeof VisitedOrigins>;

/** A stored record, or undefined when it is missing or unreadable. Only for records whose loss is harmless (the current member). */
export function parseOr<T>(schema: z.ZodType<T>, raw: unknown): T | undefined {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A stored record read fail-closed: missing, readable, or damaged — never "damaged reads as
 * missing". An unreadable open-session pointer is not "no open session", and an unreadable list of
 * visited origins is not "no site to sign out of".
 */
export type MetaRead<T> = { state: 'missing' } | { state: 'ok'; value: T } | { state: 'damaged' };

export function readMetaRecord<T>(schema: z.ZodType<T>, raw: unknown): MetaRead<T> {
  if (raw === undefined) return { state: 'missing' };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { state: 'ok', value: parsed.data } : { state: 'damaged' };
}

/** A tour completed a task while the open-session pointer could not be read: kept to tell the team member. */
export const UNRECORDED_PREFIX = 'desk:unrecorded-task:';
export const UnrecordedTask = z.strictObject({ v: z.literal(DESK_META_VERSION), taskId: Slug, at: EpochMs });
export type UnrecordedTask = z.infer<typeof UnrecordedTask>;
