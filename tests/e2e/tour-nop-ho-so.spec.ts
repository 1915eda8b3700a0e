import AxeBuilder from '@axe-core/playwright';
import { expect, testOnReplicas } from '../support/fixtures';
import { startFromPopup } from '../support/find-procedure-walk';

const DETAIL = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/1.004222';
const TITLE = 'Nộp hồ sơ trực tuyến';
const STEPS = 24;
const test = testOnReplicas(undefined, DETAIL);

test('a citizen submits a dossier online: agency, VNeID login on the way, a refused step explained, the wizard, the dossier code', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal, TITLE);

  // "Chọn cơ quan thực hiện": the province list is a portal at the end of <body>, options react to mousedown.
  await citizen.expectStep(1, STEPS);
  await expect(citizen.highlighted).toHaveAttribute('aria-haspopup', 'listbox');
  await citizen.clickHighlighted();
  await citizen.expectStep(2, STEPS);
  await expect(citizen.highlighted).toHaveAttribute('role', 'dialog');
  await portal.getByRole('combobox', { name: 'Tìm kiếm Tỉnh/Thành phố' }).fill('ha noi');
  await portal.getByRole('option', { name: 'Hà Nội' }).click();
  // After the choice the button is an input.
  await citizen.expectStep(3, STEPS);
  await expect(portal.getByRole('textbox', { name: 'Tỉnh/Thành phố' })).toHaveValue('Hà Nội');
  await citizen.clickHighlighted();
  await citizen.expectStep(4, STEPS);
  await portal.getByRole('option', { name: 'Phường Ba Đình' }).click();

  // Not logged in: "Đồng ý" leads to the VNeID login, and back.
  await citizen.expectStep(5, STEPS);
  await expect(citizen.highlighted).toHaveText('Đồng ý');
  await citizen.clickHighlighted();
  await expect(portal).toHaveURL(/^https:\/\/sso\.dancuquocgia\.gov\.vn\/dang-nhap/);
  await citizen.expectStep(6, STEPS);
  await citizen.expectSays('Đăng nhập bằng VNeID trên trang này');
  await portal.getByLabel('Số định danh cá nhân').fill('012345678901');
  await portal.getByLabel('Mật khẩu').fill('mat-khau-bi-mat');
  await portal.getByRole('button', { name: 'Đăng nhập' }).click();
  await portal.getByLabel('Mã xác nhận (6 chữ số)').fill('123456');
  await portal.getByRole('dialog', { name: 'Mã xác nhận đăng nhập' }).getByRole('button', { name: 'Xác nhận' }).click();
  await portal.getByRole('checkbox', { name: /đồng ý/ }).check();
  await portal.getByRole('button', { name: 'Xác nhận chia sẻ' }).click();
  await portal.getByLabel('Passcode (6 chữ số)').fill('246810');
  await portal.getByRole('dialog', { name: 'Nhập passcode' }).getByRole('button', { name: 'Xác nhận' }).click();

  // Back on the procedure, logged in, the choice kept: "Nộp hồ sơ".
  await expect(portal).toHaveURL(DETAIL);
  await citizen.expectStep(7, STEPS);
  await expect(citizen.highlighted).toHaveText('Nộp hồ sơ');
  await citizen.clickHighlighted();
  await citizen.expectStep(8, STEPS);
  await citizen.highlighted.getByRole('button', { name: 'Nộp trực tuyến' }).first().click();
  await citizen.expectStep(9, STEPS);
  await expect(portal.getByRole('dialog', { name: 'Thông tin chung' })).toBeVisible();
  await expect(citizen.highlighted).toHaveText('Xác nhận');
  await citizen.clickHighlighted();

  // Bước 1: the identity is filled in; the citizen types the rest. The date is masked dd/MM/yyyy.
  await expect(portal).toHaveURL(/\/nop-ho-so\/1\.004222/);
  await citizen.expectStep(10, STEPS);
  await expect(portal.getByLabel('Họ và tên')).toHaveValue('Nguyễn Văn An');
  await citizen.typeIntoHighlighted('15032021');
  await expect(citizen.highlighted).toHaveValue('15/03/2021');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(11, STEPS);
  await citizen.typeIntoHighlighted('Bộ Công an');
  await citizen.pressPopoverButton('Tiếp');
  // A digit short: the page will refuse it.
  await citizen.expectStep(12, STEPS);
  await citizen.typeIntoHighlighted('091234567');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(13, STEPS);
  await citizen.typeIntoHighlighted('an.nguyen@example.vn');
  await citizen.pressPopoverButton('Tiếp');

  // Detour: "Bước tiếp theo" refused, the field message explained, the citizen fixes it and goes on.
  await citizen.expectStep(14, STEPS);
  await expect(citizen.highlighted).toHaveId('kt_buoc-tiep-theo-1');
  await citizen.clickHighlighted();
  await expect(portal.locator('#so-dien-thoai-form-item-message')).toHaveText('Số điện thoại không đúng định dạng');
  await expect(citizen.popover.locator('.danbuoc-alert')).toContainText('Có ô chưa điền hoặc chưa đúng');
  await citizen.expectStep(14, STEPS);
  const phone = portal.getByLabel('Số điện thoại');
  await phone.fill('');
  await phone.pressSequentially('0912345678');
  await portal.getByRole('button', { name: 'Bước tiếp theo' }).click();

  // Bước 2: the e-form, "Xem trước", "Xác nhận".
  await citizen.expectStep(15, STEPS);
  await portal.getByLabel('Địa chỉ đề nghị đăng ký').fill('Số 5, ngõ 12, tổ dân phố 3');
  await portal.getByLabel('Nội dung đề nghị').fill('Chuyển đến ở cùng con');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(16, STEPS);
  await expect(citizen.highlighted).toHaveText('Xem trước');
  await citizen.clickHighlighted();
  await citizen.expectStep(17, STEPS);
  await expect(portal.getByRole('dialog', { name: 'Xem trước tờ khai' })).toBeVisible();
  await citizen.clickHighlighted();

  // Bước 3: the scan comes from the device through the page's own file input.
  await citizen.expectStep(18, STEPS);
  await expect(citizen.highlighted).toHaveText('Chọn tệp đính kèm');
  await citizen.clickHighlighted();
  await citizen.expectStep(19, STEPS);
  await expect(citizen.highlighted).toHaveText('Tải lên từ thiết bị');
  const chooser = portal.waitForEvent('filechooser');
  await citizen.clickHighlighted();
  await (await chooser).setFiles({ name: 'so-ho-khau.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
  await expect(portal.getByText('Đã tải lên: so-ho-khau.pdf')).toBeVisible();
  await citizen.expectStep(20, STEPS);
  await citizen.clickHighlighted();

  // Bước 4: how the result comes back, then "Gửi hồ sơ".
  await citizen.expectStep(21, STEPS);
  await citizen.highlighted.getByText('Nhận kết quả trực tuyến').click();
  await citizen.expectStep(22, STEPS);
  await expect(citizen.highlighted).toHaveId('kt_gui-ho-so');
  await citizen.clickHighlighted();

  // Success: the dossier code is on screen, and where to find it again.
  await expect(portal.getByRole('heading', { name: 'Gửi hồ sơ thành công' })).toBeVisible();
  await expect(portal.getByText('G22.99-261202-0007')).toBeVisible();
  await citizen.expectStep(23, STEPS);
  await expect(citizen.highlighted).toContainText('Mã hồ sơ');
  const axe = await new AxeBuilder({ page: portal }).include('.danbuoc-popover').analyze();
  expect(axe.violations).toEqual([]);
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(24, STEPS);
  await expect(citizen.highlighted).toHaveText('Hồ sơ của tôi');
  await citizen.pressPopoverButton('Xong');
  // The guide has ended; the link still takes the citizen to the list of dossiers.
  await expect(citizen.popover).toContainText('Hoàn thành');
  await citizen.pressPopoverButton('Xong');
  await citizen.expectNoOverlay();
  await portal.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
  await expect(portal.getByRole('heading', { name: 'Hồ sơ của tôi', level: 1 })).toBeVisible();
  await citizen.expectNoOverlay();
});
