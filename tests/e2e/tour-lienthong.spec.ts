import AxeBuilder from '@axe-core/playwright';
import { expect, HOME, testOnReplicas } from '../support/fixtures';
import { startFromPopup } from '../support/find-procedure-walk';
import { REPLICA_SITES } from '../support/replica';

const PORTAL = 'https://dichvucong.gov.vn';
const LIENTHONG = 'https://lienthong.dichvucong.gov.vn';
const test = testOnReplicas({ [PORTAL]: REPLICA_SITES[PORTAL], [LIENTHONG]: REPLICA_SITES[LIENTHONG] }, HOME);

const TITLE = 'Đăng ký khai sinh liên thông (kèm thường trú, thẻ bảo hiểm y tế)';
const STEPS = 25;
const MOTHER_ID = '001195012345';
const MALFORMED_ID = '0011950123';

test('a parent registers a birth on the linked portal, fixing a malformed ID number on the way, and the guide ends on success', async ({ ext, portal, citizen }) => {
  // From the portal's home tile to the linked-services app (a full load on another host).
  await portal.getByRole('link', { name: 'Dịch vụ công liên thông: Khai sinh, Khai tử' }).click();
  await expect(portal).toHaveURL(`${LIENTHONG}/#/ke-khai/2.000986/buoc-1`);
  await startFromPopup(ext, portal, TITLE);
  const at = async (step: number) => citizen.expectStep(step, STEPS);

  // Bước 1: where to register (mat-select, then ng-select), the health-insurance card, next.
  await at(1);
  await expect(citizen.highlighted).toHaveAttribute('aria-label', 'Các bước kê khai');
  await citizen.pressPopoverButton('Tiếp');
  await at(2);
  await expect(citizen.highlighted).toHaveAttribute('formcontrolname', 'tinh');
  await citizen.clickHighlighted();
  await at(3);
  await expect(citizen.highlighted).toHaveAttribute('role', 'listbox');
  await portal.getByRole('option', { name: 'Hà Nội' }).click();
  await at(4);
  await citizen.clickHighlighted();
  await at(5);
  // Typing filters the list: the panel is drawn anew and the guide follows it.
  await portal.getByRole('combobox', { name: 'Phường/Xã' }).pressSequentially('ba dinh', { delay: 20 });
  await expect(citizen.highlighted.getByRole('option')).toHaveText(['Phường Ba Đình']);
  await portal.getByRole('option', { name: 'Phường Ba Đình' }).click();
  await at(6);
  await expect(citizen.popover).toContainText('Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi');
  await citizen.clickHighlighted();
  await at(7);
  await expect(citizen.highlighted).toHaveAttribute('id', 'next');
  await citizen.clickHighlighted();

  // Bước 2: its own hash; the next button there has the same id, the guide tells them apart by page.
  await expect(portal).toHaveURL(/#\/ke-khai\/2\.000986\/buoc-2$/);
  await at(8);
  await citizen.typeIntoHighlighted('Nguyễn Minh An');
  await citizen.pressPopoverButton('Tiếp');
  await at(9);
  await citizen.typeIntoHighlighted('01102026');
  await citizen.pressPopoverButton('Tiếp');
  await at(10);
  await citizen.clickHighlighted();
  await at(11);
  await portal.getByRole('option', { name: 'Nữ' }).click();
  await at(12);
  await citizen.typeIntoHighlighted(MALFORMED_ID);
  await citizen.pressPopoverButton('Tiếp');

  // Detour: the check against the population database takes a moment, then refuses the number.
  await at(13);
  await citizen.clickHighlighted();
  await expect(portal.getByRole('status').filter({ hasText: 'Đang xác thực' })).toBeVisible();
  await expect(citizen.popover.locator('.danbuoc-alert')).toContainText('cần đủ 12 số');
  await at(13);
  const popoverAxe = await new AxeBuilder({ page: portal }).include('.danbuoc-popover').analyze();
  expect(popoverAxe.violations).toEqual([]);
  const motherId = portal.getByRole('region', { name: 'Thông tin người mẹ' }).getByRole('textbox', { name: 'Số định danh cá nhân' });
  await motherId.fill('');
  await motherId.pressSequentially(MOTHER_ID, { delay: 10 });
  await portal.getByRole('region', { name: 'Thông tin người mẹ' }).getByRole('button', { name: 'Xác thực với CSDLQG về dân cư' }).click();
  await expect(portal.getByText('Đã xác thực: NGUYỄN THỊ HOA', { exact: false })).toBeVisible();

  // The health-insurance part, there for a child under 6.
  await at(14);
  await expect(citizen.highlighted).toHaveAttribute('formcontrolname', 'noiKham');
  await citizen.clickHighlighted();
  await at(15);
  await portal.getByRole('option', { name: 'Trạm y tế phường, xã nơi cư trú' }).click();
  await at(16);
  await expect(citizen.highlighted).toHaveAttribute('id', 'next');
  await citizen.clickHighlighted();

  // Bước 3: review the forms and declare.
  await expect(portal).toHaveURL(/\/buoc-3$/);
  await at(17);
  await expect(citizen.highlighted).toContainText('Tờ khai tham gia bảo hiểm y tế');
  await citizen.pressPopoverButton('Tiếp');
  await at(18);
  await citizen.clickHighlighted();
  await at(19);
  await citizen.clickHighlighted();

  // Bước 4: the birth certificate.
  await expect(portal).toHaveURL(/\/buoc-4$/);
  await at(20);
  await citizen.clickHighlighted();
  await at(21);
  await citizen.clickHighlighted();

  // Bước 5: how to receive the result, the check code, "Hoàn thành".
  await expect(portal).toHaveURL(/\/buoc-5$/);
  await at(22);
  await portal.getByRole('radio', { name: 'Nhận bản điện tử trên Cổng Dịch vụ công' }).check();
  await at(23);
  await citizen.typeIntoHighlighted('47291');
  await citizen.pressPopoverButton('Tiếp');
  await at(24);
  await expect(citizen.highlighted).toHaveText('Hoàn thành');
  await citizen.clickHighlighted();

  // Bước 6: success with the dossier number; the guide finishes and leaves.
  await expect(portal).toHaveURL(/\/ket-qua$/);
  await expect(portal.getByRole('heading', { name: 'Kê khai thông tin thành công' })).toBeVisible();
  await expect(portal.getByText(/Số hồ sơ: 000\.00\.31\.H26-\d{6}-0001/)).toBeVisible();
  await at(25);
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');
  await citizen.pressPopoverButton('Xong');
  await citizen.expectNoOverlay();

  // What the parent typed never reaches the extension's storage.
  const stored = await ext.worker.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));
  expect(stored).toContain('lienthong-khai-sinh');
  for (const typed of [MOTHER_ID, MALFORMED_ID, 'Nguyễn Minh An', '47291']) expect(stored).not.toContain(typed);
});
