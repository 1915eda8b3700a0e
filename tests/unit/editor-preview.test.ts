import { readFileSync } from 'node:fs';
import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../extension/background/router';
import { createReportStore } from '../../extension/background/report-store';
import { createRunStore } from '../../extension/background/run-store';
import type { BackgroundToContent, PreviewReply } from '../../extension/messages';
import type { RunState } from '../../engine/runner';
import { Tour } from '../../engine/schema';

const tour = Tour.parse(JSON.parse(readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8')));
const EXT = 'dan-buoc-test';
const BASE = `chrome-extension://${EXT}/`;
const TAB = 7;
const HOME = 'https://dichvucong.gov.vn/';
const editor = { id: EXT, url: `${BASE}editor.html` };
const preview = (stepIndex: number, extra: Record<string, unknown> = {}) => ({ kind: 'editor:preview', tabId: TAB, tourId: tour.id, stepIndex, ...extra });

let authorOn: boolean;
let notified: Array<[number, BackgroundToContent]>;
let tabUrls: Map<number, string>;
let router: ReturnType<typeof createRouter>;
const stored = async () => (await fakeBrowser.storage.session.get(`run:${TAB}`))[`run:${TAB}`] as RunState | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  authorOn = true;
  notified = [];
  tabUrls = new Map([[TAB, HOME]]);
  router = createRouter({
    store: createRunStore(fakeBrowser.storage.session as unknown as Browser.Storage.StorageArea),
    reports: createReportStore(fakeBrowser.storage.local as unknown as Browser.Storage.StorageArea, '0.1.0'),
    findTour: async (id) => (id === tour.id ? { tour, draft: true } : undefined),
    now: () => 5,
    extensionId: EXT,
    extensionBaseUrl: BASE,
    tabUrl: async (tabId) => tabUrls.get(tabId),
    notifyTab: async (tabId, message) => void notified.push([tabId, message]),
    openUrl: async () => undefined,
    authorMode: async () => authorOn,
  });
});

describe('editor:preview', () => {
  it('starts the draft at the chosen step on the tab and draws it there, marked as a draft', async () => {
    const reply = (await router.handle(preview(1), editor)) as PreviewReply;
    expect(reply).toEqual({ ok: true, status: 'active', url: HOME });
    expect(await stored()).toMatchObject({ tourId: tour.id, stepIndex: 1, status: 'active' });
    expect(notified).toHaveLength(1);
    expect(notified[0][1].snapshot).toMatchObject({ draft: true, run: { stepIndex: 1 } });
  });

  it('waits away when the tab is not on that step’s page yet', async () => {
    expect(await router.handle(preview(3), editor)).toEqual({ ok: true, status: 'away', url: HOME });
    expect(await stored()).toMatchObject({ stepIndex: 3, status: 'away' });
  });

  it('refuses when author mode is off, touching nothing', async () => {
    authorOn = false;
    const reply = (await router.handle(preview(1), editor)) as PreviewReply;
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(/Chế độ soạn hướng dẫn/);
    expect(await stored()).toBeUndefined();
    expect(notified).toEqual([]);
  });

  it('refuses a step past the end, an unknown tour and a tab that is not a portal page', async () => {
    expect(await router.handle(preview(tour.steps.length), editor)).toMatchObject({ ok: false });
    expect(await router.handle({ ...preview(0), tourId: 'khong-co' }, editor)).toMatchObject({ ok: false });
    tabUrls.delete(TAB);
    expect(await router.handle(preview(0), editor)).toMatchObject({ ok: false });
    expect(await stored()).toBeUndefined();
  });

  it('is not accepted from a content script, another extension, or with extra fields', () => {
    const page = { id: EXT, url: HOME, frameId: 0, tab: { id: TAB, url: HOME } as Browser.Tabs.Tab };
    expect(router.handle(preview(1), page)).toBeUndefined();
    expect(router.handle(preview(1), { ...editor, id: 'evil' })).toBeUndefined();
    expect(router.handle(preview(1, { extra: 1 }), editor)).toBeUndefined();
    expect(router.handle(preview(-1), editor)).toBeUndefined();
  });
});
