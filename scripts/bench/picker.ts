import { call, type BenchBrowser } from './browser-harness';
import { PICKED } from './page/picker';
import { ms, summarize } from './stats';
import type { Section } from './table';

/** The author's picker: proposeTargets on one element of the 10,000-element replica page, per element. */
export async function benchPicker(browser: BenchBrowser, runs = Number(process.env.BENCH_PICKS) || 30): Promise<Section> {
  const { page, elements, nodes } = await browser.open({ elements: 10_000 });
  try {
    const results = [];
    for (const name of PICKED) {
      const { samples, proposals, first } = await call(page, 'propose', name, runs);
      results.push({ name, proposals, first, ...summarize(samples) });
    }
    return {
      title: `Picker: proposeTargets() for one picked element — every proposal counted with the resolver on the whole page (${runs} runs each, page of ${elements.toLocaleString('en')} elements / ${nodes.toLocaleString('en')} nodes)`,
      rows: results.map((r) => ({ name: `[data-bench-target=${r.name}] → ${r.proposals} proposals, first ${r.first}`, value: `median ${ms(r.median)}, p95 ${ms(r.p95)}` })),
      data: { elements, nodes, runs, picks: results },
    };
  } finally {
    await page.close();
  }
}
