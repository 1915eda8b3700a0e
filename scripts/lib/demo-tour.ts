import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { pickText } from '../../engine/i18n';
import { Tour, type Step } from '../../engine/schema';
import type { ExtensionBrowser } from '../../tests/support/browser';
import { openPopupFor } from '../../tests/support/popup';
import { tourFiles } from './check-tours';
import { probeScript } from './verify/bundle';
import { loadInputs } from './verify/inputs';
import { replayTour } from './verify/replay';

/** How long the demo waits for the guide to show a step or answer a press before it says so and goes on. */
const GUIDE_WAIT_MS = 15_000;

/** A tour of tours/ by id, parsed with the schema (a tour that lands later needs no change here). */
export async function loadTourById(id: string, folder = 'tours'): Promise<Tour> {
  for (const file of await tourFiles(folder)) {
    const json = JSON.parse(await readFile(file, 'utf8')) as { id?: unknown };
    if (json.id === id) return Tour.parse(json);
  }
  const known = await Promise.all((await tourFiles(folder)).map(async (f) => (JSON.parse(await readFile(f, 'utf8')) as { id: string }).id));
  throw new Error(`No tour "${id}" in ${folder}/. Tours: ${known.join(', ')}`);
}

/** The guide's popover, in whichever frame of the page shows it (a step inside an iframe draws there). */
async function visiblePopover(page: Page): Promise<Locator | undefined> {
  const deadline = Date.now() + GUIDE_WAIT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const popover = frame.locator('.danbuoc-popover');
      if (await popover.isVisible().catch(() => false)) return popover;
    }
    await page.waitForTimeout(100);
  }
  return undefined;
}

const say = async (popover: Locator | undefined) => ((await popover?.locator('.danbuoc-say').textContent().catch(() => '')) ?? '').trim();

export interface DemoOptions {
  out: string;
  onLine(line: string): void;
}

/**
 * Walks any tour with the built extension on the replicas: starts it from the popup on its start
 * page, then lets the `tours:verify` replay act as the citizen on every step (click the target, type
 * a plausible value, choose) while the guide follows; one PNG per step. Returns whether it finished.
 */
export async function demoTour(ext: ExtensionBrowser, tourId: string, { out, onLine }: DemoOptions): Promise<boolean> {
  const tour = await loadTourById(tourId);
  const inputs = (await loadInputs())[tour.id] ?? {};
  await ext.context.addInitScript({ content: await probeScript() });
  const portal = ext.context.pages()[0] ?? (await ext.context.newPage());
  if (!tour.start) throw new Error(`Tour "${tour.id}" has no start page to open.`);
  await portal.goto(tour.start);

  const popup = await openPopupFor(ext, portal);
  const card = popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: tour.title.vi, exact: true }) });
  await expect(card).toBeVisible();
  await popup.screenshot({ path: join(out, '00-popup.png') });
  await card.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
  await popup.close();
  await portal.bringToFront();

  const total = tour.steps.length;
  let last = performance.now();
  const shoot = async (index: number, step: Step, page: Page) => {
    const popover = await visiblePopover(page);
    const progress = `Bước ${index + 1}/${total}`;
    if (popover) await expect(popover.locator('.danbuoc-progress')).toHaveText(progress, { timeout: GUIDE_WAIT_MS }).catch(() => undefined);
    const file = join(out, `${String(index + 1).padStart(2, '0')}-${step.id}.png`);
    await page.screenshot({ path: file });
    const shown = popover ? (await popover.locator('.danbuoc-progress').textContent().catch(() => '')) || '—' : 'không thấy hướng dẫn';
    const now = performance.now();
    onLine(`${shown.padEnd(10)} ${step.id.padEnd(26)} +${Math.round(now - last)} ms  ${(await say(popover)) || pickText(step.say, 'vi')}`);
    onLine(`${''.padEnd(10)} ${''.padEnd(26)} → ${file}`);
    last = performance.now();
  };
  // "Tiếp" (or "Xong" on the last step) moves on from steps the citizen confirms in the guide.
  const confirm = async (_index: number, step: Step, page: Page) => {
    if (step.advance !== 'next' && step.advance !== 'input') return;
    const popover = await visiblePopover(page);
    const button = popover?.getByRole('button', { name: /^(Tiếp|Xong)$/ }).first();
    if (button) await button.click({ timeout: GUIDE_WAIT_MS }).catch(() => onLine(`${''.padEnd(10)} (không bấm được “Tiếp” ở bước ${step.id})`));
  };

  const report = await replayTour(
    ext.context,
    tour,
    { against: 'replicas', live: false, inputs, stepTimeoutMs: GUIDE_WAIT_MS, strict: false },
    { page: portal, beforeAct: shoot, afterAct: confirm },
  );
  const stuck = report.steps.find((row) => row.broken || row.status === 'stopped');
  if (stuck) {
    onLine(`\nDừng ở bước ${stuck.index + 1} (${stuck.id}): ${stuck.note}`);
    await portal.screenshot({ path: join(out, `${String(stuck.index + 1).padStart(2, '0')}-${stuck.id}-dung.png`) });
    return false;
  }
  const popover = await visiblePopover(portal);
  const finished = popover && (await expect(popover).toContainText('Hoàn thành', { timeout: GUIDE_WAIT_MS }).then(() => true, () => false));
  if (popover && finished) {
    const file = join(out, `${String(total + 1).padStart(2, '0')}-hoan-thanh.png`);
    await portal.screenshot({ path: file });
    onLine(`${'Xong'.padEnd(10)} ${'hoan-thanh'.padEnd(26)} ${await say(popover)}`);
    onLine(`${''.padEnd(10)} ${''.padEnd(26)} → ${file}`);
    await popover.getByRole('button', { name: 'Xong' }).click();
    return true;
  }
  onLine('\nCác bước đã đi hết nhưng không thấy màn hình “Hoàn thành”.');
  return false;
}
