import { describe, expect, it } from 'vitest';
import { partitionForRetention, retentionCutoff, retentionNotice } from '../../../sessions/retention';
import { session, vn } from './helpers';

describe('retention', () => {
  it('default 12 months: a session exactly at the cutoff is kept, one millisecond older is purged', () => {
    const now = vn(2026, 3, 2, 10, 0);
    const atCutoff = session({ startedAt: vn(2025, 3, 2, 10, 0) });
    const justOlder = session({ startedAt: vn(2025, 3, 2, 9, 59, 59, 999) });
    const recent = session({ startedAt: vn(2026, 3, 1) });
    const r = partitionForRetention([atCutoff, justOlder, recent], now);
    expect(r.cutoff).toBe(vn(2025, 3, 2, 10, 0));
    expect(r.keep).toEqual([atCutoff, recent]);
    expect(r.purge).toEqual([justOlder]);
  });

  it('leap days: 12 months before 29 Feb 2024 is 28 Feb 2023; 48 months before 29 Feb 2028 is 29 Feb 2024', () => {
    expect(retentionCutoff(vn(2024, 2, 29, 8), 12)).toBe(vn(2023, 2, 28, 8));
    expect(retentionCutoff(vn(2028, 2, 29, 8), 48)).toBe(vn(2024, 2, 29, 8));
    expect(retentionCutoff(vn(2025, 2, 28, 8), 12)).toBe(vn(2024, 2, 28, 8));
    expect(retentionCutoff(vn(2025, 3, 1, 8), 12)).toBe(vn(2024, 3, 1, 8));
  });

  it('month ends and year boundaries, counted in Vietnam time', () => {
    expect(retentionCutoff(vn(2026, 3, 31, 12), 1)).toBe(vn(2026, 2, 28, 12));
    expect(retentionCutoff(vn(2026, 5, 31, 12), 3)).toBe(vn(2026, 2, 28, 12));
    expect(retentionCutoff(vn(2026, 1, 15, 12), 6)).toBe(vn(2025, 7, 15, 12));
    // 00:30 on 1 March in Vietnam is still 28 February in UTC: the Vietnamese date decides.
    expect(retentionCutoff(vn(2026, 3, 1, 0, 30), 1)).toBe(vn(2026, 2, 1, 0, 30));
  });

  it('purges open sessions by their start too, and refuses nonsense periods', () => {
    const stale = session({ startedAt: vn(2024, 1, 1) });
    expect(partitionForRetention([stale], vn(2026, 1, 1)).purge).toEqual([stale]);
    expect(() => retentionCutoff(vn(2026, 1, 1), 0)).toThrow(RangeError);
    expect(() => retentionCutoff(vn(2026, 1, 1), 1.5)).toThrow(RangeError);
  });

  it('the prompt offers export first and names the date', () => {
    const notice = retentionNotice(3, vn(2025, 3, 2, 10));
    expect(notice.vi).toBe('Có 3 phiên bắt đầu trước ngày 2025-03-02 đã quá thời hạn lưu và sẽ bị xóa. Nên xuất ra tệp trước khi xóa.');
    expect(retentionNotice(0, vn(2025, 3, 2)).en).toContain('No sessions');
  });
});

describe('retention notices and limits', () => {
  it('says how many records and which date, in both languages', () => {
    const cutoff = vn(2025, 3, 2, 10);
    expect(retentionNotice(3, cutoff)).toEqual({
      vi: 'Có 3 phiên bắt đầu trước ngày 2025-03-02 đã quá thời hạn lưu và sẽ bị xóa. Nên xuất ra tệp trước khi xóa.',
      en: '3 session(s) started before 2025-03-02 are past the retention period and will be deleted. Export them first?',
    });
    expect(retentionNotice(0, cutoff)).toEqual({ vi: 'Không có phiên nào trước ngày 2025-03-02 cần xóa.', en: 'No sessions before 2025-03-02 to delete.' });
  });

  it('one month is the shortest period; the error names the bad value', () => {
    expect(retentionCutoff(vn(2026, 3, 2), 1)).toBe(vn(2026, 2, 2));
    expect(() => retentionCutoff(vn(2026, 3, 2), -1)).toThrow('retention months must be a whole number ≥ 1, got -1');
    expect(() => retentionCutoff(vn(2026, 3, 2), Number.NaN)).toThrow(RangeError);
  });

  it('defaults to 12 months', () => {
    const now = vn(2026, 3, 2, 10);
    expect(retentionCutoff(now)).toBe(vn(2025, 3, 2, 10));
    expect(partitionForRetention([], now).cutoff).toBe(vn(2025, 3, 2, 10));
  });
});
