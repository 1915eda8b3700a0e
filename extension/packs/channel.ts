import { verifyPack, type PublicKeyInput } from '../../engine/pack';
import { packProblem } from '../../engine/pack/format';
import type { Tour } from '../../engine/schema';
import type { TourProvider } from '../tour-source';
import { httpsOrigin } from './address';
import { downloadPack, type Fetcher } from './download';
import type { LastCheck } from './records';
import type { PackStore } from './store';

/** What the options page shows about the pack channel. */
export interface PackStatus {
  url: string | null;
  installed: { packId: string; version: number; publishedAt: string; tours: number; installedAt: number } | null;
  /** the installed pack could not be read (damaged or no longer verifying): built-in tours keep working */
  installedError: string | null;
  channelError: string | null;
  lastCheck: LastCheck | null;
}

export type SetUrlResult = { ok: true; status: PackStatus } | { ok: false; reason: 'not-https' | 'no-permission'; status: PackStatus };

export interface PackChannelDeps {
  store: PackStore;
  fetch: Fetcher;
  trustedKeys(): Promise<readonly PublicKeyInput[]>;
  /** whether the team lead granted this one origin (`permissions.contains`) */
  hasOriginPermission(origin: string): Promise<boolean>;
  now(): number;
}

const NO_PERMISSION = [
  'Dẫn Bước chưa được phép tải từ địa chỉ này.',
  'No host permission for this origin.',
] as const;

/**
 * The signed tour-pack update channel: fetch the pack at the team lead's address, install it only
 * when `verifyPack` accepts it (pinned key, higher version of the same pack, schema, size,
 * allow-listed sites), otherwise keep the last good pack and record why. Checks run one at a time.
 */
export function createPackChannel(deps: PackChannelDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.catch(() => undefined).then(work);
    queue = next;
    return next;
  };

  async function status(): Promise<PackStatus> {
    const [channel, installed] = await Promise.all([deps.store.readChannel(), deps.store.readInstalled()]);
    const pack = installed.ok ? installed.installed?.pack : undefined;
    return {
      url: channel.ok ? channel.channel.url : null,
      installed: pack && installed.ok && installed.installed
        ? { packId: pack.packId, version: pack.version, publishedAt: pack.publishedAt, tours: pack.tours.length, installedAt: installed.installed.installedAt }
        : null,
      installedError: installed.ok ? null : installed.error,
      channelError: channel.ok ? null : channel.error,
      lastCheck: (channel.ok && channel.channel.lastCheck) || null,
    };
  }

  async function checkNow(): Promise<LastCheck | null> {
    const channel = await deps.store.readChannel();
    const url = channel.ok ? channel.channel.url : null;
    if (!url) return null;
    const at = deps.now();
    const record = async (lastCheck: LastCheck) => {
      await deps.store.recordCheck(url, lastCheck);
      return lastCheck;
    };
    const origin = httpsOrigin(url);
    if (!origin || !(await deps.hasOriginPermission(origin))) {
      return record({ ok: false, at, url, reason: 'no-permission', message: `${NO_PERMISSION[0]} (${NO_PERMISSION[1]} ${origin ?? url})` });
    }
    const download = await downloadPack(deps.fetch, url);
    if (!download.ok) {
      const message = download.reason === 'size' ? packProblem('size', download.detail).message : download.detail;
      return record({ ok: false, at, url, reason: download.reason, message });
    }
    const current = await deps.store.readInstalled();
    const installed = current.ok ? current.installed : null;
    // The same file again is the ordinary daily case: nothing new, nothing wrong. (Its signature may
    // differ: ECDSA signs the same bytes differently each time, and the installed text verified.)
    if (installed && installed.text === new TextDecoder('utf-8', { ignoreBOM: true }).decode(download.bytes)) {
      return record({ ok: true, at, url, installed: false });
    }
    const version = installed ? { packId: installed.pack.packId, version: installed.pack.version } : undefined;
    const verdict = await verifyPack(download.bytes, download.signature, await deps.trustedKeys(), version);
    if (!verdict.ok) {
      return record({ ok: false, at, url, reason: verdict.reason, message: verdict.message, ...(verdict.details ? { details: verdict.details.slice(0, 20) } : {}) });
    }
    await deps.store.install(download.bytes, download.signature, url, at);
    return record({ ok: true, at, url, installed: true });
  }

  return {
    status,
    check: () => serial(checkNow),
    /** Saves the team lead's address (HTTPS, permission already granted for its origin) and checks it at once. */
    setUrl: (url: string | null): Promise<SetUrlResult> =>
      serial(async () => {
        if (url !== null) {
          const origin = httpsOrigin(url);
          if (!origin) return { ok: false, reason: 'not-https', status: await status() };
          if (!(await deps.hasOriginPermission(origin))) return { ok: false, reason: 'no-permission', status: await status() };
        }
        await deps.store.setUrl(url);
        await checkNow();
        return { ok: true, status: await status() };
      }),
    /** Stops using the address and the pack it installed: the built-in tours are used again. */
    remove: (): Promise<PackStatus> =>
      serial(async () => {
        await deps.store.setUrl(null);
        await deps.store.uninstall();
        return status();
      }),
    /** The installed pack's tours, for the tour source; throws on a damaged pack so the source skips it. */
    provider(): TourProvider {
      return {
        name: 'packs',
        draft: false,
        tours: async (): Promise<readonly Tour[]> => {
          const read = await deps.store.readInstalled();
          if (!read.ok) throw new Error(read.error);
          return read.installed?.pack.tours ?? [];
        },
      };
    },
  };
}

export type PackChannel = ReturnType<typeof createPackChannel>;
