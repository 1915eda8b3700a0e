import AxeBuilder from '@axe-core/playwright';
import { setupCouch } from '../../scripts/couch-setup';
import { ADMIN, DB, PROVINCE, startCouch, type CouchServer } from '../support/couch-server';
import { DeskConsole } from '../support/desk';
import { expect, test } from '../support/fixtures';

/**
 * The opt-in replication from the built extension's desk console to a real CouchDB-compatible server
 * (pouchdb-server on 127.0.0.1, started here and seeded by scripts/couch-setup.ts).
 */
const VNEID = 'Cài đặt ứng dụng VNeID';
const PASSWORD = 'mat-khau-ban';
let couch: CouchServer;

test.beforeAll(async () => {
  couch = await startCouch([]);
});

test.afterAll(async () => {
  await couch?.stop();
});

test('a desk turns replication on and its consented session reaches the province view', async ({ ext, portal }) => {
  // The replica routing cuts every other address; the loopback server is let through (real network).
  await ext.context.route(`${couch.url}**`, (route) => route.continue());
  const desk = await DeskConsole.open(ext, portal);
  await desk.createProfile('Nguyễn Thị Hoa', 'Tổ CNS thôn Đông', 'Xã Tân Lập');
  await desk.page.getByRole('button', { name: 'Cài đặt của bàn' }).click();
  const deskId = ((await desk.page.getByText(/^Mã bàn: /).textContent()) ?? '').replace('Mã bàn: ', '').trim();
  expect(deskId).toMatch(/^ban-[0-9a-f]{8}$/);
  // The province creates this desk's account (the setup script is run again with the new desk).
  await setupCouch({ server: couch.url, admin: ADMIN, db: DB, desks: [{ name: deskId, password: PASSWORD }], province: PROVINCE });

  const sync = desk.page.getByRole('region', { name: 'Gửi số liệu lên máy chủ của tỉnh' });
  await expect(sync.getByText('Không bao giờ gửi: họ tên, số căn cước, số điện thoại', { exact: false })).toBeVisible();
  await expect(sync.getByRole('checkbox', { name: 'Bật gửi số liệu lên tỉnh' })).not.toBeChecked();
  await sync.getByRole('checkbox', { name: 'Bật gửi số liệu lên tỉnh' }).check();
  await sync.getByLabel('Địa chỉ máy chủ của tỉnh (bắt đầu bằng https://)').fill(`${couch.url}${DB}`);
  await sync.getByLabel('Tên đăng nhập của điểm hỗ trợ').fill(deskId);
  await sync.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);

  // Without the developer flag a plain-http address is refused, loopback included.
  await sync.getByRole('button', { name: 'Lưu phần gửi số liệu lên tỉnh' }).click();
  await expect(sync.getByRole('alert')).toContainText('phải bắt đầu bằng https://');

  await desk.page.evaluate(() => chrome.storage.local.set({ 'dev:allowLoopbackSync': true }));
  await sync.getByRole('button', { name: 'Lưu phần gửi số liệu lên tỉnh' }).click();
  await expect(desk.page.getByRole('status').filter({ hasText: /^Đã đồng bộ lúc \d{2}:\d{2} — không còn phiên chờ gửi$/ }).first()).toBeVisible();
  await desk.expectAccessible('sync settings');

  // A session recorded now is sent as soon as it is saved.
  await desk.page.getByRole('button', { name: 'Quay lại' }).click();
  await desk.startSession(true);
  await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();
  await desk.pickTask(VNEID);
  await expect.poll(provinceRows).toEqual([{ key: [expect.stringMatching(/^\d{4}-W\d{2}$/), '(chưa ghi xã)', 'cai-dat-vneid', 'pending'], value: 1 }]);
  await expect(desk.page.getByRole('status').filter({ hasText: /^Đã đồng bộ lúc \d{2}:\d{2} — không còn phiên chờ gửi$/ })).toBeVisible();

  // Province mode: the same count, read with the read-only province account.
  const province = await ext.context.newPage();
  await province.goto(`chrome-extension://${ext.extensionId}/province.html`);
  await province.getByLabel('Địa chỉ máy chủ của tỉnh (bắt đầu bằng https://)').fill(`${couch.url}${DB}`);
  await province.getByLabel('Tên đăng nhập của tỉnh').fill(PROVINCE.name);
  await province.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await province.getByRole('button', { name: 'Xem số liệu' }).click();
  await expect(province.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu chưa đúng.');
  await province.getByLabel('Mật khẩu').fill(PROVINCE.password);
  await province.getByRole('button', { name: 'Xem số liệu' }).click();
  const row = province.getByRole('table', { name: 'Số việc theo tuần, xã, việc và kết quả' }).getByRole('row').nth(1);
  await expect(row.getByRole('cell')).toHaveText([/^\d{4}-W\d{2}$/, '(chưa ghi xã)', VNEID, /.+/, '1']);
  const results = await new AxeBuilder({ page: province }).analyze();
  expect(results.violations).toEqual([]);
});

async function provinceRows(): Promise<Array<{ key: string[]; value: number }>> {
  const response = await fetch(`${couch.url}${DB}/_design/dan-buoc/_view/weekly?group_level=4`, {
    headers: { authorization: `Basic ${Buffer.from(`${PROVINCE.name}:${PROVINCE.password}`).toString('base64')}` },
  });
  return ((await response.json()) as { rows: Array<{ key: string[]; value: number }> }).rows;
}
