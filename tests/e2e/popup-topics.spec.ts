import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../support/browser';
import { Citizen } from '../support/citizen';
import { DeskConsole } from '../support/desk';
import { expect, HOME, test } from '../support/fixtures';
import { expectAxeClean, horizontalOverflow, setPrefs } from '../support/pages';
import { openPopupFor } from '../support/popup';

/**
 * The popup lists the tours for the open page first, then every tour by topic, each with its time,
 * what to bring and, when it begins elsewhere, where it goes; "Mở trang và bắt đầu" opens that page
 * in the same tab and the tour begins there, from another portal page or from any web page.
 */
const PHONE = { width: 360, height: 740 };
const MOJ_FORM = 'https://dichvucongnganhtuphap.moj.gov.vn/ho-tich/dang-ky-khai-sinh';
const PAY_TITLE = 'Thanh toán lệ phí hồ sơ qua VNPAY';
const SEARCH_TITLE = 'Tìm thủ tục và xem giấy tờ cần chuẩn bị';

const card = (popup: Page, title: string) => popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: title, exact: true }) });

/** A page outside the allowed origins: the extension cannot read its address, so its tab id is found as the one new tab. */
async function openOtherWebPage(ext: ExtensionBrowser): Promise<{ page: Page; tabId: number }> {
  await ext.context.route('https://example.org/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="vi"><title>Tin tức</title><h1>Trang tin tức</h1></html>' }),
  );
  const before: number[] = await ext.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const page = await ext.context.newPage();
  await page.goto('https://example.org/tin-tuc');
  const after: number[] = await ext.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const fresh = after.filter((id) => !before.includes(id));
  expect(fresh, 'one new tab').toHaveLength(1);
  return { page, tabId: fresh[0] };
}

test('on the portal home: this page first, then Dịch vụ công and Thanh toán, each card with time, what to bring and where it goes', async ({ ext, portal }) => {
  test.setTimeout(120_000);
  const popup = await openPopupFor(ext, portal);
  const here = popup.getByRole('region', { name: 'Hướng dẫn cho trang này' });
  await expect(card(popup, SEARCH_TITLE)).toBeVisible();
  await expect(here.getByRole('heading', { name: SEARCH_TITLE })).toBeVisible();
  await expect(card(popup, SEARCH_TITLE)).toContainText('Khoảng 5 phút, 5 bước');
  await expect(card(popup, SEARCH_TITLE).getByRole('button', { name: 'Bắt đầu' })).toBeVisible();

  // Every topic heading comes in the fixed order, after the tours for this page.
  const headings = await popup.getByRole('heading', { level: 3 }).filter({ hasText: /^(Dịch vụ công|Thanh toán|An toàn|Chủ đề khác)$/ }).allTextContents();
  const order = ['Dịch vụ công', 'Thanh toán', 'An toàn', 'Chủ đề khác'];
  expect(headings).toContain('Thanh toán');
  expect(headings).toEqual([...headings].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  const payments = popup.getByRole('region', { name: 'Thanh toán', exact: true });
  const pay = payments.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: PAY_TITLE }) });
  await expect(pay).toContainText('Khoảng 10 phút, 14 bước');
  await expect(pay.getByRole('list').getByRole('listitem')).toHaveText(['Mã hồ sơ cần nộp lệ phí', 'Thẻ ngân hàng hoặc ứng dụng ngân hàng', 'Điện thoại nhận tin nhắn mã OTP']);
  await expect(pay).toContainText('Hướng dẫn này làm trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn).');
  await expect(pay.getByRole('button', { name: 'Mở trang và bắt đầu' })).toHaveAccessibleDescription(/Cổng Dịch vụ công quốc gia/);
  // Licence renewal starts on the Bộ Công an portal: listed under Dịch vụ công, not for this page.
  const services = popup.getByRole('region', { name: 'Dịch vụ công', exact: true });
  await expect(services.getByRole('heading', { name: 'Cấp đổi giấy phép lái xe (Bộ Công an)' })).toBeVisible();
  await expect(card(popup, 'Cấp đổi giấy phép lái xe (Bộ Công an)')).toContainText('Cổng dịch vụ công Bộ Công an (dichvucong.bocongan.gov.vn)');

  await popup.setViewportSize(PHONE);
  for (const size of [100, 200] as const) {
    await setPrefs(ext, { textSize: size });
    await expect(popup.locator('html')).toHaveAttribute('data-text-size', String(size));
    expect(await horizontalOverflow(popup), `popup at ${size}%, 360 px`).toEqual([]);
    await expectAxeClean(popup, `popup by topic at ${size}%`);
  }
  // The Vietnamese UI shows no English.
  await expect(popup.locator('main')).not.toContainText(/Guide|Start|Payments|minutes|Have at hand/);
});

test('from another portal site, "Mở trang và bắt đầu" (keyboard) opens the tour’s start in the tab and begins it', async ({ ext, portal }) => {
  await portal.goto(MOJ_FORM);
  const popup = await openPopupFor(ext, portal);
  await expect(popup.getByRole('region', { name: 'Hướng dẫn cho trang này' }).getByRole('heading', { name: 'Điền tờ khai đăng ký khai sinh (Bộ Tư pháp)' })).toBeVisible();
  const pay = card(popup, PAY_TITLE);
  await expect(pay).toContainText('Hướng dẫn này làm trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn).');
  const open = pay.getByRole('button', { name: 'Mở trang và bắt đầu' });
  await open.focus();
  await expect(open).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(portal).toHaveURL('https://dichvucong.gov.vn/thanh-toan-truc-tuyen');
  const citizen = new Citizen(portal);
  await citizen.expectStep(1, 14);
  await expect(citizen.highlighted).toHaveAttribute('name', 'maHoSo');
});

test('from a page outside the portal, every tour is offered with "Mở trang và bắt đầu", which opens the portal and begins', async ({ ext }) => {
  const { page, tabId } = await openOtherWebPage(ext);
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByText('Trang đang mở không phải trang Dẫn Bước hướng dẫn.', { exact: false })).toBeVisible();
  const search = card(popup, SEARCH_TITLE);
  await expect(search).toContainText('Hướng dẫn này làm trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn).');
  await expect(popup.getByRole('button', { name: 'Bắt đầu', exact: true })).toHaveCount(0);
  await expectAxeClean(popup, 'popup on a page outside the portal');
  await search.getByRole('button', { name: 'Mở trang và bắt đầu' }).click();
  await expect(popup.getByRole('alert')).toHaveCount(0);
  await expect(page).toHaveURL(HOME);
  const citizen = new Citizen(page);
  await citizen.expectStep(1, 5);
  await expect(citizen.highlighted).toHaveAttribute('placeholder', 'Nhập từ khoá tìm kiếm');
});

test('the desk console marks, in words, each task that has a tour, with the tour’s title', async ({ ext, portal }) => {
  const desk = await DeskConsole.open(ext, portal);
  await desk.createProfile('Nguyễn Thị Hoa', 'Tổ CNS thôn Đông', 'Xã Tân Lập');
  await desk.startSession(true);
  await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();
  const withTour = desk.page.getByRole('checkbox', { name: 'Tìm thủ tục và xem giấy tờ' });
  await expect(withTour).toHaveAccessibleName(`Tìm thủ tục và xem giấy tờ Có hướng dẫn: “${SEARCH_TITLE}”`);
  // Two tours for one task: both named.
  await expect(desk.page.getByRole('checkbox', { name: /^Đăng nhập Cổng Dịch vụ công bằng VNeID/ })).toHaveAccessibleName(
    /Có hướng dẫn: “Đăng nhập Cổng Dịch vụ công bằng quét mã QR”, “Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID”|Có hướng dẫn: “Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID”, “Đăng nhập Cổng Dịch vụ công bằng quét mã QR”/,
  );
  // A task tallied by hand has no mark.
  await expect(desk.page.getByRole('checkbox', { name: 'Đăng ký thường trú, tạm trú' })).toHaveAccessibleName('Đăng ký thường trú, tạm trú');
  await desk.page.setViewportSize(PHONE);
  await setPrefs(ext, { textSize: 200 });
  await expect(desk.page.locator('html')).toHaveAttribute('data-text-size', '200');
  expect(await horizontalOverflow(desk.page)).toEqual([]);
  await expectAxeClean(desk.page, 'desk task picker with tour marks');
});
