import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { beginsHere } from '../../extension/popup/tour-groups';
import { expect, HOME, test } from '../support/fixtures';
import { startFromPopup, TOTAL_STEPS, TOUR_TITLE, walkFindProcedure } from '../support/find-procedure-walk';
import { openPopupFor } from '../support/popup';

test('popup lists the tours for the portal page in Vietnamese and passes axe', async ({ ext, portal }) => {
  const popup = await openPopupFor(ext, portal);
  await expect(popup.getByRole('heading', { name: 'Dẫn Bước' })).toBeVisible();
  const card = popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: TOUR_TITLE }) });
  await expect(card.getByRole('button', { name: 'Bắt đầu' })).toBeVisible();
  // Every tour that begins on this page has its own "Bắt đầu"; the others open their page first
  // (tests/e2e/popup-topics.spec.ts).
  const beginHere = readdirSync('tours').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .filter((f) => beginsHere(JSON.parse(readFileSync(`tours/${f}`, 'utf8')), HOME));
  expect(beginHere.length).toBeGreaterThanOrEqual(3);
  await expect(popup.getByRole('button', { name: 'Bắt đầu', exact: true })).toHaveCount(beginHere.length);
  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.violations).toEqual([]);
});

test('a citizen walks the whole tour across three pages, reloading mid-tour, and finishes', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal);
  await walkFindProcedure(citizen, 'khai sinh', {
    afterStep: async (name) => {
      if (name === 'muc-thanh-phan-ho-so') {
        await portal.reload();
      }
    },
  });
  // Finished tours do not come back on reload.
  await portal.reload();
  await expect(portal.getByRole('heading', { name: 'Thành phần hồ sơ' })).toBeVisible();
  await citizen.expectNoOverlay();
});

test('the overlay is text-only, readable and passes axe while a step is shown', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal);
  await citizen.expectStep(1, TOTAL_STEPS);
  await expect(citizen.popover.getByRole('heading').or(citizen.popover.locator('header'))).toHaveText('Gõ tên thủ tục');
  await expect(citizen.highlighted).toBeFocused();
  const fontSize = await citizen.popover.locator('.danbuoc-say').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(20);
  const results = await new AxeBuilder({ page: portal }).include('.danbuoc-popover').analyze();
  expect(results.violations).toEqual([]);
});

test('the tour waits on the input step until the field has text, then offers "Tiếp"', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal);
  await citizen.expectStep(1, TOTAL_STEPS);
  await expect(citizen.button('Tiếp')).toHaveCount(0);
  await citizen.typeIntoHighlighted('ket hon');
  await expect(citizen.button('Tiếp')).toBeVisible();
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(2, TOTAL_STEPS);
  await expect(citizen.highlighted).toHaveText('Tìm kiếm');
  await citizen.pressPopoverButton('Quay lại');
  await citizen.expectStep(1, TOTAL_STEPS);
  await citizen.pressPopoverButton('Tiếp');
  await citizen.clickHighlighted();
  await expect(portal).toHaveURL(/keyword=ket%20hon|keyword=ket\+hon/);
  await citizen.expectStep(3, TOTAL_STEPS);
  await expect(citizen.highlighted.getByRole('link')).toHaveText(['Đăng ký kết hôn']);
});

test('closing ends the tour; the popup offers to resume it where it stopped', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal);
  await citizen.typeIntoHighlighted('khai tu', { enter: true });
  await citizen.expectStep(3, TOTAL_STEPS);
  await citizen.closeTour();
  await citizen.expectNoOverlay();
  await portal.reload();
  await expect(portal.getByRole('heading', { name: 'Kết quả tìm kiếm' })).toBeVisible();
  await citizen.expectNoOverlay();

  const popup = await openPopupFor(ext, portal);
  await expect(popup.getByRole('heading', { name: 'Hướng dẫn đang làm dở' })).toBeVisible();
  await expect(popup.getByText('Bước 3/5')).toBeVisible();
  await popup.getByRole('button', { name: 'Tiếp tục' }).click();
  await portal.bringToFront();
  await citizen.expectStep(3, TOTAL_STEPS);
});

test('going back in history returns the tour to the step for that page', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal);
  await citizen.typeIntoHighlighted('khai sinh', { enter: true });
  await citizen.expectStep(3, TOTAL_STEPS);
  await citizen.highlighted.getByRole('link').first().click();
  await citizen.expectStep(4, TOTAL_STEPS);
  await portal.goBack();
  await expect(portal).toHaveURL(/tim-kiem-thu-tuc-hanh-chinh/);
  await citizen.expectStep(3, TOTAL_STEPS);
  await portal.goto(HOME);
  await citizen.expectStep(1, TOTAL_STEPS);
});
