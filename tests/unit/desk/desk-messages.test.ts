import fc from 'fast-check';
import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signOutRemoval } from '../../../extension/background/desk';
import { META_KEYS } from '../../../extension/desk/records';
import { endDeskSession } from '../../../extension/desk/session-store';
import type { SignOutReply, TabStatus } from '../../../extension/messages';
import { BASE, contentAt, deskPage, EXT, HOME, harness, TAB, tour, type Harness, type Sender } from './harness';

let h: Harness;

beforeEach(async () => {
  h = await harness();
});

const start = { kind: 'desk:start-tour', tabId: TAB, tourId: tour.id };

describe('desk:start-tour', () => {
  it('starts the tour on the citizen’s tab, which is already on the tour’s first page', async () => {
    const status = (await h.router.handle(start, deskPage)) as TabStatus;
    expect(status).toMatchObject({ url: HOME, tourTitle: tour.title.vi, run: { tourId: tour.id, stepIndex: 0, status: 'active' } });
    expect(h.opened).toEqual([]);
    expect(h.notified).toEqual([[TAB, { kind: 'bg:render', snapshot: expect.objectContaining({ run: status.run }) }]]);
  });

  it('opens the tour’s start page when the tab is elsewhere, or on a page the extension cannot read', async () => {
    h.tabUrls.set(TAB, 'https://dichvucong.gov.vn/gioi-thieu');
    await h.router.handle(start, deskPage);
    expect(h.opened).toEqual([[TAB, tour.start]]);
    h.tabUrls.set(8, undefined);
    await h.router.handle({ ...start, tabId: 8 }, deskPage);
    expect(h.opened).toEqual([
      [TAB, tour.start],
      [8, tour.start],
    ]);
    expect((await fakeBrowser.storage.session.get('run:8'))['run:8']).toMatchObject({ status: 'away', stepIndex: 0 });
  });

  it('never navigates one of the extension’s own pages (the console in a tab) away', async () => {
    h.tabUrls.set(9, `${BASE}sidepanel.html`);
    await expect(h.router.handle({ ...start, tabId: 9 }, deskPage)).rejects.toThrow(/not a citizen tab/);
    expect(h.opened).toEqual([]);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('fails for an unknown tour without storing anything', async () => {
    await expect(h.router.handle({ ...start, tourId: 'khong-co' }, deskPage)).rejects.toThrow();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  const forged: Array<[string, Sender]> = [
    ['another extension', { ...deskPage, id: 'evil-ext' }],
    ['a content script on a portal page', contentAt(HOME)],
    ['a web page claiming to be the console', { id: EXT, url: `${BASE}sidepanel.html`, tab: { id: TAB, url: 'https://evil.cc/' } as Browser.Tabs.Tab }],
    ['a page of another extension base URL', { id: EXT, url: 'chrome-extension://evil-ext/sidepanel.html' }],
    ['a sender without url', { id: EXT }],
  ];

  it.each(forged)('ignores %s: no run, no navigation, no sign-out', async (_label, sender) => {
    const session = await h.openSession();
    await h.desk.onVisit('https://dichvucong.gov.vn');
    await endDeskSession(h.db, session.id, undefined, h.clock.now + 1);
    expect(h.router.handle(start, sender)).toBeUndefined();
    expect(h.router.handle({ kind: 'desk:sign-out', sessionId: session.id, closeTabs: true }, sender)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(h.opened).toEqual([]);
    expect(h.removals).toEqual([]);
    expect(await h.db.get('meta', META_KEYS.visitedOrigins)).toMatchObject({ origins: ['https://dichvucong.gov.vn'] });
  });

  const junk: unknown[] = [
    { kind: 'desk:start-tour' },
    { kind: 'desk:start-tour', tabId: TAB },
    { kind: 'desk:start-tour', tabId: String(TAB), tourId: tour.id },
    { kind: 'desk:start-tour', tabId: -1, tourId: tour.id },
    { kind: 'desk:start-tour', tabId: 2.5, tourId: tour.id },
    { kind: 'desk:start-tour', tabId: TAB, tourId: 'x'.repeat(10_000) },
    { kind: 'desk:start-tour', tabId: TAB, tourId: tour.id, url: 'https://evil.cc/' },
    { kind: 'desk:start-tour', tabId: TAB, tourId: tour.id, citizen: { name: 'Nguyễn Văn An' } },
    { kind: 'desk:sign-out', sessionId: 'not-a-uuid', closeTabs: true },
    { kind: 'desk:sign-out', sessionId: crypto.randomUUID() },
    { kind: 'desk:sign-out', sessionId: crypto.randomUUID(), closeTabs: true, origins: ['https://evil.cc'] },
    JSON.parse(`{"kind":"desk:start-tour","tabId":${TAB},"tourId":"${tour.id}","__proto__":{"polluted":1}}`),
  ];

  it.each(junk.map((m) => [JSON.stringify(m).slice(0, 70), m]))('rejects the payload %s', async (_label, message) => {
    expect(h.router.handle(message, deskPage)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(h.opened).toEqual([]);
    expect(h.removals).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores arbitrary JSON that is not a well-formed desk message', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (message) => {
        const kind = (message as { kind?: unknown } | null)?.kind;
        fc.pre(typeof kind !== 'string' || !/^(popup|options|desk):/.test(kind));
        expect(h.router.handle(message, deskPage)).toBeUndefined();
      }),
    );
  });
});

describe('desk:sign-out', () => {
  const signOut = (sessionId: string, closeTabs = true) => h.router.handle({ kind: 'desk:sign-out', sessionId, closeTabs }, deskPage) as Promise<SignOutReply>;

  it('is refused while the session is still open', async () => {
    const session = await h.openSession();
    await h.desk.onVisit('https://dichvucong.gov.vn');
    expect(await signOut(session.id)).toMatchObject({ ok: false });
    expect(h.removals).toEqual([]);
  });

  it('clears exactly the visited origins, closes their tabs, then forgets the list', async () => {
    const session = await h.openSession();
    await h.desk.onVisit('https://dichvucong.gov.vn');
    await h.desk.onVisit('https://sso.dancuquocgia.gov.vn');
    await endDeskSession(h.db, session.id, 5, h.clock.now + 1);
    expect(await signOut(session.id)).toEqual({ ok: true, origins: ['https://dichvucong.gov.vn', 'https://sso.dancuquocgia.gov.vn'], closedTabs: 1 });
    expect(h.removals).toEqual([signOutRemoval(['https://dichvucong.gov.vn', 'https://sso.dancuquocgia.gov.vn'], 'chrome')]);
    expect(h.closedFor).toEqual([['https://dichvucong.gov.vn', 'https://sso.dancuquocgia.gov.vn']]);
    expect(await h.db.get('meta', META_KEYS.visitedOrigins)).toBeUndefined();
    expect(await signOut(session.id)).toEqual({ ok: true, origins: [], closedTabs: 0 });
    expect(h.removals).toHaveLength(1);
  });

  it('leaves tabs open when asked, and does nothing for another session’s id', async () => {
    const session = await h.openSession();
    await h.desk.onVisit('https://pay.vnpay.vn');
    await endDeskSession(h.db, session.id, undefined, h.clock.now + 1);
    expect(await signOut(crypto.randomUUID())).toEqual({ ok: true, origins: [], closedTabs: 0 });
    expect(h.removals).toEqual([]);
    expect(await signOut(session.id, false)).toMatchObject({ ok: true, origins: ['https://pay.vnpay.vn'], closedTabs: 0 });
    expect(h.closedFor).toEqual([]);
  });

  it('says so when the browser refuses, and keeps the list for another try', async () => {
    const session = await h.openSession();
    await h.desk.onVisit('https://dichvucong.gov.vn');
    await endDeskSession(h.db, session.id, undefined, h.clock.now + 1);
    vi.spyOn(h.removals, 'push').mockImplementation(() => {
      throw new Error('quota');
    });
    expect(await signOut(session.id)).toMatchObject({ ok: false, error: { vi: expect.stringContaining('không xoá được') } });
    expect(await h.db.get('meta', META_KEYS.visitedOrigins)).toMatchObject({ origins: ['https://dichvucong.gov.vn'] });
  });
});

describe('signOutRemoval', () => {
  const origins = ['https://dichvucong.gov.vn', 'https://evil.example', 'https://pay.vnpay.vn'];

  it('Chrome: origins (allow-listed only), cookies and site storage, never history or passwords', () => {
    expect(signOutRemoval(origins, 'chrome')).toEqual({
      options: { origins: ['https://dichvucong.gov.vn', 'https://pay.vnpay.vn'] },
      dataToRemove: { cookies: true, localStorage: true, indexedDB: true, cacheStorage: true, serviceWorkers: true },
    });
  });

  it('Firefox: bare host names, and only the data types Firefox clears by host name', () => {
    expect(signOutRemoval(origins, 'firefox')).toEqual({
      options: { hostnames: ['dichvucong.gov.vn', 'pay.vnpay.vn'] },
      dataToRemove: { cookies: true, localStorage: true, indexedDB: true, serviceWorkers: true },
    });
  });
});
