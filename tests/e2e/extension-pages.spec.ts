import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { DeskConsole } from '../support/desk';
import { expect, test } from '../support/fixtures';
import AxeBuilder from '@axe-core/playwright';
import { expectAxeClean, horizontalOverflow, setPrefs, storedPrefs, textSizes } from '../support/pages';
import { openPopupFor } from '../support/popup';

/**
 * Every extension page a citizen or a team member reads — popup, options, desk console (the side
 * panel page, opened as a tab), dashboard — at A and A++ and 360 px wide: axe finds nothing, body
 * text is 18 px (36 px at A++) and follows the browser's own size, and nothing sticks out sideways.
 */
const PHONE = { width: 360, height: 740 };

async function openPages(ext: ExtensionBrowser, portal: Page): Promise<Array<[string, Page]>> {
  const popup = await openPopupFor(ext, portal);
  await expect(popup.getByRole('heading', { name: 'Hướng dẫn cho trang này' })).toBeVisible();
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Bước hướng dẫn không tìm thấy chỗ cần dùng' })).toBeVisible();
  const desk = await DeskConsole.open(ext, portal);
  await desk.createProfile('Nguyễn Thị Hoa', 'Tổ CNS thôn Đông', 'Xã Tân Lập');
  await desk.startSession(true);
  await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();
  await desk.pickTask('Tìm thủ tục và xem giấy tờ');
  await desk.pickTask('Thanh toán tiền điện');
  const dashboard = await ext.context.newPage();
  await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
  await expect(dashboard.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  const pages: Array<[string, Page]> = [
    ['popup', popup],
    ['options', options],
    ['desk console', desk.page],
    ['dashboard', dashboard],
  ];
  for (const [, page] of pages) await page.setViewportSize(PHONE);
  return pages;
}

test('at A and A++ on a 360 px window: axe-clean, 18 px and 36 px text, nothing cut off sideways', async ({ ext, portal }) => {
  test.setTimeout(180_000);
  const pages = await openPages(ext, portal);
  for (const [size, px] of [
    [100, 18],
    [200, 36],
  ] as const) {
    await setPrefs(ext, { textSize: size });
    for (const [name, page] of pages) {
      // Every open page follows the stored choice at once (storage.onChanged), no reload.
      await expect(page.locator('html')).toHaveAttribute('data-text-size', String(size));
      const sizes = await textSizes(page);
      expect(sizes.body, `${name}: body text at ${size}%`).toBe(px);
      expect(sizes.smallest, `${name}: smallest running text at ${size}% (“${sizes.smallestText}”)`).toBeGreaterThanOrEqual(px);
      expect(await horizontalOverflow(page), `${name} at ${size}%, 360 px`).toEqual([]);
      await expectAxeClean(page, `${name} at ${size}%`);
      // The Vietnamese UI shows no English: no bilingual messages, no native "Choose File" button.
      expect(await page.locator('body').innerText(), `${name}: English on screen`).not.toMatch(/\b(the|and|please|something|went|wrong|choose|record|delete|session|reports?)\b/i);
      for (const input of await page.locator('input[type=file]').all()) expect((await input.boundingBox())?.width ?? 0, `${name}: native file button`).toBeLessThanOrEqual(1);
    }
  }
});

test('high contrast on every page: 7:1 or better (axe color-contrast-enhanced) and a thick focus ring', async ({ ext, portal }) => {
  test.setTimeout(120_000);
  const pages = await openPages(ext, portal);
  await setPrefs(ext, { contrast: 'high', textSize: 150 });
  for (const [name, page] of pages) {
    await expect(page.locator('html')).toHaveClass(/contrast-high/);
    const results = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced', 'color-contrast']).analyze();
    expect(results.violations, `${name}: contrast in high-contrast mode`).toEqual([]);
    const focused = page.locator('main :is(button, input, a[href])').first();
    await focused.focus({ timeout: 5000 });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    expect(ring, `${name}: focus ring`).toEqual({ width: 4, style: 'solid' });
  }
});

test('the popup remembers A++, high contrast, reading aloud and English; the options page shows the same choices', async ({ ext, portal }) => {
  const popup = await openPopupFor(ext, portal);
  const settings = popup.getByRole('region', { name: 'Cách hiển thị và đọc' });
  // The tour list comes first, "find a procedure" at its top; the settings sit below it.
  await expect(popup.getByRole('listitem').first()).toContainText('Tìm thủ tục');
  await settings.getByRole('radio', { name: 'A++ Chữ rất lớn' }).check();
  await settings.getByRole('switch', { name: 'Tương phản cao' }).check();
  await settings.getByRole('switch', { name: 'Đọc to mỗi bước' }).check();
  await settings.getByRole('radio', { name: 'Chậm' }).check();
  await expect(popup.locator('html')).toHaveClass(/contrast-high/);
  await expect.poll(() => storedPrefs(ext)).toEqual({ v: 1, textSize: 200, contrast: 'high', lang: 'vi', alwaysRead: true, rate: 'slow' });
  expect((await textSizes(popup)).body).toBe(36);
  await expectAxeClean(popup, 'popup, A++ and high contrast');

  await settings.getByRole('radio', { name: 'English' }).check();
  await expect(popup.getByRole('heading', { name: 'Guides for this page' })).toBeVisible();
  await expect(popup.getByRole('region', { name: 'Display and reading' })).toBeVisible();

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const same = options.getByRole('region', { name: 'Display and reading' });
  await expect(same.getByRole('radio', { name: /^A\+\+/ })).toBeChecked();
  await expect(same.getByRole('switch', { name: 'High contrast' })).toBeChecked();
  await same.getByRole('radio', { name: 'Tiếng Việt' }).check();
  // Back in Vietnamese: no English anywhere on the popup, which followed the change live.
  await expect(popup.getByRole('heading', { name: 'Hướng dẫn cho trang này' })).toBeVisible();
  await expect(popup.locator('body')).not.toContainText(/Guide|Display|Start|Something/);
});

test('damaged prefs are reported on screen, not dropped, and "Đặt lại mặc định" fixes them', async ({ ext, portal }) => {
  await ext.worker.evaluate(() => chrome.storage.local.set({ prefs: { v: 7, textSize: 'huge' } }));
  const popup = await openPopupFor(ext, portal);
  const alert = popup.getByRole('alert').filter({ hasText: 'Cài đặt hiển thị đã lưu' });
  await expect(alert).toBeVisible();
  expect(await storedPrefs(ext), 'still there to inspect').toEqual({ v: 7, textSize: 'huge' });
  expect((await textSizes(popup)).body, 'shown with the defaults meanwhile').toBe(18);
  await alert.getByRole('button', { name: 'Đặt lại mặc định' }).click();
  await expect(alert).toBeHidden();
  await expect.poll(() => storedPrefs(ext)).toEqual({ v: 1, textSize: 100, contrast: 'normal', lang: 'vi', alwaysRead: false, rate: 'normal' });
});

test("text follows the browser's own font-size setting (20 px default: 22.5 px text)", async () => {
  const profile = await mkdtemp(join(tmpdir(), 'danbuoc-fontsize-'));
  await mkdir(join(profile, 'Default'), { recursive: true });
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 20 } } }));
  const ext = await launchWithExtension({ userDataDir: profile });
  try {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect(options.getByRole('heading', { name: 'Cách hiển thị và đọc' })).toBeVisible();
    expect((await textSizes(options)).body).toBe(22.5);
    await setPrefs(ext, { textSize: 200 });
    await expect(options.locator('html')).toHaveAttribute('data-text-size', '200');
    expect((await textSizes(options)).body).toBe(45);
  } finally {
    await ext.close();
    await rm(profile, { recursive: true, force: true });
  }
});
