import {
  aggregate,
  dayNumber,
  isoWeek,
  AGE_BAND_LABELS,
  DEFAULT_CATALOGUE,
  partitionForRetention,
  taskTitleIndex,
  UNKNOWN,
  UNKNOWN_LABEL,
  type DeskSettings,
  type PeriodRow,
  type Report,
  type Session,
  type TaskCatalogue,
  type TeamMember,
} from '../../sessions';
import { periodBounds, trailingWeeks, vnDate, type Period } from './period';

/**
 * Everything the dashboard shows for one period, computed from the loaded records: pure, so it is
 * unit-tested without a browser and recomputed only when records or the period change.
 */
export interface DashboardModel {
  period: Period;
  /** The period's report; its series is by day (the table a spreadsheet user charts). */
  report: Report;
  /** Sessions that started in the period, oldest first: the CSV/XLSX session log. */
  periodSessions: Session[];
  /** Sessions per ISO week for the 12 weeks ending with the period. */
  weekly: PeriodRow[];
  retention: { months: number; cutoff: number; purge: Session[] };
}

export const DEFAULT_RETENTION = 12;

export function buildModel(sessions: readonly Session[], period: Period, now: number, retentionMonths = DEFAULT_RETENTION): DashboardModel {
  const { from, to } = periodBounds(period);
  const report = aggregate(sessions, { from, to, groupBy: 'day' });
  const periodSessions = sessions
    .filter((s) => s.startedAt >= from && s.startedAt < to)
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const weeks = trailingWeeks(period);
  const weekly = aggregate(sessions, { from: weeks.from, to: weeks.to, groupBy: 'week' }).series;
  const { purge, cutoff } = partitionForRetention(sessions, now, retentionMonths);
  return { period, report, periodSessions, weekly, retention: { months: retentionMonths, cutoff, purge } };
}

/** Names for the ids in a report: task titles, member display names, age-band labels. */
export interface Labels {
  task(id: string): string;
  member(id: string): string;
  ageBand(key: string): string;
}

export function makeLabels(members: readonly TeamMember[], catalogue: TaskCatalogue = DEFAULT_CATALOGUE): Labels {
  const titles = taskTitleIndex(catalogue);
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  return {
    task: (id) => titles.get(id)?.vi ?? id,
    member: (id) => {
      const name = names.get(id);
      return name && name !== id ? `${name} (${id})` : id;
    },
    ageBand: (key) => (key === UNKNOWN ? UNKNOWN_LABEL.vi : (AGE_BAND_LABELS[key as keyof typeof AGE_BAND_LABELS]?.vi ?? key)),
  };
}

/** Who the printed report is from: commune, team(s) and desk(s), from settings and member profiles. */
export interface Letterhead {
  commune: string | undefined;
  teams: string[];
  desks: string[];
}

export function letterhead(settings: DeskSettings | undefined, members: readonly TeamMember[], report: Report): Letterhead {
  const active = new Set(report.byMember.map((m) => m.memberId));
  const involved = members.filter((m) => active.has(m.id));
  const pool = involved.length ? involved : members;
  const teams = [...new Set(pool.map((m) => m.team))].sort((a, b) => a.localeCompare(b, 'vi'));
  const commune = settings?.commune ?? pool.find((m) => m.commune)?.commune;
  const desks = report.byDesk.map((d) => (d.deskId === settings?.deskId && settings.deskName ? settings.deskName : d.deskId));
  if (!desks.length && settings) desks.push(settings.deskName ?? settings.deskId);
  return { commune, teams, desks };
}

/**
 * The desk id used in export file names and as the backup's `deskId`: this desk's, or — before
 * first-run setup, e.g. a commune machine that only merges other desks' files — the records' one
 * desk, or "tong-hop" (merged) when they come from several.
 */
export function exportDeskId(settings: DeskSettings | undefined, sessions: readonly Session[]): string {
  if (settings) return settings.deskId;
  const desks = new Set(sessions.map((s) => s.deskId));
  return desks.size === 1 ? [...desks][0] : 'tong-hop';
}

/** The weekly chart's bars: "T10" on the axis, "Tuần 10/2026 (từ 02/03/2026)" when read out. */
export function weekBars(weekly: readonly PeriodRow[]): Array<{ short: string; long: string; value: number }> {
  return weekly.map((row) => {
    const first = dayNumber(row.from);
    const { year, week } = isoWeek(first);
    return { short: `T${week}`, long: `Tuần ${week}/${year} (từ ${vnDate(first)})`, value: row.sessions };
  });
}
