import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';

/** The id of the tab showing `page`, asked of the extension's service worker. */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await ext.worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Opens the extension popup as a page that speaks about the portal tab (the toolbar popup, addressable). */
export async function openPopupFor(ext: ExtensionBrowser, portal: Page): Promise<Page> {
  const tabId = await tabIdOf(ext, portal);
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}
