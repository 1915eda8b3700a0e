import { test as base, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { Citizen } from './citizen';
import { serveReplicas } from './replica';

import { HOME_URL } from './find-procedure-walk';

export const HOME = HOME_URL;

/**
 * Each test gets a fresh browser with the built extension and the replica sites (the portal's by
 * default) served on their real host names, with `home` open.
 */
export function testOnReplicas(sites?: Record<string, string>, home = HOME) {
  return base.extend<{ ext: ExtensionBrowser; portal: Page; citizen: Citizen }>({
    // eslint-disable-next-line no-empty-pattern
    ext: async ({}, use) => {
      const ext = await launchWithExtension();
      await serveReplicas(ext.context, sites);
      await use(ext);
      await ext.close();
    },
    portal: async ({ ext }, use) => {
      const page = ext.context.pages()[0] ?? (await ext.context.newPage());
      await page.goto(home);
      await use(page);
    },
    citizen: async ({ portal }, use) => {
      await use(new Citizen(portal));
    },
  });
}

export const test = testOnReplicas();

export { expect } from '@playwright/test';
