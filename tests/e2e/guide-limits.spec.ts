import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { canonicalBytes } from '../../engine/pack';
import { chromiumExecutable } from '../support/browser';
import { Citizen } from '../support/citizen';
import { PORTAL, serveWidgetSite, widgetBuild } from '../support/widget-site';

/**
 * Four things the tour authors of issue 11 had to work around, now handled by the shared player (run
 * here through the widget, which has no extension to install): a `doneWhen` on a ticked box (no DOM
 * change), an `onlyIf` branch whose target never comes, an `onlyIf` on the address, and a `navigate`
 * step reached by a full page load whose own page also matches its destination.
 */
const PAGE = `${PORTAL}/trang-thu/`;
const DONE_PAGE = `${PORTAL}/trang-thu/xong`;

const TOUR = {
  schemaVersion: 1,
  id: 'thu-gioi-han',
  title: { vi: 'Trang thử các nhánh' },
  start: PAGE,
  sites: [`${PORTAL}/trang-thu/*`],
  steps: [
    {
      id: 'dong-y',
      page: '/trang-thu/*',
      target: { role: 'checkbox', name: 'Tôi đồng ý với điều khoản' },
      say: { vi: 'Đánh dấu vào ô “Tôi đồng ý với điều khoản”.' },
      advance: 'click',
      doneWhen: { present: { css: '#dong-y:checked' } },
    },
    {
      id: 'nhanh-a',
      target: { role: 'button', name: 'Chọn nhánh A' },
      say: { vi: 'Bấm “Chọn nhánh A”.' },
      onlyIf: { present: { css: '#co-nhanh-a' } },
      timeoutMs: 1000,
      advance: 'click',
    },
    {
      id: 'nhanh-b',
      target: { role: 'button', name: 'Chọn nhánh B' },
      say: { vi: 'Bấm “Chọn nhánh B”.' },
      onlyIf: { url: `${PORTAL}/trang-khac/*` },
      advance: 'click',
    },
    {
      id: 'sang-ket-qua',
      target: { role: 'link', name: 'Sang trang kết quả' },
      say: { vi: 'Bấm “Sang trang kết quả”.' },
      advance: 'navigate',
      to: `${PORTAL}/trang-thu/xong*`,
    },
    {
      id: 'xong',
      page: '/trang-thu/xong',
      target: { role: 'heading', name: 'Đã nhận đăng ký' },
      say: { vi: 'Đã xong. Ông/bà bấm “Xong”.' },
      advance: 'next',
    },
  ],
};

/** A tour whose last step leaves the page: the citizen hears it is done on the page it opens. */
const LAST_STEP_LEAVES = {
  schemaVersion: 1,
  id: 'thu-buoc-cuoi-chuyen-trang',
  title: { vi: 'Trang thử bước cuối chuyển trang' },
  start: PAGE,
  sites: [`${PORTAL}/trang-thu/*`],
  steps: [
    {
      id: 'sang-ket-qua',
      page: '/trang-thu/',
      target: { role: 'link', name: 'Sang trang kết quả' },
      say: { vi: 'Bấm “Sang trang kết quả”.' },
      advance: 'navigate',
      to: `${PORTAL}/trang-thu/xong*`,
    },
  ],
};

function hostPage(title: string, body: string, script: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>${script}</head><body><main>${body}</main></body></html>`;
}

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
});
test.afterAll(async () => browser.close());

async function openTestSite(): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
  const pack = { packId: 'dan-buoc-thu', version: 1, publishedAt: '2026-12-01', tours: [TOUR, LAST_STEP_LEAVES] };
  await serveWidgetSite(context, { pack: { bytes: canonicalBytes(pack), signature: '' } });
  const widget = await widgetBuild();
  const script = `<script src="${widget.url}" integrity="${widget.integrity}" crossorigin="anonymous" data-pack="/dan-buoc/pack.json" defer></script>`;
  const pages: Record<string, string> = {
    '/trang-thu/': hostPage(
      'Trang thử',
      `<h1>Trang thử</h1><section><h2>Tin tức</h2><p>Không có tin mới.</p></section>
       <p><input type="checkbox" id="dong-y"> <label for="dong-y">Tôi đồng ý với điều khoản</label></p>
       <p><a href="/trang-thu/xong">Sang trang kết quả</a></p>`,
      script,
    ),
    '/trang-thu/xong': hostPage('Kết quả', '<h1>Đã nhận đăng ký</h1><p>Cảm ơn ông/bà.</p>', script),
  };
  // Registered after the site's own routes, so it answers first for these two pages.
  await context.route(`${PORTAL}/trang-thu/**`, (route) => {
    const html = pages[new URL(route.request().url()).pathname];
    return html ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.fallback();
  });
  // Every text the popover ever showed, kept across page loads of the tab.
  await context.addInitScript(() => {
    new MutationObserver(() => {
      const text = document.querySelector('.danbuoc-popover')?.textContent;
      const log = JSON.parse(sessionStorage.getItem('test:said') ?? '[]') as string[];
      if (text && log.at(-1) !== text) sessionStorage.setItem('test:said', JSON.stringify([...log, text]));
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return context.newPage();
}

test('a ticked box ends its step, a branch not taken and an address ruled out are skipped, a full load reaches a navigate step', async () => {
  const page = await openTestSite();
  const citizen = new Citizen(page);
  await page.goto(PAGE);
  await page.getByRole('button', { name: 'Hướng dẫn', exact: true }).click();
  await page.getByRole('button', { name: 'Trang thử các nhánh' }).click();

  await citizen.expectStep(1, 5);
  // Ticking the box changes no DOM; the citizen's change event is what ends the step.
  await page.getByRole('checkbox', { name: 'Tôi đồng ý với điều khoản' }).check();

  // "nhanh-a" waits its second for a target that never comes, then gives way; "nhanh-b" is ruled out
  // by the address at once. Neither shows the calm "not found" message.
  await citizen.expectStep(4, 5);
  await expect(citizen.popover).not.toContainText('Chưa thấy chỗ cần dùng');
  await expect(citizen.highlighted).toHaveText('Sang trang kết quả');

  // A full page load to the destination; the destination's page also matches the step's own page.
  await citizen.highlighted.click();
  await page.waitForURL(DONE_PAGE);
  await citizen.expectStep(5, 5);
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover.getByRole('heading', { name: 'Hoàn thành' })).toBeVisible();

  const said = (await page.evaluate(() => JSON.parse(sessionStorage.getItem('test:said') ?? '[]') as string[])).join('\n');
  expect(said).toContain('Tôi đồng ý với điều khoản');
  expect(said).not.toContain('Chọn nhánh B');
  expect(said).not.toContain('Chưa thấy chỗ cần dùng');
});

test('a last step that leaves the page ends with "Hoàn thành" on the page it opens', async () => {
  const page = await openTestSite();
  const citizen = new Citizen(page);
  await page.goto(PAGE);
  await page.getByRole('button', { name: 'Hướng dẫn', exact: true }).click();
  await page.getByRole('button', { name: 'Trang thử bước cuối chuyển trang' }).click();
  await citizen.expectStep(1, 1);
  await citizen.highlighted.click();
  await page.waitForURL(DONE_PAGE);
  await expect(citizen.popover.getByRole('heading', { name: 'Hoàn thành' })).toBeVisible();
  await citizen.pressPopoverButton('Xong');
  await citizen.expectNoOverlay();
});
