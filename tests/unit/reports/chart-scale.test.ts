import { describe, expect, it } from 'vitest';
import { niceScale, percentages, stackSegments, verticalBars } from '../../../components/reports/chart-scale';

describe('chart scaling', () => {
  it('rounds the axis up to 1, 2 or 5 × 10ⁿ steps with whole-number ticks', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(3)).toEqual({ max: 3, step: 1, ticks: [0, 1, 2, 3] });
    expect(niceScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(350)).toEqual({ max: 400, step: 100, ticks: [0, 100, 200, 300, 400] });
    expect(niceScale(1234).max).toBe(1500);
    for (const max of [1, 9, 10, 11, 99, 101, 4321]) {
      const s = niceScale(max);
      expect(s.max).toBeGreaterThanOrEqual(max);
      expect(s.ticks.at(-1)).toBe(s.max);
      expect(s.ticks.every((t) => Number.isInteger(t))).toBe(true);
    }
    expect(niceScale(Number.NaN).max).toBe(1);
  });

  it('draws bars in equal slots, bottom-aligned, proportional to the axis', () => {
    const bars = verticalBars([0, 5, 10], 300, 100, 10, 0.5);
    expect(bars.map((b) => b.x)).toEqual([25, 125, 225]);
    expect(bars.map((b) => b.width)).toEqual([50, 50, 50]);
    expect(bars.map((b) => b.height)).toEqual([0, 50, 100]);
    expect(bars.map((b) => b.y)).toEqual([100, 50, 0]);
    expect(verticalBars([], 300, 100, 10)).toEqual([]);
  });

  it('stacks non-zero segments in order, scaled to the largest row', () => {
    const order = ['done', 'partial', 'not-done', 'pending'] as const;
    const segments = stackSegments({ done: 2, partial: 0, 'not-done': 1, pending: 1 }, order, 400, 8);
    expect(segments).toEqual([
      { key: 'done', x: 0, width: 100, value: 2 },
      { key: 'not-done', x: 100, width: 50, value: 1 },
      { key: 'pending', x: 150, width: 50, value: 1 },
    ]);
    expect(stackSegments({ done: 0, partial: 0, 'not-done': 0, pending: 0 }, order, 400, 0)).toEqual([]);
  });

  it('percentages are whole numbers that add up to 100', () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(percentages([1306, 436, 436, 435]).reduce((a, b) => a + b)).toBe(100);
    expect(percentages([0, 0])).toEqual([0, 0]);
    expect(percentages([5, 0])).toEqual([100, 0]);
  });
});
