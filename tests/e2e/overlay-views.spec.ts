import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { HARNESS_URL, serveOverlayHarness } from '../support/overlay-harness';
import { VIEWPORTS } from '../support/overlay-checks';

/**
 * Every kind of popover the overlay draws, at text size 100% and 200%, in the normal and the
 * high-contrast theme: axe finds nothing, and the popover fits the window (scrolling inside).
 */
const VIEW_NAMES = ['step', 'input', 'waiting', 'missing', 'error'] as const;
type ViewName = (typeof VIEW_NAMES)[number];

async function show(page: Page, name: ViewName, prefs: { textSize: number; contrast: string; alwaysRead?: boolean }) {
  await page.evaluate(
    ({ name, prefs }) => {
      const byId = (id: string) => document.getElementById(id);
      const none = () => {};
      const views = {
        step: { title: 'Giấy tờ cần chuẩn bị', text: 'Cột “Tên giấy tờ” là giấy tờ cần có.', progress: 'Bước 4/5', element: byId('docs'), actions: [{ label: 'Tiếp', onClick: none }, { label: 'Quay lại', onClick: none }] },
        input: { title: 'Số điện thoại', text: 'Gõ số điện thoại vào ô này.', hint: 'Gõ vào ô đang sáng, có viền.', progress: 'Bước 2/5', element: byId('field'), focus: 'element', actions: [] },
        waiting: { title: 'Chờ điện thoại', text: 'Quét mã bằng ứng dụng VNeID.', hint: 'Cứ từ từ, Dẫn Bước sẽ chờ.', progress: 'Bước 3/8', passive: true, actions: [] },
        missing: {
          title: 'Chưa thấy chỗ cần dùng',
          alert: 'Trang báo: “Không tìm thấy thủ tục”.',
          text: 'Không thấy “Thành phần hồ sơ” trên trang này.',
          hint: 'Thử cuộn trang lên xuống.',
          progress: 'Bước 4/5',
          passive: true,
          keepClear: [byId('message')],
          actions: [{ label: 'Quay lại bước trước', onClick: none }, { label: 'Nhờ cán bộ giúp', onClick: none }],
        },
        error: {
          title: 'Số điện thoại',
          alert: 'Trang báo: “Số điện thoại chưa đúng”. Xem lại phần vừa nhập rồi thử lại.',
          text: 'Gõ số điện thoại vào ô này.',
          progress: 'Bước 2/5',
          passive: true,
          element: byId('field'),
          focus: 'element',
          actions: [{ label: 'Tiếp', onClick: none }],
        },
      };
      const overlay = (window as unknown as { danbuocOverlay: { show(v: unknown): void; setPrefs(p: unknown): void; hide(): void } }).danbuocOverlay;
      overlay.hide();
      overlay.setPrefs({ v: 1, lang: 'vi', alwaysRead: false, rate: 'slow', ...prefs });
      overlay.show({ ...views[name], onClose: none });
    },
    { name, prefs },
  );
}

async function expectAccessibleAndInside(page: Page, label: string) {
  const popover = page.locator('.danbuoc-popover');
  await expect(popover).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.danbuoc-popover').analyze();
  expect(results.violations, `axe: ${label}`).toEqual([]);
  const box = (await popover.boundingBox())!;
  const size = page.viewportSize()!;
  expect(box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height + 0.5 && box.x + box.width <= size.width + 0.5, `${label}: inside the window`).toBe(true);
}

for (const size of [VIEWPORTS.laptop, VIEWPORTS.zoom200]) {
  test(`every popover view passes axe and fits at ${size.width}×${size.height}, text 100% and 200%, both themes`, async ({ ext }) => {
    test.setTimeout(120_000);
    await serveOverlayHarness(ext.context);
    const page = await ext.context.newPage();
    await page.setViewportSize(size);
    await page.goto(HARNESS_URL);
    for (const textSize of [100, 200]) {
      for (const contrast of ['normal', 'high']) {
        for (const name of VIEW_NAMES) {
          await show(page, name, { textSize, contrast });
          await expectAccessibleAndInside(page, `${name} ${textSize}% ${contrast}`);
        }
        // The stop question, asked by "×".
        await show(page, 'step', { textSize, contrast });
        await page.getByRole('button', { name: 'Dừng hướng dẫn' }).click();
        await expect(page.getByRole('heading', { name: 'Dừng hướng dẫn?' })).toBeVisible();
        await expectAccessibleAndInside(page, `stop question ${textSize}% ${contrast}`);
      }
    }
  });
}

test('a docked sheet folds to a one-line bar with "Thu nhỏ" and opens again', async ({ ext }) => {
  await serveOverlayHarness(ext.context);
  const page = await ext.context.newPage();
  await page.setViewportSize(VIEWPORTS.zoom200);
  await page.goto(HARNESS_URL);
  await show(page, 'step', { textSize: 200, contrast: 'normal' });
  const popover = page.locator('.danbuoc-popover');
  await expect(popover).toHaveClass(/danbuoc-docked/);
  const open = (await popover.boundingBox())!;
  expect(open.height).toBeLessThanOrEqual(VIEWPORTS.zoom200.height * 0.4 + 1);
  await page.getByRole('button', { name: 'Thu nhỏ' }).click();
  await expect(page.getByRole('button', { name: 'Mở rộng' })).toHaveAttribute('aria-expanded', 'false');
  await expect(popover.locator('.danbuoc-say')).toBeHidden();
  await expectAccessibleAndInside(page, 'folded bar');
  await page.getByRole('button', { name: 'Mở rộng' }).click();
  await expect(popover.locator('.danbuoc-say')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thu nhỏ' })).toBeFocused();
});

test('"🔊 Đọc" reads what is shown; without a Vietnamese voice the popover says how to add one', async ({ ext }) => {
  await serveOverlayHarness(ext.context);
  const page = await ext.context.newPage();
  await page.goto(HARNESS_URL);
  await show(page, 'missing', { textSize: 100, contrast: 'normal' });
  await page.getByRole('button', { name: 'Đọc to' }).click();
  await expect(page.locator('.danbuoc-popover')).toContainText('Máy này chưa có giọng đọc tiếng Việt');
  await expect(page.locator('.danbuoc-popover')).toContainText('Microsoft An');
  const spoken = await page.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; rate: string }> }).__spoken);
  expect(spoken).toEqual([
    {
      text: 'Chưa thấy chỗ cần dùng. Trang báo: “Không tìm thấy thủ tục”. Không thấy “Thành phần hồ sơ” trên trang này. Thử cuộn trang lên xuống.',
      rate: 'slow',
    },
  ]);
  // "Always read" (on a fresh page: after a "no voice" answer it stops trying by itself): each step
  // is read when shown; the reading stops when the tour closes.
  await page.reload();
  await show(page, 'step', { textSize: 100, contrast: 'normal', alwaysRead: true });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken.length)).toBe(1);
  const before = await page.evaluate(() => (window as unknown as { __stopped: number }).__stopped);
  await page.evaluate(() => (window as unknown as { danbuocOverlay: { hide(): void } }).danbuocOverlay.hide());
  expect(await page.evaluate(() => (window as unknown as { __stopped: number }).__stopped)).toBeGreaterThan(before);
});

test('the dimmed page takes presses, the cut-out lets them through to the target, and a passive view leaves the page usable', async ({ ext }) => {
  await serveOverlayHarness(ext.context);
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(HARNESS_URL);
  await page.evaluate(() => {
    const w = window as unknown as { __clicks: string[] };
    w.__clicks = [];
    // A button far from the target and its popover (bottom left), as a page's footer link would be.
    const far = document.createElement('button');
    far.id = 'far';
    far.textContent = 'Liên hệ';
    Object.assign(far.style, { position: 'fixed', left: '20px', bottom: '20px' });
    document.body.append(far);
    for (const id of ['target', 'field', 'docs', 'far']) document.getElementById(id)!.addEventListener('click', () => w.__clicks.push(id));
  });
  const clicks = () => page.evaluate(() => (window as unknown as { __clicks: string[] }).__clicks.splice(0));
  const showOn = (passive: boolean) =>
    page.evaluate((passive) => {
      const overlay = (window as unknown as { danbuocOverlay: { show(v: unknown): void } }).danbuocOverlay;
      overlay.show({ title: 'Bấm nút', text: 'Bấm “Mục tiêu”.', progress: 'Bước 1/2', element: document.getElementById('target'), passive, actions: [], onClose: () => {} });
    }, passive);
  // A real press at the centre of each element, as the citizen's finger or mouse lands.
  const pressAt = async (selector: string) => {
    const box = (await page.locator(selector).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  };

  await showOn(false);
  await expect(page.locator('.driver-overlay')).toBeVisible();
  await pressAt('#field');
  await pressAt('#docs');
  await pressAt('#far');
  expect(await clicks()).toEqual([]);
  await pressAt('#target');
  expect(await clicks()).toEqual(['target']);

  await showOn(true);
  await expect(page.locator('.driver-overlay')).toBeHidden();
  await pressAt('#far');
  await pressAt('#target');
  expect(await clicks()).toEqual(['far', 'target']);
});
