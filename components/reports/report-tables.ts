import { OUTCOME_LABELS, OUTCOMES, REASON_LABELS, REASONS, type Report } from '../../sessions';
import type { Labels } from '../../extension/dashboard/model';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';
import { percentages } from './chart-scale';

/**
 * The report's tables as plain rows, shared by the screen and the printed report (and checked in
 * unit tests): first column text, the rest numbers or percent text.
 */
export interface TableSpec {
  id: string;
  title: string;
  headers: string[];
  rows: Array<Array<string | number>>;
  /** A totals row, when the columns add up. */
  total?: Array<string | number>;
}

const pct = (n: number) => `${n}%`;

export function byTaskTable(report: Report, labels: Labels): TableSpec {
  return {
    id: 'by-task',
    title: T.byTaskHeading,
    headers: [T.task, T.total, ...OUTCOMES.map((o) => OUTCOME_LABELS[o].vi)],
    rows: report.byTask.map((row) => [labels.task(row.taskId), row.sessions, ...OUTCOMES.map((o) => row.byOutcome[o])]),
    total: [T.total, report.tasks.total, ...OUTCOMES.map((o) => report.tasks.byOutcome[o])],
  };
}

export function byOutcomeTable(report: Report): TableSpec {
  const counts = OUTCOMES.map((o) => report.tasks.byOutcome[o]);
  const shares = percentages(counts);
  return {
    id: 'by-outcome',
    title: T.byOutcomeHeading,
    headers: [T.outcome, T.tasks, T.share],
    rows: OUTCOMES.map((o, i) => [OUTCOME_LABELS[o].vi, counts[i], pct(shares[i])]),
    total: [T.total, report.tasks.total, pct(report.tasks.total ? 100 : 0)],
  };
}

export function byReasonTable(report: Report): TableSpec {
  return {
    id: 'by-reason',
    title: T.byReasonHeading,
    headers: [T.reason, T.tasks],
    rows: REASONS.filter((r) => report.tasks.byReason[r] > 0).map((r) => [REASON_LABELS[r].vi, report.tasks.byReason[r]]),
  };
}

export function byMemberTable(report: Report, labels: Labels): TableSpec {
  return {
    id: 'by-member',
    title: T.byMemberHeading,
    headers: [T.member, T.sessions, T.citizensHelped, T.tasks, ...OUTCOMES.map((o) => OUTCOME_LABELS[o].vi)],
    rows: report.byMember.map((m) => [labels.member(m.memberId), m.sessions, m.citizensHelped, m.tasks, ...OUTCOMES.map((o) => m.byOutcome[o])]),
    total: [T.total, report.sessions, report.citizensHelped, report.tasks.total, ...OUTCOMES.map((o) => report.tasks.byOutcome[o])],
  };
}

export function byAgeTable(report: Report, labels: Labels): TableSpec {
  const entries = Object.entries(report.byAgeBand);
  const shares = percentages(entries.map(([, n]) => n));
  return {
    id: 'by-age',
    title: T.byAgeHeading,
    headers: [T.ageBand, T.people, T.share],
    rows: entries.map(([band, n], i) => [labels.ageBand(band), n, pct(shares[i])]),
    total: [T.total, report.sessions, pct(report.sessions ? 100 : 0)],
  };
}

export function reportTables(report: Report, labels: Labels): TableSpec[] {
  return [byTaskTable(report, labels), byOutcomeTable(report), byMemberTable(report, labels), byAgeTable(report, labels), byReasonTable(report)];
}
