import AxeBuilder from '@axe-core/playwright';
import { chromium, devices, expect, test, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { chromiumExecutable, launchWithExtension } from '../support/browser';
import { Citizen } from '../support/citizen';
import { startFromPopup, TOUR_TITLE, walkFindProcedure } from '../support/find-procedure-walk';
import { PORTAL, SAMPLE_PAGE, serveWidgetSite, signedTestPack, STRICT_CSP, type WidgetSiteOptions } from '../support/widget-site';

/**
 * The embeddable widget in Chromium without the extension: the built IIFE served by the host site
 * and added with one script tag (with its SRI hash), a pack signed in the test with a fresh key.
 */
const SAMPLE_TOUR = 'Điền tờ khai đăng ký nhận thông báo (trang mẫu)';
const LOGIN_TOUR = 'Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID';
const RUN_KEY = 'danbuoc-widget:run';

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
});
test.afterAll(async () => browser.close());

interface Site {
  page: Page;
  citizen: Citizen;
  /** console errors and uncaught page errors, in order */
  errors: string[];
}

async function openSite(site: Partial<WidgetSiteOptions> = {}, context: BrowserContextOptions = {}): Promise<Site> {
  const pack = await signedTestPack();
  const ctx = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 }, ...context });
  await serveWidgetSite(ctx, { pack: { bytes: pack.bytes, signature: pack.signature, publicKey: pack.keys.publicSpki }, ...site });
  // What a host would count: the widget's events, kept across page loads of this tab.
  await ctx.addInitScript(() => {
    for (const name of ['tour:start', 'step:show', 'tour:complete', 'step:missing']) {
      document.addEventListener(`danbuoc:${name}`, (event) => {
        const log = JSON.parse(sessionStorage.getItem('test:events') ?? '[]') as unknown[];
        log.push([name, (event as CustomEvent<{ stepId?: string }>).detail.stepId ?? null]);
        sessionStorage.setItem('test:events', JSON.stringify(log));
      });
    }
    document.addEventListener('securitypolicyviolation', (event) => {
      const log = JSON.parse(sessionStorage.getItem('test:csp') ?? '[]') as unknown[];
      log.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      sessionStorage.setItem('test:csp', JSON.stringify(log));
    });
  });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  afterEach.push(() => ctx.close());
  return { page, citizen: new Citizen(page), errors };
}

const afterEach: Array<() => Promise<void>> = [];
test.afterEach(async () => {
  for (const close of afterEach.splice(0)) await close();
});

const launcher = (page: Page) => page.getByRole('button', { name: 'Hướng dẫn', exact: true });
const events = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('test:events') ?? '[]') as [string, string | null][]);
const violations = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('test:csp') ?? '[]') as string[]);

async function startTour(page: Page, title: string, tap = false) {
  const open = launcher(page);
  await expect(open).toBeVisible();
  await (tap ? open.tap() : open.click());
  const choice = page.getByRole('button', { name: title });
  await (tap ? choice.tap() : choice.click());
}

test('on the portal: a multi-page tour to the end through a reload, counted by the host with ids only', async () => {
  const { page, citizen, errors } = await openSite();
  await page.goto(`${PORTAL}/`);
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
  expect(await new AxeBuilder({ page }).include('dan-buoc-widget').analyze().then((r) => r.violations)).toEqual([]);
  // The panel, by keyboard: it opens with Enter, passes axe, and Escape gives focus back to the button.
  await launcher(page).focus();
  await page.keyboard.press('Enter');
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('radio', { name: 'Chữ rất lớn' })).toBeVisible();
  expect(await new AxeBuilder({ page }).include('dan-buoc-widget').analyze().then((r) => r.violations)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(launcher(page)).toBeFocused();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
  await startTour(page, TOUR_TITLE);
  await expect(launcher(page)).toBeHidden();
  await walkFindProcedure(citizen, 'khai sinh', {
    afterStep: async (name) => {
      // A full reload in the middle: the run comes back from sessionStorage at the same step.
      if (name === 'chon-thu-tuc') await page.reload();
    },
  });
  await expect(launcher(page)).toBeVisible();
  expect(await page.evaluate((key) => sessionStorage.getItem(key), RUN_KEY)).toBeNull();
  const counted = await events(page);
  expect(counted[0]).toEqual(['tour:start', null]);
  expect(counted.at(-1)).toEqual(['tour:complete', null]);
  const shown = counted.filter(([name]) => name === 'step:show').map(([, id]) => id);
  expect(shown).toEqual(expect.arrayContaining(['nhap-tu-khoa', 'chon-thu-tuc', 'muc-thanh-phan-ho-so', 'bang-giay-to']));
  expect(shown.filter((id) => id === 'muc-thanh-phan-ho-so')).toHaveLength(1);
  expect(JSON.stringify(counted)).not.toContain('khai sinh');
  expect(errors).toEqual([]);
});

test('a tour that leaves for the VNeID login says where the citizen is going and picks up when they come back', async () => {
  const { page, citizen, errors } = await openSite({ cancelFirstSsoLoad: true });
  await page.goto(`${PORTAL}/`);
  await startTour(page, LOGIN_TOUR);
  await citizen.expectStep(1, 11);
  await citizen.clickHighlighted();
  // The VNeID page did not open this time: still on the portal, the widget says where the next step is.
  await expect(page.locator('dan-buoc-widget').getByRole('status')).toContainText('Bước 2 ở trang sso.dancuquocgia.gov.vn');
  await citizen.expectNoOverlay();
  await page.getByRole('link', { name: 'Đăng nhập', exact: true }).first().click();
  await expect(page).toHaveURL(/^https:\/\/sso\.dancuquocgia\.gov\.vn\//);
  await expect(page.locator('dan-buoc-widget')).toHaveCount(0);
  // The login site sends the citizen back to the portal, signed in.
  await page.goto(`${PORTAL}/?sso=ok`);
  await citizen.expectStep(11, 11);
  await expect(citizen.highlighted).toHaveText('Đăng xuất');
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');
  await citizen.pressPopoverButton('Xong');
  expect(await page.evaluate((key) => sessionStorage.getItem(key), RUN_KEY)).toBeNull();
  expect(errors).toEqual([]);
});

/**
 * A finger on the button where it is on screen. The popover's bar of buttons is pinned to its bottom
 * edge while it scrolls inside; Playwright's own tap first scrolls a button to its place in the flow.
 */
async function tapOnScreen(page: Page, button: Locator) {
  await expect(button).toBeVisible();
  // The popover follows the page when it scrolls: tap where the button has settled, not where it was a frame ago.
  let box = (await button.boundingBox())!;
  await expect
    .poll(async () => {
      const now = (await button.boundingBox())!;
      const settled = now.x === box.x && now.y === box.y;
      box = now;
      return settled;
    })
    .toBe(true);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** The focused field is the element on top at its centre, and the popover lies inside the visible part. */
async function fieldClearAndPopoverVisible(page: Page): Promise<string> {
  return page.evaluate(() => {
    const field = document.activeElement as HTMLElement | null;
    const popover = document.querySelector('.danbuoc-popover');
    const vv = window.visualViewport!;
    if (!field || !field.matches('input') || !popover) return 'no focused field or no popover';
    const f = field.getBoundingClientRect();
    const hit = document.elementFromPoint(f.left + f.width / 2, f.top + f.height / 2);
    if (!hit) return 'field outside the visible part';
    if (hit !== field) return `field covered by ${hit.className || hit.tagName}`;
    const p = popover.getBoundingClientRect();
    const inside = p.top >= vv.offsetTop - 1 && p.bottom <= vv.offsetTop + vv.height + 1 && p.left >= vv.offsetLeft - 1 && p.right <= vv.offsetLeft + vv.width + 1;
    return inside ? 'ok' : `popover outside the visible part (${Math.round(p.top)}–${Math.round(p.bottom)} of ${Math.round(vv.height)})`;
  });
}

const KEYBOARD_PHONES = [
  ['portrait', devices['Pixel 7']],
  ['landscape', devices['Pixel 7 landscape']],
  ['iPhone SE landscape 667×375', devices['iPhone SE (3rd gen) landscape']],
] as const;
for (const [name, device] of KEYBOARD_PHONES) {
  test(`on a phone (${name}, touch): the on-screen keyboard never hides the popover or the field`, async () => {
    const { page, citizen, errors } = await openSite({}, { ...device, locale: 'vi-VN' });
    await page.goto(SAMPLE_PAGE);
    await launcher(page).tap();
    // The widget's own tap targets: the launcher and every control in its panel.
    for (const control of [launcher(page), ...(await page.locator('dan-buoc-widget').getByRole('button').all())]) {
      const box = await control.boundingBox();
      expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44);
    }
    await page.getByRole('button', { name: SAMPLE_TOUR }).tap();
    await citizen.expectStep(1, 4);
    const size = device.viewport;
    const keyboardOpen = async () => {
      // The keyboard takes the lower part of the screen: the visible part shrinks, the field stays in view.
      await page.setViewportSize({ width: size.width, height: Math.round(size.height * (size.height > size.width ? 0.55 : 0.5)) });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.scrollIntoView({ block: 'nearest' }));
      await expect.poll(() => fieldClearAndPopoverVisible(page)).toBe('ok');
    };
    await expect(citizen.highlighted).toBeFocused();
    await keyboardOpen();
    await page.keyboard.type('Nguyễn Văn An');
    await tapOnScreen(page, citizen.button('Tiếp'));
    await citizen.expectStep(2, 4);
    await expect(citizen.highlighted).toBeFocused();
    await expect.poll(() => fieldClearAndPopoverVisible(page)).toBe('ok');
    await page.keyboard.type('0912345678');
    // The keyboard's Enter ("Đi"/"Tiếp" on a phone keyboard) finishes a filled field, then it closes.
    await page.keyboard.press('Enter');
    await page.setViewportSize(size);
    await citizen.expectStep(3, 4);
    await citizen.highlighted.tap();
    await citizen.expectStep(4, 4);
    expect(errors).toEqual([]);
  });
}

/**
 * The on-screen keyboard as Chrome on Android (since 108) and Safari on iOS show it: the layout
 * viewport keeps its size (innerHeight, where position: fixed measures from), only the visual
 * viewport gets shorter, and it says so with a resize event on window.visualViewport. Chromium's
 * DevTools protocol cannot do that here (Emulation.setVisibleSize, setDeviceMetricsOverride with
 * dontSetVisibleSize and Browser.setWindowBounds all shrink the layout viewport with it; page zoom
 * shrinks both sides), so the page's VisualViewport reports the keyboard's top as its bottom edge,
 * and, as the browser does, the focused field is scrolled up to just above the keyboard.
 */
async function openKeyboard(page: Page, share: number) {
  return page.evaluate((share) => {
    const layoutBefore = innerHeight;
    const realHeight = Object.getOwnPropertyDescriptor(VisualViewport.prototype, 'height')!.get!;
    const keyboard = Math.round(innerHeight * share);
    Object.defineProperty(VisualViewport.prototype, 'height', { configurable: true, get() { return realHeight.call(this) - keyboard; } });
    const vv = window.visualViewport!;
    vv.dispatchEvent(new Event('resize'));
    const field = document.activeElement!.getBoundingClientRect();
    const fieldUnderKeyboard = field.bottom > vv.offsetTop + vv.height;
    if (fieldUnderKeyboard) window.scrollBy({ top: field.bottom - (vv.offsetTop + vv.height) + 8, behavior: 'instant' });
    return { layout: `${layoutBefore} → ${innerHeight}`, visual: `${layoutBefore} → ${Math.round(vv.height)}`, fieldUnderKeyboard };
  }, share);
}

/** The focused field and the popover both lie inside the visual viewport, and they do not overlap. */
async function keyboardLayout(page: Page): Promise<string> {
  return page.evaluate(() => {
    const field = document.activeElement;
    const popover = document.querySelector('.danbuoc-popover');
    if (!field?.matches('input') || !popover) return 'no focused field or no popover';
    const vv = window.visualViewport!;
    const inside = (r: DOMRect) => r.top >= vv.offsetTop - 1 && r.bottom <= vv.offsetTop + vv.height + 1 && r.left >= vv.offsetLeft - 1 && r.right <= vv.offsetLeft + vv.width + 1;
    const f = field.getBoundingClientRect();
    const p = popover.getBoundingClientRect();
    const span = (r: DOMRect) => `${Math.round(r.top)}–${Math.round(r.bottom)}`;
    if (!inside(f)) return `field ${span(f)} outside the visible part (0–${Math.round(vv.height)})`;
    if (!inside(p)) return `popover ${span(p)} outside the visible part (0–${Math.round(vv.height)})`;
    const overlap = p.left < f.right && f.left < p.right && p.top < f.bottom && f.top < p.bottom;
    return overlap ? `popover ${span(p)} covers the field ${span(f)}` : 'ok';
  });
}

test('on a phone (Pixel 7, touch): a keyboard that shrinks only the visual viewport leaves the popover in sight and off the field low on the page', async () => {
  const { page, citizen, errors } = await openSite({}, { ...devices['Pixel 7'], locale: 'vi-VN' });
  await page.goto(SAMPLE_PAGE);
  // The form low on the page: room above it, so its fields sit in the lower half of the screen, and
  // page below it, so the page can scroll a field up above the keyboard.
  await page.evaluate(() => {
    const form = document.querySelector('form')!;
    for (const [share, place] of [[0.6, 'before'], [1, 'after']] as const) {
      const room = document.createElement('div');
      room.style.height = `${Math.round(innerHeight * share)}px`;
      form[place](room);
    }
  });
  await startTour(page, SAMPLE_TOUR, true);
  await citizen.expectStep(1, 4);
  await expect(citizen.highlighted).toBeFocused();
  await expect.poll(() => keyboardLayout(page)).toBe('ok');
  // Half the screen, as a phone keyboard with its suggestion bar takes; it opens over the field.
  expect(await openKeyboard(page, 0.5)).toEqual({ layout: '839 → 839', visual: '839 → 419', fieldUnderKeyboard: true });
  await expect.poll(() => keyboardLayout(page)).toBe('ok');
  await page.keyboard.type('Nguyễn Văn An');
  await tapOnScreen(page, citizen.button('Tiếp'));
  await citizen.expectStep(2, 4);
  await expect(citizen.highlighted).toBeFocused();
  await expect.poll(() => keyboardLayout(page)).toBe('ok');
  expect(errors).toEqual([]);
});

/** The highlighted target lies below the host's pinned header, inside the screen, with nothing on top of it. */
async function targetBelowHeader(page: Page): Promise<string> {
  return page.evaluate(() => {
    const target = document.querySelector('.driver-active-element:not(#driver-dummy-element)');
    const header = document.querySelector('header.site');
    if (!target || !header) return 'no highlighted target or no header';
    const t = target.getBoundingClientRect();
    const h = header.getBoundingClientRect();
    if (t.top < h.bottom) return `target top ${Math.round(t.top)} under the header (its bottom ${Math.round(h.bottom)})`;
    if (t.bottom > innerHeight) return `target below the screen (${Math.round(t.bottom)} of ${innerHeight})`;
    const hit = document.elementFromPoint(t.left + t.width / 2, t.top + t.height / 2);
    return hit && (hit === target || target.contains(hit)) ? 'ok' : `target covered by ${hit?.className || hit?.tagName}`;
  });
}

/** Scrolls the page so that the field sits just under the pinned header: "in view" by its box, hidden by the header. */
async function tuckUnderHeader(page: Page, fieldId: string): Promise<void> {
  const under = await page.evaluate((id) => {
    // The sample page is short: room below so the field can be scrolled up to the header.
    const room = document.createElement('div');
    room.className = 'test-room';
    room.style.height = '900px';
    if (!document.querySelector('.test-room')) document.body.append(room);
    const header = document.querySelector('header.site')!.getBoundingClientRect();
    const field = document.getElementById(id)!;
    window.scrollBy({ top: field.getBoundingClientRect().top - header.bottom + 20, behavior: 'instant' });
    const f = field.getBoundingClientRect();
    return f.top >= 0 && f.top < header.bottom;
  }, fieldId);
  expect(under, 'the field starts under the pinned header').toBe(true);
}

test('iPhone SE landscape (667×375, touch): a field under the host\'s pinned header is scrolled into view below it; stopping names the widget\'s own button', async () => {
  const { page, citizen, errors } = await openSite({}, { ...devices['iPhone SE (3rd gen) landscape'], locale: 'vi-VN' });
  await page.goto(SAMPLE_PAGE);
  await expect(launcher(page)).toBeVisible();
  await tuckUnderHeader(page, 'ho-ten');
  await startTour(page, SAMPLE_TOUR, true);
  await citizen.expectStep(1, 4);
  await expect.poll(() => targetBelowHeader(page)).toBe('ok');
  await page.keyboard.type('Nguyễn Văn An');
  await tuckUnderHeader(page, 'so-dien-thoai');
  await tapOnScreen(page, citizen.button('Tiếp'));
  await citizen.expectStep(2, 4);
  await expect.poll(() => targetBelowHeader(page)).toBe('ok');
  // Asked to stop, the widget says where its own button is, never the extension's toolbar.
  await tapOnScreen(page, citizen.popover.getByRole('button', { name: 'Dừng hướng dẫn' }));
  await expect(citizen.popover).toContainText('bấm nút “Hướng dẫn” ở góc dưới bên phải trang');
  await expect(citizen.popover).not.toContainText('thanh công cụ');
  expect(errors).toEqual([]);
});

/**
 * Every visible button of the popover is at least 44 × 44 CSS px, and its main action lies inside the
 * visual viewport with nothing on top of it: reachable without scrolling the page.
 */
async function popoverOnPhone(page: Page, needMain = true): Promise<string> {
  return page.evaluate((needMain) => {
    const popover = document.querySelector('.danbuoc-popover');
    if (!popover) return 'no popover';
    const small = [...popover.querySelectorAll('button')]
      .map((b) => [b, b.getBoundingClientRect()] as const)
      .filter(([, r]) => r.width > 0)
      .filter(([, r]) => r.width < 44 || r.height < 44)
      .map(([b, r]) => `"${b.getAttribute('aria-label') ?? b.textContent}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    if (small.length) return `buttons under 44 px: ${small.join(', ')}`;
    const main = popover.querySelector('.danbuoc-main');
    if (!main) return needMain ? 'no main action' : 'ok';
    const vv = window.visualViewport!;
    const r = main.getBoundingClientRect();
    const inside = r.top >= vv.offsetTop && r.bottom <= vv.offsetTop + vv.height && r.left >= vv.offsetLeft && r.right <= vv.offsetLeft + vv.width;
    if (!inside) return `"${main.textContent}" outside the visible part (${Math.round(r.top)}–${Math.round(r.bottom)} of ${Math.round(vv.height)})`;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === main ? 'ok' : `"${main.textContent}" covered by ${hit?.className || hit?.tagName}`;
  }, needMain);
}

const PHONES = ['iPhone SE', 'Galaxy S8', 'iPhone 14 Pro Max', 'iPhone SE landscape', 'Galaxy S8 landscape', 'Pixel 7 landscape'] as const;
for (const name of PHONES) {
  const device = devices[name];
  test(`on a phone (${name}, ${device.viewport.width}×${device.viewport.height}, touch): 44 px tap targets, the main action always on screen`, async () => {
    const { page, citizen, errors } = await openSite({}, { ...device, locale: 'vi-VN' });
    await page.goto(SAMPLE_PAGE);
    await launcher(page).tap();
    for (const control of [launcher(page), ...(await page.locator('dan-buoc-widget').getByRole('button').all())]) {
      const box = await control.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    await page.getByRole('button', { name: SAMPLE_TOUR }).tap();
    await citizen.expectStep(1, 4);
    // An input step offers "Tiếp" once something is typed.
    await expect.poll(() => popoverOnPhone(page, false)).toBe('ok');
    await page.keyboard.type('Nguyễn Văn An');
    await expect(citizen.button('Tiếp')).toBeVisible();
    await expect.poll(() => popoverOnPhone(page)).toBe('ok');
    await tapOnScreen(page, citizen.button('Tiếp'));
    await citizen.expectStep(2, 4);
    await expect.poll(() => popoverOnPhone(page, false)).toBe('ok');
    await page.keyboard.type('0912345678');
    await expect(citizen.button('Tiếp')).toBeVisible();
    await expect.poll(() => popoverOnPhone(page)).toBe('ok');
    await tapOnScreen(page, citizen.button('Tiếp'));
    await citizen.expectStep(3, 4);
    await expect.poll(() => popoverOnPhone(page, false)).toBe('ok');
    await citizen.highlighted.tap();
    await citizen.expectStep(4, 4);
    await expect.poll(() => popoverOnPhone(page)).toBe('ok');
    // "Thu nhỏ" folds the sheet to a bar and "Mở rộng" opens it again: both 44 px, the main action back on screen.
    const fold = citizen.button(/Thu nhỏ|Mở rộng/);
    if (await fold.isVisible()) {
      // "🔊 Đọc" and "Thu nhỏ" follow the pinned bar: a person scrolls the sheet to its end to reach them.
      await citizen.popover.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await tapOnScreen(page, fold);
      await expect.poll(() => popoverOnPhone(page)).toMatch(/^(ok|no main action)$/);
      await tapOnScreen(page, fold);
      await expect.poll(() => popoverOnPhone(page)).toBe('ok');
    }
    await tapOnScreen(page, citizen.button('Xong'));
    await expect(citizen.popover).toContainText('Hoàn thành');
    await expect.poll(() => popoverOnPhone(page)).toBe('ok');
    expect(errors).toEqual([]);
  });
}

test('strict CSP (script-src and style-src self): a whole tour across two pages with zero violation events', async () => {
  const { page, citizen, errors } = await openSite({ csp: STRICT_CSP });
  await page.goto(SAMPLE_PAGE);
  await launcher(page).click();
  // The citizen's choices: larger text, kept in localStorage for the next page.
  await page.getByRole('radio', { name: 'Chữ rất lớn' }).check();
  await page.getByRole('button', { name: SAMPLE_TOUR }).click();
  await citizen.expectStep(1, 4);
  // Nothing was refused, and the overlay's styles are applied with the citizen's text size (200 %).
  expect(await violations(page)).toEqual([]);
  await expect(citizen.popover).toHaveCSS('font-size', '40px');
  await citizen.typeIntoHighlighted('Nguyễn Văn An');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.typeIntoHighlighted('0912345678', { enter: true });
  await citizen.expectStep(3, 4);
  await citizen.clickHighlighted();
  await expect(page).toHaveURL(`${PORTAL}/trang-mau/xac-nhan`);
  await citizen.expectStep(4, 4);
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');
  await citizen.pressPopoverButton('Xong');
  expect(await violations(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('danbuoc-widget:prefs'))).toContain('"textSize":200');
  expect(errors).toEqual([]);
  // The listener does hear violations: an inline <style> on this page is one.
  await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'p{}' })));
  await expect.poll(async () => (await violations(page)).length).toBe(1);
});

const packCases: Array<[string, (pack: Awaited<ReturnType<typeof signedTestPack>>) => Promise<WidgetSiteOptions['pack']>, RegExp]> = [
  ['a tampered pack (one word changed after signing)', async (p) => ({
    bytes: new TextDecoder().decode(p.bytes).replace('Bấm “Đăng nhập”', 'Bấm “Đăng xuất”'),
    signature: p.signature,
    publicKey: p.keys.publicSpki,
  }), /không có chữ ký hợp lệ.*\(The pack is not signed by a trusted publisher key/],
  ['a pack signed by another key', async (p) => ({ ...p, publicKey: (await signedTestPack()).keys.publicSpki }), /không có chữ ký hợp lệ/],
  ['a malformed pack (not JSON, correctly signed)', async (p) => {
    const { signBytes } = await import('../../engine/pack');
    const bytes = new TextEncoder().encode('{"packId": "dan-buoc-thu", ');
    return { bytes, signature: await signBytes(bytes, p.keys.privateJwk), publicKey: p.keys.publicSpki };
  }, /bị hỏng, không đọc được.*\(The pack file is not valid JSON/],
  ['a pack of the wrong shape (no key given)', async () => ({
    bytes: JSON.stringify({ packId: 'dan-buoc-thu', version: 1, publishedAt: '2026-12-01', tours: [{ id: 'x', title: { vi: 'X' }, sites: ['https://dichvucong.gov.vn/*'] }] }),
    signature: '',
  }), /sai quy cách.*\$\.tours\[0\]\.steps/],
  ['a pack that points at a site off the allow-list', async () => ({
    bytes: JSON.stringify({ packId: 'dan-buoc-thu', version: 1, publishedAt: '2026-12-01', tours: [{ id: 'x', title: { vi: 'X' }, sites: ['https://dichvucong.gov.vn.evil.example/*'], steps: [{ id: 'a', say: { vi: 'A' } }] }] }),
    signature: '',
  }), /not on the allow-list/],
];

for (const [name, makePack, message] of packCases) {
  test(`${name}: no launcher and one clear console error, nothing thrown into the page`, async () => {
    const { page, errors } = await openSite({ pack: await makePack(await signedTestPack()) });
    await page.goto(SAMPLE_PAGE);
    // init() again returns the first start's outcome once it has settled.
    expect(await page.evaluate(() => (window as unknown as { DanBuoc: { init(o: unknown): Promise<boolean> } }).DanBuoc.init({}))).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Dẫn Bước: /);
    expect(errors[0]).toMatch(message);
    await expect(page.locator('dan-buoc-widget')).toHaveCount(0);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  });
}

test('a bad DanBuoc.init() call is refused with one clear error and never throws', async () => {
  const { page, errors } = await openSite({ autoStart: false });
  await page.goto(SAMPLE_PAGE);
  const result = await page.evaluate(() => (window as unknown as { DanBuoc: { init(o: unknown): Promise<boolean> } }).DanBuoc.init({ pack: '/dan-buoc/pack.json', publicKey: 'not a key!' }));
  expect(result).toBe(false);
  expect(errors).toEqual([expect.stringMatching(/^Dẫn Bước: Cấu hình .*\(Widget configuration is not valid: "publicKey"/)]);
  await expect(page.locator('dan-buoc-widget')).toHaveCount(0);
});

test('good guest: one global, no prototype changed, page globals kept, through a whole tour', async () => {
  const { page, citizen } = await openSite();
  // Taken before any script of the page runs, kept where the page's own globals are not.
  await page.addInitScript(() => {
    const protos: Record<string, object> = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, EventTarget: EventTarget.prototype, Node: Node.prototype, Element: Element.prototype, HTMLElement: HTMLElement.prototype, Document: Document.prototype, History: History.prototype, Promise: Promise.prototype, String: String.prototype, CSSStyleSheet: CSSStyleSheet.prototype, ShadowRoot: ShadowRoot.prototype, Window: Window.prototype };
    const shape = () => JSON.stringify(Object.fromEntries(Object.entries(protos).map(([name, proto]) => [name, Object.getOwnPropertyNames(proto).sort().map((key) => {
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      const fns = [d.value, d.get, d.set].filter((f) => typeof f === 'function') as ((...a: unknown[]) => unknown)[];
      return `${key}:${fns.map((f) => (Function.prototype.toString.call(f).includes('[native code]') ? 'native' : 'patched')).join(',')}`;
    })])));
    sessionStorage.setItem('test:before', JSON.stringify({ keys: Object.getOwnPropertyNames(window), protos: shape() }));
    (document as unknown as { __shape?: () => string }).__shape = shape;
  });
  await page.goto(SAMPLE_PAGE);
  await startTour(page, SAMPLE_TOUR);
  await citizen.expectStep(1, 4);
  await citizen.typeIntoHighlighted('Nguyễn Văn An');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(2, 4);
  const after = await page.evaluate(() => {
    const before = JSON.parse(sessionStorage.getItem('test:before')!) as { keys: string[]; protos: string };
    const shape = (document as unknown as { __shape: () => string }).__shape;
    return { added: Object.getOwnPropertyNames(window).filter((k) => !before.keys.includes(k)), removed: before.keys.filter((k) => !(k in window)), protosSame: shape() === before.protos };
  });
  expect(after).toEqual({ added: ['DanBuoc'], removed: [], protosSame: true });
});

test('extension and widget on the same page: only one of them shows a tour', async () => {
  const ext = await launchWithExtension();
  try {
    const pack = await signedTestPack();
    await serveWidgetSite(ext.context, { pack: { bytes: pack.bytes, signature: pack.signature, publicKey: pack.keys.publicSpki } });
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    const citizen = new Citizen(page);
    await page.goto(`${PORTAL}/`);
    await startTour(page, TOUR_TITLE);
    await citizen.expectStep(1, 5);
    // The citizen also starts the extension's tour: the widget stands aside.
    const popup = await startFromPopup(ext, page, 'Đăng nhập Cổng Dịch vụ công bằng quét mã QR');
    await popup.close();
    await expect(page.locator('html')).toHaveAttribute('data-danbuoc-extension-tour', '');
    await expect(citizen.popover).toHaveCount(1);
    await citizen.expectStep(1, 8);
    await expect(launcher(page)).toBeHidden();
    await citizen.closeTour();
    // The extension is done: the widget's own tour comes back, alone.
    await expect(page.locator('html')).not.toHaveAttribute('data-danbuoc-extension-tour');
    await citizen.expectStep(1, 5);
    await expect(citizen.popover).toHaveCount(1);
  } finally {
    await ext.close();
  }
});

test('read-aloud through the page speechSynthesis: without a Vietnamese voice it says so, and the tour goes on', async () => {
  const { page, citizen, errors } = await openSite();
  await page.goto(SAMPLE_PAGE);
  const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('vi')).length);
  test.skip(voices > 0, 'this Chromium has a Vietnamese voice; the no-voice path needs a machine without one');
  await startTour(page, SAMPLE_TOUR);
  await citizen.expectStep(1, 4);
  await citizen.button('Đọc to').click();
  await expect(citizen.popover).toContainText('Máy này chưa có giọng đọc tiếng Việt');
  await citizen.typeIntoHighlighted('Nguyễn Văn An');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(2, 4);
  expect(errors).toEqual([]);
});
