import { call, type BenchBrowser } from './browser-harness';
import { ms, summarize } from './stats';
import type { Section } from './table';

const FRAME_MS = 16.7;

/**
 * Insert → highlight in real Chromium, the engine alone (no extension): on a still ~2,000-element
 * page, and on the 10,000-element page while it changes every frame, where the parts (lookup,
 * overlay.show) say where the time goes.
 */
export async function benchLatency(
  browser: BenchBrowser,
  { elements: size = 2_000, changing = false } = {},
  samples = Number(process.env.BENCH_LATENCY_SAMPLES) || (changing ? 60 : 240),
): Promise<Section> {
  const { page, elements, nodes } = await browser.open({ elements: size, withSubmit: false });
  try {
    if (changing) await call(page, 'startMutator');
    await call(page, 'latency', 10); // warm-up: JIT, driver.js first render
    const results = await call(page, 'latency', samples);
    const drawn = results.map((r) => r.drawn);
    const painted = results.map((r) => r.painted);
    const next = results.map((r) => r.nextFrame);
    const toFrame = results.map((r) => r.insertToFrame);
    const inOneFrame = (xs: number[]) => `${xs.filter((x) => x <= FRAME_MS).length}/${xs.length}`;
    const line = (xs: number[], frames = true) => {
      const s = summarize(xs);
      return `median ${ms(s.median)}, p95 ${ms(s.p95)}${frames ? `, ≤ 1 frame: ${inOneFrame(xs)}` : ''}`;
    };
    const lookup = results.map((r) => r.found - r.insertToFrame);
    const show = results.map((r) => r.drawn - r.found);
    return {
      title: `2. Highlight latency, engine alone: insert → highlight (${samples} insertions, page of ${elements.toLocaleString('en')} elements / ${nodes.toLocaleString('en')} nodes${changing ? ', changing every frame (ticking cells, a row in and out)' : ', still'})`,
      rows: [
        { name: 'insert → highlight drawn (t1−t0, overlay.show returned)', value: line(drawn) },
        { name: 'insert → frame rendered (message posted after show)', value: line(painted) },
        { name: 'insert → next rAF callback (t2−t0)', value: line(next) },
        { name: '  of which: insert → first frame boundary (rAF wait)', value: line(toFrame, false) },
        { name: '  of which: first frame boundary → the lookup that finds it returned (bucket waits included)', value: line(lookup, false) },
        { name: '  of which: overlay.show (driver.js highlight + placement; style and layout it forces)', value: line(show, false) },
      ],
      data: {
        samples,
        elements,
        nodes,
        drawn: summarize(drawn),
        painted: summarize(painted),
        nextFrame: summarize(next),
        insertToFrame: summarize(toFrame),
        lookup: summarize(lookup),
        show: summarize(show),
        withinOneFrame: { drawn: drawn.filter((x) => x <= FRAME_MS).length, painted: painted.filter((x) => x <= FRAME_MS).length, nextFrame: next.filter((x) => x <= FRAME_MS).length },
      },
    };
  } finally {
    await page.close();
  }
}
