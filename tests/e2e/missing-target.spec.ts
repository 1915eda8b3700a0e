import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../support/fixtures';
import { startFromPopup, TOTAL_STEPS, TOUR_TITLE } from '../support/find-procedure-walk';
import { VIEWPORTS } from '../support/overlay-checks';

const GONE = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/9.999999?ma=SECRET-42';

test('the portal says the procedure does not exist: explained at once, beside the message, with a way back', async ({ ext, portal, citizen }) => {
  await portal.setViewportSize(VIEWPORTS.zoom200);
  await startFromPopup(ext, portal);
  await citizen.expectStep(1, TOTAL_STEPS);
  await portal.goto(GONE);
  const pageSays = portal.getByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' });
  await expect(pageSays).toBeVisible();
  await citizen.expectStep(4, TOTAL_STEPS);

  // No 8-second wait: the page already said it. The explanation quotes it and says what it means.
  const alert = citizen.popover.locator('.danbuoc-alert');
  await expect(alert).toContainText('Trang báo: “Không tìm thấy thủ tục”. Nghĩa là trang này không có thứ cần tìm', { timeout: 6000 }); // the page said it already: no 8-second wait
  await expect(citizen.popover.locator('.danbuoc-say')).toContainText('Không thấy “Thành phần hồ sơ” trên trang này.');
  await expect(citizen.button('Quay lại bước trước')).toBeVisible();
  // The next step (the documents table) is not on this page either: no skip into another dead end.
  await expect(citizen.button('Bỏ qua bước này')).toHaveCount(0);
  // Passive: nothing dims the page; the popover leaves the portal's message uncovered and fits the window.
  await expect(portal.locator('.driver-overlay')).toBeHidden();
  const [message, popover] = await Promise.all([pageSays.boundingBox(), citizen.popover.boundingBox()]);
  const apart = message!.y + message!.height <= popover!.y || popover!.y + popover!.height <= message!.y;
  expect(apart, 'popover beside the portal message, not on it').toBe(true);
  expect(popover!.y).toBeGreaterThanOrEqual(0);
  expect(popover!.y + popover!.height).toBeLessThanOrEqual(VIEWPORTS.zoom200.height);
  const heading = await citizen.popover.getByRole('heading', { name: 'Chưa thấy chỗ cần dùng' }).boundingBox();
  expect(heading!.y).toBeGreaterThanOrEqual(popover!.y);
  const scrolls = await citizen.popover.evaluate((el) => el.scrollHeight <= el.clientHeight || getComputedStyle(el).overflowY === 'auto');
  expect(scrolls).toBe(true);
  const axe = await new AxeBuilder({ page: portal }).include('.danbuoc-popover').analyze();
  expect(axe.violations).toEqual([]);

  await citizen.pressPopoverButton('Quay lại bước trước');
  await citizen.expectStep(1, TOTAL_STEPS);

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const row = options.getByRole('row').filter({ hasText: 'muc-thanh-phan-ho-so' });
  await expect(row).toContainText(TOUR_TITLE);
  await expect(row).toContainText('/thu-tuc-hanh-chinh/9.999999');
  await expect(row).toContainText('vai trò và tên, chữ trên trang');
  await expect(options.locator('body')).not.toContainText('SECRET-42');
  const results = await new AxeBuilder({ page: options }).analyze();
  expect(results.violations).toEqual([]);
});

test('a target that vanished: the calm message within 8 s, and skip only because the next step is right here', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal);
  await citizen.typeIntoHighlighted('khai sinh', { enter: true });
  await citizen.expectStep(3, TOTAL_STEPS);
  await citizen.highlighted.getByRole('link').first().click();
  await citizen.expectStep(4, TOTAL_STEPS);
  await expect(citizen.highlighted).toHaveText('Thành phần hồ sơ');
  // The page re-renders without the heading; the documents table (the next step) stays.
  await portal.evaluate(() => document.getElementById('tphs-heading')?.remove());
  await expect(citizen.popover).toContainText('Đang chờ trang tải xong');
  await expect(citizen.popover.locator('.danbuoc-say')).toContainText('Không thấy “Thành phần hồ sơ” trên trang này.', { timeout: 9000 });
  await expect(citizen.popover.locator('.danbuoc-alert')).toHaveCount(0);
  await citizen.pressPopoverButton('Bỏ qua bước này');
  await citizen.expectStep(5, TOTAL_STEPS);
  await expect(citizen.highlighted).toHaveJSProperty('tagName', 'TABLE');
});
