import type { AggregateOptions, OutcomeCounts, PeriodRow, Report } from './aggregate';
import { AGE_INDEX, C_HELPED, C_OUT, C_SESSIONS, C_TASKS, C_TOUR, GENDER_INDEX, OUTCOME_INDEX, REASON_INDEX, WIDTH } from './counter-layout';
import { migrateSession } from './migrations';
import { AGE_BANDS, GENDERS, REASONS, type AgeBand, type Gender, type Reason, type Session } from './schema';
import { UNKNOWN, type Unknown } from './strings';
import { DAY_MS, DEFAULT_TIME_ZONE, dayNumber, dayStartMs, monthIndexOfDay, nextPeriodStartDay, offsetMs, periodLabel, periodStartDay, type GroupBy } from './time';

/**
 * Per-day tallies of the sessions store: counts only (no session ids, no citizen data), one row per
 * local day (Vietnam time) on which at least one session started. The storage adapters keep them
 * in the same atomic write as every change to `sessions` — the desk, imports, withdrawals,
 * retention purges, migrations and quarantine all write through the adapter — by adding the
 * tally of the record written and subtracting the tally of the record it replaces. Because the
 * tally of a record is a pure function of the stored value, the rows equal a recount of the
 * records after any sequence of writes (tests/unit/sessions/tallies.test.ts).
 *
 * A report built from the rows equals `aggregate()` over the records for any period made of whole
 * local days, which is every period the dashboard shows.
 */
export const TALLY_VERSION = 1;
/** Key of the marker row saying the tallies were built for TALLY_VERSION (day rows use number keys). */
export const TALLY_MARKER_KEY = 'built';

// Day-wide counters after the WIDTH totals.
const X_REASONS = WIDTH;
const X_SOURCES = X_REASONS + REASONS.length;
const X_AGES = X_SOURCES + 2;
const X_GENDERS = X_AGES + AGE_BANDS.length + 1;
const X_FIRST = X_GENDERS + GENDERS.length + 1;
const X_STARS = X_FIRST + 3;
const X_AGREED = X_STARS + 5;
const X_DUR_SUM = X_AGREED + 1;
const X_DUR_COUNT = X_DUR_SUM + 1;
const DAY_WIDTH = X_DUR_COUNT + 1;


/** One stored row. Keys of the maps are task, team-member and desk ids (never session or citizen ids). */
export interface DayTally {
  v: typeof TALLY_VERSION;
  day: number;
  c: number[];
  task: Record<string, number[]>;
  member: Record<string, number[]>;
  desk: Record<string, number[]>;
}

export interface TallyMarker {
  v: typeof TALLY_VERSION;
  builtAt: number;
}

function emptyDay(day: number): DayTally {
  return { v: TALLY_VERSION, day, c: new Array<number>(DAY_WIDTH).fill(0), task: Object.create(null), member: Object.create(null), desk: Object.create(null) };
}

function bump(map: Record<string, number[]>, key: string, width: number): number[] {
  let row = map[key];
  if (!row) {
    row = new Array<number>(width).fill(0);
    map[key] = row;
  }
  return row;
}

/** The day and counters one valid session adds. */
export function tallyOfSession(s: Session): DayTally {
  const t = emptyDay(dayNumber(s.startedAt, DEFAULT_TIME_ZONE));
  const c = t.c;
  const n = s.tasks.length;
  const helped = n > 0 ? 1 : 0;
  const member = bump(t.member, s.memberId, WIDTH);
  const desk = bump(t.desk, s.deskId, 2);
  c[C_SESSIONS] = 1;
  c[C_HELPED] = helped;
  c[C_TASKS] = n;
  member[C_SESSIONS] = 1;
  member[C_HELPED] = helped;
  member[C_TASKS] = n;
  desk[0] = 1;
  desk[1] = n;
  for (const task of s.tasks) {
    const o = C_OUT + OUTCOME_INDEX[task.outcome];
    c[o] += 1;
    member[o] += 1;
    const row = bump(t.task, task.taskId, WIDTH);
    row[C_SESSIONS] += 1;
    row[o] += 1;
    if (task.source === 'tour') {
      c[X_SOURCES] += 1;
      if (task.outcome === 'done') row[C_TOUR] += 1;
    } else c[X_SOURCES + 1] += 1;
    if (task.reason !== undefined) c[X_REASONS + REASON_INDEX[task.reason]] += 1;
  }
  const citizen = s.citizen;
  if (s.consent.agreed) c[X_AGREED] = 1;
  if (citizen === undefined) {
    c[X_AGES + AGE_BANDS.length] = 1;
    c[X_GENDERS + GENDERS.length] = 1;
    c[X_FIRST + 2] = 1;
  } else {
    c[X_AGES + (citizen.ageBand === undefined ? AGE_BANDS.length : AGE_INDEX[citizen.ageBand])] = 1;
    c[X_GENDERS + (citizen.gender === undefined ? GENDERS.length : GENDER_INDEX[citizen.gender])] = 1;
    c[X_FIRST + (citizen.firstTime === undefined ? 2 : citizen.firstTime ? 0 : 1)] = 1;
  }
  if (s.satisfaction !== undefined) c[X_STARS + s.satisfaction - 1] = 1;
  if (s.endedAt !== undefined) {
    c[X_DUR_SUM] = s.endedAt - s.startedAt;
    c[X_DUR_COUNT] = 1;
  }
  return t;
}

/**
 * The tally of a stored value, or null when the value is not a readable session (the dashboard
 * quarantines those and does not count them). Old versions are counted as they read after migration.
 */
export function tallyOfStored(value: unknown): DayTally | null {
  if (value === undefined) return null;
  const migrated = migrateSession(value);
  return migrated.ok ? tallyOfSession(migrated.session) : null;
}

function addInto(target: number[], source: readonly number[], sign: 1 | -1): void {
  for (let i = 0; i < source.length; i += 1) target[i] += sign * source[i];
}

function addMap(target: Record<string, number[]>, source: Record<string, number[]>, width: number, sign: 1 | -1): void {
  for (const key of Object.keys(source)) {
    const row = bump(target, key, width);
    addInto(row, source[key], sign);
    if (row.every((n) => n === 0)) delete target[key];
  }
}

/**
 * Adds (sign 1) or removes (sign -1) one record's tally in `rows` (day → row). A row whose session
 * count reaches zero is set to null: the caller deletes it from storage.
 */
export function applyTally(rows: Map<number, DayTally | null>, tally: DayTally, sign: 1 | -1): void {
  const row = rows.get(tally.day) ?? emptyDay(tally.day);
  addInto(row.c, tally.c, sign);
  addMap(row.task, tally.task, WIDTH, sign);
  addMap(row.member, tally.member, WIDTH, sign);
  addMap(row.desk, tally.desk, 2, sign);
  rows.set(tally.day, row.c[C_SESSIONS] === 0 && row.c.every((n) => n === 0) ? null : row);
}

/**
 * What one write does to the tallies: `before` and `after` are the stored values of the written
 * keys (undefined = absent), in the order the ops run. Returns the touched days' tallies to apply.
 */
export function tallyChanges(before: unknown, after: unknown): Array<{ tally: DayTally; sign: 1 | -1 }> {
  const changes: Array<{ tally: DayTally; sign: 1 | -1 }> = [];
  const old = tallyOfStored(before);
  const next = tallyOfStored(after);
  if (old) changes.push({ tally: old, sign: -1 });
  if (next) changes.push({ tally: next, sign: 1 });
  return changes;
}

/** Tallies of every record, from scratch: the migration and "Tính lại". */
export function recountTallies(values: Iterable<unknown>): Map<number, DayTally> {
  const rows = new Map<number, DayTally | null>();
  for (const value of values) {
    const tally = tallyOfStored(value);
    if (tally) applyTally(rows, tally, 1);
  }
  return new Map([...rows].filter((entry): entry is [number, DayTally] => entry[1] !== null));
}

/** A stored row read back (storage is a trust boundary): null when it is not a row of this version. */
export function readDayTally(value: unknown): DayTally | null {
  const row = value as Partial<DayTally> | null;
  if (!row || row.v !== TALLY_VERSION || !Number.isInteger(row.day) || !Array.isArray(row.c) || row.c.length !== DAY_WIDTH) return null;
  if (typeof row.task !== 'object' || typeof row.member !== 'object' || typeof row.desk !== 'object' || !row.task || !row.member || !row.desk) return null;
  return row as DayTally;
}

function canonical(row: DayTally): string {
  const sorted = (map: Record<string, number[]>) => Object.keys(map).sort().map((k) => [k, map[k]]);
  return JSON.stringify([row.day, row.c, sorted(row.task), sorted(row.member), sorted(row.desk)]);
}

/** Days whose stored row differs from the recount (missing, extra or different), sorted. */
export function tallyDrift(stored: Iterable<DayTally>, recount: ReadonlyMap<number, DayTally>): number[] {
  const seen = new Map<number, string>();
  for (const row of stored) seen.set(row.day, canonical(row));
  const days = new Set<number>();
  for (const [day, row] of recount) if (seen.get(day) !== canonical(row)) days.add(day);
  for (const day of seen.keys()) if (!recount.has(day)) days.add(day);
  return [...days].sort((a, b) => a - b);
}

function outcomes(c: readonly number[]): OutcomeCounts {
  return { done: c[C_OUT], partial: c[C_OUT + 1], 'not-done': c[C_OUT + 2], pending: c[C_OUT + 3] };
}

function byKeyDesc(a: { key: string; n: number }, b: { key: string; n: number }): number {
  return b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The report of the days in [from, to), from the tally rows: equal to `aggregate()` over the
 * records when from and to are local midnights in Vietnam time (the dashboard's periods).
 */
export function reportFromTallies(rows: Iterable<DayTally>, options: AggregateOptions): Report {
  const { groupBy } = options;
  const timeZone = DEFAULT_TIME_ZONE;
  if ((options.timeZone ?? DEFAULT_TIME_ZONE) !== timeZone) throw new RangeError('tallies are kept in Vietnam time');
  const fromDay = options.from === undefined ? -Infinity : dayNumber(options.from, timeZone);
  const toDay = options.to === undefined ? Infinity : dayNumber(options.to, timeZone);
  const totals = emptyDay(0);
  const byPeriod: Record<string, number[]> = Object.create(null);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const row of rows) {
    if (row.day < fromDay || row.day >= toDay) continue;
    if (row.day < minDay) minDay = row.day;
    if (row.day > maxDay) maxDay = row.day;
    addInto(totals.c, row.c, 1);
    addMap(totals.task, row.task, WIDTH, 1);
    addMap(totals.member, row.member, WIDTH, 1);
    addMap(totals.desk, row.desk, 2, 1);
    const key = periodKey(row.day, groupBy);
    addInto(bump(byPeriod, String(key), WIDTH), row.c.slice(0, WIDTH), 1);
  }
  const c = totals.c;
  const stars = c.slice(X_STARS, X_STARS + 5);
  const responses = stars.reduce((a, b) => a + b, 0);
  const starSum = stars.reduce((a, n, i) => a + (i + 1) * n, 0);
  const ages = c.slice(X_AGES, X_AGES + AGE_BANDS.length + 1);
  const genders = c.slice(X_GENDERS, X_GENDERS + GENDERS.length + 1);
  const rowsOf = (map: Record<string, number[]>) => Object.keys(map).map((key) => ({ key, n: map[key][C_SESSIONS], c: map[key] })).sort(byKeyDesc);
  const off = offsetMs(timeZone);
  const seriesFrom = options.from ?? minDay * DAY_MS - off;
  const seriesTo = options.to ?? (maxDay + 1) * DAY_MS - off;
  return {
    groupBy,
    timeZone,
    from: options.from ?? null,
    to: options.to ?? null,
    sessions: c[C_SESSIONS],
    citizensHelped: c[C_HELPED],
    consent: { agreed: c[X_AGREED], declined: c[C_SESSIONS] - c[X_AGREED] },
    tasks: {
      total: c[C_TASKS],
      byOutcome: outcomes(c),
      byReason: Object.fromEntries(REASONS.map((r, i) => [r, c[X_REASONS + i]])) as Record<Reason, number>,
      bySource: { tour: c[X_SOURCES], manual: c[X_SOURCES + 1] },
    },
    byTask: rowsOf(totals.task).map(({ key, c: t }) => ({ taskId: key, sessions: t[C_SESSIONS], byOutcome: outcomes(t), completedByTour: t[C_TOUR] })),
    byMember: rowsOf(totals.member).map(({ key, c: m }) => ({ memberId: key, sessions: m[C_SESSIONS], citizensHelped: m[C_HELPED], tasks: m[C_TASKS], byOutcome: outcomes(m) })),
    byDesk: rowsOf(totals.desk).map(({ key, c: d }) => ({ deskId: key, sessions: d[0], tasks: d[1] })),
    byAgeBand: Object.fromEntries([...AGE_BANDS.map((a, i) => [a, ages[i]]), [UNKNOWN, ages[AGE_BANDS.length]]]) as Record<AgeBand | Unknown, number>,
    byGender: Object.fromEntries([...GENDERS.map((g, i) => [g, genders[i]]), [UNKNOWN, genders[GENDERS.length]]]) as Record<Gender | Unknown, number>,
    firstTime: { yes: c[X_FIRST], no: c[X_FIRST + 1], unknown: c[X_FIRST + 2] },
    satisfaction: { responses, average: responses ? Math.round((starSum / responses) * 100) / 100 : null, distribution: [stars[0], stars[1], stars[2], stars[3], stars[4]] },
    averageDurationMinutes: c[X_DUR_COUNT] ? Math.round(c[X_DUR_SUM] / c[X_DUR_COUNT] / 6_000) / 10 : null,
    series: buildSeries(byPeriod, groupBy, seriesFrom, seriesTo),
  };
}

function periodKey(day: number, groupBy: GroupBy): number {
  return groupBy === 'month' ? monthIndexOfDay(day) : periodStartDay(day, groupBy);
}

function buildSeries(byPeriod: Record<string, number[]>, groupBy: GroupBy, from: number, toExclusive: number): PeriodRow[] {
  if (!Number.isFinite(from) || !Number.isFinite(toExclusive) || toExclusive <= from) return [];
  const series: PeriodRow[] = [];
  const lastDay = dayNumber(toExclusive - 1);
  for (let start = periodStartDay(dayNumber(from), groupBy); start <= lastDay; start = nextPeriodStartDay(start, groupBy)) {
    const c = byPeriod[String(periodKey(start, groupBy))] ?? new Array<number>(WIDTH).fill(0);
    const next = nextPeriodStartDay(start, groupBy);
    series.push({ label: periodLabel(start, groupBy), from: dayStartMs(start), to: dayStartMs(next), sessions: c[C_SESSIONS], citizensHelped: c[C_HELPED], tasks: c[C_TASKS], byOutcome: outcomes(c) });
  }
  return series;
}
