import type Browser from 'webextension-polyfill';
import { DEFAULT_PREFS, type GuidePrefs } from '../../engine/prefs';
import { reduce, startRun, startRunAt, type RunEffect, type RunEvent, type RunState } from '../../engine/runner';
import type { SpeakResult } from '../../engine/prefs';
import type { Tour } from '../../engine/schema';
import { isAllowedOrigin, originOf } from '../../engine/sites';
import {
  ContentToBackground,
  DeskToBackground,
  EditorToBackground,
  OptionsToBackground,
  PacksToBackground,
  PopupToBackground,
  ToursRequest,
  type BackgroundToContent,
  type ContentReply,
  type PreviewReply,
  type SignOutReply,
  type TabStatus,
} from '../messages';
import type { ReportList, ReportStore } from './report-store';
import type { RunStore } from './run-store';
import type { Speaker } from './tts';
import type { FoundTour } from '../tour-source';

export interface RouterDeps {
  store: RunStore;
  reports: ReportStore;
  /** built-in, installed pack or (author mode) draft: see extension/tour-source */
  findTour(id: string): Promise<FoundTour | undefined>;
  now(): number;
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/` */
  extensionBaseUrl: string;
  tabUrl(tabId: number): Promise<string | undefined>;
  notifyTab(tabId: number, message: BackgroundToContent): Promise<void>;
  openUrl(tabId: number, url: string): Promise<void>;
  onEffects?(tabId: number, tour: Tour, effects: RunEffect[]): Promise<void>;
  /** A content script on an allow-listed origin loaded: that origin is remembered for the open assisted session. */
  onVisit?(origin: string): Promise<void>;
  /** The desk console asks to sign the citizen out of the portals a finished session used. */
  signOut?(sessionId: string, closeTabs: boolean): Promise<SignOutReply>;
  /** Read-aloud through chrome.tts; absent where the browser has no tts API (Firefox speaks in the page). */
  speaker?: Pick<Speaker, 'speak' | 'stop'>;
  /** The citizen's display and reading choices, sent with every snapshot (defaults when none or unreadable). */
  prefs?(): Promise<GuidePrefs>;
  /** "Nhờ cán bộ giúp" on a step of the tab's running tour: the desk console flags its task. */
  onHelp?(tour: Tour, stepId: string, at: number): Promise<void>;
  /** Every runnable tour, for the popup and desk console lists (extension/tour-source). */
  listTours?(): Promise<FoundTour[]>;
  /** The options page's tour-pack section (extension/packs). */
  onPacks?(message: PacksToBackground): Promise<unknown>;
  /** Author mode is on: only then may the editor preview a draft. Absent = off. */
  authorMode?(): Promise<boolean>;
}

/** `origin`: set by Chrome (not in the polyfill's types), the frame's real origin. */
type Sender = Pick<Browser.Runtime.MessageSender, 'id' | 'url' | 'tab' | 'frameId'> & { origin?: string };

/**
 * Where a content script's message comes from. An iframe whose document arrived late may still be
 * named by its first document, about:blank (Chrome); the origin the browser gives is then the real one.
 */
function originOfSender(sender: Sender): string | undefined {
  const origin = originOf(sender.url ?? '');
  return origin && origin !== 'null' ? origin : sender.origin;
}

/**
 * The background's message handling: checks who is asking, parses what they ask with zod, runs the
 * pure runner and awaits every write before it answers. Work for one tab runs one message at a time,
 * so two quick events cannot both read the old state.
 */
export function createRouter(deps: RouterDeps) {
  const queues = new Map<number, Promise<unknown>>();

  function serial<T>(tabId: number, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(tabId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    queues.set(tabId, next);
    void next.finally(() => queues.get(tabId) === next && queues.delete(tabId)).catch(() => undefined);
    return next;
  }

  const fromExtensionPage = (sender: Sender) =>
    sender.id === deps.extensionId && !sender.tab?.url?.startsWith('http') && Boolean(sender.url?.startsWith(deps.extensionBaseUrl));

  const fromContentScript = (sender: Sender) =>
    sender.id === deps.extensionId &&
    sender.tab?.id !== undefined &&
    isAllowedOrigin(originOfSender(sender) ?? '');

  async function apply(tabId: number, run: RunState, event: RunEvent): Promise<RunState> {
    const tour = (await deps.findTour(run.tourId))?.tour;
    if (!tour) return run;
    const { state, effects } = reduce(tour, run, event);
    if (state !== run) await deps.store.set(tabId, state);
    if (effects.some((e) => e.type !== 'render')) await deps.onEffects?.(tabId, tour, effects);
    return state;
  }

  async function snapshot(run: RunState | null, topUrl?: string): Promise<ContentReply> {
    const found = run && (await deps.findTour(run.tourId));
    if (!run || !found) return null;
    const prefs = (await deps.prefs?.().catch(() => undefined)) ?? DEFAULT_PREFS;
    return { tour: found.tour, run, topUrl, prefs, ...(found.draft ? { draft: true } : {}) };
  }

  /** Every frame of the tab redraws: the step may move from an iframe to the top page or back. */
  async function broadcast(tabId: number, run: RunState, topUrl?: string) {
    await deps.notifyTab(tabId, { kind: 'bg:render', snapshot: run.status === 'active' ? await snapshot(run, topUrl) : null });
  }

  async function onContent(message: ContentToBackground, sender: Sender): Promise<ContentReply | SpeakResult> {
    const tabId = sender.tab!.id!;
    const senderOrigin = originOfSender(sender);
    const isTop = sender.frameId === 0;
    // An iframe's own URL says nothing about which page of the journey the tab is on.
    const topUrl = isTop ? undefined : sender.tab?.url;
    // Any word from a portal page (or a portal iframe) means the citizen's browser is on that origin.
    if (senderOrigin) await deps.onVisit?.(senderOrigin);
    if (message.kind === 'content:speak') return deps.speaker ? deps.speaker.speak(message.text, message.rate) : { ok: false, reason: 'no-voice' };
    if (message.kind === 'content:stop-speaking') {
      deps.speaker?.stop();
      return null;
    }
    if (message.kind === 'content:report') {
      const path = sender.url ? new URL(sender.url).pathname : '';
      await deps.reports.add(message.report, path, deps.now());
      return null;
    }
    return serial(tabId, async () => {
      const stored = await deps.store.get(tabId);
      if (!stored.ok) {
        console.error(`[Dẫn Bước] ${stored.error}`);
        return null;
      }
      const run = stored.run;
      if (!run) return null;
      const at = deps.now();
      if (message.kind === 'content:help') {
        // Only for the tour this tab is running: a page cannot flag another task.
        const tour = (await deps.findTour(run.tourId))?.tour;
        if (run.status === 'active' && run.tourId === message.tourId && tour?.steps.some((s) => s.id === message.stepId)) {
          await deps.onHelp?.(tour, message.stepId, at);
        }
        return null;
      }
      if (message.kind === 'content:hello') {
        if (originOf(message.url) !== senderOrigin) return null;
        if (run.status !== 'active' && run.status !== 'away') return null;
        if (!isTop) return snapshot(run, topUrl);
        return snapshot(await apply(tabId, run, { type: 'page', url: message.url, at }));
      }
      const event = message.event;
      if (!isTop && event.type === 'page') return snapshot(run, topUrl);
      // A top frame speaks for its own origin only; an iframe's events are judged on the tab's URL.
      if (isTop && 'url' in event && originOf(event.url) !== senderOrigin) return snapshot(run);
      const withUrl = 'url' in event && !isTop ? { ...event, url: topUrl ?? '' } : event;
      const next = await apply(tabId, run, { ...withUrl, at } as RunEvent);
      if (next !== run) await broadcast(tabId, next, sender.tab?.url);
      return snapshot(next, topUrl);
    });
  }

  async function status(tabId: number): Promise<TabStatus> {
    const url = (await deps.tabUrl(tabId)) ?? null;
    const stored = await deps.store.get(tabId);
    const run = stored.ok ? stored.run : null;
    const tour = run ? (await deps.findTour(run.tourId))?.tour : undefined;
    return {
      url,
      run: tour ? run : null,
      tourTitle: tour?.title.vi ?? null,
      stepCount: tour?.steps.length ?? 0,
      storageError: stored.ok ? null : stored.error,
    };
  }

  /**
   * Starts `tourId` on the tab: the run is stored first; if the tab is not on one of the tour's
   * pages yet and `open` is set, the tour's start page is opened and the content script picks the
   * run up on load. `url` undefined: a page the extension may not read, so not a tour page.
   */
  async function startTour(tabId: number, tourId: string, url: string | undefined, open: boolean): Promise<RunState> {
    const tour = (await deps.findTour(tourId))?.tour;
    if (!tour) throw new Error('Không tìm thấy hướng dẫn (tour not found)');
    const run = startRun(tour, url ?? '', deps.now()).state;
    await deps.store.set(tabId, run);
    if (open && tour.start && run.status === 'away') await deps.openUrl(tabId, tour.start);
    return run;
  }

  async function onPopup(message: PopupToBackground): Promise<TabStatus> {
    const { tabId } = message;
    return serial(tabId, async () => {
      if (message.kind === 'popup:status') return status(tabId);
      const url = await deps.tabUrl(tabId);
      const stored = await deps.store.get(tabId);
      const existing = stored.ok ? stored.run : null;
      let run: RunState | null = null;
      if (message.kind === 'popup:start') {
        // A page the extension may not read (no url) can still open the tour's start page in its tab.
        if (!url && !message.open) throw new Error('Không tìm thấy trang (tab not found)');
        run = await startTour(tabId, message.tourId, url, Boolean(message.open));
      } else if (message.kind === 'popup:resume' && existing && url) {
        run = await apply(tabId, existing, { type: 'resume', url, at: deps.now() });
      } else if (message.kind === 'popup:stop' && existing) {
        run = await apply(tabId, existing, { type: 'close', at: deps.now() });
      }
      if (run) await broadcast(tabId, run, url);
      return status(tabId);
    });
  }

  async function onDesk(message: DeskToBackground): Promise<TabStatus | SignOutReply> {
    if (message.kind === 'desk:sign-out') {
      if (!deps.signOut) return { ok: false, error: { vi: 'Chức năng đăng xuất chưa sẵn sàng.', en: 'Sign-out is not available.' } };
      return deps.signOut(message.sessionId, message.closeTabs);
    }
    const { tabId, tourId } = message;
    return serial(tabId, async () => {
      const url = await deps.tabUrl(tabId);
      // The citizen's tab is a web page: never navigate one of our own pages (the console itself) away.
      if (url?.startsWith(deps.extensionBaseUrl)) throw new Error('Tab của người dân là một trang web, không phải bàn làm việc (not a citizen tab)');
      const run = await startTour(tabId, tourId, url, true);
      await broadcast(tabId, run, url);
      return status(tabId);
    });
  }

  /** "Chạy thử từ bước này": a draft from step N on the chosen tab, in author mode only. */
  async function onEditor(message: EditorToBackground): Promise<PreviewReply> {
    const { tabId, tourId, stepIndex } = message;
    if (!(await deps.authorMode?.().catch(() => false))) {
      return { ok: false, error: 'Chế độ soạn hướng dẫn đang tắt nên không chạy thử được. Bật trong trang Cài đặt rồi thử lại.' };
    }
    return serial(tabId, async () => {
      const url = await deps.tabUrl(tabId);
      if (!url || url.startsWith(deps.extensionBaseUrl)) {
        return { ok: false, error: 'Thẻ đã chọn không phải trang của Cổng. Mở trang của bước cần thử trong một thẻ rồi chọn lại.' };
      }
      const found = await deps.findTour(tourId);
      if (!found) return { ok: false, error: `Không tìm thấy hướng dẫn "${tourId}". Bản nháp cần hết lỗi mới chạy thử được.` };
      if (stepIndex >= found.tour.steps.length) return { ok: false, error: `Hướng dẫn chỉ có ${found.tour.steps.length} bước.` };
      const run = startRunAt(found.tour, url, deps.now(), stepIndex).state;
      await deps.store.set(tabId, run);
      await broadcast(tabId, run, url);
      return { ok: true, status: run.status === 'active' ? 'active' : 'away', url };
    });
  }

  async function onOptions(message: OptionsToBackground): Promise<ReportList> {
    if (message.kind === 'options:clear-reports') await deps.reports.clear();
    return deps.reports.list();
  }

  return {
    /** Returns a promise for messages it answers, undefined for messages it ignores. */
    handle(message: unknown, sender: Sender): Promise<unknown> | undefined {
      if (fromContentScript(sender)) {
        const parsed = ContentToBackground.safeParse(message);
        return parsed.success ? onContent(parsed.data, sender) : undefined;
      }
      if (fromExtensionPage(sender)) {
        const popup = PopupToBackground.safeParse(message);
        if (popup.success) return onPopup(popup.data);
        const options = OptionsToBackground.safeParse(message);
        if (options.success) return onOptions(options.data);
        const desk = DeskToBackground.safeParse(message);
        if (desk.success) return onDesk(desk.data);
        const packs = PacksToBackground.safeParse(message);
        if (packs.success && deps.onPacks) return deps.onPacks(packs.data);
        if (ToursRequest.safeParse(message).success && deps.listTours) return deps.listTours();
        const editor = EditorToBackground.safeParse(message);
        if (editor.success) return onEditor(editor.data);
      }
      return undefined;
    },
    /** The prefs changed: every tab with a live run redraws with them (the overlay updates at once). */
    async refreshTabs(tabIds: readonly number[]): Promise<void> {
      await Promise.all(
        tabIds.map((tabId) =>
          serial(tabId, async () => {
            const stored = await deps.store.get(tabId);
            if (stored.ok && stored.run?.status === 'active') await broadcast(tabId, stored.run, await deps.tabUrl(tabId));
          }),
        ),
      );
    },
    forgetTab(tabId: number): Promise<void> {
      return serial(tabId, () => deps.store.remove(tabId));
    },
  };
}
