import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../sessions/aggregate';
import { backupJson, exportFileName, reportCsv, sessionLogCsv, sessionLogCsvLines, sessionLogRows, toBackup, xlsxSheets } from '../../../sessions/export';
import { parseBackup } from '../../../sessions/merge';
import { type TeamMember } from '../../../sessions/schema';
import { declined, parseCsv, session, task, vn } from './helpers';

const at = vn(2026, 3, 2, 8, 0);
const consented = session({
  startedAt: at,
  endedAt: at + 30 * 60_000,
  updatedAt: at + 30 * 60_000,
  satisfaction: 4,
  citizen: { ageBand: '60-74', gender: 'nu', firstTime: true, phone: '0912345678', note: 'Bà cụ, "cần" đọc to, chậm' },
  tasks: [task('cai-dat-vneid', 'done', at + 60_000), task('thanh-toan-tien-dien', 'not-done', at + 120_000, { reason: 'loi-he-thong' })],
});
const anonymous = declined({ startedAt: at + 3_600_000, memberId: 'tv-02', tasks: [] });
const members: TeamMember[] = [{ schemaVersion: 1, id: 'tv-01', displayName: 'Chị Lan', team: 'Tổ 3', commune: 'Xã Tân Phú', createdAt: vn(2026, 1, 1) }];

describe('session log CSV', () => {
  const text = sessionLogCsv([consented, anonymous]);
  const rows = parseCsv(text.slice(1));

  it('is UTF-8 with BOM and CRLF, Vietnamese headers, one row per task', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(rows[0]).toEqual([
      'Mã phiên', 'Điểm hỗ trợ', 'Thành viên', 'Bắt đầu', 'Kết thúc', 'Đồng ý ghi nhận', 'Nhóm tuổi', 'Giới tính',
      'Lần đầu dùng Cổng', 'Mức hài lòng (1–5)', 'Mã việc', 'Việc', 'Kết quả', 'Lý do', 'Cách ghi nhận', 'Thời điểm',
    ]);
    expect(rows).toHaveLength(1 + 2 + 1);
    expect(rows[1]).toEqual([consented.id, 'ban-01', 'tv-01', '2026-03-02 08:00', '2026-03-02 08:30', 'Có', '60–74 tuổi', 'Nữ', 'Có', '4', 'cai-dat-vneid', 'Cài đặt ứng dụng VNeID', 'Đã xong', '', 'Đánh dấu tay', '2026-03-02 08:01']);
    expect(rows[2].slice(10)).toEqual(['thanh-toan-tien-dien', 'Thanh toán tiền điện', 'Chưa làm được', 'Lỗi hệ thống', 'Đánh dấu tay', '2026-03-02 08:02']);
  });

  it('a declined session appears with nothing about the citizen and empty task columns', () => {
    expect(rows[3]).toEqual([anonymous.id, 'ban-01', 'tv-02', '2026-03-02 09:00', '', 'Không', '', '', '', '', '', '', '', '', '', '']);
  });

  it('leaves personal fields out unless asked, and quotes them when included', () => {
    expect(text).not.toContain('0912345678');
    expect(text).not.toContain('Bà cụ');
    const full = sessionLogCsv([consented], { personal: 'include' });
    const fullRows = parseCsv(full.slice(1));
    expect(fullRows[0].slice(10, 14)).toEqual(['Họ và tên', 'Số CCCD/CMND', 'Số điện thoại', 'Ghi chú']);
    expect(fullRows[1].slice(10, 14)).toEqual(['', '', '0912345678', 'Bà cụ, "cần" đọc to, chậm']);
    expect(full).toContain('"Bà cụ, ""cần"" đọc to, chậm"');
  });

  it('also comes as CRLF-terminated lines for a Blob, BOM on the first', () => {
    const lines = sessionLogCsvLines([consented, anonymous]);
    expect(lines).toHaveLength(4);
    expect(lines.join('')).toBe(text);
    expect(lines.every((l) => l.endsWith('\r\n'))).toBe(true);
    expect(lines[0].startsWith('\uFEFFMã phiên,')).toBe(true);
  });

  it('can use ";" for Excel set to Vietnamese regional format', () => {
    const semi = sessionLogCsv([consented], { delimiter: ';' });
    expect(parseCsv(semi.slice(1), ';')[1][3]).toBe('2026-03-02 08:00');
  });
});

describe('report tables and XLSX sheets', () => {
  const report = aggregate([consented, anonymous], { groupBy: 'week', from: vn(2026, 3, 1), to: vn(2026, 3, 15) });

  it('has the four sheets: summary, by task, by member, session log', () => {
    const sheets = xlsxSheets(report, [consented, anonymous], { members });
    expect(sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo việc', 'Theo thành viên', 'Nhật ký phiên']);
    for (const sheet of sheets) expect(sheet.name.length).toBeLessThanOrEqual(31);
    const [summary, byTask, byMember, log] = sheets;
    expect(summary.rows).toContainEqual(['Số phiên', 2]);
    expect(summary.rows).toContainEqual(['Số người được hỗ trợ', 1]);
    expect(summary.rows).toContainEqual(['Từ', '2026-03-01']);
    expect(summary.rows).toContainEqual(['Đến', '2026-03-14']);
    expect(summary.rows.filter((r) => typeof r[0] === 'string' && /^2026-W/.test(r[0])).map((r) => r[0])).toEqual(['2026-W09', '2026-W10', '2026-W11']);
    expect(byTask.rows[0]).toEqual(['Mã việc', 'Việc', 'Tổng', 'Đã xong', 'Xong một phần', 'Chưa làm được', 'Chưa đánh dấu', 'Tự động (theo hướng dẫn)']);
    expect(byTask.rows).toContainEqual(['thanh-toan-tien-dien', 'Thanh toán tiền điện', 1, 0, 0, 1, 0, 0]);
    expect(byMember.rows[1]).toEqual(['tv-01', 'Chị Lan', 1, 1, 2, 1, 0, 1, 0]);
    expect(byMember.rows[2][1]).toBe('');
    expect(log.rows).toHaveLength(4);
  });

  it('session-log dates are wall-clock Dates carrying Vietnam time', () => {
    const rows = sessionLogRows([consented]);
    const started = rows[1][3] as Date;
    expect(started).toBeInstanceOf(Date);
    expect(started.toISOString()).toBe('2026-03-02T08:00:00.000Z');
  });

  it('each table is also a CSV', () => {
    const csv = reportCsv(report, 'by-task');
    expect(csv.startsWith('\uFEFFMã việc,Việc,Tổng')).toBe(true);
    expect(parseCsv(reportCsv(report, 'summary').slice(1))[0]).toEqual(['Chỉ tiêu', 'Giá trị']);
    expect(parseCsv(reportCsv(report, 'by-member', { members }).slice(1))[1][1]).toBe('Chị Lan');
  });

  it('names files predictably', () => {
    expect(exportFileName('nhat-ky-phien', 'ban-01', vn(2026, 3, 2, 23, 30), 'csv')).toBe('dan-buoc-nhat-ky-phien-ban-01-2026-03-02.csv');
  });
});

describe('JSON backup', () => {
  it('round-trips through parseBackup unchanged (with personal fields when included)', () => {
    const json = backupJson([consented, anonymous], { deskId: 'ban-01', exportedAt: vn(2026, 3, 3), personal: 'include' });
    const parsed = parseBackup(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.sessions).toEqual([consented, anonymous]);
    expect(parsed.deskId).toBe('ban-01');
    expect(parsed.exportedAt).toBe(vn(2026, 3, 3));
    expect(parsed.warnings).toEqual([]);
  });

  it('has the documented header and omits personal fields by default', () => {
    const backup = toBackup([consented], { deskId: 'ban-01', exportedAt: vn(2026, 3, 3) });
    expect(Object.keys(backup)).toEqual(['format', 'version', 'exportedAt', 'deskId', 'sessions', 'withdrawn']);
    expect(backup.format).toBe('dan-buoc-sessions');
    expect(backup.version).toBe(2);
    expect(backup.withdrawn).toEqual([]);
    expect(backup.sessions[0].citizen).toEqual({ ageBand: '60-74', gender: 'nu', firstTime: true });
    expect(consented.citizen?.phone).toBe('0912345678'); // input untouched
    const onlyPersonal = session({ citizen: { phone: '0912345678' } });
    expect(toBackup([onlyPersonal], { deskId: 'ban-01', exportedAt: vn(2026, 3, 3) }).sessions[0].citizen).toBeUndefined();
  });
});
