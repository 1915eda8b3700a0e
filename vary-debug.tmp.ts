import { chromium } from '@playwright/test';
import { chromiumExecutable } from './tests/support/browser';
import { serveReplicas } from './tests/support/replica';
import { varyInitScript, variantById } from './scripts/lib/verify/variants';
const [variant, url, sel, click] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: ['--no-sandbox'] });
const context = await browser.newContext();
await context.addInitScript({ content: await varyInitScript(variantById(variant), 1) });
await serveReplicas(context);
const page = await context.newPage();
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(2500);
if (click) { await page.getByRole('tab', { name: new RegExp(click, 'i') }).click(); await page.waitForTimeout(2000); }
console.log(await page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.outerHTML.slice(0, 900)).join('\n---\n'), sel));
await browser.close();
