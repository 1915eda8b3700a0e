import {
  findByWithdrawalCode,
  listQuarantine,
  loadMembers,
  loadSessions,
  loadSettings,
  loadWithdrawals,
  migrateSession,
  partitionForRetention,
  readCurrentSessions,
  recountTallies,
  tallyDrift,
  type DayTally,
  type DeskSettings,
  type Message,
  type QuarantinedRecord,
  type Session,
  type StorageAdapter,
  type TeamMember,
  type Withdrawal,
} from '../../sessions';
import { withSessionsLock } from '../sessions-db/lock';
import { planImport, type ImportPlan } from './actions';
import { exportDeskId } from './model';

/**
 * Every session record behind the dashboard, held where the exports are built (the records worker,
 * extension/dashboard/records-worker.ts), so the page itself never parses 100,000 records. Each
 * record is validated (and upgraded or quarantined under the write lock) once, when the store
 * loads; a change that names its records re-reads just those, by id.
 */
/** Every session, read without the lock when nothing needs a write, else upgraded/quarantined under it. */
async function readSessions(adapter: StorageAdapter, now: number, pause?: () => Promise<void>): Promise<{ sessions: Session[]; migrated: number }> {
  const current = await readCurrentSessions(adapter, pause);
  return current ? { sessions: current, migrated: 0 } : withSessionsLock(() => loadSessions(adapter, now));
}

/** Everything stored, as one page (or a unit test) holding all of it would read it. */
export interface Records {
  sessions: Session[];
  quarantined: QuarantinedRecord[];
  migrated: number;
  settings: DeskSettings | undefined;
  settingsError: Message | undefined;
  members: TeamMember[];
  withdrawn: { ids: Set<string>; list: Withdrawal[] };
}

export async function readRecords(adapter: StorageAdapter, now: number): Promise<Records> {
  const loaded = await readSessions(adapter, now);
  const [quarantined, settings, members, withdrawn] = await Promise.all([listQuarantine(adapter), loadSettings(adapter), loadMembers(adapter), loadWithdrawals(adapter)]);
  return {
    sessions: loaded.sessions,
    quarantined,
    migrated: loaded.migrated,
    settings: settings.ok ? settings.settings : undefined,
    settingsError: settings.ok ? undefined : settings.error,
    members: members.members,
    withdrawn: { ids: withdrawn.ids, list: withdrawn.list },
  };
}

const byStartThenId = (a: Session, b: Session) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `list` ordered by start time, then id. A comparator sort of 100,000 records takes ~150 ms; here
 * each start (minus the earliest) times 2^k plus the record's index is one number, sorted natively
 * as a Float64Array, so records with the same start keep index order and only those runs are then
 * ordered by id. Spans too long for the packed number to stay exact (> ~2 years at 100,000
 * records) take the comparator sort.
 */
export function byStart(list: Session[]): Session[] {
  const n = list.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i += 1) {
    const t = list[i].startedAt;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const scale = 2 ** Math.ceil(Math.log2(Math.max(2, n)));
  if (n < 2 || (hi - lo + 1) * scale > Number.MAX_SAFE_INTEGER) return list.sort(byStartThenId);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) keys[i] = (list[i].startedAt - lo) * scale + i;
  keys.sort();
  const sorted = new Array<Session>(n);
  for (let i = 0; i < n; i += 1) sorted[i] = list[keys[i] % scale];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j].startedAt === sorted[i].startedAt) j += 1;
    if (j - i > 1) sorted.splice(i, j - i, ...sorted.slice(i, j).sort(byStartThenId));
    i = j;
  }
  return sorted;
}

export interface RecordsInfo {
  count: number;
  /** Every record in quarantine (this load's and earlier ones): shown, never dropped. */
  quarantined: QuarantinedRecord[];
  /** Records upgraded from an older format during the last full load. */
  migrated: number;
  /** The desk id the exports carry when the desk has no settings yet. */
  fallbackDeskId: string;
  /** When the records were last read. */
  loadedAt: number;
}

export class RecordsStore {
  private sessions = new Map<string, Session>();
  private quarantined: QuarantinedRecord[] = [];
  private migrated = 0;
  private loadedAt = 0;

  /** Reads every record; upgrades or quarantines under the lock only when a record needs a write. */
  async load(adapter: StorageAdapter, now: number, pause?: () => Promise<void>): Promise<void> {
    const loaded = await readSessions(adapter, now, pause);
    this.sessions = new Map(loaded.sessions.map((s) => [s.id, s]));
    this.migrated = loaded.migrated;
    this.quarantined = await listQuarantine(adapter);
    this.loadedAt = now;
  }

  /**
   * Re-reads the named records and puts them in place (or removes them). False when a record needs
   * a migration or fails validation: the caller then loads everything, which upgrades or
   * quarantines it under the lock. Nothing is changed before every named record has been read.
   */
  async apply(adapter: StorageAdapter, sessionIds: readonly string[], now: number): Promise<boolean> {
    const next = new Map<string, Session | undefined>();
    for (const id of new Set(sessionIds)) {
      const raw = await adapter.get('sessions', id);
      if (raw === undefined) {
        next.set(id, undefined);
        continue;
      }
      const migrated = migrateSession(raw);
      if (!migrated.ok || migrated.fromVersion < migrated.session.schemaVersion || migrated.session.id !== id) return false;
      next.set(id, migrated.session);
    }
    for (const [id, session] of next) {
      if (session) this.sessions.set(id, session);
      else this.sessions.delete(id);
    }
    this.loadedAt = now;
    return true;
  }

  info(): RecordsInfo {
    return { count: this.sessions.size, quarantined: this.quarantined, migrated: this.migrated, fallbackDeskId: exportDeskId(undefined, this.all()), loadedAt: this.loadedAt };
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  /** The sessions that started in [from, to), oldest first (then by id): the CSV/XLSX session log. */
  inPeriod(from: number, to: number): Session[] {
    const picked: Session[] = [];
    for (const s of this.sessions.values()) if (s.startedAt >= from && s.startedAt < to) picked.push(s);
    return byStart(picked);
  }

  retention(now: number, months: number): { purgeCount: number; cutoff: number } {
    const { purge, cutoff } = partitionForRetention(this.all(), now, months);
    return { purgeCount: purge.length, cutoff };
  }

  /** Whether the stored per-day tallies differ from a recount of these records. */
  drifted(days: readonly DayTally[]): boolean {
    return tallyDrift(days, recountTallies(this.all())).length > 0;
  }

  /** The ids of the sessions a withdrawal code names (more than one: the code is ambiguous). */
  withdrawalMatches(code: string): string[] {
    return findByWithdrawalCode(this.all(), code).map((s) => s.id);
  }

  planImport(fileName: string, content: string, local: { settings: DeskSettings | undefined; withdrawn: readonly string[] }, now: number): ImportPlan {
    return planImport(fileName, content, { sessions: this.all(), settings: local.settings, withdrawn: new Set(local.withdrawn) }, now);
  }
}
