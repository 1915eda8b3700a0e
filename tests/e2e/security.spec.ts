import { test as base, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { Citizen } from '../support/citizen';
import { DashboardPage } from '../support/dashboard';
import { DeskConsole } from '../support/desk';
import { ALLOWED_ORIGINS } from '../../engine/sites';
import { expect, HOME, test } from '../support/fixtures';
import { startFromPopup, TOTAL_STEPS } from '../support/find-procedure-walk';
import { buildWithHostileTour } from '../support/hostile-build';
import { serveReplicas } from '../support/replica';
import { readZipEntry, zipEntries } from '../support/zip';
import { defaultSettings } from '../../sessions/schema';
import { addTask, startSession } from '../../sessions/session-ops';

/** Full HTML payloads: they reach the overlay through page text (an alert the page shows). */
const XSS_PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  "<a href=\"javascript:window.__pwned=1\">bấm</a>",
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '&lt;b onmouseover=window.__pwned=1&gt;',
  '<details open ontoggle="window.__pwned=1">',
];

/**
 * Payloads that pass the tour schema (it refuses "<tag"): what a tour author, or a catalogue that
 * slipped through, could put in every text field. "<ımg" uses a dotless ı, which the schema's
 * ASCII check lets through.
 */
const TOUR_PAYLOADS = {
  summary: '&lt;img src=x onerror="window.__pwned=1"&gt; {{constructor.constructor(\'window.__pwned=1\')()}}',
  stepTitle: '" onmouseover="window.__pwned=1" data-x="',
  stepSay: '<ımg src=x onerror=window.__pwned=1> javascript:window.__pwned=1 %3Cscript%3Ewindow.__pwned=1%3C/script%3E',
  secondSay: "'); window.__pwned=1; ('",
};

const injectedInOverlay = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.danbuoc-popover, .danbuoc-popover *')].some(
      (el) => ['IMG', 'SCRIPT', 'SVG', 'IFRAME', 'A', 'DETAILS', 'INPUT'].includes(el.tagName.toUpperCase()) || [...el.attributes].some((a) => a.name.startsWith('on')),
    ),
  );

const hostile = base.extend<{ ext: ExtensionBrowser }>({
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, use) => {
    const ext = await launchWithExtension({ extensionDir: await buildWithHostileTour(TOUR_PAYLOADS) });
    await serveReplicas(ext.context);
    await use(ext);
    await ext.close();
  },
});

hostile('XSS: hostile tour text and a hostile page alert reach the real overlay through the real content script, as text only', async ({ ext }) => {
  const portal = ext.context.pages()[0] ?? (await ext.context.newPage());
  await portal.goto(HOME);
  const citizen = new Citizen(portal);
  const popup = await startFromPopup(ext, portal);
  await expect(popup.getByText(TOUR_PAYLOADS.summary)).toBeVisible();

  const popover = portal.locator('.danbuoc-popover');
  await expect(popover.locator('h2')).toHaveText(TOUR_PAYLOADS.stepTitle);
  await expect(popover.locator('.danbuoc-say')).toHaveText(TOUR_PAYLOADS.stepSay);
  expect(await injectedInOverlay(portal)).toBe(false);

  // The page's own alert text is shown in the popover ("Trang báo: …"): the one field filled from the page.
  const alertText = XSS_PAYLOADS.join(' ');
  await portal.evaluate((text) => {
    const alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    alert.textContent = text;
    document.body.append(alert);
  }, alertText);
  // Exactly the page's text, once (the wording after it belongs to engine/strings.ts).
  await expect(popover.locator('.danbuoc-alert')).toHaveText(new RegExp(`^Trang báo: “${alertText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”[^“]*$`));
  expect(await injectedInOverlay(portal)).toBe(false);

  await citizen.typeIntoHighlighted('khai sinh');
  await citizen.button('Tiếp').click();
  await citizen.expectStep(2, TOTAL_STEPS);
  await expect(popover.locator('.danbuoc-say')).toHaveText(TOUR_PAYLOADS.secondSay);
  expect(await injectedInOverlay(portal)).toBe(false);
  expect(await portal.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('what the citizen types never reaches extension storage, IndexedDB or any export', async ({ ext, portal, citizen }) => {
  const SENTINEL = 'SENTINEL-7f3a-khai-sinh';
  await startFromPopup(ext, portal);
  await citizen.typeIntoHighlighted(SENTINEL);
  await expect(citizen.button('Tiếp')).toBeVisible();
  await citizen.highlighted.press('Enter');
  await citizen.expectStep(3, TOTAL_STEPS);
  const dump = await ext.worker.evaluate(async () =>
    JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]),
  );
  expect(dump).toContain('dvcqg-tim-thu-tuc');
  expect(dump).not.toContain('SENTINEL');

  // Every IndexedDB database and store of the extension's origin, and every export the reports page
  // makes (with a recorded session, so the files hold rows, not just headers).
  const dashboard = await DashboardPage.open(ext);
  const at = Date.now() - 3_600_000;
  const started = startSession({ id: crypto.randomUUID(), deskId: 'ban-01', memberId: 'tv-01', at, consent: { agreed: true } }, defaultSettings('ban-01'));
  if (!started.ok) throw new Error(started.error.en);
  const recorded = addTask(started.session, 'tim-thu-tuc', at + 60_000);
  if (!recorded.ok) throw new Error(recorded.error.en);
  await dashboard.seed('sessions', [[recorded.session.id, recorded.session]]);
  await dashboard.reload();
  const idb = await dashboard.dumpIndexedDb();
  expect(Object.keys(idb)).toContain('dan-buoc-sessions/sessions');
  expect(JSON.stringify(idb)).not.toContain('SENTINEL');
  for (const button of ['Tải CSV', 'Tải CSV tổng hợp', 'Sao lưu (JSON)']) {
    const file = await dashboard.download(button);
    expect(file.bytes.length, button).toBeGreaterThan(0);
    expect(file.bytes.toString('utf8'), button).not.toContain('SENTINEL');
  }
  const xlsx = await dashboard.download('Tải Excel (XLSX)');
  const entries = [...zipEntries(xlsx.bytes).keys()];
  expect(entries.some((name) => name.startsWith('xl/worksheets/'))).toBe(true);
  for (const name of entries) expect(readZipEntry(xlsx.bytes, name), name).not.toContain('SENTINEL');
});

test('a hostile page posting crafted messages changes nothing', async ({ ext, portal, citizen }) => {
  await startFromPopup(ext, portal);
  await citizen.expectStep(1, TOTAL_STEPS);
  const before = await ext.worker.evaluate(() => chrome.storage.session.get(null));
  await portal.evaluate(() => {
    const forged = [
      { kind: 'content:event', event: { type: 'advance', stepId: 'nhap-tu-khoa', url: location.href } },
      { kind: 'bg:render', snapshot: null },
      { kind: 'popup:stop', tabId: 1 },
      { type: 'advance' },
    ];
    for (const message of forged) {
      window.postMessage(message, '*');
      document.dispatchEvent(new CustomEvent('danbuoc', { detail: message }));
    }
    // A synthetic click on the popover's close button is not a person's click.
    (document.querySelector('.danbuoc-popover .danbuoc-close') as HTMLElement | null)?.click();
  });
  await portal.waitForTimeout(300);
  await citizen.expectStep(1, TOTAL_STEPS);
  expect(await ext.worker.evaluate(() => chrome.storage.session.get(null))).toEqual(before);
  expect(portal.url()).toBe(HOME);
});

test('a hostile page learns no extension id, and replaying WXT\'s start-up event does not stop the tour', async ({ ext, portal, citizen }) => {
  // The page listens from its very first script, before any content script runs.
  await portal.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __seen: unknown[] }).__seen = seen;
    window.addEventListener('message', (event) => seen.push(event.data));
  });
  await portal.reload();
  await startFromPopup(ext, portal);
  await citizen.expectStep(1, TOTAL_STEPS);
  const seen = await portal.evaluate(() => JSON.stringify((window as unknown as { __seen: unknown[] }).__seen));
  expect(seen).not.toContain(ext.extensionId);
  expect(seen).not.toContain('content-script-started');

  // The id of a published extension is public anyway: replay the event with it, both ways WXT listens.
  await portal.evaluate((id) => {
    const type = `${id}:content:wxt:content-script-started`;
    window.postMessage({ type, contentScriptName: 'content', messageId: 'hostile' }, '*');
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'hostile' } }));
  }, ext.extensionId);
  // Still running: the tour moves on when the citizen acts.
  await citizen.typeIntoHighlighted('khai sinh');
  await citizen.button('Tiếp').click();
  await citizen.expectStep(2, TOTAL_STEPS);
});

test('exact origins at run time: the content script does nothing on the portal host at another port', async ({ ext }) => {
  const page = await ext.context.newPage();
  const other = 'https://dichvucong.gov.vn:8443/';
  await ext.context.route(`${other}**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="vi"><title>x</title><h1>Cổng giả</h1></html>' }));
  const listening = async (url: string) => {
    await page.goto(url);
    const cdp = await ext.context.newCDPSession(page);
    const contexts: Array<{ id: number; name: string; origin: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    // The content script's isolated world: present because the manifest matches (ports are ignored).
    await expect.poll(() => contexts.filter((c) => c.auxData?.type === 'isolated').length).toBeGreaterThan(0);
    const world = contexts.find((c) => c.auxData?.type === 'isolated')!;
    const { result } = await cdp.send('Runtime.evaluate', { contextId: world.id, expression: 'chrome.runtime.onMessage.hasListeners()', returnByValue: true });
    await cdp.detach();
    return result.value as boolean;
  };
  // On the exact origin the content script listens for the background; on :8443 it never started.
  await expect.poll(() => listening(HOME)).toBe(true);
  expect(await listening(other)).toBe(false);
  await expect(page.locator('.danbuoc-popover')).toHaveCount(0);
});

test('the cross-context lock is Web Locks in Chromium: a dashboard write waits while another extension page holds it', async ({ ext }) => {
  const holder = await DashboardPage.open(ext);
  await holder.seed('settings', [['desk', { schemaVersion: 1, deskId: 'ban-01', personalFields: { name: false, idNumber: false, phone: false, note: false }, retentionMonths: 12 }]]);
  const writer = await DashboardPage.open(ext);
  // The first page takes the same lock the extension's code takes, by name, and holds it.
  await holder.page.evaluate(() => {
    let release!: () => void;
    (window as unknown as { __release: () => void }).__release = () => release();
    void navigator.locks.request('dan-buoc-sessions-write', () => new Promise<void>((resolve) => (release = resolve)));
  });
  await expect.poll(() => holder.page.evaluate(async () => (await navigator.locks.query()).held?.length ?? 0)).toBe(1);

  await writer.page.getByLabel('Số tháng lưu').fill('6');
  await writer.button('Lưu thời hạn').click();
  // The write is queued behind the other page's lock, and nothing is written meanwhile.
  await expect.poll(() => writer.page.evaluate(async () => (await navigator.locks.query()).pending?.length ?? 0)).toBe(1);
  expect((await writer.dumpIndexedDb())['dan-buoc-sessions/settings'][0][1]).toMatchObject({ retentionMonths: 12 });

  await holder.page.evaluate(() => (window as unknown as { __release: () => void }).__release());
  await expect(writer.page.getByRole('status').filter({ hasText: 'Đã lưu thời hạn.' })).toBeVisible();
  expect((await writer.dumpIndexedDb())['dan-buoc-sessions/settings'][0][1]).toMatchObject({ retentionMonths: 6 });
});

test('crafted backups: a withdrawn citizen never comes back, personal fields the desk does not record are dropped, 2099 is refused', async ({ ext }) => {
  const dashboard = await DashboardPage.open(ext);
  const { page } = dashboard;
  await dashboard.seed('settings', [['desk', defaultSettings('ban-01')]]);
  const at = Date.now() - 2 * 3_600_000;
  const make = (citizen?: Record<string, string>) => {
    const started = startSession({ id: crypto.randomUUID(), deskId: 'ban-02', memberId: 'tv-01', at, consent: { agreed: true } }, defaultSettings('ban-02'));
    if (!started.ok) throw new Error(started.error.en);
    return { ...started.session, ...(citizen ? { citizen: { ageBand: '60-74', ...citizen } } : {}) };
  };
  const withdrawnOne = make();
  const named = make({ name: 'Nguyễn Văn An', idNumber: '001203004005', phone: '0912345678' });
  const future = { ...make(), updatedAt: Date.UTC(2099, 0, 1) };
  const backup = JSON.stringify({ format: 'dan-buoc-sessions', version: 2, exportedAt: at, deskId: 'ban-02', sessions: [withdrawnOne, named, future], withdrawn: [] });

  // The citizen of the first session withdraws here (by the code on their summary), before the old backup comes in.
  await dashboard.seed('sessions', [[withdrawnOne.id, withdrawnOne]]);
  await dashboard.reload();
  await page.getByLabel('Mã phiên').fill(withdrawnOne.id.replace(/-/g, '').slice(0, 8).toUpperCase());
  page.once('dialog', (dialog) => void dialog.accept());
  await dashboard.button('Xoá bản ghi của người dân này').click();
  await expect(page.getByText('Đã xoá 1 bản ghi theo yêu cầu rút lại đồng ý.')).toBeVisible();

  await dashboard.importFile('cu.json', backup);
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('[data-count="refused-withdrawn"]')).toHaveText('1 phiên đã rút đồng ý — không nhập lại.');
  await expect(preview.locator('[data-count="refused-future"]')).toContainText('1 phiên');
  await expect(preview.locator('[data-count="dropped"]')).toHaveText('Bỏ tên, số định danh, số điện thoại vì bàn này không lưu các trường đó (1 phiên).');
  await expect(preview.locator('[data-count="added"]')).toHaveText(/^1 phiên mới/);
  await dashboard.button('Nhập vào máy này').click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập: thêm 1 phiên' })).toBeVisible();

  const idb = await dashboard.dumpIndexedDb();
  expect(idb['dan-buoc-sessions/sessions'].map(([key]) => key)).toEqual([named.id]);
  const text = JSON.stringify(idb);
  for (const secret of ['Nguyễn Văn An', '001203004005', '0912345678']) expect(text).not.toContain(secret);
  // The tombstone: the withdrawn id and the time of withdrawal, nothing about the citizen.
  expect(idb['dan-buoc-sessions/meta']).toContainEqual([`withdrawn:${withdrawnOne.id}`, { v: 1, at: expect.any(Number) }]);
});

test('a corrupted list of visited sites fails closed: the end screen says so and signs out of every allowed site', async ({ ext, portal }) => {
  await portal.evaluate(() => {
    document.cookie = 'phien-dang-nhap=abc123; path=/; secure';
  });
  const desk = await DeskConsole.open(ext, portal);
  await desk.createProfile('Nguyễn Thị Hoa', 'Tổ CNS thôn Đông', 'Xã Tân Lập');
  await desk.startSession(true);
  await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(desk.heading('Phiên đang hỗ trợ')).toBeVisible();
  await portal.reload();

  const meta = (write?: unknown) =>
    desk.page.evaluate(async (value) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('dan-buoc-sessions');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('meta', 'readwrite');
      const store = tx.objectStore('meta');
      const read = store.get('desk:visited-origins');
      if (value !== undefined) store.put(value, 'desk:visited-origins');
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      return JSON.stringify(read.result ?? null);
    }, write);
  await expect.poll(() => meta()).toContain('https://dichvucong.gov.vn');
  // The record is damaged (a crash mid-write, a bad migration): it no longer says where the citizen went.
  await meta({ v: 1, origins: 'hỏng' });

  await desk.page.getByRole('button', { name: 'Kết thúc phiên' }).click();
  await desk.page.getByRole('button', { name: 'Kết thúc phiên' }).click();
  await expect(desk.heading('Tóm tắt phiên')).toBeVisible();
  const offer = desk.page.getByRole('region', { name: 'Đăng xuất người dân khỏi các trang đã dùng' });
  await expect(offer.getByRole('alert')).toHaveText(/Không đọc được danh sách trang người dân đã vào/);
  await expect(offer.getByRole('listitem')).toHaveCount(ALLOWED_ORIGINS.length);
  await offer.getByRole('button', { name: 'Đăng xuất người dân' }).click();
  await offer.getByRole('button', { name: 'Xác nhận đăng xuất' }).click();
  await expect(offer.getByRole('status')).toHaveText(`Đã đăng xuất khỏi ${ALLOWED_ORIGINS.length} trang.`);
  expect(await ext.context.cookies(HOME)).toEqual([]);
});
