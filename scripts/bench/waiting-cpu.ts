import type { CDPSession, Page } from '@playwright/test';
import { call, type BenchBrowser } from './browser-harness';
import { ms, pct } from './stats';
import type { Section } from './table';

/**
 * Main-thread cost of a waiter for a target that never appears, on a page that mutates every frame.
 * Two runs of `seconds` each on the same page, mutator only and mutator + waiter, interleaved in
 * slices (A B A B …) so that drift in machine load hits both alike. Our own time comes from timing
 * every lookup in the page; the page's total comes from CDP Performance metrics.
 */
const SLICES = 5;
interface Run {
  wallMs: number;
  taskMs: number;
  scriptMs: number;
  frames: number;
  lookups: number;
  lookupMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const emptyRun = (): Run => ({ wallMs: 0, taskMs: 0, scriptMs: 0, frames: 0, lookups: 0, lookupMs: 0 });
function add(total: Run, slice: Run) {
  for (const key of Object.keys(total) as Array<keyof Run>) total[key] += slice[key];
}

async function metrics(cdp: CDPSession) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { at: get('Timestamp'), task: get('TaskDuration'), script: get('ScriptDuration') };
}

async function measureWindow(page: Page, cdp: CDPSession, seconds: number): Promise<Run> {
  const [m0, c0] = [await metrics(cdp), await call(page, 'counters')];
  await sleep(seconds * 1000);
  const [m1, c1] = [await metrics(cdp), await call(page, 'counters')];
  return {
    wallMs: m1.at - m0.at,
    taskMs: m1.task - m0.task,
    scriptMs: m1.script - m0.script,
    frames: c1.frames - c0.frames,
    lookups: c1.lookups - c0.lookups,
    lookupMs: c1.lookupMs - c0.lookupMs,
  };
}

export async function benchWaitingCpu(
  browser: BenchBrowser,
  seconds = Number(process.env.BENCH_WAIT_SECONDS) || 10,
  elements = Number(process.env.BENCH_WAIT_ELEMENTS) || 2_000,
): Promise<Section> {
  const { page, elements: built, nodes } = await browser.open({ elements });
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await call(page, 'startMutator');
    await sleep(1000); // warm-up
    const alone = emptyRun();
    const waiting = emptyRun();
    for (let i = 0; i < SLICES; i++) {
      add(alone, await measureWindow(page, cdp, seconds / SLICES));
      await call(page, 'startWaiter');
      add(waiting, await measureWindow(page, cdp, seconds / SLICES));
      await call(page, 'stopWaiter');
    }
    if ((await call(page, 'counters')).waiterSettled) throw new Error('the waiter for a target that never appears settled');

    const load = (w: Run) => (100 * w.taskMs) / w.wallMs;
    const ours = (100 * waiting.lookupMs) / waiting.wallMs;
    const taskDelta = load(waiting) - load(alone);
    const scriptDelta = (100 * waiting.scriptMs) / waiting.wallMs - (100 * alone.scriptMs) / alone.wallMs;
    const fps = (w: Run) => (w.frames / w.wallMs) * 1000;
    return {
      title: `4. Main-thread cost while waiting (2 runs × ${seconds} s, interleaved in ${SLICES} slices; mutating page of ${built.toLocaleString('en')} elements / ${nodes.toLocaleString('en')} nodes)`,
      rows: [
        { name: 'our lookups (one per frame at most)', value: `${waiting.lookups} in ${(waiting.wallMs / 1000).toFixed(1)} s (${fps(waiting).toFixed(1)} frames/s)` },
        { name: 'our time in lookups (goal < 2 % of wall time)', value: `${ms(waiting.lookupMs, 0)} = ${pct(ours)} (${ms(waiting.lookupMs / Math.max(1, waiting.lookups), 3)} per lookup)` },
        { name: 'CDP TaskDuration, mutator only', value: `${pct(load(alone))} of wall time (${fps(alone).toFixed(1)} frames/s)` },
        { name: 'CDP TaskDuration, mutator + waiter', value: `${pct(load(waiting))} of wall time` },
        { name: 'CDP delta with the waiter (TaskDuration / ScriptDuration)', value: `${taskDelta >= 0 ? '+' : ''}${pct(taskDelta)} / ${scriptDelta >= 0 ? '+' : ''}${pct(scriptDelta)} of wall time` },
      ],
      data: { seconds, elements: built, nodes, alone, waiting, oursPercent: ours, cdpTaskDeltaPercent: taskDelta, cdpScriptDeltaPercent: scriptDelta },
    };
  } finally {
    await cdp.detach();
    await page.close();
  }
}
