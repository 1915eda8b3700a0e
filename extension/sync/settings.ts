import { z } from 'zod';
import type { Message, StorageAdapter } from '../../sessions';

/**
 * The desk's replication settings: off until the desk turns it on. Kept in the sessions database's
 * `meta` store, so "Xóa toàn bộ dữ liệu" removes the credentials with everything else, and never
 * written into a backup file (backups carry sessions and tombstones only).
 *
 * The server must be HTTPS. A loopback http:// address (127.0.0.1, localhost) is accepted only when
 * `allowLoopback` is set: by the end-to-end tests through the dev flag (devflags.ts), never from the
 * settings screen.
 */
export const SYNC_SETTINGS_KEY = 'sync:settings';
export const SYNC_SETTINGS_VERSION = 1;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type UrlCheck = { ok: true; url: string } | { ok: false; error: Message };

/** The server address, normalised to end with "/" and without user:password (credentials go in their own fields). */
export function checkServerUrl(input: string, options: { allowLoopback?: boolean } = {}): UrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: { vi: 'Địa chỉ máy chủ chưa đúng. Địa chỉ có dạng https://ten-may-chu.gov.vn/ten-co-so-du-lieu', en: 'Not a valid address.' } };
  }
  if (url.username || url.password) {
    return { ok: false, error: { vi: 'Không ghi tên đăng nhập hay mật khẩu trong địa chỉ: điền vào hai ô bên dưới.', en: 'Put the credentials in their own fields, not in the address.' } };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && options.allowLoopback)) {
    return { ok: false, error: { vi: 'Địa chỉ máy chủ phải bắt đầu bằng https:// để dữ liệu được mã hóa trên đường truyền.', en: 'The server address must use https://.' } };
  }
  if (url.search || url.hash) return { ok: false, error: { vi: 'Địa chỉ máy chủ không có phần sau dấu ? hoặc #.', en: 'No query or fragment in the address.' } };
  const path = url.pathname.replace(/\/+$/, '');
  if (!/^\/[a-z][a-z0-9_$()+/-]*$/.test(path)) {
    return { ok: false, error: { vi: 'Địa chỉ phải có tên cơ sở dữ liệu ở cuối, ví dụ https://dongbo.tinh.gov.vn/dan-buoc', en: 'The address must end with the database name.' } };
  }
  return { ok: true, url: `${url.origin}${path}/` };
}

export const SyncSettings = z.strictObject({
  v: z.literal(SYNC_SETTINGS_VERSION),
  enabled: z.boolean(),
  serverUrl: z.string().max(500),
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type SyncSettings = z.infer<typeof SyncSettings>;

export type SyncSettingsCheck = { ok: true; settings: SyncSettings } | { ok: false; error: Message; field: 'serverUrl' | 'username' | 'password' };

/** Validates what the desk typed; the URL rule above decides which addresses are accepted. */
export function checkSyncSettings(input: { enabled: boolean; serverUrl: string; username: string; password: string }, options: { allowLoopback?: boolean } = {}): SyncSettingsCheck {
  const url = checkServerUrl(input.serverUrl, options);
  if (!url.ok) return { ok: false, error: url.error, field: 'serverUrl' };
  const username = input.username.trim();
  if (!username) return { ok: false, error: { vi: 'Hãy điền “Tên đăng nhập của điểm hỗ trợ”.', en: 'Enter the desk user name.' }, field: 'username' };
  if (!input.password) return { ok: false, error: { vi: 'Hãy điền “Mật khẩu”.', en: 'Enter the password.' }, field: 'password' };
  const parsed = SyncSettings.safeParse({ v: SYNC_SETTINGS_VERSION, enabled: input.enabled, serverUrl: url.url, username, password: input.password });
  if (!parsed.success) return { ok: false, error: { vi: 'Tên đăng nhập hoặc mật khẩu quá dài.', en: 'User name or password too long.' }, field: 'username' };
  return { ok: true, settings: parsed.data };
}

/** Stored settings, or undefined (never set, or unreadable: replication then stays off). */
export async function loadSyncSettings(adapter: StorageAdapter): Promise<SyncSettings | undefined> {
  const parsed = SyncSettings.safeParse(await adapter.get('meta', SYNC_SETTINGS_KEY));
  return parsed.success ? parsed.data : undefined;
}
