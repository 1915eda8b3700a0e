import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  dayNumber,
  daysFromCivil,
  formatDateTime,
  isoWeek,
  periodLabel,
  periodRange,
  periodStartDay,
  subtractMonths,
} from '../../../sessions/time';
import { vn } from './helpers';

const dayOf = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const weekLabel = (y: number, m: number, d: number) => periodLabel(periodStartDay(dayOf(y, m, d), 'week'), 'week');

describe('calendar math in Vietnam time', () => {
  it('civil dates round-trip and agree with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(2000, 1, 1), max: daysFromCivil(2100, 12, 31) }), (day) => {
        const { year, month, day: d } = civilFromDays(day);
        expect(daysFromCivil(year, month, d)).toBe(day);
        expect(Date.UTC(year, month - 1, d) / 86_400_000).toBe(day);
      }),
    );
  });

  it('a day starts at 00:00 UTC+7 (17:00 UTC the day before)', () => {
    expect(dayNumber(vn(2026, 3, 2, 0, 0))).toBe(dayOf(2026, 3, 2));
    expect(dayNumber(vn(2026, 3, 1, 23, 59, 59, 999))).toBe(dayOf(2026, 3, 1));
    expect(dayNumber(Date.UTC(2026, 2, 1, 17, 0))).toBe(dayOf(2026, 3, 2));
    expect(dayNumber(Date.UTC(2026, 2, 1, 17, 0), 'UTC')).toBe(dayOf(2026, 3, 1));
    expect(formatDateTime(Date.UTC(2025, 11, 31, 17, 30))).toBe('2026-01-01 00:30');
  });

  it('ISO weeks start on Monday and week 1 holds the year’s first Thursday', () => {
    expect(weekLabel(2026, 1, 1)).toBe('2026-W01'); // Thursday
    expect(weekLabel(2025, 12, 29)).toBe('2026-W01'); // Monday of that week, still December
    expect(weekLabel(2025, 12, 28)).toBe('2025-W52'); // Sunday before
    expect(weekLabel(2021, 1, 3)).toBe('2020-W53'); // Sunday in January belongs to last year
    expect(weekLabel(2021, 1, 4)).toBe('2021-W01');
    expect(weekLabel(2020, 12, 31)).toBe('2020-W53');
    expect(weekLabel(2027, 1, 1)).toBe('2026-W53'); // Friday
    expect(weekLabel(2024, 12, 30)).toBe('2025-W01');
    expect(isoWeek(dayOf(2026, 12, 31))).toEqual({ year: 2026, week: 53 });
  });

  it('ISO weeks agree with a reference computed another way', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(2020, 1, 1), max: daysFromCivil(2099, 12, 31) }), (day) => {
        const date = new Date(day * 86_400_000);
        const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
        const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
        const firstThursdayYear = thursday.getUTCFullYear();
        const jan4 = Date.UTC(firstThursdayYear, 0, 4);
        const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
        const week = Math.round((thursday.getTime() - 3 * 86_400_000 - week1Monday) / (7 * 86_400_000)) + 1;
        expect(isoWeek(day)).toEqual({ year: firstThursdayYear, week });
      }),
    );
  });

  it('period ranges for pickers', () => {
    expect(periodRange(vn(2026, 3, 4, 12), 'week')).toEqual({ from: vn(2026, 3, 2), to: vn(2026, 3, 9) });
    expect(periodRange(vn(2026, 2, 14, 12), 'month')).toEqual({ from: vn(2026, 2, 1), to: vn(2026, 3, 1) });
    expect(periodRange(vn(2026, 12, 31, 23, 59), 'month')).toEqual({ from: vn(2026, 12, 1), to: vn(2027, 1, 1) });
    expect(periodRange(vn(2026, 3, 4, 0), 'day')).toEqual({ from: vn(2026, 3, 4), to: vn(2026, 3, 5) });
  });

  it('subtracting months clamps to the end of shorter months', () => {
    expect(subtractMonths(vn(2024, 2, 29, 10), 12)).toBe(vn(2023, 2, 28, 10));
    expect(subtractMonths(vn(2028, 2, 29, 10), 48)).toBe(vn(2024, 2, 29, 10));
    expect(subtractMonths(vn(2026, 3, 31, 9, 15), 1)).toBe(vn(2026, 2, 28, 9, 15));
    expect(subtractMonths(vn(2024, 3, 31), 1)).toBe(vn(2024, 2, 29));
    expect(subtractMonths(vn(2026, 1, 15), 12)).toBe(vn(2025, 1, 15));
    expect(subtractMonths(vn(2026, 1, 1, 0, 30), 1)).toBe(vn(2025, 12, 1, 0, 30));
    expect(subtractMonths(vn(2025, 1, 31), -1)).toBe(vn(2025, 2, 28));
  });
});
