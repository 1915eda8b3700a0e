import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../support/fixtures';
import { startFromPopup, TOTAL_STEPS, TOUR_TITLE } from '../support/find-procedure-walk';

test('a missing target: a calm message after the timeout, skip or stop, and a broken-step report', async ({ ext, portal, citizen }) => {
  test.setTimeout(60_000);
  await startFromPopup(ext, portal);
  await citizen.expectStep(1, TOTAL_STEPS);
  // A procedure page that no longer exists: the heading the step looks for never appears.
  await portal.goto('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/9.999999?ma=SECRET-42');
  await expect(portal.getByText('Không tìm thấy thủ tục')).toBeVisible();
  await citizen.expectStep(4, TOTAL_STEPS);
  await expect(citizen.popover).toContainText('Đang chờ trang tải xong');

  const missing = citizen.popover.locator('.danbuoc-say');
  await expect(missing).toContainText('Dẫn Bước đang tìm “Thành phần hồ sơ” nhưng chưa thấy trên trang', { timeout: 20_000 });
  await expect(citizen.button('Bỏ qua bước này')).toBeVisible();
  await expect(citizen.button('Dừng hướng dẫn')).toBeVisible();
  // Passive: nothing dims the page, the citizen can still use it.
  await expect(portal.locator('.driver-overlay')).toBeHidden();
  await citizen.pressPopoverButton('Dừng hướng dẫn');
  await citizen.expectNoOverlay();

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
