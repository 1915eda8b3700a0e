import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { canonicalBytes, signBytes, type PackKeyPair } from '../../engine/pack';
import { EXTENSION_DIR } from './browser';

export const PACK_ORIGIN = 'https://goi-huong-dan.example.vn';
export const PACK_URL = `${PACK_ORIGIN}/dan-buoc/goi.json`;

/**
 * A test copy of the shipped Chrome build whose packaged `pack-keys.json` pins the test's public
 * key: the code is the shipped code, only the build configuration differs. Its manifest also lists
 * the pack host among its host permissions, because headless Chromium shows the "Cho phép" prompt
 * of `permissions.request` where no test can press it; a request for an origin the extension
 * already holds resolves at once, so the options page's real request path still runs.
 */
export async function buildWithPinnedKey(keys: PackKeyPair): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'danbuoc-packs-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeFile(join(dir, 'pack-keys.json'), JSON.stringify({ v: 1, keys: [{ publisher: 'e2e test key', key: keys.publicSpki }] }));
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, `${PACK_ORIGIN}/*`];
  await writeFile(manifestFile, JSON.stringify(manifest));
  return dir;
}

type Serving = { body: Uint8Array; signature: string } | 'offline';

/** The publisher's web server for the pack address, on `context.route`; what it serves can change mid-test. */
export class PackHost {
  private serving: Serving = 'offline';
  requests = 0;

  static async start(context: BrowserContext): Promise<PackHost> {
    const host = new PackHost();
    await context.route(`${PACK_ORIGIN}/**`, (route) => {
      const url = route.request().url();
      host.requests += 1;
      if (host.serving === 'offline') return route.abort('internetdisconnected');
      if (url === PACK_URL) return route.fulfill({ status: 200, contentType: 'application/json', body: Buffer.from(host.serving.body) });
      if (url === `${PACK_URL}.sig`) return route.fulfill({ status: 200, contentType: 'text/plain', body: host.serving.signature });
      return route.fulfill({ status: 404, body: '' });
    });
    return host;
  }

  async serveSigned(pack: unknown, key: PackKeyPair, tamper: (bytes: Uint8Array) => Uint8Array = (b) => b): Promise<void> {
    const bytes = canonicalBytes(pack);
    this.serving = { body: tamper(bytes), signature: await signBytes(bytes, key.privateJwk) };
  }

  async serveBytes(body: Uint8Array, key: PackKeyPair): Promise<void> {
    this.serving = { body, signature: await signBytes(body, key.privateJwk) };
  }

  goOffline(): void {
    this.serving = 'offline';
  }
}
