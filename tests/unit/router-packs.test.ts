import { readFileSync } from 'node:fs';
import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PACK_LIMITS } from '../../engine/pack/format';
import { Tour } from '../../engine/schema';
import { createReportStore } from '../../extension/background/report-store';
import { createRouter } from '../../extension/background/router';
import { createRunStore } from '../../extension/background/run-store';
import type { PacksToBackground } from '../../extension/messages';

const tour = Tour.parse(JSON.parse(readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8')));
const EXT = 'dan-buoc-test';
const BASE = `chrome-extension://${EXT}/`;
const HOME = 'https://dichvucong.gov.vn/';

type Sender = Parameters<ReturnType<typeof createRouter>['handle']>[1];
const optionsPage: Sender = { id: EXT, url: `${BASE}options.html` };
const content: Sender = { id: EXT, url: HOME, frameId: 0, tab: { id: 7, url: HOME } as Browser.Tabs.Tab };

let onPacks: ReturnType<typeof vi.fn<(message: PacksToBackground) => Promise<unknown>>>;
let router: ReturnType<typeof createRouter>;

beforeEach(() => {
  fakeBrowser.reset();
  onPacks = vi.fn(async (_message: PacksToBackground): Promise<unknown> => ({ view: null, notice: null }));
  router = createRouter({
    store: createRunStore(fakeBrowser.storage.session as unknown as Browser.Storage.StorageArea),
    reports: createReportStore(fakeBrowser.storage.local as unknown as Browser.Storage.StorageArea, '0.1.0'),
    findTour: async () => undefined,
    now: () => 1,
    extensionId: EXT,
    extensionBaseUrl: BASE,
    tabUrl: async () => HOME,
    notifyTab: async () => undefined,
    openUrl: async () => undefined,
    listTours: async () => [{ tour, draft: false }],
    onPacks,
  });
});

const setUrl = { kind: 'options:packs-set-url', url: 'https://goi.example.vn/goi.json' };

describe('router: tour-pack messages', () => {
  it('passes well-formed pack messages from an extension page to the pack channel', async () => {
    await router.handle(setUrl, optionsPage);
    await router.handle({ kind: 'options:packs-load-local', fileName: 'goi.json', text: '{}' }, optionsPage);
    expect(onPacks.mock.calls.map(([message]) => message)).toEqual([setUrl, { kind: 'options:packs-load-local', fileName: 'goi.json', text: '{}' }]);
  });

  it.each<[string, Sender]>([
    ['a content script on the portal', content],
    ['another extension', { ...optionsPage, id: 'evil-ext' }],
    ['a web page claiming to be the options page', { ...optionsPage, tab: { id: 3, url: 'https://evil.cc/' } as Browser.Tabs.Tab }],
  ])('ignores pack messages from %s', (_label, sender) => {
    expect(router.handle(setUrl, sender)).toBeUndefined();
    expect(router.handle({ kind: 'options:packs-remove' }, sender)).toBeUndefined();
    expect(router.handle({ kind: 'pages:tours' }, sender)).toBeUndefined();
    expect(onPacks).not.toHaveBeenCalled();
  });

  it.each([
    { ...setUrl, extra: 1 },
    { kind: 'options:packs-set-url', url: `https://goi.example.vn/${'a'.repeat(3000)}` },
    { kind: 'options:packs-set-url', url: 42 },
    { kind: 'options:packs-load-local', fileName: 'goi.json', text: 'x'.repeat(PACK_LIMITS.maxBytes + 1) },
    { kind: 'options:packs-load-local', fileName: 'x'.repeat(201), text: '{}' },
    { kind: 'options:packs-add-key', key: 'AAAA' },
  ])('rejects junk pack payload %#', (message) => {
    expect(router.handle(message, optionsPage)).toBeUndefined();
    expect(onPacks).not.toHaveBeenCalled();
  });

  it('lists the tours the background runs for the popup and desk console', async () => {
    expect(await router.handle({ kind: 'pages:tours' }, { id: EXT, url: `${BASE}popup.html` })).toEqual([{ tour, draft: false }]);
  });
});
