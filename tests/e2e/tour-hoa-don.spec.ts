import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../support/browser';
import type { Citizen } from '../support/citizen';
import { expect, test } from '../support/fixtures';
import { startFromPopup } from '../support/find-procedure-walk';
import { CARD_SECRETS, payOnVnpay } from '../support/vnpay-walk';

const TITLE = 'Thanh toán hóa đơn điện, nước';
const TOTAL = 19;

async function start(ext: ExtensionBrowser, portal: Page, citizen: Citizen, service: string, supplier: string): Promise<void> {
  await portal.goto('https://dichvucong.gov.vn/thanh-toan-hoa-don');
  await startFromPopup(ext, portal, TITLE);
  await citizen.expectStep(1, TOTAL);
  await citizen.highlighted.getByRole('button', { name: service }).click();
  await citizen.expectStep(2, TOTAL);
  await citizen.clickHighlighted();
  await citizen.expectStep(3, TOTAL);
  await expect(citizen.highlighted).toHaveAttribute('role', 'dialog');
  await portal.getByRole('option', { name: supplier }).click();
  await citizen.expectStep(4, TOTAL);
  await expect(citizen.highlighted).toHaveAttribute('name', 'maKhachHang');
}

/** From the bill on screen to the citizen back on the platform's result page. */
async function checkAndPay(portal: Page, citizen: Citizen, amount: string): Promise<void> {
  await citizen.expectStep(6, TOTAL);
  await expect(citizen.highlighted).toContainText(amount);
  await expect(citizen.highlighted).toContainText('Tháng 11/2026');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(7, TOTAL);
  await citizen.clickHighlighted();
  await citizen.expectStep(8, TOTAL);
  await citizen.clickHighlighted();
  await payOnVnpay(citizen, portal, 9, TOTAL, 'Agribank');
}

async function expectNothingKept(ext: ExtensionBrowser, typed: string): Promise<void> {
  const stored = await ext.worker.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));
  for (const secret of [typed, ...CARD_SECRETS]) expect(stored).not.toContain(secret);
}

test('water bill: a wrong customer code is explained, then the bill is paid through VNPAY and the water receipt ends the tour', async ({ ext, portal, citizen }) => {
  test.setTimeout(120_000);
  await start(ext, portal, citizen, 'Tiền nước', 'Công ty Cổ phần Nước sạch Hà Nội');
  // Detour: the code of an electricity bill. The platform does not know it; the guide explains and keeps the step.
  await citizen.typeIntoHighlighted('PD13000123456');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(5, TOTAL);
  await citizen.clickHighlighted();
  await expect(citizen.popover.locator('.danbuoc-alert')).toContainText('Chưa tìm thấy mã khách hàng này');
  await citizen.expectStep(5, TOTAL);
  const axe = await new AxeBuilder({ page: portal }).include('.danbuoc-popover').analyze();
  expect(axe.violations).toEqual([]);
  const code = portal.getByLabel('Mã khách hàng');
  await code.fill('');
  await code.pressSequentially('2104567890');
  await citizen.clickHighlighted();
  await checkAndPay(portal, citizen, '128.500 đồng');

  // Back on the platform: the electricity receipt step is passed over, the water one ends the tour.
  await expect(portal).toHaveURL(/\/thanh-toan-hoa-don\/ket-qua\?dv=nuoc&vnp_ResponseCode=00/);
  await citizen.expectStep(19, TOTAL);
  await citizen.expectSays('Đã thanh toán tiền nước');
  await expect(citizen.highlighted).toContainText('Tiền nước');
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');
  await expectNothingKept(ext, '2104567890');
});

test('electricity bill: the electricity receipt step shows and the water one is passed over', async ({ ext, portal, citizen }) => {
  test.setTimeout(120_000);
  await start(ext, portal, citizen, 'Tiền điện', 'Tổng công ty Điện lực miền Bắc (EVNNPC)');
  await citizen.typeIntoHighlighted('PD13000123456');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(5, TOTAL);
  await citizen.clickHighlighted();
  await checkAndPay(portal, citizen, '456.780 đồng');

  await expect(portal).toHaveURL(/\/thanh-toan-hoa-don\/ket-qua\?dv=dien&vnp_ResponseCode=00/);
  await citizen.expectStep(18, TOTAL);
  await citizen.expectSays('Đã thanh toán tiền điện');
  await citizen.pressPopoverButton('Tiếp');
  await expect(citizen.popover).toContainText('Hoàn thành');
  await expectNothingKept(ext, 'PD13000123456');
});
