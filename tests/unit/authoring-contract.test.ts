import { readFileSync } from 'node:fs';
import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { AUTHOR_MODE_KEY, createAuthorModeStore, parseAuthorMode } from '../../extension/authoring/author-mode';
import { createDraftStore, DRAFTS_KEY } from '../../extension/authoring/drafts';
import { builtInProvider, createTourSource } from '../../extension/tour-source';
import { Tour } from '../../engine/schema';

const tour = Tour.parse(JSON.parse(readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8')));
const local = () => fakeBrowser.storage.local as unknown as Browser.Storage.StorageArea;

beforeEach(() => fakeBrowser.reset());

describe('author mode flag', () => {
  it('is off by default and on only for a well-formed record', async () => {
    const store = createAuthorModeStore(local());
    expect(await store.read()).toEqual({ on: false });
    await store.set(true);
    expect(await store.read()).toEqual({ on: true });
  });

  it.each([[true], ['on'], [{ on: true }], [{ v: 2, on: true }], [null]])('reads a damaged record %j as off and says so', (raw) => {
    const read = parseAuthorMode(raw);
    expect(read.on).toBe(false);
    expect(read.problem).toMatch(/bị hỏng/);
  });

  it('uses the documented key', async () => {
    await createAuthorModeStore(local()).set(true);
    expect(await local().get(AUTHOR_MODE_KEY)).toEqual({ [AUTHOR_MODE_KEY]: { v: 1, on: true } });
  });
});

describe('draft store', () => {
  it('keeps an incomplete draft with its problems and runs only valid ones', async () => {
    const drafts = createDraftStore(local(), () => 42);
    await drafts.put('nhap', { id: 'nhap', steps: [] });
    await drafts.put(tour.id, tour);
    const read = await drafts.list();
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const broken = read.drafts.find((d) => d.id === 'nhap')!;
    expect(broken.tour).toBeUndefined();
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(read.drafts.find((d) => d.id === tour.id)?.savedAt).toBe(42);
    expect((await drafts.runnable()).map((t) => t.id)).toEqual([tour.id]);
    await drafts.remove(tour.id);
    expect(await drafts.runnable()).toEqual([]);
  });

  it('reports a damaged store and refuses to write over it', async () => {
    await local().set({ [DRAFTS_KEY]: { v: 1, tours: 'oops' } });
    const drafts = createDraftStore(local());
    expect(await drafts.list()).toMatchObject({ ok: false, error: expect.stringMatching(/bị hỏng/) });
    await expect(drafts.put('x', {})).rejects.toThrow(/không ghi đè/);
    expect(await local().get(DRAFTS_KEY)).toEqual({ [DRAFTS_KEY]: { v: 1, tours: 'oops' } });
  });
});

describe('tour source', () => {
  const renamed = { ...tour, title: { vi: 'Bản mới' } };

  it('lets the first provider win and marks draft tours', async () => {
    const source = createTourSource([{ name: 'drafts', draft: true, tours: async () => [renamed] }, builtInProvider([tour])]);
    expect(await source.find(tour.id)).toEqual({ tour: renamed, draft: true });
    expect(await source.list()).toHaveLength(1);
  });

  it('skips a failing provider and keeps the others', async () => {
    const source = createTourSource([
      { name: 'packs', draft: false, tours: async () => Promise.reject(new Error('unreadable')) },
      builtInProvider([tour]),
    ]);
    expect(await source.find(tour.id)).toEqual({ tour, draft: false });
    expect(await source.find('missing')).toBeUndefined();
  });
});
