/**
 * Calendar arithmetic in a fixed-offset time zone, without a dependency and without allocating
 * Date objects on hot paths. Vietnam (Asia/Ho_Chi_Minh) has been UTC+7 with no daylight saving
 * since 1975, so a fixed offset is exact for every timestamp the schema accepts (2020–2100).
 *
 * "Day numbers" count whole local days since 1970-01-01 (local). Civil-date conversion follows
 * Howard Hinnant's days_from_civil / civil_from_days algorithms (proleptic Gregorian).
 */
export const TIME_ZONES = {
  'Asia/Ho_Chi_Minh': 7 * 60,
  UTC: 0,
} as const;

export type TimeZone = keyof typeof TIME_ZONES;
export type GroupBy = 'day' | 'week' | 'month';

export const DEFAULT_TIME_ZONE: TimeZone = 'Asia/Ho_Chi_Minh';
export const DAY_MS = 86_400_000;

export function offsetMs(timeZone: TimeZone = DEFAULT_TIME_ZONE): number {
  return TIME_ZONES[timeZone] * 60_000;
}

/** Local day number of an epoch-ms instant. */
export function dayNumber(epochMs: number, timeZone: TimeZone = DEFAULT_TIME_ZONE): number {
  return Math.floor((epochMs + offsetMs(timeZone)) / DAY_MS);
}

/** Epoch ms of local midnight starting `day`. */
export function dayStartMs(day: number, timeZone: TimeZone = DEFAULT_TIME_ZONE): number {
  return day * DAY_MS - offsetMs(timeZone);
}

/** Day number of a civil date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number: year, month (1–12), day of month (1–31). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: (month <= 2 ? 1 : 0) + yoe + era * 400, month, day };
}

/** Month index (year * 12 + month - 1) of a day number: cheap, used as a bucket key. */
export function monthIndexOfDay(days: number): number {
  const { year, month } = civilFromDays(days);
  return year * 12 + month - 1;
}

export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);
}

/** ISO weekday: Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** Day number of the Monday starting the ISO week that contains `days`. */
export function mondayOf(days: number): number {
  return days - isoWeekday(days) + 1;
}

/** ISO 8601 week-numbering year and week (1–53): the week belongs to the year of its Thursday. */
export function isoWeek(days: number): { year: number; week: number } {
  const thursday = mondayOf(days) + 3;
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** First local day of the period (day, ISO week from Monday, calendar month) containing `days`. */
export function periodStartDay(days: number, groupBy: GroupBy): number {
  if (groupBy === 'day') return days;
  if (groupBy === 'week') return mondayOf(days);
  const { year, month } = civilFromDays(days);
  return daysFromCivil(year, month, 1);
}

/** First local day of the period after the one starting at `startDay`. */
export function nextPeriodStartDay(startDay: number, groupBy: GroupBy): number {
  if (groupBy === 'day') return startDay + 1;
  if (groupBy === 'week') return startDay + 7;
  const { year, month } = civilFromDays(startDay);
  return month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "2026-03-02" (day), "2026-W10" (ISO week), "2026-03" (month). */
export function periodLabel(startDay: number, groupBy: GroupBy): string {
  if (groupBy === 'week') {
    const { year, week } = isoWeek(startDay);
    return `${year}-W${pad2(week)}`;
  }
  const { year, month, day } = civilFromDays(startDay);
  return groupBy === 'month' ? `${year}-${pad2(month)}` : `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The [from, to) epoch-ms range of the period containing `epochMs`: for "this week" pickers. */
export function periodRange(epochMs: number, groupBy: GroupBy, timeZone: TimeZone = DEFAULT_TIME_ZONE): { from: number; to: number } {
  const start = periodStartDay(dayNumber(epochMs, timeZone), groupBy);
  return { from: dayStartMs(start, timeZone), to: dayStartMs(nextPeriodStartDay(start, groupBy), timeZone) };
}

/** Local "YYYY-MM-DD". */
export function formatDate(epochMs: number, timeZone: TimeZone = DEFAULT_TIME_ZONE): string {
  const { year, month, day } = civilFromDays(dayNumber(epochMs, timeZone));
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Local "YYYY-MM-DD HH:mm": Excel reads it as a date-time in every locale. */
export function formatDateTime(epochMs: number, timeZone: TimeZone = DEFAULT_TIME_ZONE): string {
  const local = epochMs + offsetMs(timeZone);
  const minutes = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return `${formatDate(epochMs, timeZone)} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * A "wall-clock" Date: its UTC fields carry the local time. Spreadsheet writers that convert with
 * getTime() (write-excel-file does) then show the Vietnam time, since Excel cells have no zone.
 */
export function wallClockDate(epochMs: number, timeZone: TimeZone = DEFAULT_TIME_ZONE): Date {
  return new Date(epochMs + offsetMs(timeZone));
}

/**
 * The same local wall-clock time `months` calendar months earlier (negative: later). The day is
 * clamped to the target month's length: 31 March − 1 month = 28/29 February, 29 Feb 2024 − 12
 * months = 28 Feb 2023.
 */
export function subtractMonths(epochMs: number, months: number, timeZone: TimeZone = DEFAULT_TIME_ZONE): number {
  const days = dayNumber(epochMs, timeZone);
  const timeOfDay = epochMs + offsetMs(timeZone) - days * DAY_MS;
  const { year, month, day } = civilFromDays(days);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return daysFromCivil(targetYear, targetMonth, targetDay) * DAY_MS + timeOfDay - offsetMs(timeZone);
}
