import { readFileSync } from 'node:fs';
import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../engine/pack';
import { Tour } from '../../engine/schema';
import { createAuthorModeStore } from '../../extension/authoring/author-mode';
import { createLocalPackStore, LOCAL_PACK_KEY } from '../../extension/packs/local-pack';
import { builtInProvider, createTourSource } from '../../extension/tour-source';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const FIND: Json = JSON.parse(readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8'));
delete FIND.$schema;
const BUILT_IN = Tour.parse(FIND);

function localPack(edit: (pack: Json) => void = () => {}): string {
  const tour = structuredClone(FIND);
  tour.steps[0].say.vi = 'Gói thử: gõ tên thủ tục.';
  const pack = { packId: 'goi-thu', version: 1, publishedAt: '2026-12-01', tours: [tour] };
  edit(pack);
  return canonicalJson(pack);
}

const local = () => fakeBrowser.storage.local as unknown as Browser.Storage.StorageArea;
const authorMode = () => createAuthorModeStore(local());
const store = () => createLocalPackStore(local(), async () => (await authorMode().read()).on);

beforeEach(() => fakeBrowser.reset());

describe('unsigned local pack (author mode only)', () => {
  it('is refused while author mode is off', async () => {
    expect(await store().load('goi.json', localPack())).toEqual({ ok: false, reason: 'author-mode-off' });
    expect((await local().get(LOCAL_PACK_KEY))[LOCAL_PACK_KEY]).toBeUndefined();
  });

  it('runs as drafts, before the built-in tours, only while author mode is on', async () => {
    await authorMode().set(true);
    expect(await store().load('goi.json', localPack())).toEqual({ ok: true });
    const source = createTourSource([store().provider(), builtInProvider([BUILT_IN])]);
    const found = await source.find(BUILT_IN.id);
    expect(found?.draft).toBe(true);
    expect(found?.tour.steps[0].say.vi).toBe('Gói thử: gõ tên thủ tục.');

    await authorMode().set(false);
    const after = await source.find(BUILT_IN.id);
    expect(after).toEqual({ tour: BUILT_IN, draft: false });
  });

  it.each([
    ['a look-alike site', (p: Json) => (p.tours[0].sites = ['https://dichvucong.gov.vn.example.com/*']), /danh sách trang được phép/],
    ['a key outside the schema', (p: Json) => (p.tours[0].onload = 'alert(1)'), /sai quy cách/],
  ])('is checked like a signed pack except the signature: %s is refused', async (_name, edit, message) => {
    await authorMode().set(true);
    const result = await store().load('goi.json', localPack(edit));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.message).toMatch(message);
    expect((await local().get(LOCAL_PACK_KEY))[LOCAL_PACK_KEY]).toBeUndefined();
  });

  it('text that is not JSON is refused', async () => {
    await authorMode().set(true);
    expect(await store().load('goi.json', '{"packId":')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('a stored local pack edited to point elsewhere is reported and skipped; built-in tours keep working', async () => {
    await authorMode().set(true);
    await store().load('goi.json', localPack());
    const raw = (await local().get(LOCAL_PACK_KEY))[LOCAL_PACK_KEY] as { text: string };
    await local().set({ [LOCAL_PACK_KEY]: { ...raw, text: raw.text.replaceAll('https://dichvucong.gov.vn', 'https://dichvucong.gov.vn.evil.example') } });
    expect((await store().read()).ok).toBe(false);
    const source = createTourSource([store().provider(), builtInProvider([BUILT_IN])]);
    expect(await source.find(BUILT_IN.id)).toEqual({ tour: BUILT_IN, draft: false });
  });
});
