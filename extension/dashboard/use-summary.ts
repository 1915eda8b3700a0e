import { loadMembers, loadSettings, loadWithdrawals, reportFromTallies, type DayTally, type DeskSettings, type Message, type PeriodRow, type Report, type StorageAdapter, type TeamMember, type Withdrawal } from '../../sessions';
import { useLiveRead } from '../sessions-db/use-live-read';
import { periodBounds, trailingWeeks, type Period } from './period';

/**
 * What the dashboard's first numbers need: the per-day tallies (a few hundred rows, kept by every
 * write, sessions/tallies.ts), the settings, the member profiles and the withdrawals — never the
 * session records (those stay in the records worker, records-worker.ts).
 * Any change broadcast reads the day rows again: a handful of small rows, so the numbers on
 * screen follow a desk change without touching the records.
 */
export interface Summary {
  days: DayTally[];
  settings: DeskSettings | undefined;
  settingsError: Message | undefined;
  members: TeamMember[];
  /** Sessions withdrawn on this machine: imports refuse them, backups pass them on. */
  withdrawn: Withdrawal[];
  /** When the rows were read: "now" for the default period. */
  loadedAt: number;
}

export type SummaryState = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & Summary);

export async function readSummary(adapter: StorageAdapter, now: number): Promise<Summary> {
  const [days, settings, members, withdrawn] = await Promise.all([adapter.readTallies(), loadSettings(adapter), loadMembers(adapter), loadWithdrawals(adapter)]);
  return {
    days,
    settings: settings.ok ? settings.settings : undefined,
    settingsError: settings.ok ? undefined : settings.error,
    members: members.members,
    withdrawn: withdrawn.list,
    loadedAt: now,
  };
}

/** The period's report (its series by day) and the sessions per ISO week for the 12 weeks ending with it. */
export function summaryModel(days: readonly DayTally[], period: Period): { report: Report; weekly: PeriodRow[] } {
  const { from, to } = periodBounds(period);
  const weeks = trailingWeeks(period);
  return { report: reportFromTallies(days, { from, to, groupBy: 'day' }), weekly: reportFromTallies(days, { from: weeks.from, to: weeks.to, groupBy: 'week' }).series };
}

export function useSummary(): { state: SummaryState; storage: () => Promise<StorageAdapter>; reload: () => Promise<void> } {
  const { value, storage, reload } = useLiveRead<SummaryState>(
    async (adapter) => ({ status: 'ready', ...(await readSummary(adapter, Date.now())) }),
    (error) => {
      console.error('[Dẫn Bước] could not read the session tallies', error);
      return { status: 'error', message: error instanceof Error ? error.message : String(error) };
    },
  );
  return { state: value ?? { status: 'loading' }, storage, reload };
}
