import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { generatePackKeyPair, PACK_LIMITS, type PackKeyPair } from '../../engine/pack';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { Citizen } from '../support/citizen';
import { HOME_URL } from '../support/find-procedure-walk';
import { buildWithPinnedKey, PACK_URL, PackHost } from '../support/pack-host';
import { openPopupFor } from '../support/popup';
import { serveReplicas } from '../support/replica';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const FIND: Json = JSON.parse(readFileSync('tours/dvcqg-tim-thu-tuc.json', 'utf8'));
delete FIND.$schema;

const titleOf = (version: number) => `Tìm thủ tục (gói phiên bản ${version})`;
const sayOf = (version: number) => `Gói phiên bản ${version}: gõ tên thủ tục vào ô tìm kiếm.`;

/** The publisher's pack: the built-in "Tìm thủ tục" tour with its title and first step rewritten. */
function packOf(version: number, edit: (pack: Json) => void = () => {}): Json {
  const tour = structuredClone(FIND);
  tour.title.vi = titleOf(version);
  tour.steps[0].say.vi = sayOf(version);
  const pack = { packId: 'dan-buoc-tinh', version, publishedAt: '2026-12-01', tours: [tour] };
  edit(pack);
  return pack;
}

let keys: PackKeyPair;
let strangerKeys: PackKeyPair;
let extensionDir: string;

const test = base.extend<{ ext: ExtensionBrowser; host: PackHost; options: Page; portal: Page }>({
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, use) => {
    const ext = await launchWithExtension({ extensionDir });
    await serveReplicas(ext.context);
    await use(ext);
    await ext.close();
  },
  host: async ({ ext }, use) => use(await PackHost.start(ext.context)),
  options: async ({ ext }, use) => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await use(page);
  },
  portal: async ({ ext }, use) => {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(HOME_URL);
    await use(page);
  },
});

test.beforeAll(async () => {
  [keys, strangerKeys] = await Promise.all([generatePackKeyPair(), generatePackKeyPair()]);
  extensionDir = await buildWithPinnedKey(keys);
});
test.afterAll(async () => {
  await rm(extensionDir, { recursive: true, force: true });
});

const section = (options: Page) => options.getByRole('region', { name: 'Gói hướng dẫn cập nhật' });
const installed = (options: Page): Locator => options.getByTestId('pack-installed');
const lastCheck = (options: Page): Locator => options.getByTestId('pack-last-check');

async function addPackAddress(options: Page, url = PACK_URL): Promise<void> {
  await section(options).getByLabel('Địa chỉ gói hướng dẫn').fill(url);
  await section(options).getByRole('button', { name: 'Lưu địa chỉ' }).click();
}

async function checkNow(options: Page): Promise<void> {
  await section(options).getByRole('button', { name: 'Kiểm tra ngay' }).click();
}

/** Starts the pack's tour from the popup and reads its first step in the overlay, then stops it. */
async function firstStepSays(ext: ExtensionBrowser, portal: Page, version: number): Promise<void> {
  await portal.goto(HOME_URL);
  const popup = await openPopupFor(ext, portal);
  const card = popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: titleOf(version) }) });
  // "Bắt đầu", or "Làm lại từ đầu" once this tab has run the tour before.
  await card.getByRole('button', { name: /^(Bắt đầu|Làm lại từ đầu)$/ }).click();
  await popup.close();
  await portal.bringToFront();
  const citizen = new Citizen(portal);
  await citizen.expectSays(sayOf(version));
  await citizen.closeTour();
  await citizen.expectNoOverlay();
}

const storedPack = (ext: ExtensionBrowser) => ext.worker.evaluate(async () => (await chrome.storage.local.get('installedPack')).installedPack);

async function installVersion2(options: Page, host: PackHost): Promise<void> {
  await host.serveSigned(packOf(2), keys);
  await addPackAddress(options);
  await expect(installed(options)).toHaveText('Gói “dan-buoc-tinh”, phiên bản 2, phát hành ngày 1 tháng 12 năm 2026, có 1 hướng dẫn.');
}

test('a team lead adds the pack address; a newer signed pack replaces the old one and its changed step shows', async ({ ext, host, options, portal }) => {
  await expect(installed(options)).toHaveText('Chưa cài gói nào: đang dùng các hướng dẫn có sẵn.');
  await addPackAddress(options, 'http://goi-huong-dan.example.vn/dan-buoc/goi.json');
  await expect(section(options).getByRole('alert')).toHaveText('Địa chỉ phải bắt đầu bằng https://. Sửa lại rồi bấm “Lưu địa chỉ”.');
  expect(host.requests).toBe(0);

  await host.serveSigned(packOf(1), keys);
  await addPackAddress(options);
  await expect(installed(options)).toContainText('phiên bản 1');
  await expect(lastCheck(options)).toContainText('đã cài gói mới');
  await firstStepSays(ext, portal, 1);

  await host.serveSigned(packOf(2), keys);
  await checkNow(options);
  await expect(installed(options)).toContainText('phiên bản 2');
  await firstStepSays(ext, portal, 2);

  await checkNow(options);
  await expect(lastCheck(options)).toContainText('chưa có gói mới hơn');
  const results = await new AxeBuilder({ page: options }).analyze();
  expect(results.violations).toEqual([]);
});

const flip = (bytes: Uint8Array) => {
  const copy = bytes.slice();
  const at = new TextDecoder().decode(copy).indexOf('Gói phiên bản 3');
  copy[at + 'Gói phiên bản '.length] = '9'.charCodeAt(0);
  return copy;
};

const BAD_PACKS: [name: string, reason: string, serve: (host: PackHost) => Promise<void>, says: RegExp][] = [
  ['tampered', 'signature', (host) => host.serveSigned(packOf(3), keys, flip), /không có chữ ký hợp lệ/],
  ['older', 'older', (host) => host.serveSigned(packOf(1), keys), /không mới hơn gói đang dùng/],
  ['signed with a key that is not pinned', 'signature', (host) => host.serveSigned(packOf(3), strangerKeys), /không có chữ ký hợp lệ/],
  ['oversize', 'size', (host) => host.serveBytes(new Uint8Array(PACK_LIMITS.maxBytes + 1).fill(32), keys), /quá lớn/],
  ['malformed', 'malformed', (host) => host.serveBytes(new TextEncoder().encode('{"packId":"dan-buoc-tinh","version":3,'), keys), /bị hỏng, không đọc được/],
  ['on a look-alike site', 'origin', (host) => host.serveSigned(packOf(3, (p) => (p.tours[0].sites = ['https://dichvucong.gov.vn.example.com/*'])), keys), /không nằm trong danh sách trang được phép/],
];

test('a tampered, older, wrong-key, oversize, malformed or off-list pack is rejected: nothing changes and the reason is shown', async ({ ext, host, options, portal }) => {
  await installVersion2(options, host);
  const good = await storedPack(ext);
  for (const [name, reason, serve, says] of BAD_PACKS) {
    await serve(host);
    await checkNow(options);
    const shown = lastCheck(options).locator(`[data-reason="${reason}"]`);
    await expect(shown, name).toHaveText(says);
    await expect(lastCheck(options), name).toContainText('vẫn dùng gói đang có');
    await expect(installed(options), name).toContainText('phiên bản 2');
    expect(await storedPack(ext), name).toEqual(good);
    // The next check starts from a clean line, so each reason is seen for its own pack.
    await host.serveSigned(packOf(2), keys);
    await checkNow(options);
    await expect(lastCheck(options)).toContainText('chưa có gói mới hơn');
  }
  await firstStepSays(ext, portal, 2);
  const results = await new AxeBuilder({ page: options }).analyze();
  expect(results.violations).toEqual([]);
});

test('offline, the last good pack stays in use and the options page says the address could not be reached', async ({ ext, host, options, portal }) => {
  await installVersion2(options, host);
  host.goOffline();
  await checkNow(options);
  await expect(lastCheck(options).locator('[data-reason="unreachable"]')).toHaveText(/Không kết nối được tới địa chỉ gói/);
  await expect(installed(options)).toContainText('phiên bản 2');
  await firstStepSays(ext, portal, 2);
});

test('in author mode an unsigned local pack runs as a draft: every step says "Bản nháp — chưa kiểm duyệt"; off, it is not used', async ({ ext, options, portal }) => {
  const localSection = options.getByRole('region', { name: 'Gói thử chưa ký (chế độ soạn hướng dẫn)' });
  await expect(installed(options)).toBeVisible();
  await expect(localSection).toHaveCount(0);
  await ext.worker.evaluate(() => chrome.storage.local.set({ authorMode: { v: 1, on: true } }));
  await localSection.getByLabel('Chọn tệp gói hướng dẫn (.json)').setInputFiles({
    name: 'goi-thu.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(packOf(7, (p) => (p.packId = 'goi-thu')))),
  });
  await expect(localSection.getByTestId('local-pack')).toContainText('Đang dùng tệp “goi-thu.json”: gói “goi-thu”, phiên bản 7');
  await expect(new AxeBuilder({ page: options }).analyze().then((r) => r.violations)).resolves.toEqual([]);

  await portal.goto(HOME_URL);
  const popup = await openPopupFor(ext, portal);
  await popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: titleOf(7) }) }).getByRole('button', { name: 'Bắt đầu' }).click();
  await popup.close();
  const citizen = new Citizen(portal);
  await citizen.expectSays(sayOf(7));
  await expect(citizen.popover.locator('.danbuoc-badge')).toHaveText('Bản nháp — chưa kiểm duyệt');
  await citizen.closeTour();

  await ext.worker.evaluate(() => chrome.storage.local.set({ authorMode: { v: 1, on: false } }));
  await expect(localSection).toHaveCount(0);
  const again = await openPopupFor(ext, portal);
  await expect(again.getByRole('heading', { name: 'Tìm thủ tục và xem giấy tờ cần chuẩn bị' })).toBeVisible();
  await expect(again.getByRole('heading', { name: titleOf(7) })).toHaveCount(0);
});
