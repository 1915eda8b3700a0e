import type Browser from 'webextension-polyfill';
import { verifyPack, type Pack, type PublicKeyInput } from '../../engine/pack';
import { CHANNEL_KEY, ChannelRecord, INSTALLED_KEY, InstalledRecord, type LastCheck } from './records';

export type InstalledRead =
  | { ok: true; installed: { pack: Pack; text: string; signature: string; url: string; installedAt: number } | null }
  | { ok: false; error: string };

const DAMAGED =
  'Gói hướng dẫn đã cài bị hỏng hoặc không còn đúng chữ ký, nên đang không dùng; các hướng dẫn có sẵn vẫn dùng được. Bấm “Kiểm tra ngay” để tải lại gói.';

/**
 * The pack channel's storage. The installed pack is checked again every time it is read: what
 * storage holds counts only if it still verifies with a pinned key, so nothing written to storage
 * (by a bug or by hand) can add tours. A damaged record is reported, never deleted.
 */
export function createPackStore(area: Browser.Storage.StorageArea, trustedKeys: () => Promise<readonly PublicKeyInput[]>) {
  // Verified packs by their exact text: verifying again on every message would cost a signature check.
  let cache: { text: string; signature: string; pack: Pack } | undefined;

  async function readInstalled(): Promise<InstalledRead> {
    const raw = (await area.get(INSTALLED_KEY))[INSTALLED_KEY];
    if (raw === undefined) return { ok: true, installed: null };
    const record = InstalledRecord.safeParse(raw);
    if (!record.success) return { ok: false, error: `${DAMAGED} (The stored pack record does not match its format.)` };
    const { text, signature, url, installedAt } = record.data;
    if (cache?.text === text && cache.signature === signature) return { ok: true, installed: { pack: cache.pack, text, signature, url, installedAt } };
    const verified = await verifyPack(new TextEncoder().encode(text), signature, await trustedKeys());
    if (!verified.ok) return { ok: false, error: `${DAMAGED} ${verified.message}` };
    cache = { text, signature, pack: verified.pack };
    return { ok: true, installed: { pack: verified.pack, text, signature, url, installedAt } };
  }

  async function readChannel(): Promise<{ ok: true; channel: ChannelRecord } | { ok: false; error: string }> {
    const raw = (await area.get(CHANNEL_KEY))[CHANNEL_KEY];
    if (raw === undefined) return { ok: true, channel: { v: 1, url: null } };
    const parsed = ChannelRecord.safeParse(raw);
    return parsed.success
      ? { ok: true, channel: parsed.data }
      : { ok: false, error: 'Địa chỉ gói hướng dẫn đã lưu bị hỏng. Nhập lại địa chỉ rồi bấm “Lưu địa chỉ”. (The stored pack address is unreadable.)' };
  }

  return {
    readInstalled,
    readChannel,
    async setUrl(url: string | null): Promise<void> {
      await area.set({ [CHANNEL_KEY]: { v: 1, url } satisfies ChannelRecord });
    },
    async recordCheck(url: string | null, lastCheck: LastCheck): Promise<void> {
      await area.set({ [CHANNEL_KEY]: { v: 1, url, lastCheck } satisfies ChannelRecord });
    },
    async install(bytes: Uint8Array, signature: string, url: string, at: number): Promise<void> {
      const record: InstalledRecord = { v: 1, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), signature, url, installedAt: at };
      await area.set({ [INSTALLED_KEY]: record });
    },
    async uninstall(): Promise<void> {
      await area.remove(INSTALLED_KEY);
    },
  };
}

export type PackStore = ReturnType<typeof createPackStore>;
