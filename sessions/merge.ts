import { BACKUP_FORMAT, BACKUP_VERSION, withoutPersonal } from './export';
import { migrateSession } from './migrations';
import { describeIssues, PERSONAL_FIELDS, type Message, type Session } from './schema';
import { Withdrawal } from './withdrawals';

/**
 * Importing backups from several desks into one report. `parseBackup` is all-or-nothing: any
 * problem rejects the whole file with a message saying where, and nothing is returned to merge.
 * `mergeSessions` is pure: the same session imported twice counts once, and when two copies of a
 * session differ the later one wins by a total order, so merging is idempotent and the result
 * does not depend on the order files are imported in.
 */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
export const MAX_BACKUP_SESSIONS = 500_000;

export interface ParseOk {
  ok: true;
  deskId: string;
  exportedAt: number;
  sessions: Session[];
  /** Sessions withdrawn on the desk that exported the file (format 2): never imported, deleted here too. */
  withdrawn: Withdrawal[];
  /** Older records upgraded on the way in, with what changed (see migrations.ts). */
  warnings: Array<{ index: number; message: Message }>;
}
export interface ParseError {
  ok: false;
  error: Message;
  /** For an invalid session: its position in `sessions` and the field path. */
  index?: number;
}
export type ParseResult = ParseOk | ParseError;

const reject = (vi: string, en: string, index?: number): ParseError => ({ ok: false, error: { vi, en }, ...(index === undefined ? {} : { index }) });

/** UTF-8 byte length without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

export function parseBackup(text: string, options: { maxBytes?: number } = {}): ParseResult {
  const maxBytes = options.maxBytes ?? MAX_BACKUP_BYTES;
  if (typeof text !== 'string') return reject('Tệp không đọc được.', 'The file could not be read.');
  if (text.length > maxBytes || utf8Length(text) > maxBytes) {
    return reject(`Tệp quá lớn (giới hạn ${megabytes(maxBytes)} MB). Hãy xuất theo từng khoảng thời gian.`, `File too large (limit ${megabytes(maxBytes)} MB). Export smaller date ranges.`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) return reject('Tệp trống.', 'The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return reject(
      'Tệp không phải JSON hợp lệ: có thể tệp bị hỏng hoặc không phải tệp sao lưu của Dẫn Bước.',
      'Not valid JSON: the file is damaged or is not a Dẫn Bước backup.',
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return reject('Tệp không phải tệp sao lưu của Dẫn Bước.', 'Not a Dẫn Bước backup file.');
  }
  const file = data as Record<string, unknown>;
  if (file.format !== BACKUP_FORMAT) {
    return reject(
      `Tệp không phải tệp sao lưu phiên hỗ trợ của Dẫn Bước (định dạng: ${JSON.stringify(file.format ?? null).slice(0, 60)}).`,
      `Not a Dẫn Bước session backup (format: ${JSON.stringify(file.format ?? null).slice(0, 60)}).`,
    );
  }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    return reject('Tệp sao lưu thiếu số phiên bản hợp lệ.', 'The backup has no valid version number.');
  }
  if (file.version > BACKUP_VERSION) {
    return reject(
      `Tệp được tạo bởi bản Dẫn Bước mới hơn (định dạng ${file.version}, bản này đọc được ${BACKUP_VERSION}). Hãy cập nhật tiện ích rồi nhập lại.`,
      `The file comes from a newer Dẫn Bước (format ${file.version}; this one reads ${BACKUP_VERSION}). Update the extension and import again.`,
    );
  }
  const allowed = new Set(['format', 'version', 'exportedAt', 'deskId', 'sessions', ...(file.version >= 2 ? ['withdrawn'] : [])]);
  const extra = Object.keys(file).filter((k) => !allowed.has(k));
  if (extra.length) return reject(`Tệp sao lưu có trường lạ: ${extra.slice(0, 5).join(', ')}.`, `Unknown field(s) in the backup: ${extra.slice(0, 5).join(', ')}.`);
  if (typeof file.deskId !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(file.deskId) || file.deskId.length > 64) {
    return reject('Tệp sao lưu thiếu mã điểm hỗ trợ (deskId).', 'The backup has no valid deskId.');
  }
  if (typeof file.exportedAt !== 'number' || !Number.isInteger(file.exportedAt)) {
    return reject('Tệp sao lưu thiếu thời điểm xuất (exportedAt).', 'The backup has no valid exportedAt.');
  }
  if (!Array.isArray(file.sessions)) return reject('Tệp sao lưu thiếu danh sách phiên (sessions).', 'The backup has no sessions list.');
  if (file.sessions.length > MAX_BACKUP_SESSIONS) {
    return reject(`Tệp có quá nhiều phiên (${file.sessions.length}).`, `Too many sessions in one file (${file.sessions.length}).`);
  }

  const withdrawn: Withdrawal[] = [];
  if (file.withdrawn !== undefined) {
    const parsed = Withdrawal.array().max(MAX_BACKUP_SESSIONS).safeParse(file.withdrawn);
    if (!parsed.success) {
      const where = describeIssues(parsed.error, 'withdrawn');
      return reject(`Danh sách phiên đã rút đồng ý (withdrawn) trong tệp không hợp lệ — tệp không được nhập.\n${where}`, `The withdrawn list is invalid — nothing was imported.\n${where}`);
    }
    withdrawn.push(...parsed.data);
  }

  const sessions: Session[] = [];
  const warnings: ParseOk['warnings'] = [];
  for (let index = 0; index < file.sessions.length; index += 1) {
    const result = migrateSession(file.sessions[index]);
    if (!result.ok) {
      return reject(
        `Phiên thứ ${index + 1} (sessions[${index}]) không hợp lệ — tệp không được nhập, dữ liệu hiện có giữ nguyên.\n${result.error.vi}`,
        `Session ${index + 1} (sessions[${index}]) is invalid — nothing was imported.\n${result.error.en}`,
        index,
      );
    }
    sessions.push(result.session);
    for (const message of result.warnings) warnings.push({ index, message });
  }
  return { ok: true, deskId: file.deskId, exportedAt: file.exportedAt, sessions, withdrawn, warnings };
}

/** Structural equality of JSON-like values; a key holding `undefined` counts as absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    // Stryker disable next-line EqualityOperator: lengths are equal here, and one index past the end compares undefined with undefined
    for (let i = 0; i < a.length; i += 1) if (!jsonEqual(a[i], bb[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(rb, k) || !jsonEqual(ra[k], rb[k])) return false;
  return true;
}

/** JSON with sorted keys: a canonical text, used only to break exact ties deterministically. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** > 0 when `a` should win over `b`: later updatedAt, then later endedAt, then canonical text. */
export function compareVersions(a: Session, b: Session): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt - b.updatedAt;
  const ea = a.endedAt ?? -1;
  const eb = b.endedAt ?? -1;
  if (ea !== eb) return ea - eb;
  const ca = canonicalJson(a);
  const cb = canonicalJson(b);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

export interface MergeConflict {
  id: string;
  kept: 'existing' | 'incoming';
  existingUpdatedAt: number;
  incomingUpdatedAt: number;
}

export interface MergeResult {
  /** All sessions after the merge, sorted by startedAt then id. */
  sessions: Session[];
  /** Only the records to write: new ones and those an incoming copy replaced. */
  changed: Session[];
  /**
   * `added + replaced === changed.length`: what the preview announces is exactly what is written.
   * `replaced` counts every existing record an incoming copy updates (a later edit, or a fuller copy
   * of the same record); `conflicts` counts records that differ in more than personal fields.
   */
  counts: { added: number; duplicates: number; conflicts: number; replaced: number };
  conflicts: MergeConflict[];
}

const personalCount = (session: Session) => PERSONAL_FIELDS.filter((field) => session.citizen?.[field] !== undefined).length;

export function mergeSessions(existing: readonly Session[], incoming: readonly Session[]): MergeResult {
  const byId = new Map<string, Session>();
  for (const s of existing) {
    const held = byId.get(s.id);
    // Stryker disable next-line EqualityOperator: compareVersions is 0 only for identical copies, so keeping either is the same
    if (!held || compareVersions(s, held) > 0) byId.set(s.id, s);
  }
  const existingIds = new Set(byId.keys());
  const changed = new Map<string, Session>();
  const conflicts: MergeConflict[] = [];
  const counts = { added: 0, duplicates: 0, conflicts: 0, replaced: 0 };
  for (const s of incoming) {
    const held = byId.get(s.id);
    if (!held) {
      byId.set(s.id, s);
      changed.set(s.id, s);
      continue;
    }
    if (jsonEqual(held, s)) {
      counts.duplicates += 1;
      continue;
    }
    // The same record where one copy went through an export that left personal fields out: the
    // fuller copy stays (a stripped backup must not erase this desk's fields). A stripped incoming
    // copy is a duplicate; a fuller incoming copy updates the record here, and is counted so.
    if (personalCount(held) !== personalCount(s) && jsonEqual(withoutPersonal(held), withoutPersonal(s))) {
      // Stryker disable next-line EqualityOperator: the counts differ here (checked just above)
      if (personalCount(s) > personalCount(held)) {
        byId.set(s.id, s);
        changed.set(s.id, s);
      } else counts.duplicates += 1;
      continue;
    }
    // Stryker disable next-line EqualityOperator: compareVersions is 0 only for identical copies, which were counted as duplicates above
    const incomingWins = compareVersions(s, held) > 0;
    counts.conflicts += 1;
    conflicts.push({ id: s.id, kept: incomingWins ? 'incoming' : 'existing', existingUpdatedAt: held.updatedAt, incomingUpdatedAt: s.updatedAt });
    if (incomingWins) {
      byId.set(s.id, s);
      changed.set(s.id, s);
    }
  }
  for (const id of changed.keys()) {
    if (existingIds.has(id)) counts.replaced += 1;
    else counts.added += 1;
  }
  // Stryker disable next-line EqualityOperator: ids in the map are unique, so a.id === b.id never happens
  const sessions = [...byId.values()].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { sessions, changed: [...changed.values()], counts, conflicts };
}
