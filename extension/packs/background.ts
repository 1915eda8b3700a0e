import browser from 'webextension-polyfill';
import { createAuthorModeStore } from '../authoring/author-mode';
import type { PacksToBackground } from '../messages';
import { createPackChannel, type PackChannel } from './channel';
import { createLocalPackStore, localPackInfo, type LocalPackStore } from './local-pack';
import { createPackStore } from './store';
import { packagedTrustedKeys, TRUSTED_KEYS_FILE } from './trusted-keys';
import type { PacksNotice, PacksReply } from './view';

export const PACK_ALARM = 'danbuoc-pack-check';
const DAY_MINUTES = 24 * 60;

/**
 * The pack channel in the background: checks at browser start-up, on install or update, and once a
 * day (`alarms`); answers the options page. Listeners are added synchronously, as MV3 requires.
 */
export function startPackChannel(): {
  channel: PackChannel;
  local: LocalPackStore;
  onPacks(message: PacksToBackground): Promise<PacksReply>;
} {
  const trustedKeys = packagedTrustedKeys(browser.runtime.getURL(TRUSTED_KEYS_FILE));
  const authorMode = createAuthorModeStore(browser.storage.local);
  const authorModeOn = async () => (await authorMode.read()).on;
  const local = createLocalPackStore(browser.storage.local, authorModeOn);
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

  async function reply(notice: PacksNotice | null = null): Promise<PacksReply> {
    const [signed, on, read] = await Promise.all([channel.status(), authorModeOn(), local.read()]);
    return {
      view: { signed, authorMode: on, local: localPackInfo(read), localError: read.ok ? null : { message: read.error, ...(read.details ? { details: read.details } : {}) } },
      notice,
    };
  }

  return {
    channel,
    local,
    async onPacks(message) {
      switch (message.kind) {
        case 'options:packs-set-url': {
          const result = await channel.setUrl(message.url);
          return reply(result.ok ? null : { kind: result.reason });
        }
        case 'options:packs-check':
          await channel.check();
          return reply();
        case 'options:packs-remove':
          await channel.remove();
          return reply();
        case 'options:packs-load-local': {
          const result = await local.load(message.fileName, message.text);
          if (result.ok) return reply();
          if (result.reason === 'author-mode-off') return reply({ kind: 'author-mode-off' });
          return reply({ kind: 'invalid-local', message: result.message ?? '', ...(result.details ? { details: result.details } : {}) });
        }
        case 'options:packs-remove-local':
          await local.remove();
          return reply();
        default:
          return reply();
      }
    },
  };
}
