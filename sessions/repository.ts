import { checkCitizen } from './consent';
import type { MergeResult } from './merge';
import { migrateSession } from './migrations';
import { DeskSettings, describeIssues, Session, TeamMember, type Message } from './schema';
import { DATA_VERSION, DATA_VERSION_KEY, QUOTA_MESSAGE, StorageQuotaError, type StorageAdapter, type WriteOp } from './storage';

/**
 * Typed access to the adapter: every read is parsed (storage is a trust boundary), every write
 * validated first and awaited. The extension's background calls these and replies only after the
 * promise settles, so a killed service worker never loses an acknowledged change.
 */
export type WriteResult = { ok: true } | { ok: false; error: Message };

export interface QuarantinedRecord {
  key: string;
  error: Message;
  quarantinedAt: number;
  record: unknown;
}

export interface LoadResult {
  sessions: Session[];
  /** Records upgraded from an older version during this load. */
  migrated: number;
  /** Records that could not be read: moved aside (never deleted) for the desk to export or discard. */
  quarantined: QuarantinedRecord[];
  warnings: Array<{ id: string; message: Message }>;
}

async function attempt(run: () => Promise<void>): Promise<WriteResult> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (error instanceof StorageQuotaError || (error instanceof Error && error.name === 'QuotaExceededError')) return { ok: false, error: { ...QUOTA_MESSAGE } };
    return { ok: false, error: { vi: 'Không lưu được dữ liệu, hãy thử lại.', en: `Could not save: ${String(error)}` } };
  }
}

/**
 * Loads every session, upgrading old records in place. Each record is upgraded in its own atomic
 * write, and migrations are idempotent, so a load interrupted half-way is simply finished by the
 * next one. A record that cannot be read is moved to the quarantine store in the same write that
 * removes it from `sessions` — never silently dropped.
 */
export async function loadSessions(adapter: StorageAdapter, now: number): Promise<LoadResult> {
  const version = await adapter.get('meta', DATA_VERSION_KEY);
  if (typeof version === 'number' && version > DATA_VERSION) {
    throw new Error(`Stored data is version ${version}; this Dẫn Bước reads up to ${DATA_VERSION}. Update the extension.`);
  }
  const result: LoadResult = { sessions: [], migrated: 0, quarantined: [], warnings: [] };
  const entries = await adapter.list('sessions');
  const keys = new Set(entries.map((e) => e.key));
  for (const { key, value } of entries) {
    const migrated = migrateSession(value);
    const upgraded = migrated.ok && migrated.fromVersion < migrated.session.schemaVersion;
    // A migration may normalise the id (pilot UUIDs were upper-case): move the record to its new
    // key in the same atomic write, unless a record already lives there.
    const rekey = upgraded && migrated.session.id !== key && !keys.has(migrated.session.id);
    if (migrated.ok && (migrated.session.id === key || rekey)) {
      if (upgraded) {
        const ops: WriteOp[] = [{ type: 'put', store: 'sessions', key: migrated.session.id, value: migrated.session }];
        if (rekey) ops.push({ type: 'delete', store: 'sessions', key });
        await adapter.write(ops);
        if (rekey) keys.add(migrated.session.id);
        result.migrated += 1;
      }
      result.sessions.push(migrated.session);
      for (const message of migrated.warnings) result.warnings.push({ id: migrated.session.id, message });
      continue;
    }
    const error = migrated.ok ? { vi: `Khóa “${key}” không khớp mã phiên.`, en: `Key "${key}" does not match the session id.` } : migrated.error;
    const entry: QuarantinedRecord = { key, error, quarantinedAt: now, record: value };
    await adapter.write([
      { type: 'put', store: 'quarantine', key, value: entry },
      { type: 'delete', store: 'sessions', key },
    ]);
    result.quarantined.push(entry);
  }
  // An empty database needs no marker (it reads as current): writing one would leave a record
  // behind after "delete everything" as soon as any page reloads.
  if (version !== DATA_VERSION && entries.length > 0) await adapter.put('meta', DATA_VERSION_KEY, DATA_VERSION);
  return result;
}

/**
 * The read-only path of loadSessions: every session when nothing needs a write (no record to upgrade,
 * re-key or quarantine, the layout marker current), else null and the caller runs loadSessions under
 * the write lock. It needs no lock: one `list` is a consistent snapshot. `pause` is awaited every
 * few hundred records so a page parsing 100,000 of them stays responsive.
 */
export async function readCurrentSessions(adapter: StorageAdapter, pause?: () => Promise<void>): Promise<Session[] | null> {
  const version = await adapter.get('meta', DATA_VERSION_KEY);
  const entries = await adapter.list('sessions');
  if (entries.length && version !== DATA_VERSION) return null;
  const sessions: Session[] = [];
  for (let i = 0; i < entries.length; i += 1) {
    if (pause && i % 500 === 499) await pause();
    const { key, value } = entries[i];
    const migrated = migrateSession(value);
    if (!migrated.ok || migrated.fromVersion < migrated.session.schemaVersion || migrated.session.id !== key || migrated.warnings.length) return null;
    sessions.push(migrated.session);
  }
  return sessions;
}

/**
 * Validates and stores one session (after every reducer call). With `settings`, the citizen
 * descriptor is checked against them too, so a message from a stale side panel cannot store a
 * personal field the desk has turned off.
 */
export async function saveSession(adapter: StorageAdapter, session: Session, settings?: DeskSettings): Promise<WriteResult> {
  const parsed = Session.safeParse(session);
  if (!parsed.success) {
    return { ok: false, error: { vi: `Phiên không hợp lệ, không lưu:\n${describeIssues(parsed.error)}`, en: `Invalid session, not saved:\n${describeIssues(parsed.error)}` } };
  }
  if (settings) {
    const citizen = checkCitizen(parsed.data.citizen, settings, parsed.data.consent);
    if (!citizen.ok) return citizen;
  }
  return attempt(() => adapter.put('sessions', parsed.data.id, parsed.data));
}

/** Deletes sessions (withdrawal of consent, retention purge) in one atomic write. */
export async function deleteSessions(adapter: StorageAdapter, ids: readonly string[]): Promise<WriteResult> {
  if (!ids.length) return { ok: true };
  return attempt(() => adapter.delete('sessions', ids));
}

/** Writes the outcome of mergeSessions: all of it or none of it. */
export async function applyMerge(adapter: StorageAdapter, merge: Pick<MergeResult, 'changed'>): Promise<WriteResult> {
  if (!merge.changed.length) return { ok: true };
  const ops: WriteOp[] = merge.changed.map((s) => ({ type: 'put', store: 'sessions', key: s.id, value: s }));
  return attempt(() => adapter.write(ops));
}

/** Any batch of writes, atomically, with the same quota message as every other write. */
export async function writeAll(adapter: StorageAdapter, ops: readonly WriteOp[]): Promise<WriteResult> {
  if (!ops.length) return { ok: true };
  return attempt(() => adapter.write(ops));
}

/** "Xóa toàn bộ dữ liệu": sessions, members, settings, quarantine and meta. */
export async function deleteEverything(adapter: StorageAdapter): Promise<WriteResult> {
  return attempt(() => adapter.clear());
}

export async function listQuarantine(adapter: StorageAdapter): Promise<QuarantinedRecord[]> {
  return (await adapter.list('quarantine')).map(({ value }) => value as QuarantinedRecord);
}

export async function discardQuarantine(adapter: StorageAdapter, keys: readonly string[]): Promise<WriteResult> {
  return attempt(() => adapter.delete('quarantine', keys));
}

const SETTINGS_KEY = 'desk';

export type SettingsLoad = { ok: true; settings: DeskSettings | undefined } | { ok: false; error: Message };

/** The desk's settings; `undefined` before first-run setup. */
export async function loadSettings(adapter: StorageAdapter): Promise<SettingsLoad> {
  const raw = await adapter.get('settings', SETTINGS_KEY);
  if (raw === undefined) return { ok: true, settings: undefined };
  const parsed = DeskSettings.safeParse(raw);
  return parsed.success
    ? { ok: true, settings: parsed.data }
    : { ok: false, error: { vi: `Cài đặt bị hỏng:\n${describeIssues(parsed.error)}`, en: `Settings are damaged:\n${describeIssues(parsed.error)}` } };
}

export async function saveSettings(adapter: StorageAdapter, settings: DeskSettings): Promise<WriteResult> {
  const parsed = DeskSettings.safeParse(settings);
  if (!parsed.success) return { ok: false, error: { vi: `Cài đặt không hợp lệ:\n${describeIssues(parsed.error)}`, en: `Invalid settings:\n${describeIssues(parsed.error)}` } };
  return attempt(() => adapter.put('settings', SETTINGS_KEY, parsed.data));
}

/** Team member profiles on this (possibly shared) machine; unreadable ones are skipped and counted. */
export async function loadMembers(adapter: StorageAdapter): Promise<{ members: TeamMember[]; unreadable: string[] }> {
  const members: TeamMember[] = [];
  const unreadable: string[] = [];
  for (const { key, value } of await adapter.list('members')) {
    const parsed = TeamMember.safeParse(value);
    if (parsed.success && parsed.data.id === key) members.push(parsed.data);
    else unreadable.push(key);
  }
  return { members, unreadable };
}

export async function saveMember(adapter: StorageAdapter, member: TeamMember): Promise<WriteResult> {
  const parsed = TeamMember.safeParse(member);
  if (!parsed.success) return { ok: false, error: { vi: `Hồ sơ thành viên không hợp lệ:\n${describeIssues(parsed.error)}`, en: `Invalid member profile:\n${describeIssues(parsed.error)}` } };
  return attempt(() => adapter.put('members', parsed.data.id, parsed.data));
}
