import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { aggregate } from '../../sessions/aggregate';
import { backupJson, sessionLogCsv, xlsxSheets } from '../../sessions/export';
import { mergeSessions, parseBackup } from '../../sessions/merge';
import { AGE_BANDS, type Reason, type Session, type TaskEntry } from '../../sessions/schema';
import { DEFAULT_CATALOGUE } from '../../sessions/tasks';
import { sessionLogCsvParts } from '../../extension/dashboard/csv-chunks';
import { prng } from './stats';

/**
 * Assisted-session bench: 100,000 realistic sessions, generated deterministically (seeded PRNG),
 * then aggregated (goal < 200 ms) and exported (CSV goal < 2 s).
 *   npx tsx scripts/bench/sessions.ts [count]
 */
export const BENCH_SESSION_COUNT = 100_000;

/** A picker over weighted items (cumulative weights computed once). */
function weighted<T>(items: ReadonlyArray<readonly [T, number]>): (random: () => number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of items) cumulative.push((total += w));
  return (random) => {
    const r = random() * total;
    for (let i = 0; i < cumulative.length; i += 1) if (r < cumulative[i]) return items[i][0];
    return items[items.length - 1][0];
  };
}

const pickTaskCount = weighted([[1, 45], [2, 35], [3, 15], [4, 5]] as const);
const pickOutcome = weighted([['done', 66], ['partial', 12], ['not-done', 17], ['pending', 5]] as const);
const pickReason = weighted<Reason>([['thieu-giay-to', 35], ['chua-co-tai-khoan', 25], ['loi-he-thong', 20], ['het-thoi-gian', 12], ['khac', 8]]);
const pickAgeBand = weighted(AGE_BANDS.map((band, i) => [band, [2, 10, 16, 24, 30, 18][i]] as const));
const pickGender = weighted([['nam', 46], ['nu', 52], ['khac', 2]] as const);
const pickScore = weighted([[5, 45], [4, 35], [3, 12], [2, 5], [1, 3]] as const);

const hex = (random: () => number, n: number) => {
  let out = '';
  for (let i = 0; i < n; i += 1) out += Math.floor(random() * 16).toString(16);
  return out;
};

/** A v4 UUID from the PRNG (deterministic, unlike crypto.randomUUID). */
export function seededUuid(random: () => number): string {
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${'89ab'[Math.floor(random() * 4)]}${hex(random, 3)}-${hex(random, 12)}`;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const VN_OFFSET = 7 * HOUR;

/**
 * `count` sessions over the 12 months before `end` (default 1 March 2026, Vietnam time) from
 * 24 desks and 80 team members, on weekdays 7:30–17:00, with realistic task mixes and outcomes.
 */
export function generateSessions(count: number = BENCH_SESSION_COUNT, seed = 20260301, end = Date.UTC(2026, 2, 1) - VN_OFFSET): Session[] {
  const random = prng(seed);
  const pickTask = weighted(DEFAULT_CATALOGUE.tasks.map((t, i) => [t.id, t.group === 'vneid' ? 8 : t.group === 'thanh-toan' ? 5 : 10 - (i % 5)] as const));
  const desks = Array.from({ length: 24 }, (_, i) => `xa-${String(i + 1).padStart(2, '0')}`);
  const members = Array.from({ length: 80 }, (_, i) => ({ id: `tv-${String(i + 1).padStart(3, '0')}`, desk: desks[i % desks.length] }));
  const start = end - 365 * DAY;
  const sessions: Session[] = [];
  for (let n = 0; n < count; n += 1) {
    let day = Math.floor((start + random() * 365 * DAY + VN_OFFSET) / DAY);
    const weekday = (day + 3) % 7; // 0 = Monday
    if (weekday >= 5 && random() < 0.8) day -= weekday - 4; // mostly weekdays
    const startedAt = day * DAY - VN_OFFSET + Math.floor((7.5 + random() * 9.5) * HOUR);
    const member = members[Math.floor(random() * members.length)];
    const agreed = random() < 0.85;
    const taskCount = pickTaskCount(random);
    const tasks: TaskEntry[] = [];
    let at = startedAt;
    for (let k = 0; k < taskCount; k += 1) {
      const taskId = pickTask(random);
      if (tasks.some((t) => t.taskId === taskId)) continue;
      at += Math.floor((3 + random() * 15) * 60_000);
      const outcome = pickOutcome(random);
      const entry: TaskEntry = { taskId, outcome, source: taskId === 'tim-thu-tuc' && outcome === 'done' ? 'tour' : 'manual', at };
      if (outcome === 'partial' || outcome === 'not-done') {
        entry.reason = pickReason(random);
      }
      tasks.push(entry);
    }
    const open = random() < 0.01;
    const endedAt = at + Math.floor((2 + random() * 8) * 60_000);
    const session: Session = {
      schemaVersion: 1,
      id: seededUuid(random),
      deskId: member.desk,
      memberId: member.id,
      startedAt,
      updatedAt: open ? at : endedAt,
      consent: { textVersion: 'v1-2026', agreed, at: startedAt },
      tasks,
    };
    if (!open) session.endedAt = endedAt;
    if (agreed) {
      session.citizen = {
        ageBand: pickAgeBand(random),
        gender: pickGender(random),
        firstTime: random() < 0.55,
      };
      if (random() < 0.1) delete session.citizen.gender;
      if (!open && random() < 0.6) session.satisfaction = pickScore(random);
    }
    sessions.push(session);
  }
  return sessions;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(run: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = run();
  return { ms: performance.now() - t, value };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function benchSessions(count: number = BENCH_SESSION_COUNT): Promise<{ name: string; value: string }[]> {
  const generated = time(() => generateSessions(count));
  const sessions = generated.value;
  const tasks = sessions.reduce((sum, s) => sum + s.tasks.length, 0);

  const cold = time(() => aggregate(sessions, { groupBy: 'week' }));
  const runs = Array.from({ length: 5 }, () => time(() => aggregate(sessions, { groupBy: 'week' })).ms);
  const monthRuns = Array.from({ length: 5 }, () => time(() => aggregate(sessions, { groupBy: 'month' })).ms);
  const report = aggregate(sessions, { groupBy: 'week' });

  const csv = time(() => sessionLogCsv(sessions));
  // As the dashboard's records worker builds it: slices with progress, one Blob. CPU time beside
  // wall time, since the machine running the bench may be shared.
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const blob = new Blob(await sessionLogCsvParts(sessions, {}, () => undefined, () => Promise.resolve()));
  const csvBlob = { ms: performance.now() - wallBefore, cpu: process.cpuUsage(cpuBefore).user / 1000, bytes: blob.size };
  const json = time(() => backupJson(sessions, { deskId: 'tinh-tong-hop', exportedAt: Date.UTC(2026, 2, 1) }));
  const xlsx = time(() => xlsxSheets(report, sessions));
  const parsed = time(() => parseBackup(json.value));
  const merged = time(() => mergeSessions(sessions, parsed.value.ok ? parsed.value.sessions : []));

  return [
    { name: `sessions generated (seeded)`, value: `${count.toLocaleString('en')} sessions, ${tasks.toLocaleString('en')} tasks (${ms(generated.ms)})` },
    { name: 'aggregate, by week, first call (cold)', value: ms(cold.ms) },
    { name: 'aggregate, by week (median of 5; goal < 200 ms)', value: ms(median(runs)) },
    { name: 'aggregate, by month (median of 5)', value: ms(median(monthRuns)) },
    { name: 'session-log CSV as one string (sessionLogCsv, the reference text; goal < 2 s)', value: `${ms(csv.ms)}, ${mb(new TextEncoder().encode(csv.value).length)}` },
    { name: 'session-log CSV → Blob as the dashboard worker builds it (sessionLogCsvParts: UTF-8 bytes written directly, + new Blob; wall, and CPU of this process)', value: `${ms(csvBlob.ms)} wall, ${ms(csvBlob.cpu)} CPU, ${mb(csvBlob.bytes)}` },
    { name: 'JSON backup export', value: `${ms(json.ms)}, ${mb(new TextEncoder().encode(json.value).length)}` },
    { name: 'XLSX sheet rows (4 sheets)', value: `${ms(xlsx.ms)}, ${xlsx.value.reduce((n, s) => n + s.rows.length, 0).toLocaleString('en')} rows` },
    { name: 'JSON backup parse + validate', value: ms(parsed.ms) },
    { name: 'merge into itself (all duplicates)', value: `${ms(merged.ms)}, ${merged.value.counts.duplicates.toLocaleString('en')} duplicates` },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2]) || BENCH_SESSION_COUNT;
  const rows = await benchSessions(count);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) console.log(`${row.name.padEnd(width)}  ${row.value}`);
}
