/**
 * Scaling for the dashboard's small SVG charts: pure, so the geometry is unit-tested and the
 * components only draw. Counts are whole numbers, so axis ticks are whole numbers too.
 */

/** The smallest "nice" axis maximum ≥ `max` (1, 2, 5 × 10ⁿ steps), and its tick step. */
export function niceScale(max: number, targetTicks = 4): { max: number; step: number; ticks: number[] } {
  if (!Number.isFinite(max) || max <= 0) return { max: 1, step: 1, ticks: [0, 1] };
  const rough = max / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Math.round(t));
  return { max: top, step, ticks };
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/**
 * Vertical bars for `values` inside a plot `width` × `height` (origin top-left, y grows down).
 * Each bar gets an equal slot with `gap` (0–1) of the slot left empty; a zero draws no height.
 */
export function verticalBars(values: readonly number[], width: number, height: number, axisMax: number, gap = 0.25): Bar[] {
  if (!values.length) return [];
  const slot = width / values.length;
  const barWidth = slot * (1 - gap);
  return values.map((value, i) => {
    const h = axisMax > 0 ? (Math.max(0, value) / axisMax) * height : 0;
    return { x: i * slot + (slot - barWidth) / 2, y: height - h, width: barWidth, height: h, value };
  });
}

export interface Segment<K extends string> {
  key: K;
  x: number;
  width: number;
  value: number;
}

/**
 * A horizontal stacked bar: segments in `order`, widths proportional to `total` (the largest
 * row's total, so rows compare), zero-valued segments left out.
 */
export function stackSegments<K extends string>(counts: Readonly<Record<K, number>>, order: readonly K[], width: number, total: number): Segment<K>[] {
  const segments: Segment<K>[] = [];
  let x = 0;
  for (const key of order) {
    const value = counts[key];
    if (!(value > 0) || !(total > 0)) continue;
    const w = (value / total) * width;
    segments.push({ key, x, width: w, value });
    x += w;
  }
  return segments;
}

/** Whole-percent shares that add up to exactly 100 (largest remainder), or all 0 when empty. */
export function percentages(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return values.map(() => 0);
  const raw = values.map((v) => (v / total) * 100);
  const floors = raw.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, rem: r - floors[i] })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors;
}
