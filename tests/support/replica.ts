import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';

/** Replica pages, served on the real host names so match patterns and origins behave as in production. */
export const REPLICA_SITES: Record<string, string> = {
  'https://dichvucong.gov.vn': 'tests/fixtures/portal/dichvucong.html',
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
