import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../support/fixtures';
import { startFromPopup } from '../support/find-procedure-walk';

const TITLE = 'Thanh toán hóa đơn điện, nước';
const TOTAL = 19;

test('water bill: a wrong customer code is explained, then the bill is paid through VNPAY and the water receipt ends the tour', async ({ ext, portal, citizen }) => {
  test.setTimeout(120_000);
  await portal.goto('https://dichvucong.gov.vn/thanh-toan-hoa-don');
  await startFromPopup(ext, portal, TITLE);

  await citizen.expectStep(1, TOTAL);
  await expect(citizen.highlighted).toContainText('Tiền nước');
  await citizen.highlighted.getByRole('button', { name: 'Tiền nước' }).click();
  await citizen.expectStep(2, TOTAL);
  await citizen.clickHighlighted();
  await citizen.expectStep(3, TOTAL);
  await expect(citizen.highlighted).toHaveAttribute('role', 'dialog');
  const axe = await new AxeBuilder({ page: portal }).include('.danbuoc-popover').analyze();
  expect(axe.violations).toEqual([]);
  await portal.getByRole('option', { name: 'Công ty Cổ phần Nước sạch Hà Nội' }).click();

  await citizen.expectStep(4, TOTAL);
  await expect(citizen.highlighted).toHaveAttribute('name', 'maKhachHang');
  // Detour: a code from another bill. The platform does not know it; the guide explains and keeps the step.
  await citizen.typeIntoHighlighted('PD13000123456');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(5, TOTAL);
  await citizen.clickHighlighted();
  await expect(citizen.popover.locator('.danbuoc-alert')).toContainText('Chưa tìm thấy mã khách hàng này');
  await citizen.expectStep(5, TOTAL);
  const code = portal.getByLabel('Mã khách hàng');
  await code.fill('');
  await code.pressSequentially('2104567890');
  await citizen.clickHighlighted();

  await citizen.expectStep(6, TOTAL);
  await expect(citizen.highlighted).toContainText('128.500 đồng');
  await expect(citizen.highlighted).toContainText('Tháng 11/2026');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(7, TOTAL);
  await citizen.clickHighlighted();
  await citizen.expectStep(8, TOTAL);
  await citizen.clickHighlighted();

  await expect(portal).toHaveURL(/^https:\/\/pay\.vnpay\.vn\//);
  await citizen.expectStep(9, TOTAL);
  await citizen.clickHighlighted();
  await citizen.expectStep(10, TOTAL);
  await portal.getByRole('option', { name: 'Agribank' }).click();
  for (const [step, value] of [[11, '9704 0000 0000 0018'], [12, 'NGUYEN VAN AN'], [13, '03/21']] as const) {
    await citizen.expectStep(step, TOTAL);
    await citizen.typeIntoHighlighted(value);
    await citizen.pressPopoverButton('Tiếp');
  }
  await citizen.expectStep(14, TOTAL);
  await citizen.clickHighlighted();
  await citizen.expectStep(15, TOTAL);
  await citizen.typeIntoHighlighted('987654');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(16, TOTAL);
  await citizen.clickHighlighted();
  await citizen.expectStep(17, TOTAL);
  await citizen.clickHighlighted();

  // Back on the platform: the electricity receipt step is passed over, the water one ends the tour.
  await expect(portal).toHaveURL(/\/thanh-toan-hoa-don\/ket-qua\?dv=nuoc&vnp_ResponseCode=00/);
  await citizen.expectStep(19, TOTAL);
  await citizen.expectSays('Đã thanh toán tiền nước');
  await expect(citizen.highlighted).toContainText('Tiền nước');
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');

  const stored = await ext.worker.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));
  for (const secret of ['2104567890', '9704 0000 0000 0018', 'NGUYEN VAN AN', '987654']) expect(stored).not.toContain(secret);
});
