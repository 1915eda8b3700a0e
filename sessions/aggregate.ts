import { AGE_BANDS, GENDERS, REASONS, SOURCES, type AgeBand, type Gender, type Reason, type Session, type TaskOutcome, type TaskSource } from './schema';
import { UNKNOWN, type Unknown } from './strings';
import { AGE_INDEX, C_HELPED, C_OUT, C_SESSIONS, C_TASKS, C_TOUR, GENDER_INDEX, OUTCOME_INDEX, REASON_INDEX, WIDTH } from './counter-layout';
import {
  DEFAULT_TIME_ZONE,
  dayNumber,
  dayStartMs,
  monthIndexOfDay,
  nextPeriodStartDay,
  offsetMs,
  periodLabel,
  periodStartDay,
  DAY_MS,
  type GroupBy,
  type TimeZone,
} from './time';

/**
 * Report aggregation: one pass over the sessions, counters in small typed arrays and maps keyed
 * by strings that already exist (task and member ids), no per-record objects. A session belongs
 * to the period of its `startedAt` in local time; its tasks are counted with it.
 *
 * Definitions
 * - sessions: sessions that started in [from, to).
 * - citizensHelped: sessions with at least one task, consented or not (one citizen per session).
 * - byAgeBand / byGender / firstTime: over all sessions; declined consent and unanswered → "khong-ro".
 */
export interface AggregateOptions {
  /** Inclusive lower bound on startedAt (epoch ms). */
  from?: number;
  /** Exclusive upper bound on startedAt (epoch ms). */
  to?: number;
  groupBy: GroupBy;
  timeZone?: TimeZone;
}

export type OutcomeCounts = Record<TaskOutcome, number>;

export interface TaskRow {
  taskId: string;
  sessions: number;
  byOutcome: OutcomeCounts;
  completedByTour: number;
}

export interface MemberRow {
  memberId: string;
  sessions: number;
  citizensHelped: number;
  tasks: number;
  byOutcome: OutcomeCounts;
}

export interface DeskRow {
  deskId: string;
  sessions: number;
  tasks: number;
}

export interface PeriodRow {
  /** "2026-03-02" | "2026-W10" | "2026-03" */
  label: string;
  /** Epoch ms of the period's first local midnight, and of the next period's. */
  from: number;
  to: number;
  sessions: number;
  citizensHelped: number;
  tasks: number;
  byOutcome: OutcomeCounts;
}

export interface Report {
  groupBy: GroupBy;
  timeZone: TimeZone;
  from: number | null;
  to: number | null;
  sessions: number;
  citizensHelped: number;
  consent: { agreed: number; declined: number };
  tasks: { total: number; byOutcome: OutcomeCounts; byReason: Record<Reason, number>; bySource: Record<TaskSource, number> };
  /** Sorted by number of sessions (descending), then id. */
  byTask: TaskRow[];
  byMember: MemberRow[];
  byDesk: DeskRow[];
  byAgeBand: Record<AgeBand | Unknown, number>;
  byGender: Record<Gender | Unknown, number>;
  firstTime: { yes: number; no: number; unknown: number };
  satisfaction: { responses: number; average: number | null; distribution: [number, number, number, number, number] };
  averageDurationMinutes: number | null;
  /** Every period from the first to the last (empty ones included), oldest first. */
  series: PeriodRow[];
}


function counters(map: Map<string | number, Float64Array>, key: string | number): Float64Array {
  let c = map.get(key);
  if (!c) {
    c = new Float64Array(WIDTH);
    map.set(key, c);
  }
  return c;
}

function outcomes(c: Float64Array): OutcomeCounts {
  return { done: c[C_OUT], partial: c[C_OUT + 1], 'not-done': c[C_OUT + 2], pending: c[C_OUT + 3] };
}

function byKeyDesc(a: { key: string; n: number }, b: { key: string; n: number }): number {
  return b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function aggregate(sessions: Iterable<Session>, options: AggregateOptions): Report {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const { groupBy } = options;
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const off = offsetMs(timeZone);

  const totals = new Float64Array(WIDTH);
  const reasons = new Float64Array(REASONS.length);
  const sources = new Float64Array(SOURCES.length);
  const ages = new Float64Array(AGE_BANDS.length + 1);
  const genders = new Float64Array(GENDERS.length + 1);
  const first = new Float64Array(3);
  const stars = new Float64Array(5);
  const byTask = new Map<string | number, Float64Array>();
  const byMember = new Map<string | number, Float64Array>();
  const byDesk = new Map<string | number, Float64Array>();
  const byPeriod = new Map<string | number, Float64Array>();
  let agreed = 0;
  let durationSum = 0;
  let durationCount = 0;
  let minStart = Infinity;
  let maxStart = -Infinity;
  // Month bucketing needs a civil date; cache it per local day (sessions cluster on few days).
  let lastDay = NaN;
  let lastKey = 0;

  for (const s of sessions) {
    const t = s.startedAt;
    if (t < from || t >= to) continue;
    if (t < minStart) minStart = t;
    if (t > maxStart) maxStart = t;

    const day = Math.floor((t + off) / DAY_MS);
    if (day !== lastDay) {
      lastDay = day;
      lastKey = groupBy === 'month' ? monthIndexOfDay(day) : periodStartDay(day, groupBy);
    }
    const period = counters(byPeriod, lastKey);
    const member = counters(byMember, s.memberId);
    const desk = counters(byDesk, s.deskId);

    const n = s.tasks.length;
    const helped = n > 0 ? 1 : 0;
    totals[C_SESSIONS] += 1;
    totals[C_HELPED] += helped;
    totals[C_TASKS] += n;
    period[C_SESSIONS] += 1;
    period[C_HELPED] += helped;
    period[C_TASKS] += n;
    member[C_SESSIONS] += 1;
    member[C_HELPED] += helped;
    member[C_TASKS] += n;
    desk[C_SESSIONS] += 1;
    desk[C_TASKS] += n;

    for (let i = 0; i < n; i += 1) {
      const task = s.tasks[i];
      const o = C_OUT + OUTCOME_INDEX[task.outcome];
      totals[o] += 1;
      period[o] += 1;
      member[o] += 1;
      const row = counters(byTask, task.taskId);
      row[C_SESSIONS] += 1;
      row[o] += 1;
      if (task.source === 'tour') {
        sources[0] += 1;
        if (task.outcome === 'done') row[C_TOUR] += 1;
      } else sources[1] += 1;
      if (task.reason !== undefined) reasons[REASON_INDEX[task.reason]] += 1;
    }

    const c = s.citizen;
    if (s.consent.agreed) agreed += 1;
    if (c === undefined) {
      ages[AGE_BANDS.length] += 1;
      genders[GENDERS.length] += 1;
      first[2] += 1;
    } else {
      ages[c.ageBand === undefined ? AGE_BANDS.length : AGE_INDEX[c.ageBand]] += 1;
      genders[c.gender === undefined ? GENDERS.length : GENDER_INDEX[c.gender]] += 1;
      first[c.firstTime === undefined ? 2 : c.firstTime ? 0 : 1] += 1;
    }
    if (s.satisfaction !== undefined) stars[s.satisfaction - 1] += 1;
    if (s.endedAt !== undefined) {
      durationSum += s.endedAt - t;
      durationCount += 1;
    }
  }

  const responses = stars[0] + stars[1] + stars[2] + stars[3] + stars[4];
  const starSum = stars[0] + 2 * stars[1] + 3 * stars[2] + 4 * stars[3] + 5 * stars[4];
  const byAgeBand = Object.fromEntries([...AGE_BANDS.map((a, i) => [a, ages[i]]), [UNKNOWN, ages[AGE_BANDS.length]]]) as Record<AgeBand | Unknown, number>;
  const byGender = Object.fromEntries([...GENDERS.map((g, i) => [g, genders[i]]), [UNKNOWN, genders[GENDERS.length]]]) as Record<Gender | Unknown, number>;

  return {
    groupBy,
    timeZone,
    from: options.from ?? null,
    to: options.to ?? null,
    sessions: totals[C_SESSIONS],
    citizensHelped: totals[C_HELPED],
    consent: { agreed, declined: totals[C_SESSIONS] - agreed },
    tasks: {
      total: totals[C_TASKS],
      byOutcome: outcomes(totals),
      byReason: Object.fromEntries(REASONS.map((r, i) => [r, reasons[i]])) as Record<Reason, number>,
      bySource: { tour: sources[0], manual: sources[1] },
    },
    byTask: [...byTask]
      .map(([key, c]) => ({ key: String(key), n: c[C_SESSIONS], c }))
      .sort(byKeyDesc)
      .map(({ key, c }) => ({ taskId: key, sessions: c[C_SESSIONS], byOutcome: outcomes(c), completedByTour: c[C_TOUR] })),
    byMember: [...byMember]
      .map(([key, c]) => ({ key: String(key), n: c[C_SESSIONS], c }))
      .sort(byKeyDesc)
      .map(({ key, c }) => ({ memberId: key, sessions: c[C_SESSIONS], citizensHelped: c[C_HELPED], tasks: c[C_TASKS], byOutcome: outcomes(c) })),
    byDesk: [...byDesk]
      .map(([key, c]) => ({ key: String(key), n: c[C_SESSIONS], c }))
      .sort(byKeyDesc)
      .map(({ key, c }) => ({ deskId: key, sessions: c[C_SESSIONS], tasks: c[C_TASKS] })),
    byAgeBand,
    byGender,
    firstTime: { yes: first[0], no: first[1], unknown: first[2] },
    satisfaction: {
      responses,
      average: responses ? Math.round((starSum / responses) * 100) / 100 : null,
      distribution: [stars[0], stars[1], stars[2], stars[3], stars[4]],
    },
    averageDurationMinutes: durationCount ? Math.round(durationSum / durationCount / 6_000) / 10 : null,
    series: buildSeries(byPeriod, groupBy, timeZone, options.from ?? minStart, options.to ?? maxStart + 1),
  };
}

function buildSeries(byPeriod: Map<string | number, Float64Array>, groupBy: GroupBy, timeZone: TimeZone, from: number, toExclusive: number): PeriodRow[] {
  if (!Number.isFinite(from) || !Number.isFinite(toExclusive) || toExclusive <= from) return [];
  const series: PeriodRow[] = [];
  const lastDay = dayNumber(toExclusive - 1, timeZone);
  for (let start = periodStartDay(dayNumber(from, timeZone), groupBy); start <= lastDay; start = nextPeriodStartDay(start, groupBy)) {
    const key = groupBy === 'month' ? monthIndexOfDay(start) : start;
    const c = byPeriod.get(key) ?? new Float64Array(WIDTH);
    const next = nextPeriodStartDay(start, groupBy);
    series.push({
      label: periodLabel(start, groupBy),
      from: dayStartMs(start, timeZone),
      to: dayStartMs(next, timeZone),
      sessions: c[C_SESSIONS],
      citizensHelped: c[C_HELPED],
      tasks: c[C_TASKS],
      byOutcome: outcomes(c),
    });
  }
  return series;
}

/** Outcome share in whole percent for charts; 0 when there are no tasks. */
export function outcomePercentages(counts: OutcomeCounts): OutcomeCounts {
  const total = counts.done + counts.partial + counts['not-done'] + counts.pending;
  const pct = (n: number) => (total ? Math.round((n / total) * 100) : 0);
  return { done: pct(counts.done), partial: pct(counts.partial), 'not-done': pct(counts['not-done']), pending: pct(counts.pending) };
}
