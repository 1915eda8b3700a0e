import { describe, expect, it } from 'vitest';
import {
  containsOrAfter,
  dateInputValue,
  parseDateInput,
  periodBounds,
  periodContaining,
  periodOfDay,
  periodRangeText,
  periodTitle,
  regroup,
  shiftPeriod,
  trailingWeeks,
  vnDate,
} from '../../../extension/dashboard/period';
import { daysFromCivil, formatDate } from '../../../sessions';
import { vn } from '../sessions/helpers';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

describe('report periods (Vietnam time)', () => {
  it('a period contains the local day of an instant, not the UTC one', () => {
    // 2026-03-01 00:30 in Vietnam is still 28 February in UTC.
    const p = periodContaining(vn(2026, 3, 1, 0, 30), 'month');
    expect(periodTitle(p)).toBe('Tháng 3/2026');
    expect(periodBounds(p).from).toBe(vn(2026, 3, 1));
    expect(periodBounds(p).to).toBe(vn(2026, 4, 1));
    expect(periodTitle(periodContaining(vn(2026, 3, 1, 0, 30), 'day'))).toBe('Ngày 01/03/2026');
  });

  it('weeks run Monday to Sunday and carry their ISO number', () => {
    const p = periodOfDay(day(2026, 3, 4), 'week');
    expect(p.startDay).toBe(day(2026, 3, 2));
    expect(periodTitle(p)).toBe('Tuần 10/2026 (02/03/2026 – 08/03/2026)');
    expect(periodRangeText(p)).toBe('từ 02/03/2026 đến 08/03/2026');
    // The week of 1 January 2027 (a Friday) is ISO week 53 of 2026.
    expect(periodTitle(periodOfDay(day(2027, 1, 1), 'week'))).toBe('Tuần 53/2026 (28/12/2026 – 03/01/2027)');
  });

  it('previous and next step over whole periods, across month and year ends', () => {
    const march = periodOfDay(day(2026, 3, 15), 'month');
    expect(periodTitle(shiftPeriod(march, -1))).toBe('Tháng 2/2026');
    expect(periodTitle(shiftPeriod(march, 1))).toBe('Tháng 4/2026');
    expect(periodTitle(shiftPeriod(periodOfDay(day(2026, 1, 10), 'month'), -1))).toBe('Tháng 12/2025');
    expect(periodTitle(shiftPeriod(periodOfDay(day(2026, 3, 1), 'day'), -1))).toBe('Ngày 28/02/2026');
    expect(periodTitle(shiftPeriod(periodOfDay(day(2024, 2, 28), 'day'), 1))).toBe('Ngày 29/02/2024');
    const week = periodOfDay(day(2026, 3, 4), 'week');
    expect(shiftPeriod(shiftPeriod(week, 1), -1)).toEqual(week);
  });

  it('switching day/week/month keeps today when today is shown, else the first day', () => {
    const now = vn(2026, 3, 18, 10);
    const thisMonth = periodContaining(now, 'month');
    expect(periodTitle(regroup(thisMonth, 'day', now))).toBe('Ngày 18/03/2026');
    expect(periodTitle(regroup(thisMonth, 'week', now))).toBe('Tuần 12/2026 (16/03/2026 – 22/03/2026)');
    const january = periodOfDay(day(2026, 1, 20), 'month');
    expect(periodTitle(regroup(january, 'day', now))).toBe('Ngày 01/01/2026');
    expect(periodTitle(regroup(january, 'week', now))).toBe('Tuần 1/2026 (29/12/2025 – 04/01/2026)');
  });

  it('"next" stops at the period that holds now', () => {
    const now = vn(2026, 3, 18, 10);
    expect(containsOrAfter(periodContaining(now, 'month'), now)).toBe(true);
    expect(containsOrAfter(periodOfDay(day(2026, 2, 10), 'month'), now)).toBe(false);
    expect(containsOrAfter(periodOfDay(day(2026, 3, 17), 'day'), now)).toBe(false);
  });

  it('reads and writes date inputs, refusing impossible or out-of-range dates', () => {
    expect(dateInputValue(day(2026, 3, 2))).toBe('2026-03-02');
    expect(parseDateInput('2026-03-02')).toBe(day(2026, 3, 2));
    expect(parseDateInput('2024-02-29')).toBe(day(2024, 2, 29));
    for (const bad of ['', '2026-02-30', '2026-13-01', '2026-00-10', '02/03/2026', '2019-12-31', '2100-01-01', '2026-3-2']) {
      expect(parseDateInput(bad), bad).toBeUndefined();
    }
    expect(vnDate(day(2026, 3, 2))).toBe('02/03/2026');
  });

  it('the weekly chart covers 12 whole weeks ending with the week of the period’s last day', () => {
    const { from, to } = trailingWeeks(periodOfDay(day(2026, 3, 10), 'month'));
    // March 2026 ends on Tuesday 31st: that week runs 30 March – 5 April.
    expect(formatDate(to - 1)).toBe('2026-04-05');
    expect(formatDate(from)).toBe('2026-01-12');
    expect((to - from) / 86_400_000).toBe(84);
  });
});
