import {
  civilFromDays,
  dayNumber,
  dayStartMs,
  daysFromCivil,
  isoWeek,
  mondayOf,
  nextPeriodStartDay,
  periodStartDay,
  type GroupBy,
} from '../../sessions';

/**
 * The report period the dashboard shows: a local (Vietnam) day, ISO week or calendar month,
 * identified by its first day number (see sessions/time.ts). Pure: the caller passes "now".
 */
export interface Period {
  groupBy: GroupBy;
  /** Local day number of the period's first day. */
  startDay: number;
}

export interface PeriodBounds {
  /** Epoch ms of the first local midnight, inclusive. */
  from: number;
  /** Epoch ms of the next period's first local midnight, exclusive. */
  to: number;
  firstDay: number;
  /** Last local day of the period, inclusive. */
  lastDay: number;
}

/** Earliest and latest days the picker accepts: the schema's 2020–2099 range. */
export const FIRST_DAY = daysFromCivil(2020, 1, 1);
export const LAST_DAY = daysFromCivil(2099, 12, 31);

const clampDay = (day: number) => Math.min(LAST_DAY, Math.max(FIRST_DAY, day));

export function periodOfDay(day: number, groupBy: GroupBy): Period {
  return { groupBy, startDay: periodStartDay(clampDay(day), groupBy) };
}

export function periodContaining(epochMs: number, groupBy: GroupBy): Period {
  return periodOfDay(dayNumber(epochMs), groupBy);
}

export function periodBounds(period: Period): PeriodBounds {
  const next = nextPeriodStartDay(period.startDay, period.groupBy);
  return { from: dayStartMs(period.startDay), to: dayStartMs(next), firstDay: period.startDay, lastDay: next - 1 };
}

/** The period before (-1) or after (+1). */
export function shiftPeriod(period: Period, direction: -1 | 1): Period {
  const day = direction < 0 ? period.startDay - 1 : nextPeriodStartDay(period.startDay, period.groupBy);
  return periodOfDay(day, period.groupBy);
}

/**
 * Switches day/week/month and keeps the user where they were: today when today is in the period
 * shown, otherwise the period's first day ("March" → week → the week of 1 March).
 */
export function regroup(period: Period, groupBy: GroupBy, now: number): Period {
  const today = dayNumber(now);
  const { firstDay, lastDay } = periodBounds(period);
  return periodOfDay(today >= firstDay && today <= lastDay ? today : firstDay, groupBy);
}

/** True when the period has not ended yet: "next" would only show empty future periods. */
export function containsOrAfter(period: Period, now: number): boolean {
  return periodBounds(period).to > now;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "02/03/2026": the way dates are written in Vietnam. */
export function vnDate(day: number): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${pad2(d)}/${pad2(month)}/${year}`;
}

/** "Ngày 02/03/2026", "Tuần 10/2026 (02/03/2026 – 08/03/2026)", "Tháng 3/2026". */
export function periodTitle(period: Period): string {
  const { firstDay, lastDay } = periodBounds(period);
  if (period.groupBy === 'day') return `Ngày ${vnDate(firstDay)}`;
  if (period.groupBy === 'week') {
    const { year, week } = isoWeek(firstDay);
    return `Tuần ${week}/${year} (${vnDate(firstDay)} – ${vnDate(lastDay)})`;
  }
  const { year, month } = civilFromDays(firstDay);
  return `Tháng ${month}/${year}`;
}

/** "từ 01/03/2026 đến 31/03/2026" */
export function periodRangeText(period: Period): string {
  const { firstDay, lastDay } = periodBounds(period);
  return firstDay === lastDay ? vnDate(firstDay) : `từ ${vnDate(firstDay)} đến ${vnDate(lastDay)}`;
}

/** The value of an `<input type="date">`: "YYYY-MM-DD". */
export function dateInputValue(day: number): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${year}-${pad2(month)}-${pad2(d)}`;
}

/** Day number of an `<input type="date">` value; undefined when empty, malformed or out of range. */
export function parseDateInput(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = daysFromCivil(year, month, day);
  // Rejects 31 February and the like: the civil date must round-trip.
  const back = civilFromDays(days);
  if (back.year !== year || back.month !== month || back.day !== day) return undefined;
  return days >= FIRST_DAY && days <= LAST_DAY ? days : undefined;
}

/** The `count` ISO weeks ending with the week that holds the period's last day: the weekly chart. */
export function trailingWeeks(period: Period, count = 12): { from: number; to: number } {
  const lastMonday = mondayOf(periodBounds(period).lastDay);
  return { from: dayStartMs(lastMonday - 7 * (count - 1)), to: dayStartMs(lastMonday + 7) };
}
