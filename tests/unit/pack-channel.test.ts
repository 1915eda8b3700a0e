import { readFileSync } from 'node:fs';
import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalBytes, generatePackKeyPair, PACK_LIMITS, signBytes, type PackKeyPair } from '../../engine/pack';
import { Tour } from '../../engine/schema';
import { createPackChannel, type PackChannel } from '../../extension/packs/channel';
import { downloadPack } from '../../extension/packs/download';
import { CHANNEL_KEY, INSTALLED_KEY, type CheckProblemReason, type LastCheck } from '../../extension/packs/records';
import { createPackStore } from '../../extension/packs/store';
import { parseTrustedKeys } from '../../extension/packs/trusted-keys';
import { builtInProvider, createTourSource } from '../../extension/tour-source';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const FIND: Json = JSON.parse(readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8'));
delete FIND.$schema;
const BUILT_IN = Tour.parse(FIND);
const URL_ = 'https://goi.example.vn/dan-buoc.json';

function packOf(version: number, say = `Phiên bản ${version}: bấm “Tìm kiếm”.`, edit: (pack: Json) => void = () => {}): Json {
  const tour = structuredClone(FIND);
  tour.steps[0].say.vi = say;
  const pack = { packId: 'dan-buoc', version, publishedAt: '2026-12-01', tours: [tour] };
  edit(pack);
  return pack;
}

let keys: PackKeyPair;
let otherKeys: PackKeyPair;
beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generatePackKeyPair(), generatePackKeyPair()]);
});

/** What the pack host serves right now: a file and its `.sig`, an HTTP status, or no network at all. */
type Served = { body: Uint8Array | string; sig: string | null; headers?: Record<string, string> } | { status: number } | 'offline';
let served: Served;
let granted: boolean;

async function serveSigned(pack: Json, key = keys, tamper: (bytes: Uint8Array) => Uint8Array = (b) => b): Promise<void> {
  const bytes = canonicalBytes(pack);
  served = { body: tamper(bytes), sig: await signBytes(bytes, key.privateJwk) };
}

async function fakeFetch(url: string, init: RequestInit): Promise<Response> {
  expect(init).toMatchObject({ credentials: 'omit', redirect: 'error' });
  if (served === 'offline') throw new TypeError('Failed to fetch');
  if ('status' in served) return new Response('no', { status: served.status });
  if (url === URL_) return new Response(served.body as BodyInit, { headers: served.headers });
  if (url === `${URL_}.sig`) return served.sig === null ? new Response('', { status: 404 }) : new Response(served.sig);
  return new Response('', { status: 404 });
}

const local = () => fakeBrowser.storage.local as unknown as Browser.Storage.StorageArea;
let channel: PackChannel;

function newChannel(trusted = () => Promise.resolve([keys.publicSpki])): PackChannel {
  return createPackChannel({
    store: createPackStore(local(), trusted),
    fetch: fakeFetch,
    trustedKeys: trusted,
    hasOriginPermission: async (origin) => granted && origin === 'https://goi.example.vn',
    now: () => 1_700_000_000_000,
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  granted = true;
  channel = newChannel();
});

async function installVersion2(): Promise<void> {
  await serveSigned(packOf(2));
  const result = await channel.setUrl(URL_);
  expect(result.ok && result.status.installed?.version).toBe(2);
}

const stored = async () => (await local().get(INSTALLED_KEY))[INSTALLED_KEY];
const firstSay = async (ch = channel) => (await ch.provider().tours())[0]?.steps[0].say.vi;

function problem(check: LastCheck | null): Extract<LastCheck, { ok: false }> {
  if (!check || check.ok) throw new Error(`expected a failed check, got ${JSON.stringify(check)}`);
  return check;
}

describe('pack channel: accepting an update', () => {
  it('installs a signed pack, then a newer one replaces it; its tours come before the built-in ones', async () => {
    await installVersion2();
    expect(await firstSay()).toBe('Phiên bản 2: bấm “Tìm kiếm”.');
    await serveSigned(packOf(3));
    expect(await channel.check()).toMatchObject({ ok: true, installed: true });
    expect(await firstSay()).toBe('Phiên bản 3: bấm “Tìm kiếm”.');
    const source = createTourSource([channel.provider(), builtInProvider([BUILT_IN])]);
    expect((await source.find(BUILT_IN.id))?.tour.steps[0].say.vi).toBe('Phiên bản 3: bấm “Tìm kiếm”.');
    expect((await source.find(BUILT_IN.id))?.draft).toBe(false);
  });

  it('the same file served again, even signed again, is a good check that changes nothing', async () => {
    await installVersion2();
    const before = await stored();
    expect(await channel.check()).toMatchObject({ ok: true, installed: false });
    await serveSigned(packOf(2));
    expect(await channel.check()).toMatchObject({ ok: true, installed: false });
    expect(await stored()).toEqual(before);
  });

  it('accepts a public JWK pinned in pack-keys.json, never a private one', async () => {
    expect(parseTrustedKeys({ v: 1, keys: [{ publisher: 'Sở TT', key: keys.publicJwk }] })).toHaveLength(1);
    expect(parseTrustedKeys({ v: 1, keys: [{ publisher: 'Sở TT', key: keys.privateJwk }] })).toEqual([]);
    expect(parseTrustedKeys({ v: 2, keys: [] })).toEqual([]);
  });
});

describe('pack channel: every rejection keeps the last good pack and records why', () => {
  const cases: [string, CheckProblemReason, () => Promise<void>][] = [
    ['a changed byte (tampered)', 'signature', () => serveSigned(packOf(3), keys, (b) => { const c = b.slice(); c[c.length - 3] ^= 1; return c; })],
    ['a key that is not pinned', 'signature', () => serveSigned(packOf(3), otherKeys)],
    ['no signature file', 'signature', async () => { served = { body: canonicalBytes(packOf(3)), sig: null }; }],
    ['an older version', 'older', () => serveSigned(packOf(1))],
    ['the same version with other content', 'older', () => serveSigned(packOf(2, 'Khác: bấm “Tìm kiếm”.'))],
    ['another pack id', 'wrong-pack', () => serveSigned(packOf(3, undefined, (p) => (p.packId = 'goi-khac')))],
    ['an oversize file (declared)', 'size', async () => { served = { body: 'x'.repeat(PACK_LIMITS.maxBytes + 1), sig: 'AA==', headers: { 'content-length': String(PACK_LIMITS.maxBytes + 1) } }; }],
    ['an oversize file (streamed, no length)', 'size', async () => { served = { body: new Uint8Array(PACK_LIMITS.maxBytes + 10), sig: 'AA==' }; }],
    ['signed text that is not JSON', 'malformed', async () => { const bytes = new TextEncoder().encode('{"packId": "dan-buoc",'); served = { body: bytes, sig: await signBytes(bytes, keys.privateJwk) }; }],
    ['a key outside the schema', 'schema', () => serveSigned(packOf(3, undefined, (p) => (p.tours[0].script = 'alert(1)')))],
    ['a tour on a look-alike site', 'origin', () => serveSigned(packOf(3, undefined, (p) => (p.tours[0].sites = ['https://dichvucong.gov.vn.evil.example/*'])))],
    ['an HTTP error', 'http', async () => { served = { status: 500 }; }],
    ['no network (offline)', 'unreachable', async () => { served = 'offline'; }],
    ['a withdrawn permission', 'no-permission', async () => { await serveSigned(packOf(3)); granted = false; }],
  ];

  it.each(cases)('%s → "%s"', async (_name, reason, serve) => {
    await installVersion2();
    const before = await stored();
    await serve();
    const check = problem(await channel.check());
    expect(check.reason).toBe(reason);
    expect(check.message.length).toBeGreaterThan(0);
    expect(await stored()).toEqual(before);
    expect(await firstSay()).toBe('Phiên bản 2: bấm “Tìm kiếm”.');
    const status = await channel.status();
    expect(status.installed?.version).toBe(2);
    expect(status.lastCheck).toEqual(check);
  });

  it('with nothing installed yet, a rejected pack installs nothing', async () => {
    await serveSigned(packOf(1), otherKeys);
    const result = await channel.setUrl(URL_);
    expect(result.ok && result.status.lastCheck).toMatchObject({ ok: false, reason: 'signature' });
    expect(await stored()).toBeUndefined();
    expect(await channel.provider().tours()).toEqual([]);
  });
});

describe('pack download', () => {
  /** A body of `chunks` × 64 KB with no declared length, counting what was read of it. */
  function countedBody(chunks: number) {
    const body = { pulled: 0, stream: undefined as unknown as ReadableStream<Uint8Array> };
    body.stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (body.pulled >= chunks * 64 * 1024) return controller.close();
          body.pulled += 64 * 1024;
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      },
      { highWaterMark: 0 },
    );
    return body;
  }

  it('stops reading a long body without a declared length at the size limit', async () => {
    const body = countedBody((8 * PACK_LIMITS.maxBytes) / (64 * 1024));
    const result = await downloadPack(async () => new Response(body.stream), URL_);
    expect(result).toMatchObject({ ok: false, reason: 'size' });
    expect(body.pulled).toBeLessThan(2 * PACK_LIMITS.maxBytes);
  });

  it('reads nothing of a body whose declared length is over the limit', async () => {
    const body = countedBody(1);
    const response = new Response(body.stream, { headers: { 'content-length': String(PACK_LIMITS.maxBytes + 1) } });
    const result = await downloadPack(async () => response, URL_);
    expect(result).toMatchObject({ ok: false, reason: 'size' });
    expect(body.pulled).toBe(0);
  });
});

describe('pack channel: the pack address', () => {
  it('takes HTTPS addresses only, and only once the team lead granted that origin', async () => {
    await serveSigned(packOf(1));
    expect(await channel.setUrl('http://goi.example.vn/dan-buoc.json')).toMatchObject({ ok: false, reason: 'not-https' });
    expect(await channel.setUrl('https://user:pw@goi.example.vn/dan-buoc.json')).toMatchObject({ ok: false, reason: 'not-https' });
    granted = false;
    expect(await channel.setUrl(URL_)).toMatchObject({ ok: false, reason: 'no-permission' });
    expect(await local().get([CHANNEL_KEY, INSTALLED_KEY])).toEqual({});
  });

  it('removing the address removes its pack: the built-in tours are used again', async () => {
    await installVersion2();
    const status = await channel.remove();
    expect(status).toMatchObject({ url: null, installed: null });
    expect(await channel.check()).toBeNull();
  });
});

describe('pack channel: the stored pack is checked when read', () => {
  it('a pack edited in storage is reported, kept, and skipped: built-in tours keep working', async () => {
    await installVersion2();
    const record = (await stored()) as { text: string };
    const edited = { ...record, text: record.text.replace('Phiên bản 2', 'Phiên bản 9') };
    await local().set({ [INSTALLED_KEY]: edited });
    const fresh = newChannel();
    const status = await fresh.status();
    expect(status.installed).toBeNull();
    expect(status.installedError).toMatch(/bị hỏng/);
    await expect(fresh.provider().tours()).rejects.toThrow(/bị hỏng/);
    const source = createTourSource([fresh.provider(), builtInProvider([BUILT_IN])]);
    expect((await source.find(BUILT_IN.id))?.tour.steps[0].say.vi).toBe(BUILT_IN.steps[0].say.vi);
    expect(await stored()).toEqual(edited);
  });

  it('a record in another shape is reported, never silently dropped', async () => {
    await local().set({ [INSTALLED_KEY]: { v: 1, text: 42 } });
    const status = await newChannel().status();
    expect(status.installedError).toMatch(/bị hỏng/);
    expect(await stored()).toEqual({ v: 1, text: 42 });
  });

  it('a pack stops counting when its key is no longer pinned in this build', async () => {
    await installVersion2();
    const unpinned = newChannel(() => Promise.resolve([otherKeys.publicSpki]));
    expect((await unpinned.status()).installedError).toMatch(/bị hỏng/);
  });
});
