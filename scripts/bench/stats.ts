/** Small helpers shared by the Node side and the page side of the bench (no Node or DOM imports). */

/** mulberry32: a seeded PRNG, so generated pages and insertion delays are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  return { n: samples.length, median: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
}

export const ms = (n: number, digits = 2) => `${n.toFixed(digits)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
export const pct = (n: number, digits = 2) => `${n.toFixed(digits)} %`;
