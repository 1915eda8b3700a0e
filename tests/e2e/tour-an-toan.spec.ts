import AxeBuilder from '@axe-core/playwright';
import { expect, HOME, test } from '../support/fixtures';
import { startFromPopup } from '../support/find-procedure-walk';

const TITLE = 'An toàn khi dùng dịch vụ công';
const STEPS = 9;

test('staying safe: the real addresses, the secrets nobody asks for, scam messages and the hotline, across portal and login page', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal, TITLE);

  // The address bar cannot be highlighted: the step points at the site's name and says where to look.
  await citizen.expectStep(1, STEPS);
  await expect(citizen.highlighted).toHaveText('Cổng Dịch vụ công Quốc gia');
  await citizen.expectSays('ô địa chỉ ở trên cùng cửa sổ');
  await citizen.expectSays('dichvucong.gov.vn');
  await citizen.pressPopoverButton('Tiếp');

  await citizen.expectStep(2, STEPS);
  await expect(citizen.highlighted).toHaveCount(0);
  await citizen.expectSays('dichvucong.gov-vn.cc');
  await citizen.pressPopoverButton('Tiếp');

  await citizen.expectStep(3, STEPS);
  await expect(citizen.highlighted).toHaveText('Đăng nhập');
  await citizen.clickHighlighted();

  await expect(portal).toHaveURL(/^https:\/\/sso\.dancuquocgia\.gov\.vn\/dang-nhap/);
  await citizen.expectStep(4, STEPS);
  await expect(citizen.highlighted).toHaveText('Đăng nhập bằng tài khoản định danh điện tử');
  await citizen.expectSays('sso.dancuquocgia.gov.vn');
  await citizen.pressPopoverButton('Tiếp');

  // Pointing at the password box: the citizen is told nobody asks for these, and types nothing.
  await citizen.expectStep(5, STEPS);
  await expect(citizen.highlighted).toHaveAttribute('type', 'password');
  await citizen.expectSays('Không cán bộ nào hỏi');
  const axe = await new AxeBuilder({ page: portal }).include('.danbuoc-popover').analyze();
  expect(axe.violations).toEqual([]);
  await citizen.pressPopoverButton('Tiếp');

  // The payment page is not on gov.vn: the tour names its exact address instead of a ".gov.vn" rule.
  await citizen.expectStep(6, STEPS);
  await citizen.expectSays('pay.vnpay.vn');
  await expect(citizen.popover).not.toContainText('.gov.vn');
  await citizen.pressPopoverButton('Tiếp');

  await citizen.expectStep(7, STEPS);
  await citizen.expectSays('không cài ứng dụng từ tin nhắn');
  await citizen.pressPopoverButton('Tiếp');

  await citizen.expectStep(8, STEPS);
  await expect(citizen.highlighted).toHaveText('Quay lại Cổng Dịch vụ công');
  await citizen.clickHighlighted();

  await expect(portal).toHaveURL(HOME);
  await citizen.expectStep(9, STEPS);
  await expect(citizen.highlighted).toContainText('18001096');
  await citizen.expectSays('Tổng đài 1800 1096');
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');
});
