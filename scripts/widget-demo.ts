import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, devices, type Page } from '@playwright/test';
import { chromiumExecutable } from '../tests/support/browser';
import { Citizen } from '../tests/support/citizen';
import { SAMPLE_PAGE, serveWidgetSite, signedTestPack } from '../tests/support/widget-site';

/**
 * npm run demo -- --widget: the built widget embedded with one script tag on the sample site
 * (widget/demo/, on its real host name, strict CSP), in Chromium without the extension, on an
 * emulated phone. A citizen walks the sample tour; one PNG per step goes to demo-output/widget/.
 */
const OUT = 'demo-output/widget';
const headless = !process.env.DISPLAY || process.env.CI === 'true';

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
console.log(`Dẫn Bước widget demo — ${headless ? 'headless' : 'headed'} Chromium, Pixel 7, screenshots in ${OUT}/`);

const browser = await chromium.launch({ headless, executablePath: chromiumExecutable(), args: ['--no-sandbox'] });
try {
  const pack = await signedTestPack();
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'vi-VN' });
  await serveWidgetSite(context, { pack: { bytes: pack.bytes, signature: pack.signature, publicKey: pack.keys.publicSpki }, csp: "script-src 'self'; style-src 'self'" });
  const page = await context.newPage();
  const citizen = new Citizen(page);
  let shot = 1;
  const snap = async (name: string, target: Page = page) => {
    const file = join(OUT, `${String(shot++).padStart(2, '0')}-${name}.png`);
    await target.screenshot({ path: file });
    console.log(`${name.padEnd(24)} → ${file}`);
  };
  await page.goto(SAMPLE_PAGE);
  const launcher = page.getByRole('button', { name: 'Hướng dẫn', exact: true });
  await launcher.waitFor();
  await snap('trang-mau');
  await launcher.tap();
  await snap('danh-sach-huong-dan');
  await page.getByRole('button', { name: 'Điền tờ khai đăng ký nhận thông báo (trang mẫu)' }).tap();
  await citizen.expectStep(1, 4);
  await snap('buoc-1-ho-ten');
  await page.keyboard.type('Nguyễn Văn An');
  await citizen.button('Tiếp').tap();
  await citizen.expectStep(2, 4);
  await page.keyboard.type('0912345678');
  await snap('buoc-2-so-dien-thoai');
  await citizen.button('Tiếp').tap();
  await citizen.expectStep(3, 4);
  await snap('buoc-3-sang-trang');
  await citizen.highlighted.tap();
  await citizen.expectStep(4, 4);
  await snap('buoc-4-xac-nhan');
  await citizen.button('Xong').tap();
  await snap('hoan-thanh');
} finally {
  await browser.close();
}
