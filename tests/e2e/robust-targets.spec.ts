import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../support/fixtures';
import { HIGHLIGHTED } from '../support/citizen';
import { startFromPopup } from '../support/find-procedure-walk';
import { serveDriverJsPage } from '../support/replica';

const BCA = 'https://dichvucong.bocongan.gov.vn/cap-doi-giay-phep-lai-xe';
const BCA_TITLE = 'Cấp đổi giấy phép lái xe (Bộ Công an)';
const STEPS = 8;

test('listbox portals, a shadow-root button, a vanishing toast, a fixed header and a modal dialog', async ({ ext, portal, citizen }) => {
  await portal.goto(BCA);
  await startFromPopup(ext, portal, BCA_TITLE);

  // The form renders late; the step waits for it, then highlights the dropdown button.
  await citizen.expectStep(1, STEPS);
  await expect(citizen.highlighted).toHaveAttribute('aria-haspopup', 'listbox');
  await citizen.clickHighlighted();

  // The list is a portal at the end of <body>; the step ends when the choice is made.
  await citizen.expectStep(2, STEPS);
  await expect(citizen.highlighted).toHaveAttribute('role', 'dialog');
  await portal.getByRole('combobox', { name: 'Tìm kiếm Tỉnh/Thành phố' }).fill('ha noi');
  await portal.getByRole('option', { name: 'Hà Nội' }).click();

  await citizen.expectStep(3, STEPS);
  await citizen.clickHighlighted();
  await citizen.expectStep(4, STEPS);
  await portal.getByRole('option', { name: 'Phường Ba Đình' }).click();

  // Submitting without the attachment: the toast vanishes after 3 s, the explanation stays.
  await citizen.expectStep(5, STEPS);
  await expect(citizen.highlighted).toHaveText('Chọn tệp đính kèm');
  await portal.locator('#kt_gui-ho-so').evaluate((b: HTMLElement) => b.scrollIntoView());
  await portal.mouse.wheel(0, 0);
  await citizen.clickHighlighted();

  await citizen.expectStep(6, STEPS);
  const submit = portal.getByRole('button', { name: 'Nộp hồ sơ' });
  await expect(citizen.highlighted).toHaveId('kt_gui-ho-so');
  // Not hidden under the 80 px fixed header.
  const box = await submit.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(80);
  await citizen.clickHighlighted();

  await citizen.expectStep(7, STEPS);
  const dialog = portal.getByRole('dialog', { name: 'Xác nhận nộp hồ sơ' });
  await expect(dialog).toBeVisible();
  // Inside a modal <dialog> the rest of the page is inert: the popover must live in the dialog.
  await expect(dialog.locator('.danbuoc-popover')).toBeVisible();
  await expect(citizen.highlighted).toHaveText('Xác nhận');
  await citizen.clickHighlighted();

  await citizen.expectStep(8, STEPS);
  await expect(citizen.highlighted).toHaveText('Gửi hồ sơ thành công');
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');
});

test('an error toast is explained and the citizen stays on the step', async ({ ext, portal, citizen }) => {
  await portal.goto(BCA);
  await startFromPopup(ext, portal, BCA_TITLE);
  await citizen.expectStep(1, STEPS);
  await expect(citizen.highlighted).toHaveAttribute('aria-haspopup', 'listbox');
  await expect(portal.locator('.danbuoc-alert')).toHaveCount(0);
  // The citizen jumps ahead and presses "Nộp hồ sơ" before choosing anything.
  await portal.evaluate(() => (document.querySelector('#kt_gui-ho-so') as HTMLElement).scrollIntoView());
  // driver.js makes the rest of the page inert to the pointer; the keyboard still reaches it.
  await portal.locator('#kt_gui-ho-so').focus();
  await portal.keyboard.press('Enter');
  const alert = citizen.popover.locator('.danbuoc-alert');
  await expect(alert).toHaveText(/Chưa chọn nơi nộp hồ sơ/);
  await expect(portal.locator('body > [role=alert]')).toHaveCount(0, { timeout: 5000 });
  await expect(alert).toBeVisible();
  await citizen.expectStep(1, STEPS);
  // The page is usable again so the citizen can fix what it complained about.
  await portal.getByRole('button', { name: /Chọn Tỉnh\/Thành phố/ }).click();
  await citizen.expectStep(2, STEPS);
});

test('a page that runs driver.js itself keeps working with ours installed', async ({ ext }) => {
  const url = await serveDriverJsPage(ext.context);
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Xem hướng dẫn của trang' }).click();
  const theirs = page.locator('.driver-popover');
  await expect(theirs).toContainText('Bước một');
  await expect(theirs).not.toHaveClass(/danbuoc-popover/);
  // Our styles are scoped: their popover keeps driver.js's default look.
  const fontSize = await theirs.locator('.driver-popover-description').evaluate((el) => getComputedStyle(el).fontSize);
  expect(parseFloat(fontSize)).toBeLessThan(18);
  await theirs.getByRole('button', { name: /Tiếp theo/ }).click();
  await expect(theirs).toContainText('Bước hai');
  await theirs.getByRole('button', { name: /Xong/ }).click();
  await expect(theirs).toHaveCount(0);
});

test('steps inside a same-origin and a cross-origin iframe are drawn in that frame', async ({ ext, portal, citizen }) => {
  await portal.goto('https://dichvucongnganhtuphap.moj.gov.vn/ho-tich/dang-ky-khai-sinh');
  await startFromPopup(ext, portal, 'Điền tờ khai đăng ký khai sinh (Bộ Tư pháp)');
  const guide = portal.frameLocator('iframe[title="Hướng dẫn kê khai"]');
  const form = portal.frameLocator('iframe[title="Tờ khai điện tử"]');
  // Top document shows nothing; the same-origin iframe shows step 1.
  await expect(guide.locator('.danbuoc-popover')).toContainText('Bước 1/7');
  await expect(citizen.popover).toHaveCount(0);
  await guide.getByRole('checkbox', { name: 'Tôi đã đọc hướng dẫn' }).check();

  const formStep = (n: number) => expect(form.locator('.danbuoc-popover .danbuoc-progress')).toHaveText(`Bước ${n}/7`);
  const highlighted = form.locator(HIGHLIGHTED);
  const next = () => form.locator('.danbuoc-popover').getByRole('button', { name: 'Tiếp' }).click();

  await formStep(2);
  await expect(guide.locator('.danbuoc-popover')).toHaveCount(0);
  await expect(highlighted).toHaveAttribute('id', /ho-ten/);
  await highlighted.fill('Nguyễn Minh Khang');
  await highlighted.press('Enter');
  await formStep(3);
  await expect(highlighted).toHaveAttribute('id', /ngay-sinh/);
  await highlighted.pressSequentially('15032024');
  await highlighted.press('Enter');
  await formStep(4);
  // A person picks from the list with the keyboard (script-set values are not trusted events).
  await expect(highlighted).toHaveAttribute('id', /gioi-tinh/);
  await highlighted.focus();
  await highlighted.press('ArrowDown');
  await next();
  await formStep(5);
  await expect(highlighted).toHaveAttribute('id', /noi-sinh/);
  await highlighted.fill('Bệnh viện Phụ sản Hà Nội');
  // Enter here would submit the e-form itself; the citizen presses "Tiếp" instead.
  await next();
  await formStep(6);
  await expect(highlighted).toHaveText('Lưu tờ khai');
  await highlighted.click();
  await expect(form.getByText('Đã lưu tờ khai', { exact: true })).toBeVisible();

  await citizen.expectStep(7, 7);
  await expect(form.locator('.danbuoc-popover')).toHaveCount(0);
  await citizen.clickHighlighted();
  await expect(citizen.popover).toContainText('Hoàn thành');
  const results = await new AxeBuilder({ page: portal }).include('.danbuoc-popover').analyze();
  expect(results.violations).toEqual([]);
});
