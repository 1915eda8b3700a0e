import type { Locator } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { startFromPopup, TOTAL_STEPS } from '../support/find-procedure-walk';

/**
 * Issue 8, item 1: a page on an allowed origin must not be able to move the tour on or end it.
 * The popover's buttons act only on a person's click whose target is the very button element the
 * overlay created. Each attack is followed by one real press of "Tiếp": landing on step 5 (not on
 * the finished view, not on nothing) proves no attack moved or closed the tour.
 */
test('a hostile page cannot forge "Tiếp" or "×" in the popover', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal);
  await citizen.typeIntoHighlighted('khai sinh', { enter: true });
  await citizen.expectStep(3, TOTAL_STEPS);
  await citizen.highlighted.getByRole('link').first().click();
  await citizen.expectStep(4, TOTAL_STEPS);
  await portal.addScriptTag({ path: 'tests/fixtures/hostile/forge-progress.js' });
  const forge = (call: string) => portal.evaluate(`window.__forge.${call}`);
  const say = citizen.popover.locator('.danbuoc-say');

  // (a) the explanation carries the next button's class; the citizen clicks the text for real
  await forge('disguiseText()');
  await say.click();
  await citizen.popover.locator('h2').click();

  // (b) a transparent layer with the next class, over the popover and inside "Tiếp" itself; then with the close class
  for (const [kind, inside] of [['next', null], ['next', 'Tiếp'], ['close', null], ['close', 'Dừng hướng dẫn']] as const) {
    await forge(`cover(${JSON.stringify(kind)}, ${JSON.stringify(inside)})`);
    await portal.mouse.click(...(await centreOf(say)));
    await portal.mouse.click(...(await centreOf(citizen.button('Tiếp'))));
    await forge('uncover()');
  }

  // (c) a real click on the text, then the page's own .click() on "Tiếp"
  await forge('clickAfterRealClick("Tiếp")');
  await say.click();
  await expect(citizen.popover).toHaveClass(/danbuoc-popover/);

  await citizen.expectStep(4, TOTAL_STEPS);
  await expect(citizen.popover.getByRole('button', { name: 'Dừng', exact: true })).toHaveCount(0);
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(5, TOTAL_STEPS);
  const run = await ext.worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
  expect(run).toContain('"stepIndex":4');
  expect(run).not.toContain('"status":"closed"');
});

/**
 * A redraw of the popover (the step's "waiting for the page to load" hint going away on a slow
 * machine) replaces its paragraphs: a box asked of the one just detached is null, so ask again.
 */
async function centreOf(locator: Locator): Promise<[number, number]> {
  let box = await locator.boundingBox();
  for (let tries = 0; !box && tries < 20; tries++) box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return [box.x + box.width / 2, box.y + box.height / 2];
}
