import { z } from 'zod';

/**
 * Assisted-session records, format v1: the single source of the session types. Strict everywhere
 * (unknown keys are errors), capped lengths, slug ids, and every timestamp is an integer count of
 * epoch milliseconds (UTC) — local Vietnam time is only computed for display and grouping.
 *
 * Context-dependent rules (which personal fields a desk has turned on, known consent texts) live
 * in consent.ts; this schema enforces what holds for every record whatever the settings.
 */
export const SESSION_SCHEMA_VERSION = 1;
export const SETTINGS_SCHEMA_VERSION = 1;
export const MEMBER_SCHEMA_VERSION = 1;

/** 2020-01-01T00:00Z .. 2100-01-01T00:00Z: anything else is a clock or parsing error. */
export const EARLIEST_MS = Date.UTC(2020, 0, 1);
export const LATEST_MS = Date.UTC(2100, 0, 1);

export const EpochMs = z
  .number()
  .int('must be whole epoch milliseconds')
  .min(EARLIEST_MS, 'timestamp before 2020: check the clock')
  .max(LATEST_MS, 'timestamp after 2100: check the clock');

export const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lower-case a-z, 0-9 and single hyphens');

/** Lower-case RFC 9562 UUID (what crypto.randomUUID() returns): ids compare as plain strings. */
export const Uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a lower-case UUID');

export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .refine((s) => !/<\s*[a-z!/]/i.test(s), 'must be plain text, not HTML')
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters');

export const AGE_BANDS = ['duoi-18', '18-29', '30-44', '45-59', '60-74', '75+'] as const;
export const GENDERS = ['nam', 'nu', 'khac'] as const;
export const OUTCOMES = ['done', 'partial', 'not-done', 'pending'] as const;
export const REASONS = ['thieu-giay-to', 'loi-he-thong', 'chua-co-tai-khoan', 'het-thoi-gian', 'khac'] as const;
export const SOURCES = ['tour', 'manual'] as const;
export const PERSONAL_FIELDS = ['name', 'idNumber', 'phone', 'note'] as const;
/** Outcomes that need a reason from REASONS. */
export const OUTCOMES_WITH_REASON: readonly TaskOutcome[] = ['partial', 'not-done'];

export const AgeBand = z.enum(AGE_BANDS);
export const Gender = z.enum(GENDERS);
export const TaskOutcome = z.enum(OUTCOMES);
export const Reason = z.enum(REASONS);
export const TaskSource = z.enum(SOURCES);

export const PersonalFieldSwitches = z.strictObject({
  name: z.boolean().default(false),
  idNumber: z.boolean().default(false),
  phone: z.boolean().default(false),
  note: z.boolean().default(false),
});

export const DeskSettings = z.strictObject({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  deskId: Slug.describe('this desk (machine) — stamped on every session it records'),
  deskName: plainText(120).optional(),
  commune: plainText(120).optional(),
  province: plainText(120).optional(),
  personalFields: PersonalFieldSwitches.default({ name: false, idNumber: false, phone: false, note: false }),
  retentionMonths: z.number().int().min(1).max(120).default(12),
});

export const TeamMember = z.strictObject({
  schemaVersion: z.literal(MEMBER_SCHEMA_VERSION),
  id: Slug.describe('short code, unique on the desk; sessions refer to it'),
  displayName: plainText(80).describe('name or code, as the member chooses'),
  team: plainText(120),
  commune: plainText(120),
  createdAt: EpochMs,
  archived: z.boolean().optional().describe('left the team: hidden from pickers, kept in reports'),
});

export const Consent = z.strictObject({
  textVersion: Slug.describe('which consent text was read (consent.ts CONSENT_TEXTS)'),
  agreed: z.boolean(),
  at: EpochMs,
});

/** CMND (9 digits) or CCCD (12 digits), digits only. */
export const IdNumber = z.string().regex(/^(?:\d{9}|\d{12})$/, 'must be 9 or 12 digits (CMND/CCCD)');
/** Vietnamese phone in national form: 0 + 9 or 10 digits (see normalisePhone in consent.ts). */
export const Phone = z.string().regex(/^0\d{9,10}$/, 'must be a Vietnamese phone number such as 0912345678');

export const CitizenDescriptor = z.strictObject({
  ageBand: AgeBand.optional(),
  gender: Gender.optional(),
  firstTime: z.boolean().optional().describe('first time using the portal'),
  // Personal fields: only valid when the desk turned them on (enforced by consent.ts).
  name: plainText(100).optional(),
  idNumber: IdNumber.optional(),
  phone: Phone.optional(),
  note: plainText(500).optional(),
});

export const TaskEntry = z
  .strictObject({
    taskId: Slug,
    outcome: TaskOutcome,
    reason: Reason.optional(),
    source: TaskSource,
    at: EpochMs.describe('when the task was added or its outcome last set'),
  })
  .superRefine((task, ctx) => {
    const needsReason = (OUTCOMES_WITH_REASON as readonly string[]).includes(task.outcome);
    if (needsReason && task.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `outcome "${task.outcome}" needs a reason` });
    }
    if (!needsReason && task.reason !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `outcome "${task.outcome}" takes no reason` });
    }
  });

export const MAX_TASKS_PER_SESSION = 50;

export const Session = z
  .strictObject({
    schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
    id: Uuid,
    deskId: Slug,
    memberId: Slug,
    startedAt: EpochMs,
    updatedAt: EpochMs.describe('last change: the later copy wins a merge conflict'),
    endedAt: EpochMs.optional(),
    consent: Consent,
    citizen: CitizenDescriptor.optional().describe('absent when consent was declined'),
    tasks: z.array(TaskEntry).max(MAX_TASKS_PER_SESSION),
    satisfaction: z.number().int().min(1).max(5).optional(),
  })
  .superRefine((session, ctx) => {
    if (!session.consent.agreed) {
      if (session.citizen !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['citizen'], message: 'consent was declined: nothing about the citizen may be stored' });
      }
      if (session.satisfaction !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: 'consent was declined: no satisfaction score is stored' });
      }
    }
    if (session.endedAt !== undefined && session.endedAt < session.startedAt) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'endedAt is before startedAt' });
    }
    if (session.updatedAt < session.startedAt) {
      ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'updatedAt is before startedAt' });
    }
    const seen = new Set<string>();
    session.tasks.forEach((task, i) => {
      if (seen.has(task.taskId)) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'taskId'], message: `task "${task.taskId}" appears twice` });
      }
      seen.add(task.taskId);
    });
  });

export type AgeBand = z.infer<typeof AgeBand>;
export type Gender = z.infer<typeof Gender>;
export type TaskOutcome = z.infer<typeof TaskOutcome>;
export type Reason = z.infer<typeof Reason>;
export type TaskSource = z.infer<typeof TaskSource>;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];
export type DeskSettings = z.infer<typeof DeskSettings>;
export type DeskSettingsInput = z.input<typeof DeskSettings>;
export type TeamMember = z.infer<typeof TeamMember>;
export type Consent = z.infer<typeof Consent>;
export type CitizenDescriptor = z.infer<typeof CitizenDescriptor>;
export type TaskEntry = z.infer<typeof TaskEntry>;
export type Session = z.infer<typeof Session>;

/** A user-facing message: Vietnamese first, English second. */
export interface Message {
  vi: string;
  en: string;
}

/** A zod issue path as text: `tasks[0].outcome`. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The first few issues of a failed parse, one per line, each "path: message". */
export function describeIssues(error: z.ZodError, prefix = '', limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = pathText(issue.path);
    const where = prefix && path ? `${prefix}.${path}` : prefix || path || '(root)';
    return `${where}: ${issue.message}`;
  });
  if (error.issues.length > limit) lines.push(`… ${error.issues.length - limit} more`);
  return lines.join('\n');
}

/** A new desk's settings: every personal field off, 12-month retention. */
export function defaultSettings(deskId: string): DeskSettings {
  return DeskSettings.parse({ schemaVersion: SETTINGS_SCHEMA_VERSION, deskId });
}
