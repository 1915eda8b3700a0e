import { describe, expect, it } from 'vitest';
import { byAgeTable, byMemberTable, byOutcomeTable, byTaskTable, reportTables } from '../../../components/reports/report-tables';
import { buildModel, exportDeskId, letterhead, makeLabels, weekBars } from '../../../extension/dashboard/model';
import { periodContaining, periodOfDay } from '../../../extension/dashboard/period';
import { daysFromCivil, defaultSettings, type TeamMember } from '../../../sessions';
import { declined, session, task, vn } from '../sessions/helpers';

const now = vn(2026, 3, 20, 12);
const members: TeamMember[] = [
  { schemaVersion: 1, id: 'tv-01', displayName: 'Nguyễn Thị Lan', team: 'Tổ thôn Đông', commune: 'xã Tân Phú', createdAt: vn(2025, 1, 1) },
  { schemaVersion: 1, id: 'tv-02', displayName: 'tv-02', team: 'Tổ thôn Tây', commune: 'xã Tân Phú', createdAt: vn(2025, 1, 1) },
  { schemaVersion: 1, id: 'tv-09', displayName: 'Người khác', team: 'Tổ thôn Bắc', commune: 'xã Tân Phú', createdAt: vn(2025, 1, 1) },
];

const records = [
  session({ startedAt: vn(2026, 3, 2, 8), memberId: 'tv-01', tasks: [task('cai-dat-vneid', 'done', vn(2026, 3, 2, 8, 10)), task('thanh-toan-tien-dien', 'partial', vn(2026, 3, 2, 8, 20))] }),
  session({ startedAt: vn(2026, 3, 3, 9), memberId: 'tv-02', citizen: { ageBand: '75+', firstTime: false }, tasks: [task('cai-dat-vneid', 'not-done', vn(2026, 3, 3, 9, 5))] }),
  declined({ startedAt: vn(2026, 3, 31, 23, 30), memberId: 'tv-01', tasks: [] }),
  // Outside March (local time): 1 April 00:10 in Vietnam is still 31 March in UTC.
  session({ startedAt: vn(2026, 4, 1, 0, 10), memberId: 'tv-02' }),
  // Past the 12-month retention.
  session({ startedAt: vn(2025, 2, 10, 8), memberId: 'tv-01' }),
];

describe('dashboard model', () => {
  const march = periodOfDay(daysFromCivil(2026, 3, 15), 'month');
  const model = buildModel(records, march, now);

  it('reports the period by its local-time bounds', () => {
    expect(model.report.sessions).toBe(3);
    expect(model.report.citizensHelped).toBe(2);
    expect(model.report.tasks.byOutcome).toEqual({ done: 1, partial: 1, 'not-done': 1, pending: 0 });
    expect(model.periodSessions.map((s) => s.startedAt)).toEqual([vn(2026, 3, 2, 8), vn(2026, 3, 3, 9), vn(2026, 3, 31, 23, 30)]);
    expect(model.report.series).toHaveLength(31);
  });

  it('has twelve weeks for the chart, the last holding the end of the period', () => {
    expect(model.weekly).toHaveLength(12);
    const bars = weekBars(model.weekly);
    expect(bars.at(-1)).toEqual({ short: 'T14', long: 'Tuần 14/2026 (từ 30/03/2026)', value: 2 });
    expect(bars.at(-5)).toEqual({ short: 'T10', long: 'Tuần 10/2026 (từ 02/03/2026)', value: 2 });
    expect(bars.reduce((n, b) => n + b.value, 0)).toBe(4);
  });

  it('lists what retention would purge, with the configured period', () => {
    expect(model.retention.purge.map((s) => s.startedAt)).toEqual([vn(2025, 2, 10, 8)]);
    const later = vn(2026, 4, 10, 12);
    expect(buildModel(records, march, later, 1).retention.purge.map((s) => s.startedAt)).toEqual([vn(2026, 3, 2, 8), vn(2026, 3, 3, 9), vn(2025, 2, 10, 8)]);
    expect(buildModel(records, march, later, 1).retention.cutoff).toBe(vn(2026, 3, 10, 12));
  });

  it('names tasks, members and age bands in Vietnamese; unknown ids show as themselves', () => {
    const labels = makeLabels(members);
    expect(labels.task('cai-dat-vneid')).toBe('Cài đặt ứng dụng VNeID');
    expect(labels.task('viec-cua-tinh')).toBe('viec-cua-tinh');
    expect(labels.member('tv-01')).toBe('Nguyễn Thị Lan (tv-01)');
    expect(labels.member('tv-02')).toBe('tv-02');
    expect(labels.member('tv-77')).toBe('tv-77');
    expect(labels.ageBand('75+')).toBe('Từ 75 tuổi');
    expect(labels.ageBand('khong-ro')).toBe('Không rõ');
  });

  it('builds the tables shared by screen and print, totals included', () => {
    const labels = makeLabels(members);
    const tasks = byTaskTable(model.report, labels);
    expect(tasks.rows[0]).toEqual(['Cài đặt ứng dụng VNeID', 2, 1, 0, 1, 0]);
    expect(tasks.total).toEqual(['Tổng', 3, 1, 1, 1, 0]);
    expect(byOutcomeTable(model.report).rows).toEqual([
      ['Đã xong', 1, '34%'],
      ['Xong một phần', 1, '33%'],
      ['Chưa làm được', 1, '33%'],
      ['Chưa đánh dấu', 0, '0%'],
    ]);
    expect(byMemberTable(model.report, labels).rows).toEqual([
      ['Nguyễn Thị Lan (tv-01)', 2, 1, 2, 1, 1, 0, 0],
      ['tv-02', 1, 1, 1, 0, 0, 1, 0],
    ]);
    const ages = byAgeTable(model.report, labels);
    expect(ages.rows.find((r) => r[0] === 'Từ 75 tuổi')).toEqual(['Từ 75 tuổi', 1, '33%']);
    expect(ages.rows.find((r) => r[0] === 'Không rõ')).toEqual(['Không rõ', 1, '33%']);
    expect(reportTables(model.report, labels).map((t) => t.id)).toEqual(['by-task', 'by-outcome', 'by-member', 'by-age', 'by-reason']);
  });

  it('the letterhead comes from settings and the members in the report', () => {
    const settings = { ...defaultSettings('ban-01'), commune: 'xã Tân Phú', deskName: 'Bàn một cửa' };
    expect(letterhead(settings, members, model.report)).toEqual({ commune: 'xã Tân Phú', teams: ['Tổ thôn Đông', 'Tổ thôn Tây'], desks: ['Bàn một cửa'] });
    const empty = buildModel([], periodContaining(now, 'day'), now).report;
    expect(letterhead(undefined, [], empty)).toEqual({ commune: undefined, teams: [], desks: [] });
    expect(letterhead(undefined, members, empty).commune).toBe('xã Tân Phú');
  });

  it('export file names use this desk, or the records’ desk, or "tong-hop"', () => {
    expect(exportDeskId(defaultSettings('ban-07'), records)).toBe('ban-07');
    expect(exportDeskId(undefined, records)).toBe('ban-01');
    expect(exportDeskId(undefined, [...records, session({ deskId: 'ban-02' })])).toBe('tong-hop');
    expect(exportDeskId(undefined, [])).toBe('tong-hop');
  });
});
