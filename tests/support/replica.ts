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
  'https://lienthong.dichvucong.gov.vn': 'tests/fixtures/portal/lienthong.html',
};

/**
 * Pages of a replica host that are their own documents (reached by a full load, as the real portal
 * does when it hands over to another app on the same host). The longest matching path prefix wins;
 * every other path of the host gets the host's single-page app from REPLICA_SITES.
 */
export const REPLICA_PAGES: ReadonlyArray<{ origin: string; prefix: string; file: string }> = [
  { origin: 'https://dichvucong.gov.vn', prefix: '/nop-ho-so/', file: 'tests/fixtures/portal/dichvucong-nop-ho-so.html' },
  { origin: 'https://dichvucong.gov.vn', prefix: '/thanh-toan-vi-pham-giao-thong', file: 'tests/fixtures/portal/dichvucong-thanh-toan-phat.html' },
  { origin: 'https://dichvucong.gov.vn', prefix: '/thanh-toan-hoa-don', file: 'tests/fixtures/portal/dichvucong-thanh-toan-hoa-don.html' },
  { origin: 'https://dichvucong.gov.vn', prefix: '/tra-cuu-ho-so', file: 'tests/fixtures/portal/dichvucong-tra-cuu.html' },
  { origin: 'https://dichvucong.gov.vn', prefix: '/thong-tin-ca-nhan', file: 'tests/fixtures/portal/dichvucong-tra-cuu.html' },
];

/** The replica file that answers a document request for `url` on a host whose app is `siteFile`. */
export function replicaDocument(url: string, siteFile: string): string {
  const { origin, pathname } = new URL(url);
  const page = REPLICA_PAGES.filter((p) => p.origin === origin && pathname.startsWith(p.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  return page?.file ?? siteFile;
}

/**
 * Routes every request of the context: replica hosts get their single-page app for every path,
 * everything else is refused, so no test ever reaches the internet.
 */
export async function serveReplicas(context: BrowserContext, sites = REPLICA_SITES): Promise<void> {
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  for (const [origin, file] of Object.entries(sites)) {
    await context.route(`${origin}/**`, async (route) => {
      const request = route.request();
      if (request.resourceType() !== 'document') return route.fulfill({ status: 404, body: '' });
      const body = await readFile(resolve(replicaDocument(request.url(), file)), 'utf8');
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
