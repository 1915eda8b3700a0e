import { fold } from '../../engine/text';
import {
  defaultSettings,
  DeskSettings,
  loadMembers,
  loadSettings,
  migrateSession,
  QUOTA_MESSAGE,
  redactPersonal,
  saveSession,
  saveSettings,
  StorageQuotaError,
  TeamMember,
  MEMBER_SCHEMA_VERSION,
  type Message,
  type Session,
  type StorageAdapter,
  type WriteOp,
} from '../../sessions';
import { notifySessionsChanged } from '../sessions-db/changes';
import { withSessionsLock } from '../sessions-db/lock';
import {
  CurrentMember,
  DESK_META_VERSION,
  HelpRequests,
  META_KEYS,
  OpenSessionPointer,
  parseOr,
  readMetaRecord,
  UNRECORDED_PREFIX,
  UnrecordedTask,
  VisitedOrigins,
  type HelpRequest,
  type MetaRead,
} from './records';

/**
 * The desk's reads and its profile/settings writes, over the sessions StorageAdapter. Every write
 * takes the cross-context lock, is validated, awaited, and announced with notifySessionsChanged(), naming the session records it
 * touched (none for profiles and settings, so the dashboard's records worker re-reads nothing).
 * Session lifecycle writes are in session-store.ts.
 */
export type DeskResult<T = undefined> = { ok: true; value: T } | { ok: false; error: Message };

export const ok = <T>(value: T): DeskResult<T> => ({ ok: true, value });
export const fail = (vi: string, en: string): { ok: false; error: Message } => ({ ok: false, error: { vi, en } });

/** Runs a batch write; a quota error becomes the user-facing quota message, nothing half-written. */
export async function attemptWrite(adapter: StorageAdapter, ops: readonly WriteOp[]): Promise<DeskResult> {
  try {
    await adapter.write(ops);
    return ok(undefined);
  } catch (error) {
    if (error instanceof StorageQuotaError || (error instanceof Error && error.name === 'QuotaExceededError')) return { ok: false, error: { ...QUOTA_MESSAGE } };
    return fail('Không lưu được dữ liệu, hãy thử lại.', `Could not save: ${String(error)}`);
  }
}

export interface DeskSnapshot {
  settings: DeskSettings;
  /** Profiles on this machine, archived ones left out. */
  members: TeamMember[];
  /** The member working now, if one is chosen and still on file. */
  member: TeamMember | undefined;
  open: Session | undefined;
  /** The pointer names a session that cannot be read: said out loud, never hidden. */
  openError: Message | undefined;
  visited: VisitedOrigins | undefined;
  /** The visited-origins record exists but cannot be read: the sign-out offer covers every allowed origin. */
  visitedDamaged: boolean;
  /** Tasks a tour completed that could not be written (damaged pointer): for the team member to mark by hand. */
  unrecorded: UnrecordedTask[];
  /** "Nhờ cán bộ giúp" pressed in a tour, for tasks of the open session. */
  help: HelpRequest[];
}

export const POINTER_DAMAGED: Message = {
  vi: 'Không đọc được bản ghi “phiên đang mở” trên máy này (bản ghi bị hỏng). Phiên có thể vẫn còn trong trang báo cáo. Việc hướng dẫn báo xong trong lúc này chưa được ghi: hãy đánh dấu bằng tay.',
  en: 'The open-session pointer on this machine is damaged. Tasks completed by a tour meanwhile were not recorded.',
};

/** One session by id, upgraded and validated; undefined when missing. */
export async function readSession(adapter: StorageAdapter, id: string): Promise<DeskResult<Session | undefined>> {
  const raw = await adapter.get('sessions', id);
  if (raw === undefined) return ok(undefined);
  const migrated = migrateSession(raw);
  return migrated.ok ? ok(migrated.session) : { ok: false, error: migrated.error };
}

export async function readPointerRecord(adapter: StorageAdapter): Promise<MetaRead<OpenSessionPointer>> {
  return readMetaRecord(OpenSessionPointer, await adapter.get('meta', META_KEYS.openSession));
}

/** The open-session pointer, or 'damaged': callers must decide what a damaged pointer means, never read it as "none". */
export async function readPointer(adapter: StorageAdapter): Promise<OpenSessionPointer | 'damaged' | undefined> {
  const read = await readPointerRecord(adapter);
  return read.state === 'damaged' ? 'damaged' : read.state === 'ok' ? read.value : undefined;
}

/** The id the pointer names, undefined when missing or damaged (for "is this the open session?" checks). */
export async function pointerSessionId(adapter: StorageAdapter): Promise<string | undefined> {
  const pointer = await readPointer(adapter);
  return pointer === 'damaged' ? undefined : pointer?.sessionId;
}

export async function readVisitedRecord(adapter: StorageAdapter): Promise<MetaRead<VisitedOrigins>> {
  return readMetaRecord(VisitedOrigins, await adapter.get('meta', META_KEYS.visitedOrigins));
}

/** Tasks a tour completed while the pointer was damaged (see completeTaskFromTour). */
export async function readUnrecorded(adapter: StorageAdapter): Promise<Array<{ key: string; task: UnrecordedTask }>> {
  const out: Array<{ key: string; task: UnrecordedTask }> = [];
  for (const { key, value } of await adapter.list('meta')) {
    if (!key.startsWith(UNRECORDED_PREFIX)) continue;
    const parsed = UnrecordedTask.safeParse(value);
    if (parsed.success) out.push({ key, task: parsed.data });
  }
  return out;
}

export async function readHelp(adapter: StorageAdapter): Promise<HelpRequests | undefined> {
  return parseOr(HelpRequests, await adapter.get('meta', META_KEYS.helpRequests));
}

/** A new desk id: `ban-` and 8 random hex digits (stamped on every session of this machine). */
export function newDeskId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `ban-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Shown before anything is saved; a real id is made on the first write (see settingsOrCreate). */
export const UNSAVED_DESK_ID = 'chua-luu';

/**
 * The desk's settings, created with safe defaults (every personal field off) on the first write that
 * needs them. Call inside withSessionsLock. Reading never creates them, so a page that reloads after
 * "delete everything" leaves the database empty.
 */
export async function settingsOrCreate(adapter: StorageAdapter): Promise<DeskResult<DeskSettings>> {
  const loaded = await loadSettings(adapter);
  if (!loaded.ok) return loaded;
  if (loaded.settings) return ok(loaded.settings);
  const settings = defaultSettings(newDeskId());
  const saved = await saveSettings(adapter, settings);
  if (!saved.ok) return saved;
  notifySessionsChanged([]);
  return ok(settings);
}

export async function ensureSettings(adapter: StorageAdapter): Promise<DeskResult<DeskSettings>> {
  return withSessionsLock(() => settingsOrCreate(adapter));
}

/** What the console shows: stored settings, or the defaults a first write would store. */
async function settingsForDisplay(adapter: StorageAdapter): Promise<DeskResult<DeskSettings>> {
  const loaded = await loadSettings(adapter);
  if (!loaded.ok) return loaded;
  return ok(loaded.settings ?? defaultSettings(UNSAVED_DESK_ID));
}

export async function readDesk(adapter: StorageAdapter): Promise<DeskResult<DeskSnapshot>> {
  const settings = await settingsForDisplay(adapter);
  if (!settings.ok) return settings;
  const [{ members }, current, pointerRead, visitedRead, unrecorded, help] = await Promise.all([
    loadMembers(adapter),
    adapter.get('meta', META_KEYS.currentMember).then((raw) => parseOr(CurrentMember, raw)),
    readPointerRecord(adapter),
    readVisitedRecord(adapter),
    readUnrecorded(adapter),
    readHelp(adapter),
  ]);
  const pointer = pointerRead.state === 'ok' ? pointerRead.value : undefined;
  let open: Session | undefined;
  let openError: Message | undefined = pointerRead.state === 'damaged' ? POINTER_DAMAGED : undefined;
  if (pointer) {
    const session = await readSession(adapter, pointer.sessionId);
    if (!session.ok) openError = session.error;
    else if (session.value && session.value.endedAt === undefined) open = session.value;
  }
  const active = members.filter((m) => !m.archived).sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
  const memberId = open?.memberId ?? current?.memberId;
  const helpItems = open && help?.sessionId === open.id ? help.items.filter((h) => open.tasks.some((t) => t.taskId === h.taskId)) : [];
  return ok({
    settings: settings.value,
    members: active,
    member: members.find((m) => m.id === memberId),
    open,
    openError,
    visited: visitedRead.state === 'ok' ? visitedRead.value : undefined,
    visitedDamaged: visitedRead.state === 'damaged',
    unrecorded: unrecorded.map((u) => u.task),
    help: helpItems,
  });
}

/** A short, stable code from the name the member types: "Nguyễn Thị Hoa" → "nguyen-thi-hoa" (then -2, -3 …). */
export function memberIdFor(displayName: string, taken: ReadonlySet<string>): string {
  const base =
    fold(displayName)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'thanh-vien';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface MemberInput {
  displayName: string;
  team: string;
  commune: string;
}

/** Creates a profile on this machine and makes it the current one. */
export async function createMember(adapter: StorageAdapter, input: MemberInput, now: number): Promise<DeskResult<TeamMember>> {
  return withSessionsLock(async () => {
    const settings = await settingsOrCreate(adapter);
    if (!settings.ok) return settings;
    const { members, unreadable } = await loadMembers(adapter);
    const id = memberIdFor(input.displayName, new Set([...members.map((m) => m.id), ...unreadable]));
    const parsed = TeamMember.safeParse({ schemaVersion: MEMBER_SCHEMA_VERSION, id, ...input, createdAt: now });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      const label: Record<string, string> = { displayName: 'Tên hoặc mã', team: 'Tổ', commune: 'Xã/phường' };
      return fail(`Hãy điền “${label[field] ?? field}” (không để trống, không quá dài, không dùng ký tự < >).`, `Check the field "${field}": ${parsed.error.issues[0]?.message}`);
    }
    const written = await attemptWrite(adapter, [
      { type: 'put', store: 'members', key: id, value: parsed.data },
      { type: 'put', store: 'meta', key: META_KEYS.currentMember, value: { v: DESK_META_VERSION, memberId: id } },
    ]);
    if (!written.ok) return written;
    notifySessionsChanged([]);
    return ok(parsed.data);
  });
}

/** Chooses who is working at the desk (undefined: nobody, back to the profile list). */
export async function selectMember(adapter: StorageAdapter, memberId: string | undefined): Promise<DeskResult> {
  return withSessionsLock(async () => {
    // A damaged pointer may hide an open session: switching member is refused until it is cleared.
    if (await readPointer(adapter)) return fail('Hãy kết thúc phiên đang mở trước khi đổi thành viên.', 'End the open session before switching member.');
    const op: WriteOp =
      memberId === undefined
        ? { type: 'delete', store: 'meta', key: META_KEYS.currentMember }
        : { type: 'put', store: 'meta', key: META_KEYS.currentMember, value: CurrentMember.parse({ v: DESK_META_VERSION, memberId }) };
    const written = await attemptWrite(adapter, [op]);
    if (written.ok) notifySessionsChanged([]);
    return written;
  });
}

/**
 * Saves the desk's settings. A personal field turned off is also removed from the open session
 * at once, so nothing the desk no longer records stays stored (and later saves stay valid).
 */
export async function saveDeskSettings(adapter: StorageAdapter, next: DeskSettings): Promise<DeskResult> {
  return withSessionsLock(async () => {
    const current = await settingsOrCreate(adapter);
    if (!current.ok) return current;
    const parsed = DeskSettings.safeParse({ ...next, deskId: current.value.deskId });
    if (!parsed.success) return fail('Cài đặt không hợp lệ.', `Invalid settings: ${parsed.error.issues[0]?.message}`);
    const saved = await saveSettings(adapter, parsed.data);
    if (!saved.ok) return saved;
    const openId = await pointerSessionId(adapter);
    const open = openId ? await readSession(adapter, openId) : undefined;
    const touched: string[] = [];
    if (open?.ok && open.value) {
      const redacted = redactPersonal(open.value, parsed.data);
      if (redacted !== open.value) {
        const written = await saveSession(adapter, redacted, parsed.data);
        if (!written.ok) return written;
        touched.push(redacted.id);
      }
    }
    notifySessionsChanged(touched);
    return ok(undefined);
  });
}
