import { call, type BenchBrowser } from './browser-harness';
import { ms, summarize } from './stats';
import type { Section } from './table';

/** Our role+name lookup against Testing Library's getByRole, same page, same run. */
export async function benchAnchor(
  browser: BenchBrowser,
  ourLookups = Number(process.env.BENCH_LOOKUPS) || 100,
  theirLookups = Number(process.env.BENCH_ANCHOR_LOOKUPS) || 10,
): Promise<Section> {
  const { page, elements, nodes } = await browser.open({ elements: 10_000 });
  try {
    const samples = await call(page, 'anchor', ourLookups, theirLookups);
    const cold = summarize(samples.oursCold);
    const observed = summarize(samples.oursObserved);
    const theirs = summarize(samples.testingLibrary);
    const ratio = (ours: number) => `${(theirs.median / ours).toFixed(1)}× faster`;
    return {
      title: `3b. Anchor: role+name {role:'button', name:'Nộp hồ sơ'} on the same page (${elements.toLocaleString('en')} elements / ${nodes.toLocaleString('en')} nodes)`,
      rows: [
        { name: `Dẫn Bước resolveTarget as a step runs it: deep observer watching, shadow-root index live (${ourLookups} samples of 10 lookups, per lookup)`, value: `median ${ms(observed.median, 3)}, p95 ${ms(observed.p95, 3)}` },
        { name: `Dẫn Bước resolveTarget cold: a lone call, every open shadow root searched for (${ourLookups} samples of 10 lookups, per lookup)`, value: `median ${ms(cold.median, 3)}, p95 ${ms(cold.p95, 3)}` },
        {
          name: `@testing-library/dom getByRole(document.body, 'button', {name}), default options (${theirLookups} samples of 10 lookups, per lookup; body holds ${samples.bodyElements.toLocaleString('en')} elements, ${samples.buttons} of them buttons, each named)`,
          value: `median ${ms(theirs.median)}, p95 ${ms(theirs.p95)}`,
        },
        { name: 'ratio of medians, as a step runs it (goal ≥ 10× faster)', value: ratio(observed.median) },
        { name: 'ratio of medians, cold', value: ratio(cold.median) },
      ],
      data: { elements, nodes, oursObserved: observed, oursCold: cold, testingLibrary: theirs, ratio: theirs.median / observed.median, ratioCold: theirs.median / cold.median },
    };
  } finally {
    await page.close();
  }
}
