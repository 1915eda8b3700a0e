import type Browser from 'webextension-polyfill';
import { addStep, draftId, isRepeat, newDraft, type CapturedStep, type DraftJson } from '../../../engine/authoring/draft';
import { isAllowedOrigin, originOf } from '../../../engine/sites';
import { createAuthorModeStore } from '../author-mode';
import { createDraftStore } from '../drafts';
import {
  PageToAuthorTools,
  ScriptToAuthorTools,
  type AuthorModeMessage,
  type AuthorToolMode,
  type AuthorToolsStatus,
  type StepReply,
} from './messages';
import { AUTHOR_TOOLS_TEXT as T } from './strings';

/**
 * The background side of the picker and the recorder. Which tool runs in which tab, and the draft
 * it writes to, live in `storage.session` (never readable by pages or content scripts), so a
 * recording survives page loads, site changes and the service worker stopping. The author script is
 * injected into every frame of the tab when a tool starts and again on each page load of an
 * allow-listed origin while it runs. Nothing happens unless author mode is on.
 */
export const AUTHOR_TOOLS_KEY = 'authorTools';

interface TabTool {
  mode: AuthorToolMode | null;
  draftId: string | null;
}
type ToolState = Record<string, TabTool>;

function parseToolState(raw: unknown): ToolState {
  if (raw === null || typeof raw !== 'object' || (raw as { v?: unknown }).v !== 1) return {};
  const tabs = (raw as { tabs?: unknown }).tabs;
  if (tabs === null || typeof tabs !== 'object') return {};
  const out: ToolState = {};
  for (const [id, value] of Object.entries(tabs as Record<string, unknown>)) {
    const v = value as Partial<TabTool> | null;
    const mode = v?.mode === 'pick' || v?.mode === 'record' ? v.mode : null;
    out[id] = { mode, draftId: typeof v?.draftId === 'string' ? v.draftId : null };
  }
  return out;
}

type Sender = Pick<Browser.Runtime.MessageSender, 'id' | 'url' | 'tab' | 'frameId'>;

export interface AuthorToolsDeps {
  session: Browser.Storage.StorageArea;
  local: Browser.Storage.StorageArea;
  extensionId: string;
  extensionBaseUrl: string;
  now(): number;
  tabUrl(tabId: number): Promise<string | undefined>;
  /** runs the author script in every frame of the tab */
  inject(tabId: number): Promise<void>;
  notifyTab(tabId: number, message: AuthorModeMessage): Promise<void>;
}

const isDraftJson = (json: unknown): json is DraftJson =>
  json !== null && typeof json === 'object' && Array.isArray((json as { steps?: unknown }).steps) && Array.isArray((json as { sites?: unknown }).sites);

export function createAuthorTools(deps: AuthorToolsDeps) {
  const authorMode = createAuthorModeStore(deps.local);
  const drafts = createDraftStore(deps.local, deps.now);
  let queue: Promise<unknown> = Promise.resolve();
  /** One change at a time: two quick clicks must not both append to the draft they read. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.catch(() => undefined).then(work);
    queue = next;
    return next;
  };

  async function readState(): Promise<ToolState> {
    const raw = (await deps.session.get(AUTHOR_TOOLS_KEY))[AUTHOR_TOOLS_KEY];
    return parseToolState(raw);
  }
  async function setTab(tabId: number, tool: TabTool | undefined): Promise<void> {
    const state = await readState();
    if (tool) state[tabId] = tool;
    else delete state[tabId];
    await deps.session.set({ [AUTHOR_TOOLS_KEY]: { v: 1, tabs: state } });
  }
  const authorOn = async () => (await authorMode.read()).on;

  async function draftJson(id: string | null): Promise<DraftJson | undefined> {
    if (!id) return undefined;
    const read = await drafts.list();
    const json = read.ok ? read.drafts.find((d) => d.id === id)?.json : undefined;
    return isDraftJson(json) ? json : undefined;
  }

  async function status(tabId: number, problem: string | null = null): Promise<AuthorToolsStatus> {
    const tool = (await readState())[tabId];
    const draft = await draftJson(tool?.draftId ?? null);
    return { authorOn: await authorOn(), mode: tool?.mode ?? null, draftId: draft ? draft.id : null, steps: draft?.steps.length ?? 0, problem };
  }

  async function start(tabId: number, mode: AuthorToolMode): Promise<AuthorToolsStatus> {
    if (!(await authorOn())) return status(tabId, T.authorOff);
    const url = await deps.tabUrl(tabId);
    if (!url || !isAllowedOrigin(originOf(url) ?? '')) return status(tabId, T.notPortal);
    const previous = (await readState())[tabId];
    let id = mode === 'pick' && (await draftJson(previous?.draftId ?? null)) ? previous!.draftId! : null;
    if (!id) {
      id = draftId(deps.now());
      await drafts.put(id, newDraft(id, url));
    }
    await setTab(tabId, { mode, draftId: id });
    await deps.notifyTab(tabId, { kind: 'author:mode', mode });
    await deps.inject(tabId);
    return status(tabId);
  }

  async function stop(tabId: number): Promise<AuthorToolsStatus> {
    const tool = (await readState())[tabId];
    if (tool) await setTab(tabId, { ...tool, mode: null });
    await deps.notifyTab(tabId, { kind: 'author:mode', mode: null });
    return status(tabId);
  }

  async function addCaptured(sender: Sender, message: Extract<ScriptToAuthorTools, { kind: 'author:step' }>): Promise<StepReply> {
    const tabId = sender.tab!.id!;
    const tool = (await readState())[tabId];
    if (!tool?.mode || !(await authorOn())) return { ok: false, reason: T.notRunning };
    const senderOrigin = originOf(sender.url ?? '');
    const isTop = sender.frameId === 0;
    // The top page may already be loading the next page: its own address at the click counts, on its own origin only.
    const claimed = message.step.url && originOf(message.step.url) === senderOrigin ? message.step.url : undefined;
    const url = isTop ? (claimed ?? sender.url ?? '') : (sender.tab?.url ?? '');
    const step: CapturedStep = { ...message.step, url, ...(isTop ? {} : { frameUrl: sender.url }) };
    const draft = await draftJson(tool.draftId);
    if (!draft) return { ok: false, reason: T.draftMissing };
    if (tool.mode === 'record' && isRepeat(draft, step)) return { ok: true, step: draft.steps.length };
    const next = addStep(draft, step);
    if (!next) return { ok: false, reason: T.notPortal };
    await drafts.put(draft.id, next);
    return { ok: true, step: next.steps.length };
  }

  const fromExtensionPage = (sender: Sender) =>
    sender.id === deps.extensionId && !sender.tab?.url?.startsWith('http') && Boolean(sender.url?.startsWith(deps.extensionBaseUrl));
  const fromPortalFrame = (sender: Sender) =>
    sender.id === deps.extensionId && sender.tab?.id !== undefined && isAllowedOrigin(originOf(sender.url ?? '') ?? '');

  return {
    /** A promise for the author tools' messages, undefined for every other message. */
    handle(message: unknown, sender: Sender): Promise<unknown> | undefined {
      if (fromExtensionPage(sender)) {
        const parsed = PageToAuthorTools.safeParse(message);
        if (!parsed.success) return undefined;
        const m = parsed.data;
        return serial(() => (m.kind === 'author:status' ? status(m.tabId) : m.kind === 'author:start' ? start(m.tabId, m.mode) : stop(m.tabId)));
      }
      if (fromPortalFrame(sender)) {
        const parsed = ScriptToAuthorTools.safeParse(message);
        if (!parsed.success) return undefined;
        const m = parsed.data;
        const tabId = sender.tab!.id!;
        if (m.kind === 'author:hello') {
          return serial(async () => ({ mode: (await authorOn()) ? ((await readState())[tabId]?.mode ?? null) : null }));
        }
        if (m.kind === 'author:script-stop') return serial(() => stop(tabId));
        return serial(() => addCaptured(sender, m));
      }
      return undefined;
    },
    /** A page of the tab loaded: while a tool runs there, the author script goes into it again. */
    async onTabLoaded(tabId: number, url: string): Promise<void> {
      if (!isAllowedOrigin(originOf(url) ?? '')) return;
      const tool = (await readState())[tabId];
      if (tool?.mode && (await authorOn())) await deps.inject(tabId).catch(() => undefined);
    },
    /** Author mode was turned off: every tool stops. */
    async stopAll(): Promise<void> {
      await serial(async () => {
        const state = await readState();
        for (const id of Object.keys(state)) {
          if (state[id].mode) await stop(Number(id));
        }
      });
    },
    forgetTab(tabId: number): Promise<void> {
      return serial(() => setTab(tabId, undefined));
    },
  };
}
