import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { killServiceWorker, launchWithExtension, workerWasRestarted, type ExtensionBrowser } from '../support/browser';
import { serveReplicas } from '../support/replica';
import { DeskConsole } from '../support/desk';
import { expect, HOME, test } from '../support/fixtures';
import { TOTAL_STEPS, walkFindProcedure } from '../support/find-procedure-walk';
import { openPopupFor } from '../support/popup';

const FIND = 'Tìm thủ tục và xem giấy tờ';
const VNEID = 'Cài đặt ứng dụng VNeID';
const AUTO_DONE = /Đã xong · Tự động \(theo hướng dẫn\), lúc \d{2}:\d{2}/;

async function serviceWorkerTargets(ext: ExtensionBrowser, page: Page): Promise<number> {
  const cdp = await ext.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`)).length;
}

test('a full desk session: profile, consent, a tour that completes its task, a task not done, end and sign-out', async ({ ext, portal, citizen }) => {
  await portal.evaluate(() => {
    document.cookie = 'phien-dang-nhap=abc123; path=/; secure';
    localStorage.setItem('nguoi-dung', 'dang-nhap');
  });
  let desk = await DeskConsole.open(ext, portal);
  await desk.expectAccessible('profile');
  await desk.createProfile('Nguyễn Thị Hoa', 'Tổ CNS thôn Đông', 'Xã Tân Lập');
  await desk.expectAccessible('home');

  await desk.page.getByRole('button', { name: 'Phiên hỗ trợ mới' }).click();
  await expect(desk.page.getByText('Giữ bao lâu: 12 tháng, sau đó tự xóa.')).toBeVisible();
  await desk.expectAccessible('consent');
  await desk.page.getByRole('button', { name: 'Người dân đồng ý' }).click();

  await expect(desk.heading('Bước 2: Vài thông tin chung (không bắt buộc)')).toBeVisible();
  await expect(desk.page.getByLabel(/Họ và tên|CCCD|điện thoại/)).toHaveCount(0);
  await desk.page.getByLabel('Nhóm tuổi').selectOption({ label: '60–74 tuổi' });
  await desk.page.getByRole('group', { name: 'Lần đầu dùng Cổng Dịch vụ công?' }).getByLabel('Có', { exact: true }).check();
  await desk.expectAccessible('citizen descriptor');
  await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();

  await expect(desk.heading('Phiên đang hỗ trợ')).toBeVisible();
  await desk.pickTask(FIND);
  await desk.pickTask(VNEID);
  await expect(desk.task(FIND).locator('.task-status')).toHaveText('Chưa đánh dấu');
  await desk.expectAccessible('session');
  await desk.startTour(FIND);

  await portal.bringToFront();
  await walkFindProcedure(citizen, 'khai sinh');

  await desk.page.bringToFront();
  await expect(desk.task(FIND).locator('.task-status')).toHaveText(AUTO_DONE);
  await desk.markTask(VNEID, 'Chưa làm được', 'Thiếu giấy tờ');
  await desk.expectAccessible('session with outcomes');

  await desk.page.getByRole('button', { name: 'Kết thúc phiên' }).click();
  await expect(desk.heading('Kết thúc phiên')).toBeVisible();
  await desk.page.getByRole('group', { name: /Người dân hài lòng/ }).getByRole('radio', { name: 'Rất hài lòng', exact: true }).check();
  await desk.expectAccessible('end');
  await desk.page.getByRole('button', { name: 'Kết thúc phiên' }).click();

  await expect(desk.heading('Tóm tắt phiên')).toBeVisible();
  const facts = desk.page.locator('.summary-facts');
  await expect(facts).toContainText('Số việc: 2');
  await expect(facts).toContainText('Đã xong: 1');
  await expect(facts).toContainText('Chưa làm được: 1');
  await expect(facts).toContainText('Mức hài lòng: Rất hài lòng');
  const offer = desk.page.getByRole('region', { name: 'Đăng xuất người dân khỏi các trang đã dùng' });
  await expect(offer.getByRole('listitem')).toHaveText(['dichvucong.gov.vn']);
  await desk.expectAccessible('summary');

  await offer.getByRole('button', { name: 'Đăng xuất người dân' }).click();
  await expect(offer.getByRole('checkbox', { name: 'Đóng luôn các tab đang mở những trang này' })).toBeChecked();
  await desk.expectAccessible('sign-out confirmation');
  await offer.getByRole('button', { name: 'Xác nhận đăng xuất' }).click();
  await expect(offer.getByRole('status')).toHaveText('Đã đăng xuất khỏi 1 trang.');
  await expect.poll(() => portal.isClosed()).toBe(true);
  expect(await ext.context.cookies(HOME)).toEqual([]);
  const again = await ext.context.newPage();
  await again.goto(HOME);
  expect(await again.evaluate(() => localStorage.getItem('nguoi-dung'))).toBeNull();

  const [stored] = await desk.storedSessions();
  expect(stored).toMatchObject({
    citizen: { ageBand: '60-74', firstTime: true },
    consent: { agreed: true, textVersion: 'v1-2026' },
    satisfaction: 5,
    tasks: [
      { taskId: 'tim-thu-tuc', outcome: 'done', source: 'tour' },
      { taskId: 'cai-dat-vneid', outcome: 'not-done', reason: 'thieu-giay-to', source: 'manual' },
    ],
  });
  expect(stored.endedAt).toEqual(expect.any(Number));
  expect(JSON.stringify(stored)).not.toContain('khai sinh');

  await desk.page.getByRole('button', { name: 'Xong, về màn hình chính' }).click();
  await expect(desk.heading('Xin chào, Nguyễn Thị Hoa')).toBeVisible();
  desk = await desk.reopen(ext);
  await expect(desk.heading('Xin chào, Nguyễn Thị Hoa')).toBeVisible();
});

test('the worker is killed mid-session and the console closes and reopens: nothing is lost', async ({ ext, portal, citizen }) => {
  let desk = await DeskConsole.open(ext, portal);
  await desk.createProfile('TV-07', 'Tổ CNS xã', 'Xã Tân Lập');
  await desk.startSession(true);
  await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();
  await desk.pickTask(FIND);
  await desk.startTour(FIND);
  await portal.bringToFront();

  await walkFindProcedure(citizen, 'khai sinh', {
    onStep: async (name) => {
      if (name !== 'muc-thanh-phan-ho-so') return;
      // Kill the worker the way Chrome does when it goes idle (CDP Target.closeTarget on its target).
      await killServiceWorker(ext);
      await expect.poll(() => serviceWorkerTargets(ext, desk.page)).toBe(0);
      // The console closes and comes back while the worker is dead: it reads IndexedDB itself.
      desk = await desk.reopen(ext);
      await expect(desk.heading('Phiên đang hỗ trợ')).toBeVisible();
      await expect(desk.task(FIND).locator('.task-status')).toHaveText('Chưa đánh dấu');
      await portal.bringToFront();
      await citizen.expectStep(4, TOTAL_STEPS);
    },
  });

  // The citizen's next click woke a fresh worker, which found the run and the open session.
  expect(await workerWasRestarted(ext)).toBe(true);
  await desk.page.bringToFront();
  await expect(desk.task(FIND).locator('.task-status')).toHaveText(AUTO_DONE);
  await desk.page.reload();
  await expect(desk.heading('Phiên đang hỗ trợ')).toBeVisible();
  await expect(desk.task(FIND).locator('.task-status')).toHaveText(AUTO_DONE);
  await expect(desk.page.getByText('Người dân đồng ý ghi nhận.')).toBeVisible();
  const sessions = await desk.storedSessions();
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ memberId: 'tv-07', tasks: [{ taskId: 'tim-thu-tuc', outcome: 'done', source: 'tour' }] });
  expect(sessions[0].endedAt).toBeUndefined();
});

test('declined consent: the citizen still gets help and nothing about them is stored', async ({ ext, portal }) => {
  const desk = await DeskConsole.open(ext, portal);
  await desk.createProfile('Lò Văn Pả', 'Tổ CNS bản Mường', 'Xã Mường Lạn');
  await desk.startSession(false);
  await expect(desk.heading('Phiên đang hỗ trợ')).toBeVisible();
  await expect(desk.page.getByText('Người dân không đồng ý: không ghi gì về người dân.')).toBeVisible();
  await expect(desk.page.getByRole('button', { name: 'Sửa thông tin chung' })).toHaveCount(0);
  await desk.pickTask(VNEID);
  await desk.markTask(VNEID, 'Đã xong');
  await desk.page.getByRole('button', { name: 'Kết thúc phiên' }).click();
  await expect(desk.page.getByRole('group', { name: /Người dân hài lòng/ })).toHaveCount(0);
  await desk.page.getByRole('button', { name: 'Kết thúc phiên' }).click();
  await expect(desk.heading('Tóm tắt phiên')).toBeVisible();
  await expect(desk.page.getByText('Trong phiên này người dân chưa dùng trang nào của cổng: không cần đăng xuất.')).toBeVisible();
  await desk.expectAccessible('summary after declined consent');

  const [stored] = await desk.storedSessions();
  expect(stored.consent).toMatchObject({ agreed: false });
  expect(stored).not.toHaveProperty('citizen');
  expect(stored).not.toHaveProperty('satisfaction');
  expect(stored.tasks).toEqual([expect.objectContaining({ taskId: 'cai-dat-vneid', outcome: 'done' })]);
});

test('the popup’s button opens the desk console in the browser’s side panel', async ({ ext, portal }) => {
  const popup = await openPopupFor(ext, portal);
  const cdp = await ext.context.newCDPSession(popup);
  const panels = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'page' && t.url === `chrome-extension://${ext.extensionId}/sidepanel.html`);
  expect(await panels()).toEqual([]);
  await popup.getByRole('button', { name: 'Mở bàn làm việc (Tổ công nghệ số)' }).click();
  // chrome.sidePanel.open() ran inside the click's user gesture: the panel is its own page, not a tab.
  await expect.poll(async () => (await panels()).map((t) => t.title)).toEqual(['Bàn làm việc — Tổ công nghệ số (Dẫn Bước)']);
  expect(ext.context.pages().map((p) => p.url())).not.toContain(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await expect(popup.getByRole('alert')).toHaveCount(0);
});

test('a personal field exists only after the desk turns it on past a warning', async ({ ext, portal }) => {
  const desk = await DeskConsole.open(ext, portal);
  await desk.createProfile('TV-09', 'Tổ CNS xã', 'Xã Tân Lập');
  await desk.page.getByRole('button', { name: 'Cài đặt của bàn' }).click();
  await expect(desk.heading('Cài đặt của bàn làm việc')).toBeVisible();
  await desk.page.getByRole('button', { name: 'Bật ghi “Số điện thoại”' }).click();
  await expect(desk.page.getByRole('alert')).toContainText('Cảnh báo: bật trường này nghĩa là máy sẽ lưu thông tin cá nhân');
  await desk.expectAccessible('settings warning');
  await desk.page.getByRole('button', { name: 'Tôi hiểu, vẫn bật' }).click();
  await desk.page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(desk.page.getByText('Đã lưu cài đặt.')).toBeVisible();
  await desk.page.getByRole('button', { name: 'Quay lại' }).click();

  await desk.page.getByRole('button', { name: 'Phiên hỗ trợ mới' }).click();
  await expect(desk.page.getByText('Điểm hỗ trợ này có ghi thêm: số điện thoại, chỉ khi ông/bà đồng ý.', { exact: false })).toBeVisible();
  await desk.page.getByRole('button', { name: 'Người dân đồng ý' }).click();
  await expect(desk.page.getByLabel('Số điện thoại', { exact: true })).toBeVisible();
  await expect(desk.page.getByLabel('Họ và tên', { exact: true })).toHaveCount(0);
  await desk.page.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
  await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(desk.heading('Phiên đang hỗ trợ')).toBeVisible();
  const [stored] = await desk.storedSessions();
  expect(stored.citizen).toEqual({ phone: '0912345678' });
});

test('an open session survives closing the browser and starting it again', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'danbuoc-restart-'));
  try {
    let ext = await launchWithExtension({ userDataDir: profile });
    await serveReplicas(ext.context);
    let portal = ext.context.pages()[0] ?? (await ext.context.newPage());
    await portal.goto(HOME);
    const desk = await DeskConsole.open(ext, portal);
    await desk.createProfile('Lò Văn Sùng', 'Tổ CNS bản Mường', 'Xã Mường Lay');
    await desk.startSession(true);
    await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();
    await desk.pickTask(VNEID);
    await desk.markTask(VNEID, 'Chưa làm được', 'Hết thời gian');
    const before = await desk.storedSessions();
    await ext.close();

    ext = await launchWithExtension({ userDataDir: profile });
    await serveReplicas(ext.context);
    portal = ext.context.pages()[0] ?? (await ext.context.newPage());
    await portal.goto(HOME);
    const again = await DeskConsole.open(ext, portal);
    await expect(again.heading('Phiên đang hỗ trợ')).toBeVisible();
    await expect(again.task(VNEID)).toContainText('Chưa làm được');
    expect(await again.storedSessions()).toEqual(before);
    await ext.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('the citizen withdraws consent mid-session: their record is deleted', async ({ ext, portal }) => {
  const desk = await DeskConsole.open(ext, portal);
  await desk.createProfile('TV-09', 'Tổ CNS xã', 'Xã Tân Lập');
  await desk.startSession(true);
  await desk.page.getByLabel('Nhóm tuổi').selectOption({ label: '60–74 tuổi' });
  await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();
  await desk.pickTask(VNEID);
  expect(await desk.storedSessions()).toHaveLength(1);
  // In its own section, away from "Kết thúc phiên", and only after a confirm step on the page.
  const zone = desk.page.getByRole('region', { name: 'Khi người dân đổi ý' });
  await expect(zone.getByRole('button', { name: 'Kết thúc phiên' })).toHaveCount(0);
  await zone.getByRole('button', { name: 'Người dân rút lại đồng ý' }).click();
  await zone.getByRole('button', { name: 'Huỷ' }).click();
  await expect(zone.getByRole('button', { name: 'Người dân rút lại đồng ý' })).toBeFocused();
  expect(await desk.storedSessions(), 'cancelled: nothing deleted').toHaveLength(1);
  await zone.getByRole('button', { name: 'Người dân rút lại đồng ý' }).click();
  await desk.expectAccessible('withdrawal confirm step');
  await zone.getByRole('button', { name: 'Xoá hẳn bản ghi' }).click();
  await expect(desk.page.getByText('Đã xoá 1 bản ghi theo yêu cầu rút lại đồng ý của người dân.')).toBeVisible();
  await expect(desk.heading('Xin chào, TV-09')).toBeVisible();
  expect(await desk.storedSessions()).toEqual([]);
  await desk.expectAccessible('after withdrawal');
});

test('weeks later, the citizen withdraws with the code from the summary: the dashboard deletes the record', async ({ ext, portal }) => {
  const desk = await DeskConsole.open(ext, portal);
  await desk.createProfile('TV-11', 'Tổ CNS xã', 'Xã Tân Lập');
  await desk.startSession(true);
  await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();
  await desk.pickTask(VNEID);
  await desk.page.getByRole('button', { name: 'Kết thúc phiên' }).click();
  await desk.page.getByRole('button', { name: 'Kết thúc phiên' }).click();
  const codeLine = desk.page.getByText(/^Mã phiên: [0-9A-F]{8}\./);
  await expect(codeLine).toBeVisible();
  const code = /Mã phiên: ([0-9A-F]{8})/.exec((await codeLine.textContent()) ?? '')![1];
  expect(await desk.storedSessions()).toHaveLength(1);

  // The code goes home with the citizen on a printed slip: what it is, how to use it, where and when.
  await desk.page.evaluate(() => (window.print = () => void ((window as { printed?: number }).printed = ((window as { printed?: number }).printed ?? 0) + 1)));
  await desk.page.getByRole('button', { name: 'In phiếu mã phiên cho người dân' }).click();
  const slip = desk.page.getByTestId('withdrawal-slip');
  await expect(slip.getByRole('heading', { name: 'Phiếu mã phiên hỗ trợ' })).toBeFocused();
  await expect(slip).toContainText(`Mã phiên: ${code}`);
  await expect(slip).toContainText('rút lại đồng ý');
  await expect(slip).toContainText(/Ngày: \d{2}\/\d{2}\/\d{4}/);
  expect(await desk.page.evaluate(() => (window as { printed?: number }).printed)).toBe(1);
  await desk.expectAccessible('withdrawal slip');
  await desk.page.emulateMedia({ media: 'print' });
  await expect(desk.page.getByRole('button', { name: 'In phiếu' })).toBeHidden();
  await expect(desk.page.getByRole('heading', { name: 'Bàn làm việc — Tổ công nghệ số' })).toBeHidden();
  await expect(slip).toBeVisible();
  await desk.page.emulateMedia({ media: 'screen' });
  await desk.page.getByRole('button', { name: 'Quay lại tóm tắt phiên' }).click();
  await expect(codeLine).toBeVisible();

  const dashboard = await ext.context.newPage();
  await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
  const panel = dashboard.getByRole('region', { name: 'Người dân rút lại đồng ý' });
  await panel.getByLabel('Mã phiên').fill('00000000');
  dashboard.once('dialog', (dialog) => void dialog.accept());
  await panel.getByRole('button', { name: 'Xoá bản ghi của người dân này' }).click();
  await expect(panel.getByRole('alert')).toContainText('Không tìm thấy phiên có mã này');
  dashboard.once('dialog', (dialog) => void dialog.accept());
  await panel.getByLabel('Mã phiên').fill(code.toLowerCase());
  await panel.getByRole('button', { name: 'Xoá bản ghi của người dân này' }).click();
  await expect(panel.getByRole('status')).toHaveText('Đã xoá 1 bản ghi theo yêu cầu rút lại đồng ý.');
  expect(await desk.storedSessions()).toEqual([]);
});
