import browser from 'webextension-polyfill';

/**
 * Opens the desk console. Both browsers only allow it from a user gesture, so this must be called
 * synchronously from the click handler, with the window id looked up beforehand:
 * - Chrome: `chrome.sidePanel.open({ windowId })` (the panel then belongs to that window);
 * - Firefox: `browser.sidebarAction.open()`;
 * - anything else (an older Chrome): the console in a tab, told which tab is the citizen's.
 */
export const DESK_PAGE = '/sidepanel.html';

interface SidebarAction {
  open?(): Promise<void>;
}

export function openDeskPanel(target: { windowId?: number; citizenTabId?: number }): Promise<void> {
  const sidePanel = (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
  if (sidePanel?.open && target.windowId !== undefined) return sidePanel.open({ windowId: target.windowId });
  const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  if (sidebar?.open) return sidebar.open();
  const query = target.citizenTabId === undefined ? '' : `?tab=${target.citizenTabId}`;
  return browser.tabs.create({ url: browser.runtime.getURL(`${DESK_PAGE}${query}`) }).then(() => undefined);
}
