import { z } from 'zod';
import { fold } from '../engine/text';
import { PILOT_CONSENT_VERSION } from './consent';
import {
  describeIssues,
  Session,
  SESSION_SCHEMA_VERSION,
  type AgeBand,
  type Message,
  type Reason,
  type TaskEntry,
  type TaskOutcome,
} from './schema';
import { civilFromDays, dayNumber } from './time';

/**
 * Versioned migrations for persisted Session records. Every stored or imported record passes
 * through `migrateSession` before use: old shapes are upgraded step by step to the current one,
 * current records are validated and come back equal, and nothing is dropped silently — every
 * deliberate loss (a birth year turned into an age band, free text the new format does not keep)
 * is listed in `warnings`. It never throws.
 *
 * Version history
 *   v0  First pilot (2025): no `schemaVersion`; ISO-8601 strings for times; `desk`/`member` as
 *       typed by hand; consent as a bare boolean; `birthYear`; tasks with a Vietnamese `status`
 *       and a free-text `reason`; `rating`.
 *   v1  Current (schema.ts): epoch-ms times, slug ids, consent with text version and time, age
 *       band instead of birth year, reason from a fixed list, task `source`.
 */
export const CURRENT_SESSION_VERSION = SESSION_SCHEMA_VERSION;

export type MigrationResult =
  | { ok: true; session: Session; fromVersion: number; warnings: Message[] }
  | { ok: false; error: Message };

const isoWithZone = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/, 'must be an ISO-8601 date-time with a zone (Z or +07:00)');

export const LegacySessionV0 = z.strictObject({
  id: z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/, 'must be a UUID'),
  desk: z.string().min(1).max(80),
  member: z.string().min(1).max(80),
  start: isoWithZone,
  end: isoWithZone.nullable().optional(),
  consent: z.boolean(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  gender: z.enum(['Nam', 'Nữ', 'Khác', '']).optional(),
  firstTime: z.enum(['co', 'khong', '']).optional(),
  tasks: z
    .array(
      z.strictObject({
        task: z.string().min(1).max(80),
        status: z.enum(['xong', 'mot-phan', 'chua-xong', 'dang-lam']),
        reason: z.string().max(500).nullable().optional(),
        time: isoWithZone,
      }),
    )
    .max(200),
  rating: z.number().int().min(1).max(5).nullable().optional(),
});
export type LegacySessionV0 = z.infer<typeof LegacySessionV0>;

/** Task ids the pilot used before the catalogue settled. */
export const LEGACY_TASK_IDS: Readonly<Record<string, string>> = {
  'cai-vneid': 'cai-dat-vneid',
  'dinh-danh-muc-2': 'kich-hoat-dinh-danh-muc-2',
  'tien-dien': 'thanh-toan-tien-dien',
  'tien-nuoc': 'thanh-toan-tien-nuoc',
};

const STATUS_TO_OUTCOME: Record<LegacySessionV0['tasks'][number]['status'], TaskOutcome> = {
  xong: 'done',
  'mot-phan': 'partial',
  'chua-xong': 'not-done',
  'dang-lam': 'pending',
};

const REASON_BY_FOLDED_TEXT: Readonly<Record<string, Reason>> = {
  'thieu giay to': 'thieu-giay-to',
  'loi he thong': 'loi-he-thong',
  'chua co tai khoan': 'chua-co-tai-khoan',
  'het thoi gian': 'het-thoi-gian',
  'het gio': 'het-thoi-gian',
};

/** "Tổ 3 – Chị Lan" → "to-3-chi-lan": what the pilot typed, as an id. */
export function slugify(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
}

export function ageBandOf(age: number): AgeBand {
  if (age < 18) return 'duoi-18';
  if (age < 30) return '18-29';
  if (age < 45) return '30-44';
  if (age < 60) return '45-59';
  if (age < 75) return '60-74';
  return '75+';
}

const warn = (vi: string, en: string): Message => ({ vi, en });

type Step = (raw: unknown, warnings: Message[]) => { ok: true; value: unknown } | { ok: false; error: Message };

function v0ToV1(raw: unknown, warnings: Message[]): ReturnType<Step> {
  const parsed = LegacySessionV0.safeParse(raw);
  if (!parsed.success) {
    const detail = describeIssues(parsed.error);
    return { ok: false, error: { vi: `Bản ghi thời thí điểm (v0) không hợp lệ:\n${detail}`, en: `Invalid pilot (v0) record:\n${detail}` } };
  }
  const old = parsed.data;
  const startedAt = Date.parse(old.start);
  const endedAt = old.end ? Date.parse(old.end) : undefined;
  const deskId = slugify(old.desk);
  const memberId = slugify(old.member);
  if (!deskId || !memberId) {
    return { ok: false, error: { vi: 'Bản ghi v0 không có mã điểm hỗ trợ hoặc thành viên dùng được.', en: 'v0 record has no usable desk or member id.' } };
  }

  const byTask = new Map<string, TaskEntry>();
  old.tasks.forEach((t, i) => {
    const folded = slugify(t.task);
    const taskId = LEGACY_TASK_IDS[folded] ?? folded;
    const outcome = STATUS_TO_OUTCOME[t.status];
    const entry: TaskEntry = { taskId, outcome, source: 'manual', at: Date.parse(t.time) };
    const reasonText = t.reason?.trim() ?? '';
    if (outcome === 'partial' || outcome === 'not-done') {
      const known = REASON_BY_FOLDED_TEXT[fold(reasonText).replace(/[.!]+$/, '')];
      entry.reason = known ?? 'khac';
      if (!known) {
        warnings.push(
          reasonText
            ? warn(`tasks[${i}]: lý do ghi tay “${reasonText}” được đổi thành “Lý do khác” (định dạng mới không lưu chữ tự do).`, `tasks[${i}]: free-text reason "${reasonText}" became "khac" (v1 keeps no free text).`)
            : warn(`tasks[${i}]: thiếu lý do, ghi là “Lý do khác”.`, `tasks[${i}]: no reason given; recorded as "khac".`),
        );
      }
    } else if (reasonText) {
      warnings.push(warn(`tasks[${i}]: bỏ lý do “${reasonText}” vì việc ở trạng thái “${t.status}”.`, `tasks[${i}]: dropped reason "${reasonText}" on a "${t.status}" task.`));
    }
    const previous = byTask.get(taskId);
    if (previous) {
      const keepNew = entry.at >= previous.at;
      warnings.push(warn(`tasks[${i}]: việc “${taskId}” ghi hai lần; giữ lần ghi sau.`, `tasks[${i}]: task "${taskId}" recorded twice; kept the later entry.`));
      if (!keepNew) return;
    }
    byTask.set(taskId, entry);
  });

  const session: Record<string, unknown> = {
    schemaVersion: 1,
    id: old.id.toLowerCase(),
    deskId,
    memberId,
    startedAt,
    updatedAt: Math.max(startedAt, endedAt ?? startedAt, ...[...byTask.values()].map((t) => t.at)),
    consent: { textVersion: PILOT_CONSENT_VERSION, agreed: old.consent, at: startedAt },
    tasks: [...byTask.values()],
  };
  if (endedAt !== undefined) session.endedAt = endedAt;

  const citizen: Record<string, unknown> = {};
  if (old.birthYear != null) {
    const age = civilFromDays(dayNumber(startedAt)).year - old.birthYear;
    citizen.ageBand = ageBandOf(age);
    warnings.push(warn('Năm sinh được đổi thành nhóm tuổi; năm sinh không còn được lưu.', 'Birth year converted to an age band; the birth year itself is no longer stored.'));
  }
  if (old.gender) citizen.gender = { Nam: 'nam', Nữ: 'nu', Khác: 'khac' }[old.gender];
  if (old.firstTime) citizen.firstTime = old.firstTime === 'co';
  const hasCitizen = Object.keys(citizen).length > 0;
  if (old.consent) {
    if (hasCitizen) session.citizen = citizen;
    if (old.rating != null) session.satisfaction = old.rating;
  } else if (hasCitizen || old.rating != null) {
    warnings.push(
      warn(
        'Người dân đã không đồng ý nhưng bản ghi thí điểm vẫn có thông tin về họ (tuổi, giới tính, lần đầu, mức hài lòng): đã xóa các thông tin đó.',
        'Consent was declined yet the pilot record held citizen data (age, gender, first time, rating): removed.',
      ),
    );
  }
  return { ok: true, value: session };
}

/** MIGRATIONS[n] upgrades a record of version n to n + 1. */
const MIGRATIONS: Readonly<Record<number, Step>> = { 0: v0ToV1 };

/** The version of a raw record: its `schemaVersion`, 0 for the pilot shape, undefined if unknown. */
export function detectVersion(raw: unknown): number | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  if ('schemaVersion' in record) {
    const v = record.schemaVersion;
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
  }
  if ('desk' in record && 'start' in record && 'tasks' in record) return 0;
  return undefined;
}

export function migrateSession(raw: unknown): MigrationResult {
  try {
    const fromVersion = detectVersion(raw);
    if (fromVersion === undefined) {
      return { ok: false, error: { vi: 'Không nhận ra bản ghi: không phải một phiên hỗ trợ của Dẫn Bước.', en: 'Unrecognised record: not a Dẫn Bước session.' } };
    }
    if (fromVersion > CURRENT_SESSION_VERSION) {
      return {
        ok: false,
        error: {
          vi: `Bản ghi có phiên bản ${fromVersion}, mới hơn bản Dẫn Bước này (${CURRENT_SESSION_VERSION}). Hãy cập nhật tiện ích.`,
          en: `Record version ${fromVersion} is newer than this Dẫn Bước (${CURRENT_SESSION_VERSION}). Update the extension.`,
        },
      };
    }
    const warnings: Message[] = [];
    let value: unknown = raw;
    for (let v = fromVersion; v < CURRENT_SESSION_VERSION; v += 1) {
      const step = MIGRATIONS[v];
      if (!step) return { ok: false, error: { vi: `Thiếu bước chuyển đổi từ phiên bản ${v}.`, en: `No migration from version ${v}.` } };
      const out = step(value, warnings);
      if (!out.ok) return out;
      value = out.value;
    }
    const parsed = Session.safeParse(value);
    if (!parsed.success) {
      const detail = describeIssues(parsed.error);
      return {
        ok: false,
        error:
          fromVersion === CURRENT_SESSION_VERSION
            ? { vi: `Phiên không hợp lệ:\n${detail}`, en: `Invalid session:\n${detail}` }
            : { vi: `Chuyển đổi từ phiên bản ${fromVersion} cho kết quả không hợp lệ:\n${detail}`, en: `Migration from version ${fromVersion} produced an invalid session:\n${detail}` },
      };
    }
    return { ok: true, session: parsed.data, fromVersion, warnings };
  } catch (error) {
    return { ok: false, error: { vi: 'Lỗi không mong đợi khi đọc bản ghi.', en: `Unexpected error reading the record: ${String(error)}` } };
  }
}
