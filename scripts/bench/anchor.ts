import { call, type BenchBrowser } from './browser-harness';
import { ms, summarize } from './stats';
import type { Section } from './table';

/** Our role+name lookup against Testing Library's getByRole, same page, same run. */
export async function benchAnchor(
  browser: BenchBrowser,
  ourLookups = Number(process.env.BENCH_LOOKUPS) || 200,
  theirLookups = Number(process.env.BENCH_ANCHOR_LOOKUPS) || 10,
): Promise<Section> {
  const { page, elements, nodes } = await browser.open({ elements: 10_000 });
  try {
    const samples = await call(page, 'anchor', ourLookups, theirLookups);
    const ours = summarize(samples.ours);
    const theirs = summarize(samples.testingLibrary);
    return {
      title: `3b. Anchor: role+name {role:'button', name:'Nộp hồ sơ'} on the same page (${elements.toLocaleString('en')} elements / ${nodes.toLocaleString('en')} nodes)`,
      rows: [
        { name: `Dẫn Bước resolveTarget (${ourLookups} lookups)`, value: `median ${ms(ours.median)}, p95 ${ms(ours.p95)}` },
        { name: `@testing-library/dom getByRole, default options (${theirLookups} lookups)`, value: `median ${ms(theirs.median)}, p95 ${ms(theirs.p95)}` },
        { name: 'ratio of medians (goal ≥ 10× faster)', value: `${(theirs.median / ours.median).toFixed(1)}× faster` },
      ],
      data: { elements, nodes, ours, testingLibrary: theirs, ratio: theirs.median / ours.median },
    };
  } finally {
    await page.close();
  }
}
