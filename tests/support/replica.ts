import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';

/** Replica pages, served on the real host names so match patterns and origins behave as in production. */
export const REPLICA_SITES: Record<string, string> = {
  'https://dichvucong.gov.vn': 'tests/fixtures/portal/dichvucong.html',
  'https://sso.dancuquocgia.gov.vn': 'tests/fixtures/portal/sso.html',
  'https://pay.vnpay.vn': 'tests/fixtures/portal/vnpay.html',
  'https://dichvucong.bocongan.gov.vn': 'tests/fixtures/portal/bocongan.html',
  'https://dichvucongnganhtuphap.moj.gov.vn': 'tests/fixtures/portal/moj.html',
  'https://tokhaidientu.moj.gov.vn': 'tests/fixtures/portal/tokhai.html',
};

/**
 * Routes every request of the context: replica hosts get their single-page app for every path,
 * everything else is refused, so no test ever reaches the internet.
 */
export async function serveReplicas(context: BrowserContext, sites = REPLICA_SITES): Promise<void> {
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  for (const [origin, file] of Object.entries(sites)) {
    const body = await readFile(resolve(file), 'utf8');
    await context.route(`${origin}/**`, (route) => {
      const request = route.request();
      if (request.resourceType() !== 'document') return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });
  }
}

/** A portal page that runs driver.js itself, with driver.js served from node_modules as the site would. */
export async function serveDriverJsPage(context: BrowserContext, url = 'https://dichvucong.bocongan.gov.vn/huong-dan-su-dung'): Promise<string> {
  const origin = new URL(url).origin;
  const files: Record<string, [string, string]> = {
    '/static/driver.js.iife.js': ['node_modules/driver.js/dist/driver.js.iife.js', 'text/javascript'],
    '/static/driver.css': ['node_modules/driver.js/dist/driver.css', 'text/css'],
  };
  for (const [path, [file, contentType]] of Object.entries(files)) {
    const body = await readFile(resolve(file), 'utf8');
    await context.route(`${origin}${path}`, (route) => route.fulfill({ contentType, body }));
  }
  const page = await readFile(resolve('tests/fixtures/portal/driverjs-page.html'), 'utf8');
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page }));
  return url;
}
