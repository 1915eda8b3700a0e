import AxeBuilder from '@axe-core/playwright';
import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import type { ExtensionBrowser } from '../support/browser';
import { Citizen } from '../support/citizen';
import { openPopupFor, tabIdOf } from '../support/popup';
import { TourEditor } from '../support/editor';
import { testOnReplicas } from '../support/fixtures';

/**
 * The author's picker and recorder, in the built extension, on replica pages served on the real
 * host names: tests/fixtures/authoring/ (generated class names, a shadow root, a portalled list,
 * an e-form iframe, a login on sso.dancuquocgia.gov.vn and back).
 */
const HOME = 'https://dichvucong.gov.vn/';
const SITES = {
  'https://dichvucong.gov.vn': 'tests/fixtures/authoring/portal.html',
  'https://sso.dancuquocgia.gov.vn': 'tests/fixtures/authoring/sso.html',
  'https://tokhaidientu.moj.gov.vn': 'tests/fixtures/authoring/frame.html',
};
const SENTINEL = 'SENTINEL-typed-7f3a9q';

const test = testOnReplicas(SITES, HOME);

interface DraftStep {
  id: string;
  page: string;
  frame?: string;
  target: unknown;
  say: { vi: string };
  advance: string;
}
interface DraftTour {
  id: string;
  title: { vi: string };
  sites: string[];
  steps: DraftStep[];
}

async function drafts(ext: ExtensionBrowser): Promise<DraftTour[]> {
  const raw = (await ext.worker.evaluate(() => chrome.storage.local.get('drafts'))) as { drafts?: { tours: Record<string, { tour: DraftTour }> } };
  return Object.values(raw.drafts?.tours ?? {}).map((entry) => entry.tour);
}

async function turnOnAuthorMode(ext: ExtensionBrowser): Promise<void> {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByText('Chế độ soạn hướng dẫn đang bật')).toHaveCount(0);
  await options.getByRole('checkbox', { name: 'Bật chế độ soạn hướng dẫn' }).check();
  await expect(options.getByRole('status').getByText('Chế độ soạn hướng dẫn đang bật')).toBeVisible();
  const axe = await new AxeBuilder({ page: options }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await options.close();
}

async function startTool(ext: ExtensionBrowser, portal: Page, button: 'Chọn phần tử trên trang' | 'Ghi hướng dẫn'): Promise<Page> {
  const popup = await openPopupFor(ext, portal);
  await popup.getByRole('button', { name: button }).click();
  await expect(popup.getByRole('button', { name: button === 'Ghi hướng dẫn' ? 'Dừng ghi' : 'Dừng chọn' })).toBeVisible();
  return popup;
}

const banner = (page: Page) => page.locator('danbuoc-author-tools .banner');
const panelOf = (where: Page | Frame) => where.getByRole('dialog', { name: 'Cách tìm phần tử này' });
const firstProposal = (panel: Locator) => panel.getByRole('listitem').first();

test('the picker proposes role + name first, counted once, for plain, shadow-root, portalled and iframe elements', async ({ ext, portal }) => {
  // Off by default: no author tools in the popup.
  const before = await openPopupFor(ext, portal);
  const tabId = await tabIdOf(ext, portal);
  expect(await before.evaluate((tab) => chrome.runtime.sendMessage({ kind: 'author:status', tabId: tab }), tabId)).toMatchObject({ authorOn: false, mode: null });
  await expect(before.getByRole('button', { name: 'Chọn phần tử trên trang' })).toHaveCount(0);
  await before.close();

  await turnOnAuthorMode(ext);
  const popup = await startTool(ext, portal, 'Chọn phần tử trên trang');
  const popupAxe = await new AxeBuilder({ page: popup }).analyze();
  expect(popupAxe.violations.map((v) => v.id)).toEqual([]);
  await expect(banner(portal)).toContainText('Chế độ soạn hướng dẫn đang bật');

  // Plain button with generated classes and id: the page does not get the click, the panel does.
  await portal.getByRole('button', { name: 'Tìm kiếm' }).click();
  let panel = panelOf(portal);
  await expect(firstProposal(panel)).toContainText('Vai trò “button”, tên “Tìm kiếm”');
  await expect(firstProposal(panel)).toContainText('khớp đúng 1 phần tử');
  await expect(panel).not.toContainText('css-1x2y3z');
  await expect(panel).not.toContainText('_3kd9F');
  await expect(panel).not.toContainText('btn-a8f3k2');
  await portal.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // Inside an open shadow root.
  await portal.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
  await expect(firstProposal(panel)).toContainText('Vai trò “button”, tên “Gửi mã xác nhận”');
  await expect(firstProposal(panel)).toContainText('khớp đúng 1 phần tử');
  await portal.keyboard.press('Escape');

  // A listbox portalled to the end of <body>: Shift+click lets the page open it, then pick an option.
  await portal.getByRole('button', { name: 'Chọn tỉnh/thành phố' }).click({ modifiers: ['Shift'] });
  await portal.getByRole('option', { name: 'Hà Nội' }).click();
  await expect(firstProposal(panel)).toContainText('Vai trò “option”, tên “Hà Nội”');
  await expect(firstProposal(panel)).toContainText('khớp đúng 1 phần tử');
  await panel.getByRole('button', { name: 'Thêm vào bản nháp' }).click();
  await expect(panel.getByRole('status')).toHaveText('Đã thêm bước 1 vào bản nháp.');
  await portal.keyboard.press('Escape');

  // In the e-form iframe (another allowed origin): the picker runs in every frame.
  const frame = portal.frame({ url: /tokhaidientu\.moj\.gov\.vn/ })!;
  await frame.getByLabel('Họ và tên').click();
  panel = panelOf(frame);
  await expect(firstProposal(panel)).toContainText('Vai trò “textbox”, tên “Họ và tên”');
  await expect(firstProposal(panel)).toContainText('khớp đúng 1 phần tử');
  await expect(panel).not.toContainText('x1a2b3');
  await panel.getByRole('button', { name: 'Thêm vào bản nháp' }).click();
  await expect(panel.getByRole('status')).toHaveText('Đã thêm bước 2 vào bản nháp.');
  await frame.locator('body').press('Escape');

  // Keyboard only: focus the button, Enter opens the panel on it, Tab to “Thêm vào bản nháp”, Enter.
  await portal.getByRole('button', { name: 'Tìm kiếm' }).focus();
  await portal.keyboard.press('Enter');
  panel = panelOf(portal);
  await expect(panel.getByRole('checkbox').first()).toBeFocused();
  await expect(firstProposal(panel)).toContainText('Vai trò “button”, tên “Tìm kiếm”');
  const add = panel.getByRole('button', { name: 'Thêm vào bản nháp' });
  for (let i = 0; i < 12 && !(await add.evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement)); i++) await portal.keyboard.press('Tab');
  await portal.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText('Đã thêm bước 3 vào bản nháp.');

  const [draft] = await drafts(ext);
  expect(draft.steps.map((s) => [s.page, s.frame, s.advance])).toEqual([
    ['https://dichvucong.gov.vn/', undefined, 'click'],
    ['https://dichvucong.gov.vn/', 'https://tokhaidientu.moj.gov.vn/to-khai', 'input'],
    ['https://dichvucong.gov.vn/', undefined, 'click'],
  ]);
  expect(draft.steps[0].target).toContainEqual({ role: 'option', name: 'Hà Nội' });
  expect(draft.sites.sort()).toEqual(['https://dichvucong.gov.vn/*', 'https://tokhaidientu.moj.gov.vn/*']);
  expect(draft.steps.every((s) => s.say.vi.startsWith('[VIẾT LẠI]'))).toBe(true);

  // Esc with no panel open stops the picker; the banner goes.
  await portal.keyboard.press('Escape');
  await portal.keyboard.press('Escape');
  await expect(banner(portal)).toHaveCount(0);
});

test('the recorder follows a journey to the login host and back, never keeps what was typed, and the draft is edited and replays', async ({ ext, portal }) => {
  await ext.worker.evaluate(() => chrome.storage.local.set({ authorMode: { v: 1, on: true } }));
  const popup = await startTool(ext, portal, 'Ghi hướng dẫn');
  await expect(banner(portal)).toContainText('Đang ghi');

  await portal.getByRole('link', { name: 'Đăng nhập' }).click();
  await portal.waitForURL('https://sso.dancuquocgia.gov.vn/dang-nhap?return=/tai-khoan');
  // Re-injected on the login host.
  await expect(banner(portal)).toContainText('Đang ghi');
  const field = portal.getByLabel('Tên đăng nhập');
  await field.click();
  await field.pressSequentially(SENTINEL);
  await portal.getByRole('button', { name: 'Đăng nhập' }).click();
  await portal.waitForURL('https://dichvucong.gov.vn/tai-khoan');
  await expect(banner(portal)).toContainText('Đang ghi');
  await portal.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(portal.getByText('Đã nộp.')).toBeVisible();
  await expect.poll(async () => (await drafts(ext))[0]?.steps.length).toBe(4);

  await popup.reload();
  await popup.getByRole('button', { name: 'Dừng ghi' }).click();
  await expect(popup.getByText('Bản nháp đang có 4 bước.')).toBeVisible();
  await expect(banner(portal)).toHaveCount(0);

  const [draft] = await drafts(ext);
  expect(draft.steps.map((s) => [s.page, s.advance, s.target])).toEqual([
    ['https://dichvucong.gov.vn/', 'click', [{ role: 'link', name: 'Đăng nhập' }, { text: 'Đăng nhập' }, { css: '#link-dang-nhap' }]],
    ['https://sso.dancuquocgia.gov.vn/dang-nhap', 'input', [{ role: 'textbox', name: 'Tên đăng nhập' }, { label: 'Tên đăng nhập' }, { css: '#u' }]],
    // The heading says "Đăng nhập" too: the text is scoped to the named form.
    ['https://sso.dancuquocgia.gov.vn/dang-nhap', 'click', [{ role: 'button', name: 'Đăng nhập' }, { text: 'Đăng nhập', within: { role: 'form', name: 'Đăng nhập' } }, { css: 'button' }]],
    ['https://dichvucong.gov.vn/tai-khoan', 'click', [{ role: 'button', name: 'Nộp hồ sơ' }, { text: 'Nộp hồ sơ' }, { css: 'button' }]],
  ]);
  expect(draft.sites.sort()).toEqual(['https://dichvucong.gov.vn/*', 'https://sso.dancuquocgia.gov.vn/*']);
  expect(draft.title.vi.startsWith('[VIẾT LẠI]')).toBe(true);
  expect(draft.steps.every((s) => s.say.vi.startsWith('[VIẾT LẠI]'))).toBe(true);

  // What was typed reached no storage area.
  const stored = await ext.worker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]));
  expect(stored).not.toContain(SENTINEL);
  expect(stored).not.toContain('7f3a9q');

  // Edit: the author rewrites the first step's sentence in the editor; the replay says it.
  const sentence = 'Bấm “Đăng nhập” ở góc trên bên phải.';
  const editor = await TourEditor.open(ext);
  await editor.page.getByRole('button', { name: `Mở ${draft.id}` }).click();
  await editor.step(1).getByRole('group', { name: 'Lời hướng dẫn (say)' }).getByLabel('tiếng Việt').fill(sentence);
  await expect.poll(async () => (await drafts(ext))[0]?.steps[0]?.say.vi).toBe(sentence);
  await editor.page.close();

  // Replay: the draft runs as a tour (author mode), every step marked as a draft.
  await portal.goto(HOME);
  const tabId = await tabIdOf(ext, portal);
  await popup.evaluate(([tab, id]) => chrome.runtime.sendMessage({ kind: 'popup:start', tabId: tab, tourId: id, open: true }), [tabId, draft.id] as const);
  const citizen = new Citizen(portal);
  await citizen.expectStep(1, 4);
  await expect(citizen.popover).toContainText('Bản nháp — chưa kiểm duyệt');
  await citizen.expectSays(sentence);
  await citizen.clickHighlighted();
  await portal.waitForURL(/sso\.dancuquocgia\.gov\.vn/);
  await citizen.expectStep(2, 4);
  await citizen.typeIntoHighlighted('abc');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(3, 4);
  await citizen.clickHighlighted();
  await portal.waitForURL('https://dichvucong.gov.vn/tai-khoan');
  await citizen.expectStep(4, 4);
  await citizen.clickHighlighted();
  await expect(portal.getByText('Đã nộp.')).toBeVisible();
  await expect(citizen.popover.getByRole('heading', { name: 'Hoàn thành' })).toBeVisible();
  await citizen.pressPopoverButton('Xong');
  await citizen.expectNoOverlay();
});
