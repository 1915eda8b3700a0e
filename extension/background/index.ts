import browser, { type Runtime } from 'webextension-polyfill';
import { findTour } from '../../tours/catalogue';
import type { BackgroundToContent } from '../messages';
import { createRouter } from './router';
import { createReportStore } from './report-store';
import { createRunStore } from './run-store';

export function startBackground(): void {
  const router = createRouter({
    store: createRunStore(browser.storage.session),
    reports: createReportStore(browser.storage.local, browser.runtime.getManifest().version),
    findTour,
    now: () => Date.now(),
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    notifyTab: async (tabId, message: BackgroundToContent) => {
      // The tab may have no content script (not a portal page, or still loading): it asks on load.
      await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
    },
    openUrl: async (tabId, url) => {
      await browser.tabs.update(tabId, { url });
    },
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => router.handle(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void router.forgetTab(tabId));
}
