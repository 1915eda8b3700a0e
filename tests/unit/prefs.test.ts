import { readFileSync } from 'node:fs';
import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { createReportStore } from '../../extension/background/report-store';
import { createRouter } from '../../extension/background/router';
import { createRunStore } from '../../extension/background/run-store';
import type { BackgroundToContent, RunSnapshot } from '../../extension/messages';
import { createPrefsStore, parsePrefs, PREFS_KEY } from '../../extension/prefs/store';
import { DEFAULT_PREFS, type GuidePrefs } from '../../engine/prefs';
import { Tour } from '../../engine/schema';

const tour = Tour.parse(JSON.parse(readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8')));
const local = () => fakeBrowser.storage.local as unknown as Browser.Storage.StorageArea;
const BIG: GuidePrefs = { v: 1, textSize: 200, contrast: 'high', lang: 'en', alwaysRead: true, rate: 'slow' };

beforeEach(() => fakeBrowser.reset());

describe('prefs in storage.local', () => {
  it('reads the defaults when nothing is stored, and a valid record as stored, under the key "prefs"', async () => {
    const store = createPrefsStore(local());
    expect(await store.read()).toEqual({ ok: true, prefs: DEFAULT_PREFS });
    await store.write(BIG);
    expect((await fakeBrowser.storage.local.get(PREFS_KEY))[PREFS_KEY]).toEqual(BIG);
    expect(await store.read()).toEqual({ ok: true, prefs: BIG });
  });

  it.each([
    ['a text size that is not A / A+ / A++', { ...BIG, textSize: 300 }],
    ['an unknown key', { ...BIG, theme: 'dark' }],
    ['a missing field', { v: 1, textSize: 100 }],
    ['not an object', 'big'],
    ['a language that is not a code', { ...BIG, lang: '<script>' }],
  ])('reports %s as damaged, showing the defaults without overwriting what is stored', async (_label, raw) => {
    await fakeBrowser.storage.local.set({ [PREFS_KEY]: raw });
    const read = await createPrefsStore(local()).read();
    expect(read).toMatchObject({ ok: false, prefs: DEFAULT_PREFS, problem: { kind: 'corrupt' } });
    expect((await fakeBrowser.storage.local.get(PREFS_KEY))[PREFS_KEY]).toEqual(raw);
  });

  it('reports a record of another version as such, in Vietnamese, and "Đặt lại mặc định" replaces it', async () => {
    await fakeBrowser.storage.local.set({ [PREFS_KEY]: { ...BIG, v: 2 } });
    const store = createPrefsStore(local());
    const read = await store.read();
    expect(read).toMatchObject({ ok: false, problem: { kind: 'unknown-version' } });
    expect(!read.ok && read.problem.vi).toMatch(/phiên bản Dẫn Bước khác/);
    await store.reset();
    expect(await store.read()).toEqual({ ok: true, prefs: DEFAULT_PREFS });
  });

  it('refuses to write an invalid record', async () => {
    await expect(createPrefsStore(local()).write({ ...BIG, rate: 'fast' } as unknown as GuidePrefs)).rejects.toThrow();
    expect(parsePrefs(undefined)).toEqual({ ok: true, prefs: DEFAULT_PREFS });
  });
});

describe('the background sends the prefs with every snapshot', () => {
  const EXT = 'dan-buoc-test';
  const HOME = 'https://dichvucong.gov.vn/';
  let notified: Array<[number, BackgroundToContent]>;

  function router() {
    notified = [];
    const prefs = createPrefsStore(local());
    return createRouter({
      store: createRunStore(fakeBrowser.storage.session as unknown as Browser.Storage.StorageArea),
      reports: createReportStore(local(), '0.1.0'),
      findTour: async (id) => (id === tour.id ? { tour, draft: false } : undefined),
      now: () => 1000,
      extensionId: EXT,
      extensionBaseUrl: `chrome-extension://${EXT}/`,
      tabUrl: async () => HOME,
      notifyTab: async (tabId, message) => void notified.push([tabId, message]),
      openUrl: async () => undefined,
      prefs: async () => (await prefs.read()).prefs,
    });
  }
  const content = { id: EXT, url: HOME, frameId: 0, tab: { id: 7, url: HOME } as Browser.Tabs.Tab };
  const active = { v: 1, tourId: tour.id, stepIndex: 0, status: 'active', startedAt: 1, updatedAt: 1 };

  it('DEFAULT_PREFS when none are stored, the stored ones otherwise', async () => {
    const r = router();
    await fakeBrowser.storage.session.set({ 'run:7': active });
    const first = (await r.handle({ kind: 'content:hello', url: HOME }, content)) as RunSnapshot;
    expect(first.prefs).toEqual(DEFAULT_PREFS);
    await createPrefsStore(local()).write(BIG);
    const second = (await r.handle({ kind: 'content:hello', url: HOME }, content)) as RunSnapshot;
    expect(second.prefs).toEqual(BIG);
  });

  it('DEFAULT_PREFS when the stored ones are damaged: the tour keeps working', async () => {
    const r = router();
    await fakeBrowser.storage.session.set({ 'run:7': active });
    await fakeBrowser.storage.local.set({ [PREFS_KEY]: { v: 1, textSize: 'huge' } });
    const reply = (await r.handle({ kind: 'content:hello', url: HOME }, content)) as RunSnapshot;
    expect(reply.prefs).toEqual(DEFAULT_PREFS);
  });

  it('re-broadcasts the live run of each tab with the new prefs, and nothing to tabs without one', async () => {
    const r = router();
    await fakeBrowser.storage.session.set({ 'run:7': active, 'run:8': { ...active, status: 'closed' } });
    await createPrefsStore(local()).write(BIG);
    await r.refreshTabs([7, 8, 9]);
    expect(notified).toHaveLength(1);
    expect(notified[0][0]).toBe(7);
    expect(notified[0][1].snapshot?.prefs).toEqual(BIG);
  });
});
