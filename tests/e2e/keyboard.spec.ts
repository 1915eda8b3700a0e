import { expect, test } from '../support/fixtures';
import { startFromPopup, TOTAL_STEPS } from '../support/find-procedure-walk';

/**
 * Issue 7: a citizen with only a keyboard completes the find-procedure tour with Tab, Enter, Escape
 * and typing. After every key, focus is somewhere meaningful, never on <body>.
 */
test('the find-procedure tour by keyboard only, never landing on <body>', async ({ ext, portal, citizen }) => {
  test.setTimeout(90_000);
  await startFromPopup(ext, portal);
  const focused = () => portal.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}|${(el.textContent ?? '').trim().slice(0, 30) || el.getAttribute('aria-label') || el.getAttribute('placeholder') || ''}` : 'none';
  });
  const expectFocusOn = async (pattern: RegExp) => expect.poll(focused).toMatch(pattern);
  const press = async (key: string, then: RegExp) => {
    await portal.keyboard.press(key);
    await expectFocusOn(then);
  };

  // Step 1: focus is already in the search box the step is about.
  await citizen.expectStep(1, TOTAL_STEPS);
  await expectFocusOn(/^input.*\|Nhập từ khoá tìm kiếm$/);
  await portal.keyboard.type('khai sinh');
  // Tab goes from the search box to the popover's controls and back — "×" last.
  await press('Tab', /^button\.danbuoc-main\|Tiếp$/);
  await press('Tab', /^button\.danbuoc-close\|×$/);
  await press('Tab', /^input.*\|Nhập từ khoá tìm kiếm$/);
  await portal.keyboard.press('Enter');

  // Step 3, a choice: focus on the popover heading, Tab into the list of results.
  await citizen.expectStep(3, TOTAL_STEPS);
  await expect(citizen.highlighted).toHaveAttribute('aria-label', 'Kết quả tìm kiếm');
  await expectFocusOn(/^h2\.danbuoc-title\|Chọn thủ tục$/);
  await press('Tab', /^a.*\|Đăng ký khai sinh$/);
  await portal.keyboard.press('Enter');

  // Step 4: read, then "Tiếp"; Escape only asks, and "Tiếp tục hướng dẫn" goes back to the step.
  await citizen.expectStep(4, TOTAL_STEPS);
  await expect(citizen.highlighted).toHaveText('Thành phần hồ sơ');
  // The step change is announced politely, for a screen reader.
  await expect(portal.locator('.danbuoc-live[role=status][aria-live=polite]')).toContainText('Bước 4/5. Giấy tờ cần chuẩn bị.');
  await expectFocusOn(/^h2\.danbuoc-title\|Giấy tờ cần chuẩn bị$/);
  await press('Escape', /^button\.danbuoc-main\|Tiếp tục hướng dẫn$/);
  await expect(citizen.popover.getByRole('heading', { name: 'Dừng hướng dẫn?' })).toBeVisible();
  await press('Enter', /^h2\.danbuoc-title\|Giấy tờ cần chuẩn bị$/);
  await press('Tab', /^button\.danbuoc-main\|Tiếp$/);
  await portal.keyboard.press('Enter');

  await citizen.expectStep(5, TOTAL_STEPS);
  await expectFocusOn(/^h2\.danbuoc-title\|/);
  await press('Tab', /^button\.danbuoc-main\|Xong$/);
  await portal.keyboard.press('Enter');
  await expect(citizen.popover).toContainText('Hoàn thành');
  await expectFocusOn(/^h2\.danbuoc-title\|Hoàn thành$/);
  await press('Tab', /^button\.danbuoc-main\|Xong$/);
  await portal.keyboard.press('Enter');
  await citizen.expectNoOverlay();
  await expectFocusOn(/^(?!body)/);
  await press('Tab', /^(?!body)/);
});

test('Escape asks before stopping; a second, explicit "Dừng" stops', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal);
  await citizen.expectStep(1, TOTAL_STEPS);
  await portal.keyboard.press('Escape');
  await expect(citizen.popover.getByRole('heading', { name: 'Dừng hướng dẫn?' })).toBeVisible();
  await portal.keyboard.press('Tab');
  await expect(citizen.popover.getByRole('button', { name: 'Dừng', exact: true })).toBeFocused();
  await portal.keyboard.press('Enter');
  await citizen.expectNoOverlay();
  expect(await portal.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
});
