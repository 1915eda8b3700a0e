import { call, type BenchBrowser } from './browser-harness';
import { ms, summarize, type Summary } from './stats';
import type { Section } from './table';

/** resolveTarget cost per lookup, per strategy, on the 10,000-element replica page (targets near the end). */
export async function benchResolver(browser: BenchBrowser, lookups = Number(process.env.BENCH_LOOKUPS) || 200): Promise<Section> {
  const { page, elements, nodes } = await browser.open({ elements: 10_000 });
  try {
    const names = await call(page, 'strategies');
    const results: Array<{ strategy: string } & Summary> = [];
    for (let i = 0; i < names.length; i++) {
      results.push({ strategy: names[i], ...summarize(await call(page, 'resolver', i, lookups)) });
    }
    return {
      title: `3. Resolver cost per lookup (${lookups} lookups each, page of ${elements.toLocaleString('en')} elements / ${nodes.toLocaleString('en')} nodes)`,
      rows: results.map((r) => ({ name: r.strategy, value: `median ${ms(r.median)}, p95 ${ms(r.p95)}` })),
      data: { elements, nodes, lookups, strategies: results },
    };
  } finally {
    await page.close();
  }
}
