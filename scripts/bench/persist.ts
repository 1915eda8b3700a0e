import { call, type BenchBrowser } from './browser-harness';
import { ms } from './stats';
import type { Section } from './table';

/** p95 time for one assisted-session change through the desk's real write path, in real Chromium. */
export async function benchPersist(browser: BenchBrowser, samples = Number(process.env.BENCH_PERSIST_SAMPLES) || 300): Promise<Section> {
  const { page } = await browser.open({ elements: 50, withSubmit: false });
  try {
    await call(page, 'persist', 20); // warm-up: open the database, JIT
    const result = await call(page, 'persist', samples);
    return {
      title: `5. A desk change through the real path (IndexedDB, Web Locks, BroadcastChannel in Chromium; ${samples} changes)`,
      rows: [{ name: 'updateSession: lock + read settings and session + reduce + redact + validate + strict write (session + its day\'s tallies: read old record and day row, write both) + complete + broadcast', value: `median ${ms(result.median)}, p95 ${ms(result.p95)}` }],
      data: result,
    };
  } finally {
    await page.close();
  }
}
