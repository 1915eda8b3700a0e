import { useCallback, useRef, useState } from 'react';
import { ALLOWED_ORIGINS } from '../../engine/sites';
import { addTask, markTask, removeTask, setCitizen, type StorageAdapter } from '../../sessions';
import { findTour } from '../../tours/catalogue';
import type { SignOutReply } from '../messages';
import { useLiveRead } from '../sessions-db/use-live-read';
import { askBackground, citizenTabId } from './citizen-tab';
import { deriveScreen, type DeskModel, type Ended, type Notice, type TaskNotice, type View } from './model';
import { clearVisited, dismissHelp, dropStalePointer, endDeskSession, startDeskSession, updateSession, withdrawConsent } from './session-store';
import { createMember, ok, readDesk, saveDeskSettings, selectMember, type DeskResult, type DeskSnapshot } from './store';
import { DESK_TEXT as T } from './strings';

/**
 * The desk console's state: read from IndexedDB (through sessions/ and IdbStorage), read again
 * whenever any page or the background announces a change, and changed only through the stores
 * (which lock, validate and await every write). Nothing lives only in memory except which screen
 * is shown: an open session is found again after the panel, the browser or the worker restarts.
 */
export function useDeskModel(): DeskModel {
  // One change at a time; controls stay enabled (disabling a focused button drops keyboard focus).
  const inFlight = useRef(false);
  const { value: loaded, storage, reload } = useLiveRead<DeskResult<DeskSnapshot>>(readDesk, (error) => ({
    ok: false,
    error: { vi: T.failed, en: String(error) },
  }));
  const [view, setView] = useState<View>('home');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [taskNotice, setTaskNotice] = useState<TaskNotice>();
  const [ended, setEnded] = useState<Ended>();
  const [signOutResult, setSignOutResult] = useState<SignOutReply>();

  /** Runs one change: busy while it runs, its error shown, the view reloaded after. */
  const run = useCallback(
    async <V>(work: (adapter: StorageAdapter) => Promise<DeskResult<V>>, then?: (value: V) => void) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setBusy(true);
      setNotice(undefined);
      setTaskNotice(undefined);
      try {
        const result = await work(await storage());
        if (result.ok) then?.(result.value);
        else setNotice({ kind: 'error', text: result.error.vi });
      } catch {
        setNotice({ kind: 'error', text: T.failed });
      } finally {
        await reload();
        inFlight.current = false;
        setBusy(false);
      }
    },
    [storage, reload],
  );

  const snapshot = loaded?.ok ? loaded.value : undefined;
  const loadError = loaded && !loaded.ok ? loaded.error : undefined;
  const open = snapshot?.open;
  const member = snapshot?.member;
  const onOpen = (change: Parameters<typeof updateSession>[2], then?: () => void) =>
    open && void run((db) => updateSession(db, open.id, change), then);

  const visited = snapshot?.visited;
  const offerFor = ended?.session.id ?? (visited && visited.sessionId !== open?.id ? visited.sessionId : undefined);
  // Fail closed: an unreadable list of visited sites offers to sign out of every allowed one.
  const signOutDamaged = Boolean(snapshot?.visitedDamaged && ended);

  return {
    screen: deriveScreen(snapshot, loadError, view, ended),
    snapshot,
    loadError,
    busy,
    notice,
    taskNotice,
    ended,
    signOutSessionId: offerFor,
    signOutOrigins: signOutDamaged ? [...ALLOWED_ORIGINS] : visited && visited.sessionId === offerFor ? visited.origins : [],
    signOutDamaged,
    signOutResult,
    createMember: (input) => void run((db) => createMember(db, input, Date.now()), () => setView('home')),
    chooseMember: (memberId) => void run((db) => selectMember(db, memberId), () => setView('home')),
    show: (next) => {
      setNotice(undefined);
      setTaskNotice(undefined);
      setSignOutResult(undefined);
      if (next === 'consent') setEnded(undefined);
      setView(next);
    },
    saveSettings: (settings) =>
      void run(
        (db) => saveDeskSettings(db, settings),
        () => setNotice({ kind: 'info', text: T.saved }),
      ),
    decideConsent: (agreed) =>
      member &&
      void run(
        (db) => startDeskSession(db, { id: crypto.randomUUID(), memberId: member.id, agreed, at: Date.now() }),
        () => setView(agreed ? 'citizen' : 'session'),
      ),
    saveCitizen: (input) => onOpen((session, settings) => setCitizen(session, input, settings, Date.now()), () => setView('session')),
    toggleTask: (taskId, picked) => onOpen((session) => (picked ? addTask : removeTask)(session, taskId, Date.now())),
    markTask: (taskId, outcome, reason) => onOpen((session) => markTask(session, taskId, { outcome, reason }, Date.now())),
    startTour: (tourId, taskId) => {
      const title = findTour(tourId)?.title.vi ?? tourId;
      setNotice(undefined);
      setTaskNotice(undefined);
      void (async () => {
        const tabId = await citizenTabId().catch(() => undefined);
        if (tabId === undefined) return setTaskNotice({ taskId, kind: 'error', text: T.noCitizenTab });
        try {
          await askBackground({ kind: 'desk:start-tour', tabId, tourId });
          setTaskNotice({ taskId, kind: 'info', text: T.tourStarted(title) });
        } catch {
          setTaskNotice({ taskId, kind: 'error', text: T.noCitizenTab });
        }
      })();
    },
    dismissHelp: (taskId) => open && void run((db) => dismissHelp(db, open.id, taskId)),
    endSession: (satisfaction) =>
      open &&
      void run(
        (db) => endDeskSession(db, open.id, satisfaction, Date.now()),
        (value) => {
          setEnded(value);
          setSignOutResult(undefined);
          setView('summary');
        },
      ),
    withdrawConsent: (sessionId) =>
      void run(
        (db) => withdrawConsent(db, sessionId, Date.now()),
        (deleted) => {
          setEnded(undefined);
          setSignOutResult(undefined);
          setView('home');
          setNotice({ kind: 'info', text: T.withdrawn(deleted) });
        },
      ),
    signOut: (sessionId, closeTabs) =>
      void run(async () => {
        const reply = await askBackground({ kind: 'desk:sign-out', sessionId, closeTabs }).catch(
          (): SignOutReply => ({ ok: false, error: { vi: T.failed, en: 'sign-out failed' } }),
        );
        setSignOutResult(reply);
        return ok(undefined);
      }),
    skipSignOut: (sessionId) => void run((db) => clearVisited(db, sessionId)),
    dropStalePointer: () => void run((db) => dropStalePointer(db)),
    finish: () => {
      setEnded(undefined);
      setSignOutResult(undefined);
      setNotice(undefined);
      setView('home');
    },
  };
}
