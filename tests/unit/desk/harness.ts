import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { createDesk, type BrowserFlavor, type Removal } from '../../../extension/background/desk';
import { createReportStore } from '../../../extension/background/report-store';
import { createRouter } from '../../../extension/background/router';
import { createRunStore } from '../../../extension/background/run-store';
import { createMember, ensureSettings } from '../../../extension/desk/store';
import { startDeskSession } from '../../../extension/desk/session-store';
import { IdbStorage } from '../../../extension/sessions-db/idb-storage';
import type { BackgroundToContent } from '../../../extension/messages';
import { Tour } from '../../../engine/schema';
import type { Session } from '../../../sessions';

/** The background as index.ts wires it, with a fresh fake IndexedDB database and fake tabs per test. */
export const tour = Tour.parse(JSON.parse(readFileSync(new URL('../../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8')));
export const EXT = 'dan-buoc-test';
export const BASE = `chrome-extension://${EXT}/`;
export const TAB = 7;
export const HOME = 'https://dichvucong.gov.vn/';
export const DETAIL = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/khai-sinh';
/** 2026-03-02 08:00 in Vietnam: session timestamps must be real epoch milliseconds. */
export const T0 = Date.UTC(2026, 2, 2, 1, 0);
export const STEP_IDS = tour.steps.map((s) => s.id);

export type Sender = Parameters<ReturnType<typeof createRouter>['handle']>[1];
export const deskPage: Sender = { id: EXT, url: `${BASE}sidepanel.html` };
export const contentAt = (url = HOME, extra: Partial<Sender> = {}): Sender =>
  ({ id: EXT, url, frameId: 0, tab: { id: TAB, url } as Browser.Tabs.Tab, ...extra }) as Sender;
export const advance = (stepId: string, url = HOME) => ({ kind: 'content:event', event: { type: 'advance', stepId, url } });

let databases = 0;

export interface Harness {
  db: IdbStorage;
  router: ReturnType<typeof createRouter>;
  desk: ReturnType<typeof createDesk>;
  opened: Array<[number, string]>;
  notified: Array<[number, BackgroundToContent]>;
  removals: Removal[];
  closedFor: string[][];
  tabUrls: Map<number, string | undefined>;
  clock: { now: number };
  /** A profile, and a session started by it (consent agreed unless told otherwise). */
  openSession(agreed?: boolean): Promise<Session>;
  session(id: string): Promise<Session | undefined>;
  run(): Promise<unknown>;
}

export async function harness(flavor: BrowserFlavor = 'chrome'): Promise<Harness> {
  fakeBrowser.reset();
  const db = await IdbStorage.open(`desk-test-${databases++}`);
  const opened: Array<[number, string]> = [];
  const notified: Array<[number, BackgroundToContent]> = [];
  const removals: Removal[] = [];
  const closedFor: string[][] = [];
  const tabUrls = new Map<number, string | undefined>([[TAB, HOME]]);
  const clock = { now: T0 };
  const desk = createDesk({
    storage: async () => db,
    flavor,
    removeBrowsingData: async (removal) => void removals.push(removal),
    closeTabs: async (origins) => {
      closedFor.push([...origins]);
      return 1;
    },
  });
  const router = createRouter({
    store: createRunStore(fakeBrowser.storage.session as unknown as Browser.Storage.StorageArea),
    reports: createReportStore(fakeBrowser.storage.local as unknown as Browser.Storage.StorageArea, '0.1.0'),
    findTour: async (id) => (id === tour.id ? { tour, draft: false } : undefined),
    now: () => (clock.now += 1000),
    extensionId: EXT,
    extensionBaseUrl: BASE,
    tabUrl: async (tabId) => tabUrls.get(tabId),
    notifyTab: async (tabId, message) => void notified.push([tabId, message]),
    openUrl: async (tabId, url) => void opened.push([tabId, url]),
    onEffects: desk.onEffects,
    onVisit: desk.onVisit,
    signOut: desk.signOut,
    onHelp: desk.onHelp,
  });
  const h: Harness = {
    db,
    router,
    desk,
    opened,
    notified,
    removals,
    closedFor,
    tabUrls,
    clock,
    async openSession(agreed = true) {
      await ensureSettings(db);
      const member = await createMember(db, { displayName: 'Nguyễn Thị Hoa', team: 'Tổ CNS thôn Đông', commune: 'Xã Tân Lập' }, clock.now);
      if (!member.ok) throw new Error(member.error.en);
      const started = await startDeskSession(db, { id: crypto.randomUUID(), memberId: member.value.id, agreed, at: clock.now });
      if (!started.ok) throw new Error(started.error.en);
      return started.value;
    },
    async session(id) {
      return (await db.get('sessions', id)) as Session | undefined;
    },
    async run() {
      return (await fakeBrowser.storage.session.get(`run:${TAB}`))[`run:${TAB}`];
    },
  };
  return h;
}
