import { describe, expect, it } from 'vitest';
import { generateSessions } from '../../../scripts/bench/sessions';
import { aggregate, outcomePercentages } from '../../../sessions/aggregate';
import { declined, session, task, vn } from './helpers';

describe('aggregate: counts', () => {
  const at = vn(2026, 3, 2, 9);
  const sessions = [
    session({ startedAt: at, endedAt: at + 20 * 60_000, memberId: 'tv-01', satisfaction: 5, tasks: [task('cai-dat-vneid', 'done', at), task('tim-thu-tuc', 'done', at, { source: 'tour' })] }),
    session({ startedAt: at + 1, endedAt: at + 40 * 60_000, memberId: 'tv-01', satisfaction: 3, citizen: { ageBand: '18-29', firstTime: false }, tasks: [task('cai-dat-vneid', 'not-done', at, { reason: 'thieu-giay-to' })] }),
    declined({ startedAt: at + 2, memberId: 'tv-02', deskId: 'ban-02', tasks: [task('thanh-toan-tien-dien', 'partial', at, { reason: 'loi-he-thong' }), task('tra-cuu-ho-so', 'pending', at)] }),
    declined({ startedAt: at + 3, memberId: 'tv-02', tasks: [] }),
  ];
  const report = aggregate(sessions, { groupBy: 'day' });

  it('sessions, citizens helped (consented or not), consent split', () => {
    expect(report.sessions).toBe(4);
    expect(report.citizensHelped).toBe(3);
    expect(report.consent).toEqual({ agreed: 2, declined: 2 });
  });

  it('tasks by outcome, reason and source', () => {
    expect(report.tasks.total).toBe(5);
    expect(report.tasks.byOutcome).toEqual({ done: 2, partial: 1, 'not-done': 1, pending: 1 });
    expect(report.tasks.byReason).toEqual({ 'thieu-giay-to': 1, 'loi-he-thong': 1, 'chua-co-tai-khoan': 0, 'het-thoi-gian': 0, khac: 0 });
    expect(report.tasks.bySource).toEqual({ tour: 1, manual: 4 });
    expect(outcomePercentages(report.tasks.byOutcome)).toEqual({ done: 40, partial: 20, 'not-done': 20, pending: 20 });
  });

  it('by task, member and desk, most frequent first', () => {
    expect(report.byTask[0]).toEqual({ taskId: 'cai-dat-vneid', sessions: 2, byOutcome: { done: 1, partial: 0, 'not-done': 1, pending: 0 }, completedByTour: 0 });
    expect(report.byTask.find((t) => t.taskId === 'tim-thu-tuc')?.completedByTour).toBe(1);
    expect(report.byMember).toEqual([
      { memberId: 'tv-01', sessions: 2, citizensHelped: 2, tasks: 3, byOutcome: { done: 2, partial: 0, 'not-done': 1, pending: 0 } },
      { memberId: 'tv-02', sessions: 2, citizensHelped: 1, tasks: 2, byOutcome: { done: 0, partial: 1, 'not-done': 0, pending: 1 } },
    ]);
    expect(report.byDesk).toEqual([{ deskId: 'ban-01', sessions: 3, tasks: 3 }, { deskId: 'ban-02', sessions: 1, tasks: 2 }]);
  });

  it('age band, gender, first-time users (declined counts as unknown), satisfaction, duration', () => {
    expect(report.byAgeBand).toEqual({ 'duoi-18': 0, '18-29': 1, '30-44': 0, '45-59': 0, '60-74': 1, '75+': 0, 'khong-ro': 2 });
    expect(report.byGender).toEqual({ nam: 0, nu: 1, khac: 0, 'khong-ro': 3 });
    expect(report.firstTime).toEqual({ yes: 1, no: 1, unknown: 2 });
    expect(report.satisfaction).toEqual({ responses: 2, average: 4, distribution: [0, 0, 1, 0, 1] });
    expect(report.averageDurationMinutes).toBe(30);
  });

  it('an empty input gives zeros and no series', () => {
    const empty = aggregate([], { groupBy: 'week' });
    expect(empty.sessions).toBe(0);
    expect(empty.series).toEqual([]);
    expect(empty.satisfaction.average).toBeNull();
    expect(empty.averageDurationMinutes).toBeNull();
  });
});

describe('aggregate: periods in Vietnam time', () => {
  it('a session at 23:30 Vietnam time on Sunday counts for that Sunday and its week, not Monday', () => {
    const sunday = session({ startedAt: vn(2026, 3, 1, 23, 30) }); // 16:30 UTC
    const monday = session({ startedAt: vn(2026, 3, 2, 0, 0) }); // 17:00 UTC on Sunday
    const days = aggregate([sunday, monday], { groupBy: 'day' }).series;
    expect(days.map((p) => [p.label, p.sessions])).toEqual([['2026-03-01', 1], ['2026-03-02', 1]]);
    const weeks = aggregate([sunday, monday], { groupBy: 'week' }).series;
    expect(weeks.map((p) => [p.label, p.sessions])).toEqual([['2026-W09', 1], ['2026-W10', 1]]);
    expect(weeks[1].from).toBe(vn(2026, 3, 2));
    const utc = aggregate([sunday, monday], { groupBy: 'day', timeZone: 'UTC' }).series;
    expect(utc.map((p) => [p.label, p.sessions])).toEqual([['2026-03-01', 2]]);
  });

  it('month boundaries and New Year: 31 Dec 23:59 and 1 Jan 00:00 local', () => {
    const s = [session({ startedAt: vn(2025, 12, 31, 23, 59) }), session({ startedAt: vn(2026, 1, 1, 0, 0) })];
    expect(aggregate(s, { groupBy: 'month' }).series.map((p) => [p.label, p.sessions])).toEqual([['2025-12', 1], ['2026-01', 1]]);
    // 29 Dec 2025 – 4 Jan 2026 is ISO week 1 of 2026: both in one week.
    expect(aggregate(s, { groupBy: 'week' }).series.map((p) => [p.label, p.sessions])).toEqual([['2026-W01', 2]]);
  });

  it('ISO week 53 and week 1 across years', () => {
    const s = [session({ startedAt: vn(2021, 1, 3, 10) }), session({ startedAt: vn(2021, 1, 4, 10) })];
    expect(aggregate(s, { groupBy: 'week' }).series.map((p) => [p.label, p.sessions])).toEqual([['2020-W53', 1], ['2021-W01', 1]]);
  });

  it('from is inclusive, to exclusive, and empty periods in the range are listed', () => {
    const s = [
      session({ startedAt: vn(2026, 2, 28, 23, 59) }),
      session({ startedAt: vn(2026, 3, 1, 0, 0) }),
      session({ startedAt: vn(2026, 3, 20, 12) }),
      session({ startedAt: vn(2026, 4, 1, 0, 0) }),
    ];
    const march = aggregate(s, { groupBy: 'week', from: vn(2026, 3, 1), to: vn(2026, 4, 1) });
    expect(march.sessions).toBe(2);
    expect(march.series.map((p) => p.label)).toEqual(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
    expect(march.series.map((p) => p.sessions)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(march.from).toBe(vn(2026, 3, 1));
    const days = aggregate(s, { groupBy: 'day', from: vn(2026, 3, 1), to: vn(2026, 3, 4) });
    expect(days.series.map((p) => p.label)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
  });

  it('handles 100,000 sessions in one pass and the numbers add up', () => {
    const sessions = generateSessions(100_000);
    expect(sessions).toHaveLength(100_000);
    const report = aggregate(sessions, { groupBy: 'week' });
    expect(report.sessions).toBe(100_000);
    const tasks = sessions.reduce((n, s) => n + s.tasks.length, 0);
    expect(report.tasks.total).toBe(tasks);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(report.tasks.byOutcome)).toBe(tasks);
    expect(sum(report.byAgeBand)).toBe(100_000);
    expect(report.series.reduce((n, p) => n + p.sessions, 0)).toBe(100_000);
    expect(report.series.length).toBeGreaterThanOrEqual(52);
    expect(report.byMember.reduce((n, m) => n + m.sessions, 0)).toBe(100_000);
    const monthly = aggregate(sessions, { groupBy: 'month' });
    expect(monthly.series.reduce((n, p) => n + p.tasks, 0)).toBe(tasks);
    // Correctness at scale, not speed (npm run bench times it): a loaded CI machine needs more than 5 s.
  }, 60_000);
});
