import browser, { type BrowsingData, type Runtime, type Tabs } from 'webextension-polyfill';
import { isAllowedOrigin, originOf } from '../../engine/sites';
import { TOURS } from '../../tours/catalogue';
import { builtInProvider, createTourSource } from '../tour-source';
import { IdbStorage } from '../sessions-db/idb-storage';
import type { BackgroundToContent } from '../messages';
import { createDesk, type Removal } from './desk';
import { createRouter } from './router';
import { createReportStore } from './report-store';
import { createRunStore } from './run-store';
import { chromeTts, createSpeaker } from './tts';
import { createPrefsStore, prefsChanged } from '../prefs/store';
import { authorModeChanged, createAuthorModeStore } from '../authoring/author-mode';
import { createDraftStore } from '../authoring/drafts';
import { createAuthorTools } from '../authoring/tools/background';
import { startPackChannel } from '../packs/background';

/** Closes the tabs showing `origins`, opening a new tab first where that would close a whole window. */
async function closePortalTabs(origins: readonly string[]): Promise<number> {
  const tabs = await browser.tabs.query({ url: origins.map((o) => `${o}/*`) });
  const byWindow = new Map<number, Tabs.Tab[]>();
  for (const tab of tabs) if (tab.id !== undefined) byWindow.set(tab.windowId ?? -1, [...(byWindow.get(tab.windowId ?? -1) ?? []), tab]);
  for (const [windowId, closing] of byWindow) {
    if (windowId < 0) continue;
    const all = await browser.tabs.query({ windowId });
    if (all.length <= closing.length) await browser.tabs.create({ windowId, active: true });
  }
  const ids = tabs.map((t) => t.id).filter((id): id is number => id !== undefined);
  if (ids.length) await browser.tabs.remove(ids);
  return ids.length;
}

export function startBackground(): void {
  let storage: Promise<IdbStorage> | undefined;
  const desk = createDesk({
    storage: () => (storage ??= IdbStorage.open().catch((error: unknown) => {
      storage = undefined;
      throw error;
    })),
    flavor: import.meta.env.FIREFOX ? 'firefox' : 'chrome',
    removeBrowsingData: async ({ options, dataToRemove }: Removal) => {
      await browser.browsingData.remove(options as BrowsingData.RemovalOptions, dataToRemove as BrowsingData.DataTypeSet);
    },
    closeTabs: closePortalTabs,
  });
  const prefs = createPrefsStore(browser.storage.local);
  const authorMode = createAuthorModeStore(browser.storage.local);
  const drafts = createDraftStore(browser.storage.local);
  // Priority order: drafts and an unsigned local pack (both author mode only, run as drafts), then
  // the installed signed pack, then the built-in tours.
  const packs = startPackChannel();
  const tours = createTourSource([
    { name: 'drafts', draft: true, tours: async () => ((await authorMode.read()).on ? drafts.runnable() : []) },
    packs.local.provider(),
    packs.channel.provider(),
    builtInProvider(TOURS),
  ]);
  const authorTools = createAuthorTools({
    session: browser.storage.session,
    local: browser.storage.local,
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    now: () => Date.now(),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    inject: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/author-tools.js'] });
    },
    notifyTab: async (tabId, message) => {
      await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
    },
  });
  const router = createRouter({
    store: createRunStore(browser.storage.session),
    reports: createReportStore(browser.storage.local, browser.runtime.getManifest().version),
    findTour: (id) => tours.find(id),
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
    onEffects: desk.onEffects,
    prefs: async () => (await prefs.read()).prefs,
    onHelp: desk.onHelp,
    onVisit: desk.onVisit,
    signOut: desk.signOut,
    speaker: import.meta.env.FIREFOX ? undefined : createSpeaker(chromeTts()),
    listTours: () => tours.list(),
    onPacks: packs.onPacks,
    authorMode: async () => (await authorMode.read()).on,
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => router.handle(message, sender));
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => authorTools.handle(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void router.forgetTab(tabId));
  browser.tabs.onRemoved.addListener((tabId) => void authorTools.forgetTab(tabId));
  // New text size, contrast or language: the running tours redraw with them at once.
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (authorModeChanged(changes, areaName)) void authorMode.read().then(({ on }) => (on ? undefined : authorTools.stopAll()));
    if (!prefsChanged(changes, areaName)) return;
    void browser.tabs.query({}).then((tabs) => router.refreshTabs(tabs.flatMap((t) => (t.id === undefined ? [] : [t.id]))));
  });
  // Portal origins reached without a tour (a page load, a single-page-app route): only
  // allow-listed origins are visible here at all (host permissions, no "tabs" permission).
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // While the picker or the recorder runs in this tab, each page it loads gets the author script again.
    if (change.status === 'complete' && tab.url) void authorTools.onTabLoaded(tabId, tab.url);
    const url = change.url ?? (change.status === 'complete' ? tab.url : undefined);
    const origin = url ? originOf(url) : undefined;
    if (origin && isAllowedOrigin(origin)) void desk.onVisit(origin);
  });
  // The toolbar button keeps opening the popup; the popup's "Mở bàn làm việc" button opens the panel.
  if (!import.meta.env.FIREFOX) void chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
}
