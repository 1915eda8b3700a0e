import { expect, HOME, test } from '../support/fixtures';
import { startFromPopup, TOTAL_STEPS } from '../support/find-procedure-walk';
import { HARNESS_URL, serveOverlayHarness } from '../support/overlay-harness';

const XSS_PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  "<a href=\"javascript:window.__pwned=1\">bấm</a>",
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '&lt;b onmouseover=window.__pwned=1&gt;',
  '<details open ontoggle="window.__pwned=1">',
];

test('tour text is rendered as text: XSS payloads in every field never execute', async ({ ext }) => {
  await serveOverlayHarness(ext.context);
  const page = await ext.context.newPage();
  await page.goto(HARNESS_URL);
  for (const payload of XSS_PAYLOADS) {
    await page.evaluate((p) => {
      const overlay = (window as unknown as { danbuocOverlay: { show(v: unknown): void } }).danbuocOverlay;
      overlay.show({
        title: p,
        text: p,
        hint: p,
        progress: p,
        element: document.getElementById('target'),
        actions: [
          { label: p, onClick: () => {} },
          { label: p, onClick: () => {} },
        ],
        onClose: () => {},
      });
    }, payload);
    const popover = page.locator('.danbuoc-popover');
    await expect(popover.locator('h2')).toHaveText(payload);
    await expect(popover.locator('.danbuoc-say')).toHaveText(payload);
    await expect(popover.locator('.danbuoc-main')).toHaveText(payload);
    await page.waitForTimeout(50);
    const injected = await popover.evaluate((root) =>
      [...root.querySelectorAll('*')].some(
        (el) => ['IMG', 'SCRIPT', 'SVG', 'IFRAME', 'A', 'DETAILS'].includes(el.tagName.toUpperCase()) || [...el.attributes].some((a) => a.name.startsWith('on')),
      ),
    );
    expect(injected, payload).toBe(false);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('what the citizen types never reaches extension storage', async ({ ext, portal, citizen }) => {
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
