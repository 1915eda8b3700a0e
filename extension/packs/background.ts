import browser from 'webextension-polyfill';
import type { PacksToBackground } from '../messages';
import { createPackChannel, type PackChannel } from './channel';
import { createPackStore } from './store';
import { packagedTrustedKeys, TRUSTED_KEYS_FILE } from './trusted-keys';

export const PACK_ALARM = 'danbuoc-pack-check';
const DAY_MINUTES = 24 * 60;

/**
 * The pack channel in the background: checks at browser start-up, on install or update, and once a
 * day (`alarms`); answers the options page. Listeners are added synchronously, as MV3 requires.
 */
export function startPackChannel(): { channel: PackChannel; onPacks(message: PacksToBackground): Promise<unknown> } {
  const trustedKeys = packagedTrustedKeys(browser.runtime.getURL(TRUSTED_KEYS_FILE));
  const channel = createPackChannel({
    store: createPackStore(browser.storage.local, trustedKeys),
    fetch: (url, init) => fetch(url, init),
    trustedKeys,
    hasOriginPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    now: () => Date.now(),
  });
  const check = () => void channel.check().catch((error: unknown) => console.error('[Dẫn Bước] pack check failed', error));
  const ensureAlarm = async () => {
    if (!(await browser.alarms.get(PACK_ALARM))) await browser.alarms.create(PACK_ALARM, { periodInMinutes: DAY_MINUTES });
  };
  browser.runtime.onStartup.addListener(() => {
    void ensureAlarm();
    check();
  });
  browser.runtime.onInstalled.addListener(() => {
    void ensureAlarm();
    check();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PACK_ALARM) check();
  });
  return {
    channel,
    onPacks(message) {
      if (message.kind === 'options:packs-set-url') return channel.setUrl(message.url);
      if (message.kind === 'options:packs-check') return channel.check().then(() => channel.status());
      if (message.kind === 'options:packs-remove') return channel.remove();
      return channel.status();
    },
  };
}
