import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter, type RouterDeps } from '../../extension/background/router';
import { createReportStore, REPORTS_KEY } from '../../extension/background/report-store';
import { createRunStore } from '../../extension/background/run-store';
import type { BackgroundToContent, RunSnapshot, TabStatus } from '../../extension/messages';
import type { RunEffect, RunState } from '../../engine/runner';
import { Tour } from '../../engine/schema';
import { DEFAULT_PREFS } from '../../engine/prefs';

const tour = Tour.parse(JSON.parse(readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8')));
const EXT = 'dan-buoc-test';
const BASE = `chrome-extension://${EXT}/`;
const TAB = 7;
const HOME = 'https://dichvucong.gov.vn/';
const DETAIL = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/khai-sinh';
const [S0, S1, , , S4] = tour.steps.map((s) => s.id);

type Sender = Parameters<ReturnType<typeof createRouter>['handle']>[1];
const popup: Sender = { id: EXT, url: `${BASE}popup.html` };
const content = (url = HOME, extra: Partial<Sender> = {}): Sender =>
  ({ id: EXT, url, frameId: 0, tab: { id: TAB, url } as Browser.Tabs.Tab, ...extra }) as Sender;

let notified: Array<[number, BackgroundToContent]>;
let opened: Array<[number, string]>;
let effects: RunEffect[][];
let tabUrls: Map<number, string>;
let router: ReturnType<typeof createRouter>;
let draftTour = false;
const session = () => fakeBrowser.storage.session;
const stored = async () => (await session().get(`run:${TAB}`))[`run:${TAB}`] as RunState | undefined;

function run(partial: Partial<RunState> = {}): RunState {
  return { v: 1, tourId: tour.id, stepIndex: 0, status: 'active', startedAt: 1, updatedAt: 1, ...partial };
}

beforeEach(() => {
  fakeBrowser.reset();
  notified = [];
  draftTour = false;
  opened = [];
  effects = [];
  tabUrls = new Map([[TAB, HOME]]);
  let clock = 1000;
  const deps: RouterDeps = {
    store: createRunStore(fakeBrowser.storage.session as unknown as Browser.Storage.StorageArea),
    reports: createReportStore(fakeBrowser.storage.local as unknown as Browser.Storage.StorageArea, '0.1.0'),
    findTour: async (id) => (id === tour.id ? { tour, draft: draftTour } : undefined),
    now: () => clock++,
    extensionId: EXT,
    extensionBaseUrl: BASE,
    tabUrl: async (tabId) => tabUrls.get(tabId),
    notifyTab: async (tabId, message) => void notified.push([tabId, message]),
    openUrl: async (tabId, url) => void opened.push([tabId, url]),
    onEffects: async (_tabId, _tour, list) => void effects.push(list),
  };
  router = createRouter(deps);
});

const advance = (stepId: string, url = HOME) => ({ kind: 'content:event', event: { type: 'advance', stepId, url } });

describe('router: senders', () => {
  const forged: Array<[string, Sender, unknown]> = [
    ['another extension', { ...popup, id: 'evil-ext' }, { kind: 'popup:start', tabId: TAB, tourId: tour.id }],
    ['a content script on a look-alike origin', content('https://dichvucong.gov.vn.evil.cc/'), { kind: 'content:hello', url: 'https://dichvucong.gov.vn.evil.cc/' }],
    ['a content script on http', content('http://dichvucong.gov.vn/'), { kind: 'content:hello', url: 'http://dichvucong.gov.vn/' }],
    // Match patterns ignore the port: the sender check compares exact origins, port included.
    ['a content script on the right host but another port', content('https://dichvucong.gov.vn:8443/'), { kind: 'content:hello', url: 'https://dichvucong.gov.vn:8443/' }],
    ['a content script on a URL with the portal as user name', content('https://dichvucong.gov.vn@evil.cc/'), { kind: 'content:hello', url: 'https://dichvucong.gov.vn@evil.cc/' }],
    ['a content script of another extension', content(HOME, { id: 'evil-ext' }), advance(S0)],
    ['a web page claiming to be the popup', { id: EXT, url: `${BASE}popup.html`, tab: { id: TAB, url: 'https://evil.cc/' } as Browser.Tabs.Tab }, { kind: 'popup:start', tabId: TAB, tourId: tour.id }],
    ['an extension page of another base URL', { id: EXT, url: 'chrome-extension://evil-ext/popup.html' }, { kind: 'popup:start', tabId: TAB, tourId: tour.id }],
    ['a sender without url', { id: EXT }, { kind: 'popup:start', tabId: TAB, tourId: tour.id }],
    ['a content script sending a popup message', content(HOME), { kind: 'popup:start', tabId: TAB, tourId: tour.id }],
  ];

  it.each(forged)('ignores %s and never touches storage or tabs', async (_label, sender, message) => {
    await session().set({ [`run:${TAB}`]: run() });
    const set = vi.spyOn(session(), 'set');
    const remove = vi.spyOn(session(), 'remove');
    expect(router.handle(message, sender)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    expect(set).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect(await stored()).toEqual(run());
    expect(notified).toEqual([]);
    expect(opened).toEqual([]);
  });
});

describe('router: payloads', () => {
  const junk: unknown[] = [
    null, undefined, 'popup:start', 42, [], {},
    { kind: 'popup:hack', tabId: TAB },
    { kind: 'popup:start', tabId: TAB, tourId: tour.id, extra: true },
    { kind: 'popup:start', tabId: String(TAB), tourId: tour.id },
    { kind: 'popup:start', tabId: -1, tourId: tour.id },
    { kind: 'popup:start', tabId: 1.5, tourId: tour.id },
    { kind: 'popup:start', tabId: TAB, tourId: 'x'.repeat(100_000) },
    { kind: 'popup:start', tabId: TAB, tourId: tour.id, open: 'yes' },
    JSON.parse(`{"kind":"popup:start","tabId":${TAB},"tourId":"${tour.id}","__proto__":{"polluted":1}}`),
  ];

  it.each(junk.map((m) => [JSON.stringify(m)?.slice(0, 60), m]))('rejects popup payload %s', async (_label, message) => {
    expect(router.handle(message, popup)).toBeUndefined();
    expect(await session().get(null)).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects junk content payloads', async () => {
    await session().set({ [`run:${TAB}`]: run() });
    const bad = [
      { kind: 'content:event', event: { type: 'advance', stepId: S0 } },
      { kind: 'content:event', event: { type: 'advance', stepId: S0, url: HOME, extra: 1 } },
      { kind: 'content:event', event: { type: 'teleport', stepIndex: 4 } },
      { kind: 'content:event', event: { type: 'advance', stepId: 7, url: HOME } },
      { kind: 'content:event', event: { type: 'advance', stepId: S0, url: HOME + 'a'.repeat(5000) } },
      { kind: 'content:hello', url: HOME, tabId: 99 },
      { kind: 'content:event', event: { type: 'start', url: HOME } },
    ];
    for (const message of bad) expect(router.handle(message, content()), JSON.stringify(message).slice(0, 80)).toBeUndefined();
    expect(await stored()).toEqual(run());
  });

  it('ignores arbitrary JSON from either kind of sender unless it is a well-formed message', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (message) => {
        const kind = (message as { kind?: unknown } | null)?.kind;
        fc.pre(typeof kind !== 'string' || !/^(popup|content):/.test(kind));
        expect(router.handle(message, popup)).toBeUndefined();
        expect(router.handle(message, content())).toBeUndefined();
      }),
    );
  });
});

describe('router: runs', () => {
  it('popup:start stores a run, notifies the tab and reports status', async () => {
    const status = (await router.handle({ kind: 'popup:start', tabId: TAB, tourId: tour.id }, popup)) as TabStatus;
    expect(await stored()).toMatchObject({ tourId: tour.id, stepIndex: 0, status: 'active' });
    expect(status).toMatchObject({ url: HOME, tourTitle: tour.title.vi, stepCount: 5, storageError: null });
    expect(status.run).toEqual(await stored());
    expect(notified).toEqual([[TAB, { kind: 'bg:render', snapshot: { tour, run: await stored(), topUrl: HOME, prefs: DEFAULT_PREFS } }]]);
  });

  it('popup:start with open goes to the tour start when the tab is elsewhere', async () => {
    tabUrls.set(TAB, 'https://dichvucong.gov.vn/gioi-thieu');
    await router.handle({ kind: 'popup:start', tabId: TAB, tourId: tour.id, open: true }, popup);
    expect(opened).toEqual([[TAB, tour.start]]);
    expect(notified).toEqual([[TAB, { kind: 'bg:render', snapshot: null }]]);
    expect((await stored())?.status).toBe('away');
  });

  it('popup:start of an unknown tour fails without storing', async () => {
    await expect(router.handle({ kind: 'popup:start', tabId: TAB, tourId: 'khong-co' }, popup)).rejects.toThrow();
    expect(await session().get(null)).toEqual({});
  });

  it('content:hello returns the snapshot for the page', async () => {
    await session().set({ [`run:${TAB}`]: run() });
    const reply = (await router.handle({ kind: 'content:hello', url: HOME }, content())) as RunSnapshot;
    expect(reply.tour).toBe(tour);
    expect(reply.run).toMatchObject({ stepIndex: 0, status: 'active' });
    expect(await router.handle({ kind: 'content:hello', url: 'https://sso.dancuquocgia.gov.vn/' }, content())).toBeNull();
  });

  it('marks the snapshot of a draft tour, and only of a draft tour', async () => {
    await session().set({ [`run:${TAB}`]: run() });
    const official = (await router.handle({ kind: 'content:hello', url: HOME }, content())) as RunSnapshot;
    expect(official.draft).toBeUndefined();
    draftTour = true;
    const draft = (await router.handle({ kind: 'content:hello', url: HOME }, content())) as RunSnapshot;
    expect(draft.draft).toBe(true);
  });

  it('content:hello without a run, or with a closed run, returns null', async () => {
    expect(await router.handle({ kind: 'content:hello', url: HOME }, content())).toBeNull();
    await session().set({ [`run:${TAB}`]: run({ status: 'closed' }) });
    expect(await router.handle({ kind: 'content:hello', url: HOME }, content())).toBeNull();
  });

  it('content:event advance moves the run and persists it before replying', async () => {
    await session().set({ [`run:${TAB}`]: run() });
    const reply = (await router.handle(advance(S0), content())) as RunSnapshot;
    expect(reply.run.stepIndex).toBe(1);
    expect(await stored()).toEqual(reply.run);
  });

  it('does not advance on an event whose url origin differs from the sender', async () => {
    await session().set({ [`run:${TAB}`]: run() });
    const reply = (await router.handle(advance(S0, 'https://sso.dancuquocgia.gov.vn/'), content())) as RunSnapshot;
    expect(reply.run.stepIndex).toBe(0);
    expect(await stored()).toEqual(run());
  });

  it('popup:stop closes and popup:resume settles on the tab’s page', async () => {
    await session().set({ [`run:${TAB}`]: run({ stepIndex: 1 }) });
    await router.handle({ kind: 'popup:stop', tabId: TAB }, popup);
    expect((await stored())?.status).toBe('closed');
    expect(notified.at(-1)).toEqual([TAB, { kind: 'bg:render', snapshot: null }]);
    tabUrls.set(TAB, DETAIL);
    await router.handle({ kind: 'popup:resume', tabId: TAB }, popup);
    expect(await stored()).toMatchObject({ stepIndex: 3, status: 'active' });
  });

  it('reports corrupt stored state through popup:status and never replaces it silently', async () => {
    const garbage = { v: 99, tourId: '<script>', stepIndex: 'x' };
    await session().set({ [`run:${TAB}`]: garbage });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const status = (await router.handle({ kind: 'popup:status', tabId: TAB }, popup)) as TabStatus;
    expect(status.run).toBeNull();
    expect(status.storageError).toMatch(/tab 7 is invalid/);
    expect(await router.handle(advance(S0), content())).toBeNull();
    expect(await router.handle({ kind: 'content:hello', url: HOME }, content())).toBeNull();
    await router.handle({ kind: 'popup:resume', tabId: TAB }, popup);
    await router.handle({ kind: 'popup:stop', tabId: TAB }, popup);
    expect(await stored()).toEqual(garbage);
  });

  it('serializes concurrent events for one tab', async () => {
    await session().set({ [`run:${TAB}`]: run() });
    const replies = (await Promise.all([router.handle(advance(S0), content()), router.handle(advance(S0), content())])) as RunSnapshot[];
    expect(replies.map((r) => r.run.stepIndex)).toEqual([1, 1]);
    expect((await stored())?.stepIndex).toBe(1);
    await Promise.all([router.handle(advance(S1), content()), router.handle({ kind: 'content:event', event: { type: 'back', stepId: S1 } }, content())]);
    expect((await stored())?.stepIndex).toBe(2); // the back event was stale once the advance had run
  });

  it('completes a task once when the last step is passed twice at once', async () => {
    await session().set({ [`run:${TAB}`]: run({ stepIndex: 4 }) });
    await Promise.all([router.handle(advance(S4, DETAIL), content(DETAIL)), router.handle(advance(S4, DETAIL), content(DETAIL))]);
    expect(effects).toHaveLength(1);
    expect(effects[0].map((e) => e.type)).toEqual(['completeTask', 'finished', 'render']);
    expect((await stored())?.status).toBe('finished');
  });

  it('forgetTab removes the tab’s run', async () => {
    await session().set({ [`run:${TAB}`]: run(), 'run:8': run() });
    await router.forgetTab(TAB);
    expect(Object.keys(await session().get(null))).toEqual(['run:8']);
  });
});

describe('router: iframes', () => {
  const FRAME = 'https://tokhaidientu.moj.gov.vn/to-khai/khai-sinh';
  const inFrame = (url = FRAME) => content(url, { frameId: 3, tab: { id: TAB, url: HOME } as Browser.Tabs.Tab });

  it('answers an iframe hello with the run and the top URL, without moving the run', async () => {
    await session().set({ [`run:${TAB}`]: run({ stepIndex: 1 }) });
    const reply = (await router.handle({ kind: 'content:hello', url: FRAME }, inFrame())) as RunSnapshot;
    expect(reply.run.stepIndex).toBe(1);
    expect(reply.topUrl).toBe(HOME);
    expect(await stored()).toEqual(run({ stepIndex: 1 }));
  });

  // Chrome names an iframe whose document arrived late by its first document, about:blank.
  it('hears an iframe still named about:blank by the origin the browser gives, and only an allowed one', async () => {
    await session().set({ [`run:${TAB}`]: run({ stepIndex: 1 }) });
    const late = (origin: string) => content('about:blank', { frameId: 4, origin, tab: { id: TAB, url: HOME } as Browser.Tabs.Tab });
    const reply = (await router.handle({ kind: 'content:hello', url: FRAME }, late('https://tokhaidientu.moj.gov.vn'))) as RunSnapshot;
    expect(reply.run.stepIndex).toBe(1);
    expect(router.handle({ kind: 'content:hello', url: 'https://evil.cc/' }, late('https://evil.cc'))).toBeUndefined();
    expect(router.handle({ kind: 'content:hello', url: FRAME }, content('about:blank', { frameId: 4, tab: { id: TAB, url: HOME } as Browser.Tabs.Tab }))).toBeUndefined();
    // A hello that claims another origin than its frame's is not answered with the run.
    expect(await router.handle({ kind: 'content:hello', url: FRAME }, late('https://dichvucong.gov.vn'))).toBeNull();
  });

  it('ignores page events from iframes: their URL is not the page of the journey', async () => {
    await session().set({ [`run:${TAB}`]: run({ stepIndex: 1 }) });
    await router.handle({ kind: 'content:event', event: { type: 'page', url: FRAME } }, inFrame());
    expect(await stored()).toEqual(run({ stepIndex: 1 }));
  });

  it('lets an iframe advance its step, judged against the top URL, and tells every frame', async () => {
    await session().set({ [`run:${TAB}`]: run({ stepIndex: 0 }) });
    const reply = (await router.handle(advance(S0, FRAME), inFrame())) as RunSnapshot;
    expect(reply.run.stepIndex).toBe(1);
    expect(reply.run.status).toBe('active');
    expect(notified.at(-1)?.[1]).toMatchObject({ kind: 'bg:render', snapshot: { topUrl: HOME } });
  });
});

describe('router: broken-step reports', () => {
  const report = { kind: 'content:report', report: { tourId: tour.id, stepId: S1, failed: ['role:button', 'css'] } };

  it('stores ids, the URL path and failed strategy kinds only, counting repeats', async () => {
    await router.handle(report, content(`${DETAIL}?ma=SECRET-123#x`));
    await router.handle(report, content(`${DETAIL}?ma=SECRET-456`));
    const list = (await router.handle({ kind: 'options:reports' }, popup)) as { ok: true; items: Array<Record<string, unknown>> };
    expect(list.ok).toBe(true);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ tourId: tour.id, stepId: S1, path: '/thu-tuc-hanh-chinh/khai-sinh', count: 2, failed: ['role:button', 'css'] });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('SECRET');
  });

  it('rejects report payloads with extra fields or page content', async () => {
    const bad = { kind: 'content:report', report: { ...report.report, pageText: 'Nguyễn Văn An' } };
    expect(router.handle(bad, content())).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('moves corrupt stored reports aside and says so instead of dropping them', async () => {
    await fakeBrowser.storage.local.set({ [REPORTS_KEY]: { v: 1, items: 'garbage' } });
    const before = (await router.handle({ kind: 'options:reports' }, popup)) as { ok: boolean; error?: string };
    expect(before.ok).toBe(false);
    expect(before.error).toMatch(/invalid/);
    await router.handle(report, content(DETAIL));
    const all = await fakeBrowser.storage.local.get(null);
    const aside = Object.keys(all).find((k) => k.startsWith(`${REPORTS_KEY}:corrupt:`));
    expect(aside && all[aside]).toEqual({ v: 1, items: 'garbage' });
    const after = (await router.handle({ kind: 'options:reports' }, popup)) as { ok: true; items: unknown[]; quarantined: string[] };
    expect(after.items).toHaveLength(1);
    expect(after.quarantined).toEqual([aside]);
  });

  it('clears every report, including quarantined ones', async () => {
    await fakeBrowser.storage.local.set({ [`${REPORTS_KEY}:corrupt:1`]: 'x' });
    await router.handle(report, content(DETAIL));
    await router.handle({ kind: 'options:clear-reports' }, popup);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
