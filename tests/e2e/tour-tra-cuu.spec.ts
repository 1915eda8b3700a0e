import AxeBuilder from '@axe-core/playwright';
import { expect, HOME, test } from '../support/fixtures';
import { startFromPopup } from '../support/find-procedure-walk';
import type { Citizen } from '../support/citizen';

const TITLE = 'Tra cứu tình trạng hồ sơ';
const STEPS = 11;
const DOSSIER = 'H12.34-260101-0001';
/** The replica draws its security codes in this order: the first on load, the next after each refusal. */
const FIRST_CODE = 'K7M2P';
const SECOND_CODE = '4HX9T';

/** Steps 1–4: from the home tile to the filled lookup form (the security code typed as the citizen reads it). */
async function fillLookupForm(citizen: Citizen, securityCode: string): Promise<void> {
  const { page } = citizen;
  await citizen.expectStep(1, STEPS);
  await expect(citizen.highlighted).toHaveText('Tra cứu hồ sơ');
  await citizen.clickHighlighted();

  // A full page load: the lookup page is its own document.
  await expect(page).toHaveURL('https://dichvucong.gov.vn/tra-cuu-ho-so');
  await citizen.expectStep(2, STEPS);
  await expect(citizen.highlighted).toHaveAttribute('name', 'maHoSo');
  await citizen.typeIntoHighlighted(DOSSIER);
  await citizen.pressPopoverButton('Tiếp');

  await citizen.expectStep(3, STEPS);
  await expect(citizen.highlighted).toHaveAccessibleName('Hình mã bảo mật');
  await citizen.expectSays('Đổi mã khác');
  await citizen.pressPopoverButton('Tiếp');

  await citizen.expectStep(4, STEPS);
  await expect(citizen.highlighted).toHaveAttribute('name', 'maBaoMat');
  await citizen.typeIntoHighlighted(securityCode);
  await citizen.pressPopoverButton('Tiếp');
}

test('lookup by dossier code: a wrong security code is explained, the citizen retypes it and reads the status', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal, TITLE);
  await fillLookupForm(citizen, 'AAAAA');

  // "Tra cứu" with the wrong code: the page refuses it with a short-lived toast; the guide explains and stays.
  await citizen.expectStep(5, STEPS);
  await expect(citizen.highlighted).toHaveText('Tra cứu');
  await citizen.clickHighlighted();
  const alert = citizen.popover.locator('.danbuoc-alert');
  await expect(alert).toContainText('Mã bảo mật chưa khớp với hình');
  await expect(portal.locator('body > [role=alert]')).toHaveCount(0, { timeout: 5000 });
  await expect(alert).toBeVisible();
  await citizen.expectStep(5, STEPS);

  // The page drew a new code; the citizen reads it, types it in the field and presses "Tra cứu" again.
  const securityCode = portal.getByRole('textbox', { name: 'Mã bảo mật' });
  await expect(securityCode).toHaveValue('');
  await securityCode.pressSequentially(SECOND_CODE.toLowerCase(), { delay: 20 });
  await portal.getByRole('button', { name: 'Tra cứu', exact: true }).click();

  await citizen.expectStep(6, STEPS);
  const result = portal.getByRole('region', { name: 'Kết quả tra cứu' });
  await expect(citizen.highlighted).toHaveAccessibleName('Kết quả tra cứu');
  await expect(result).toContainText('Đang giải quyết');
  await expect(result).toContainText('UBND xã Tân Lập');
  await citizen.pressPopoverButton('Tiếp');

  // Not signed in: the signed-in steps are skipped; the last one says where to find every dossier next time.
  await citizen.expectStep(11, STEPS);
  await expect(citizen.highlighted).toHaveText('Đăng nhập');
  await citizen.expectSays('Dịch vụ công của tôi');
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');

  const stored = await ext.worker.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));
  for (const typed of [DOSSIER, 'AAAAA', SECOND_CODE, SECOND_CODE.toLowerCase()]) expect(stored).not.toContain(typed);
});

test('signed in: after the lookup the tour goes on to "Thông tin cá nhân" → "Dịch vụ công của tôi"; the popover passes axe', async ({ ext, portal, citizen }) => {
  // Back from the VNeID login: the portal remembers the citizen for this tab.
  await portal.goto(`${HOME}?sso=ok`);
  await expect(portal.getByRole('button', { name: /Nguyễn Văn An/ })).toBeVisible();
  await startFromPopup(ext, portal, TITLE);
  await fillLookupForm(citizen, FIRST_CODE);
  await citizen.expectStep(5, STEPS);
  await citizen.clickHighlighted();

  await citizen.expectStep(6, STEPS);
  const axe = await new AxeBuilder({ page: portal }).include('.danbuoc-popover').analyze();
  expect(axe.violations).toEqual([]);
  await citizen.pressPopoverButton('Tiếp');

  await citizen.expectStep(7, STEPS);
  await expect(citizen.highlighted).toContainText('Nguyễn Văn An');
  await citizen.clickHighlighted();
  await citizen.expectStep(8, STEPS);
  await expect(citizen.highlighted).toHaveText('Thông tin cá nhân');
  await citizen.clickHighlighted();

  await expect(portal).toHaveURL('https://dichvucong.gov.vn/thong-tin-ca-nhan');
  await citizen.expectStep(9, STEPS);
  await expect(citizen.highlighted).toHaveText('Dịch vụ công của tôi');
  await citizen.clickHighlighted();

  await expect(portal).toHaveURL('https://dichvucong.gov.vn/thong-tin-ca-nhan/dich-vu-cong-cua-toi');
  await citizen.expectStep(10, STEPS);
  await expect(citizen.highlighted).toContainText(DOSSIER);
  // The last step (where to find the list when not signed in) is skipped: the tour ends here.
  await citizen.pressPopoverButton('Tiếp');
  await expect(citizen.popover).toContainText('Hoàn thành');
});
