import { expect, HOME, test } from '../support/fixtures';
import { killServiceWorker, workerWasRestarted } from '../support/browser';
import { startFromPopup } from '../support/find-procedure-walk';

const LOGIN = 'Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID';
const LOGIN_STEPS = 11;

test('login detour: portal → VNeID SSO → portal, surviving a service-worker restart and a wrong OTP', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal, LOGIN);
  await citizen.expectStep(1, LOGIN_STEPS);
  await expect(citizen.highlighted).toHaveText('Đăng nhập');
  await citizen.clickHighlighted();

  // A full page load on another site: the run follows the tab.
  await expect(portal).toHaveURL(/^https:\/\/sso\.dancuquocgia\.gov\.vn\/dang-nhap/);
  await citizen.expectStep(2, LOGIN_STEPS);
  await killServiceWorker(ext);
  await citizen.typeIntoHighlighted('012345678901');
  await citizen.pressPopoverButton('Tiếp');
  expect(await workerWasRestarted(ext)).toBe(true);
  await citizen.expectStep(3, LOGIN_STEPS);
  await citizen.typeIntoHighlighted('mat-khau-bi-mat');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(4, LOGIN_STEPS);
  await citizen.clickHighlighted();

  // The SMS code: the citizen types it; a wrong one is explained and the step stays.
  await citizen.expectStep(5, LOGIN_STEPS);
  await expect(citizen.highlighted).toHaveAttribute('autocomplete', 'one-time-code');
  await citizen.typeIntoHighlighted('000000');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(6, LOGIN_STEPS);
  await citizen.clickHighlighted();
  await expect(citizen.popover.locator('.danbuoc-alert')).toContainText('Mã chưa đúng hoặc đã hết hạn');
  await expect(portal.locator('body > [role=alert]')).toHaveCount(0, { timeout: 5000 });
  await expect(citizen.popover.locator('.danbuoc-alert')).toBeVisible();
  await citizen.expectStep(6, LOGIN_STEPS);
  const otp = portal.getByLabel('Mã xác nhận (6 chữ số)');
  await otp.fill('');
  await otp.pressSequentially('123456');
  await portal.getByRole('dialog', { name: 'Mã xác nhận đăng nhập' }).getByRole('button', { name: 'Xác nhận' }).click();

  // Consent in a native modal <dialog>: the popover is inside it.
  await citizen.expectStep(7, LOGIN_STEPS);
  await expect(portal.locator('dialog[open] .danbuoc-popover')).toBeVisible();
  await citizen.clickHighlighted();
  await citizen.expectStep(8, LOGIN_STEPS);
  await citizen.clickHighlighted();
  await citizen.expectStep(9, LOGIN_STEPS);
  await citizen.typeIntoHighlighted('246810');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(10, LOGIN_STEPS);
  await citizen.clickHighlighted();

  // Back on the portal, logged in: the tour resumes at the step for this page.
  await expect(portal).toHaveURL(HOME);
  await citizen.expectStep(11, LOGIN_STEPS);
  await expect(citizen.highlighted).toHaveText('Đăng xuất');
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');
  await citizen.pressPopoverButton('Xong');

  // Already logged in: the login steps are skipped.
  await startFromPopup(ext, portal, LOGIN);
  await citizen.expectStep(11, LOGIN_STEPS);
  const sensitive = await ext.worker.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));
  for (const secret of ['012345678901', 'mat-khau-bi-mat', '123456', '246810']) expect(sensitive).not.toContain(secret);
});

test('QR login waits without a time limit for the phone, without covering the page', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal, 'Đăng nhập Cổng Dịch vụ công bằng quét mã QR');
  await citizen.clickHighlighted();
  await citizen.expectStep(2, 8);
  await citizen.clickHighlighted();
  await citizen.expectStep(3, 8);
  await expect(citizen.popover).toContainText('Cứ từ từ, Dẫn Bước sẽ chờ.');
  // Passive: no dimming, the QR code is visible and the page stays usable.
  await expect(portal.locator('.driver-overlay')).toBeHidden();
  await expect(portal.getByRole('img', { name: 'Mã QR đăng nhập' })).toBeVisible();
  await portal.waitForTimeout(16_000); // longer than any step timeout: still waiting, no "missing" message
  await expect(citizen.popover).toContainText('Cứ từ từ');
  await portal.getByRole('link', { name: 'Mô phỏng: đã quét mã trên điện thoại' }).click();
  await citizen.expectStep(4, 8);
});

test('payment journey: portal → VNPAY gateway → portal receipt', async ({ ext, portal, citizen }) => {
  await portal.goto('https://dichvucong.gov.vn/thanh-toan-truc-tuyen');
  await startFromPopup(ext, portal, 'Thanh toán lệ phí hồ sơ qua VNPAY');
  const total = 14;
  await citizen.expectStep(1, total);
  await citizen.typeIntoHighlighted('H12.34-260101-0001', { enter: true });
  await citizen.expectStep(2, total);
  await citizen.clickHighlighted();
  await citizen.expectStep(3, total);
  await citizen.clickHighlighted();
  await citizen.expectStep(4, total);
  await citizen.clickHighlighted();

  await expect(portal).toHaveURL(/^https:\/\/pay\.vnpay\.vn\//);
  await citizen.expectStep(5, total);
  await citizen.clickHighlighted();
  await citizen.expectStep(6, total);
  await portal.getByRole('option', { name: 'Techcombank' }).click();
  for (const [step, value] of [[7, '9704 0000 0000 0018'], [8, 'NGUYEN VAN AN'], [9, '03/21']] as const) {
    await citizen.expectStep(step, total);
    await citizen.typeIntoHighlighted(value);
    await citizen.pressPopoverButton('Tiếp');
  }
  await citizen.expectStep(10, total);
  await citizen.clickHighlighted();
  await citizen.expectStep(11, total);
  await citizen.typeIntoHighlighted('987654');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(12, total);
  await citizen.clickHighlighted();
  await citizen.expectStep(13, total);
  await citizen.clickHighlighted();

  await expect(portal).toHaveURL(/\/thanh-toan-truc-tuyen\/ket-qua/);
  await citizen.expectStep(14, total);
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');
});
