import type { StepStatus, TourReport } from './report';
import { verifyTours, type VerifyOptions } from './run';
import { VARIANTS, VARY_GOAL, type Variant } from './variants';

/** One tour replayed on one variant: how many of its steps the replay found and passed. */
export interface VaryCell {
  found: number;
  total: number;
  /** the first step that broke, with what happened there */
  broke?: string;
}

export interface VaryResult {
  seed: number;
  variants: Array<{ id: string; vi: string }>;
  /** tour id → variant id (or "gốc" for the plain replicas) → cell */
  cells: Record<string, Record<string, VaryCell>>;
}

export const PLAIN = 'gốc';
const PASSED: readonly StepStatus[] = ['ok', 'ambiguous', 'fallback', 'skipped', 'stopped'];

/** Steps after one that stops for the citizen are not counted; a step not reached after a broken one counts as not found. */
export function cellOf(report: TourReport): VaryCell {
  const stoppedAt = report.steps.findIndex((s) => s.status === 'stopped');
  const counted = stoppedAt >= 0 ? report.steps.slice(0, stoppedAt + 1) : report.steps;
  const broken = report.steps.find((s) => s.broken);
  return {
    found: counted.filter((s) => PASSED.includes(s.status)).length,
    total: counted.length,
    broke: broken ? `${broken.index + 1}. ${broken.id}: ${broken.note}` : undefined,
  };
}

/** Replays the tours on the plain replicas and on every variant (or the chosen ones). */
export async function verifyVariants(options: VerifyOptions & { seed?: number; variants?: readonly Variant[] }): Promise<VaryResult> {
  const seed = options.seed ?? 1;
  const variants = options.variants ?? VARIANTS;
  const result: VaryResult = { seed, variants: variants.map(({ id, vi }) => ({ id, vi })), cells: {} };
  const record = (column: string, reports: TourReport[]) => {
    for (const report of reports) (result.cells[report.tourId] ??= {})[column] = cellOf(report);
  };
  record(PLAIN, await verifyTours({ ...options, verifiedFile: false }));
  for (const variant of variants) record(variant.id, await verifyTours({ ...options, verifiedFile: false, vary: { variant, seed } }));
  return result;
}

const percent = (found: number, total: number) => (total ? `${Math.floor((1000 * found) / total) / 10}%` : '–');

/** Variant columns where a tour, or all tours together, found fewer steps than the goal. */
export function belowGoal(result: VaryResult): string[] {
  const out: string[] = [];
  for (const { id } of result.variants) {
    for (const [tour, row] of Object.entries(result.cells)) {
      const cell = row[id];
      if (cell && cell.found < VARY_GOAL * cell.total) out.push(`${tour} @ ${id}`);
    }
  }
  return out;
}

/** Steps found per tour and variant, the share per variant, the legend and what broke where. */
export function formatVary(result: VaryResult): string {
  const columns = [PLAIN, ...result.variants.map((v) => v.id)];
  const tours = Object.keys(result.cells).sort();
  const width = Math.max(24, ...tours.map((t) => t.length + 2));
  const row = (first: string, cells: string[]) => first.padEnd(width) + cells.map((c) => c.padStart(10)).join('');
  const lines = [`Số bước tìm thấy theo tour và biến thể (seed ${result.seed}; mục tiêu ≥ ${VARY_GOAL * 100}% mỗi tour, mỗi biến thể)`, '', row('tour', columns)];
  for (const tour of tours) lines.push(row(tour, columns.map((c) => (result.cells[tour][c] ? `${result.cells[tour][c].found}/${result.cells[tour][c].total}` : '–'))));
  const totals = columns.map((c) => {
    const cells = tours.map((t) => result.cells[t][c]).filter(Boolean);
    return percent(cells.reduce((s, x) => s + x.found, 0), cells.reduce((s, x) => s + x.total, 0));
  });
  lines.push(row('tổng', totals), '', 'Biến thể:');
  for (const v of result.variants) lines.push(`  ${v.id.padEnd(10)} ${v.vi}`);
  const broken = tours.flatMap((t) => columns.filter((c) => result.cells[t][c]?.broke).map((c) => `  ${t} @ ${c} — ${result.cells[t][c].broke}`));
  if (broken.length) lines.push('', 'Dừng ở (bước đầu tiên hỏng):', ...broken);
  const below = belowGoal(result);
  lines.push('', below.length ? `Dưới mục tiêu: ${below.join(', ')}. (Below the goal.)` : `Mọi tour đạt mục tiêu trên mọi biến thể. (Every tour meets the goal on every variant.)`);
  return lines.join('\n');
}
