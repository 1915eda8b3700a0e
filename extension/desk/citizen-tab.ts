import browser from 'webextension-polyfill';
import type { DeskToBackground, SignOutReply, TabStatus } from '../messages';

/**
 * The citizen's tab, as the console sees it: `?tab=<id>` when the console runs in a tab of its own
 * (tests, or a browser without side panels), else the active tab of the window the panel belongs
 * to. Our own pages are never the citizen's; failing that, the web tab used most recently.
 */
export async function citizenTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const ours = browser.runtime.getURL('/');
  const isWeb = (tab: { id?: number; url?: string }) => tab.id !== undefined && !tab.url?.startsWith(ours);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active && isWeb(active)) return active.id;
  const others = (await browser.tabs.query({ currentWindow: true })).filter(isWeb);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id;
}

export async function askBackground(message: Extract<DeskToBackground, { kind: 'desk:start-tour' }>): Promise<TabStatus>;
export async function askBackground(message: Extract<DeskToBackground, { kind: 'desk:sign-out' }>): Promise<SignOutReply>;
export async function askBackground(message: DeskToBackground): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}
