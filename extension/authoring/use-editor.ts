import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import browser from 'webextension-polyfill';
import { manifestMatches } from '../../engine/sites';
import { tourIdProblem, tourTemplate } from '../../engine/tour-template';
import type { EditorToBackground, PreviewReply } from '../messages';
import { authorModeChanged, createAuthorModeStore, type AuthorModeRead } from './author-mode';
import { createDraftStore, DRAFTS_KEY, type Draft } from './drafts';
import { getAt, parseTourFile, type Json } from './editor-model';
import { EDITOR_TEXT as T } from './editor-strings';

export interface PortalTab {
  id: number;
  title: string;
  url: string;
}

/** A message for the author after an action: what happened, and for a refused file where and how to fix it. */
export type Notice = { kind: 'ok' | 'error'; text: string; where?: string; detail?: string; fix?: string };

/** The portal tabs the author can preview on, most recently used first (the extension sees only those). */
async function portalTabs(): Promise<PortalTab[]> {
  const tabs = await browser.tabs.query({ url: manifestMatches() });
  tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return tabs.flatMap((t) => (t.id !== undefined && t.url ? [{ id: t.id, title: t.title || t.url, url: t.url }] : []));
}

/**
 * The editor page's state: author mode, the drafts in storage, the draft being edited (saved to
 * storage on every edit, so a preview always runs what is on screen), and the tab to preview on.
 */
export function useEditor() {
  const drafts = useMemo(() => createDraftStore(browser.storage.local), []);
  const authorMode = useMemo(() => createAuthorModeStore(browser.storage.local), []);
  const [author, setAuthor] = useState<AuthorModeRead>();
  const [list, setList] = useState<Draft[]>([]);
  const [storeError, setStoreError] = useState<string>();
  const [openId, setOpenId] = useState<string>();
  const [json, setJson] = useState<Json>();
  const [saveFailed, setSaveFailed] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [tabs, setTabs] = useState<PortalTab[]>([]);
  const [tabId, setTabId] = useState<number>();
  const saving = useRef<Promise<void>>(Promise.resolve());

  const readList = useCallback(async () => {
    const read = await drafts.list();
    setStoreError(read.ok ? undefined : T.storeBroken);
    setList(read.ok ? read.drafts.sort((a, b) => a.id.localeCompare(b.id)) : []);
    return read;
  }, [drafts]);

  const refreshTabs = useCallback(async () => {
    const found = await portalTabs();
    setTabs(found);
    setTabId((current) => (found.some((t) => t.id === current) ? current : found[0]?.id));
  }, []);

  useEffect(() => {
    void authorMode.read().then(setAuthor);
    void readList();
    void refreshTabs();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (authorModeChanged(changes, area)) void authorMode.read().then(setAuthor);
      if (area === 'local' && DRAFTS_KEY in changes) void readList();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [authorMode, readList, refreshTabs]);

  const store = useCallback(
    (id: string, next: Json) => {
      saving.current = saving.current
        .then(() => drafts.put(id, next))
        .then(
          () => setSaveFailed(false),
          (error: unknown) => {
            console.error(`[Dẫn Bước] could not save the draft: ${String(error)}`);
            setSaveFailed(true);
          },
        );
      return saving.current;
    },
    [drafts],
  );

  const edit = useCallback(
    (next: Json) => {
      setJson(next);
      if (openId) void store(openId, next);
    },
    [openId, store],
  );

  const open = useCallback(
    (id: string) => {
      const draft = list.find((d) => d.id === id);
      if (!draft) return;
      setOpenId(id);
      setJson(draft.json);
      setNotice(undefined);
    },
    [list],
  );

  const start = useCallback(
    async (id: string, next: Json) => {
      setOpenId(id);
      setJson(next);
      await store(id, next);
    },
    [store],
  );

  /** A new draft from the `tours:new` scaffold; returns why not, if not. */
  const create = useCallback(
    async (id: string): Promise<string | undefined> => {
      const problem = tourIdProblem(id);
      if (problem) return problem;
      if (list.some((d) => d.id === id)) return T.draftExists(id);
      await start(id, tourTemplate(id));
      setNotice(undefined);
      return undefined;
    },
    [list, start],
  );

  const loadFile = useCallback(
    async (file: File) => {
      const loaded = parseTourFile(file.name, await file.text());
      if (!loaded.ok) {
        setNotice({ kind: 'error', text: T.fileRefused(loaded.file), where: loaded.path, detail: loaded.message, fix: loaded.fix });
        return;
      }
      const tourId = getAt(loaded.json, ['id']);
      const id = typeof tourId === 'string' && !tourIdProblem(tourId) ? tourId : file.name.replace(/\.json$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'ban-nhap';
      if (list.some((d) => d.id === id) && !window.confirm(T.replaceDraft(id))) return;
      await start(id, loaded.json);
      setNotice({ kind: 'ok', text: T.fileLoaded(file.name) });
    },
    [list, start],
  );

  const remove = useCallback(
    async (id: string) => {
      await drafts.remove(id);
      if (id === openId) {
        setOpenId(undefined);
        setJson(undefined);
      }
    },
    [drafts, openId],
  );

  /** "Chạy thử từ bước này": the draft as on screen (saved first), from that step, on the chosen tab. */
  const preview = useCallback(
    async (stepIndex: number): Promise<PreviewReply> => {
      const tourId = getAt(json, ['id']);
      if (tabId === undefined || typeof tourId !== 'string') return { ok: false, error: T.noPortalTab };
      await saving.current;
      const message: EditorToBackground = { kind: 'editor:preview', tabId, tourId, stepIndex };
      const reply = (await browser.runtime.sendMessage(message).catch(() => undefined)) as PreviewReply | undefined;
      if (reply?.ok) await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
      return reply ?? { ok: false, error: T.previewFailed };
    },
    [json, tabId],
  );

  return { author, list, storeError, openId, json, saveFailed, notice, tabs, tabId, setTabId, refreshTabs, edit, open, create, loadFile, remove, preview };
}

export type EditorModel = ReturnType<typeof useEditor>;
