import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/support/browser';
import { Citizen } from '../tests/support/citizen';
import { demoTour } from './lib/demo-tour';
import { HOME_URL, startFromPopup, TOUR_TITLE, walkFindProcedure } from '../tests/support/find-procedure-walk';
import { serveReplicas } from '../tests/support/replica';

/**
 * npm run demo -- <tour-id>: any tour of tours/, walked by the tours:verify replay with the guide on
 * screen (scripts/lib/demo-tour.ts). Without an id, npm run demo: the built extension in Chromium (headed when a display exists), the replica portal on
 * its real host name, and a citizen walking "Tìm thủ tục và xem giấy tờ cần chuẩn bị" end to end.
 * Prints each step with its timing and writes one PNG per step to demo-output/.
 */
const OUT = 'demo-output';
// `npm run demo -- --widget`: the embeddable widget on the sample site instead (scripts/widget-demo.ts).
if (process.argv.includes('--widget')) {
  await import('./widget-demo');
  process.exit(0);
}
const headless = !process.env.DISPLAY || process.env.CI === 'true';
const tourId = process.argv.slice(2).find((arg) => !arg.startsWith('-'));

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
console.log(`Dẫn Bước demo — ${headless ? 'headless' : 'headed'} Chromium, screenshots in ${OUT}/`);

const ext = await launchWithExtension({ headless });
if (tourId) {
  const started = performance.now();
  const finished = await serveReplicas(ext.context)
    .then(() => demoTour(ext, tourId, { out: OUT, onLine: (line) => console.log(line) }))
    .finally(() => ext.close());
  if (finished) console.log(`\nTour finished in ${Math.round(performance.now() - started)} ms (includes the replica's simulated slow loads).`);
  process.exit(finished ? 0 : 1);
}
try {
  await serveReplicas(ext.context);
  const portal = ext.context.pages()[0] ?? (await ext.context.newPage());
  await portal.goto(HOME_URL);
  const popup = await startFromPopup(ext, portal, TOUR_TITLE, async (page) => {
    await page.screenshot({ path: join(OUT, '00-popup.png') });
  });
  await popup.close();

  const started = performance.now();
  let last = started;
  let shot = 1;
  await walkFindProcedure(new Citizen(portal), 'khai sinh', {
    onStep: async (name, citizen) => {
      const now = performance.now();
      const file = join(OUT, `${String(shot++).padStart(2, '0')}-${name}.png`);
      await citizen.page.screenshot({ path: file });
      const progress = (await citizen.popover.locator('.danbuoc-progress').textContent().catch(() => '')) || '—';
      const say = (await citizen.popover.locator('.danbuoc-say').textContent()) ?? '';
      console.log(`${progress.padEnd(9)} ${name.padEnd(22)} +${Math.round(now - last)} ms  ${say}`);
      console.log(`${''.padEnd(9)} ${''.padEnd(22)} → ${file}`);
      last = performance.now();
    },
  });
  console.log(`\nTour finished in ${Math.round(performance.now() - started)} ms (includes the replica's simulated slow loads).`);
} finally {
  await ext.close();
}
