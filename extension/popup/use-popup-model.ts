import { useCallback, useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { tourAppliesTo } from '../../engine/runner';
import type { Tour } from '../../engine/schema';
import { TOURS } from '../../tours/catalogue';
import { openDeskPanel } from '../desk/open-panel';
import { useTourList } from '../tour-source/use-tour-list';
import type { PopupToBackground, TabStatus } from '../messages';
import { byPopularity } from './tour-order';

/** The tab the popup speaks about: `?tab=<id>` when opened as a page, else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export interface PopupModel {
  status: TabStatus | null;
  toursHere: Tour[];
  toursElsewhere: Tour[];
  busy: boolean;
  failed: boolean;
  start(tourId: string, open?: boolean): void;
  resume(): void;
  stop(): void;
  openDesk(): void;
}

export function usePopupModel(): PopupModel {
  const [tabId, setTabId] = useState<number>();
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  // Looked up ahead: the side panel only opens from the click itself, with no await before it.
  const [windowId, setWindowId] = useState<number>();
  const tours = useTourList(TOURS);

  const ask = useCallback(async (message: PopupToBackground) => {
    setBusy(true);
    try {
      setStatus((await browser.runtime.sendMessage(message)) as TabStatus);
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void targetTabId().then((id) => {
      setTabId(id);
      if (id !== undefined) void ask({ kind: 'popup:status', tabId: id });
      else setFailed(true);
    });
  }, [ask]);

  useEffect(() => {
    void browser.windows.getCurrent().then((w) => setWindowId(w.id), () => undefined);
  }, []);

  const url = status?.url ?? '';
  const ordered = byPopularity(tours);
  const toursHere = ordered.filter((tour) => url && tourAppliesTo(tour, url));
  const toursElsewhere = ordered.filter((tour) => !toursHere.includes(tour) && tour.start);
  const withTab = (fn: (id: number) => void) => () => tabId !== undefined && fn(tabId);

  return {
    status,
    toursHere,
    toursElsewhere,
    busy,
    failed,
    start: (tourId, open) => withTab((id) => void ask({ kind: 'popup:start', tabId: id, tourId, open }))(),
    resume: withTab((id) => void ask({ kind: 'popup:resume', tabId: id })),
    stop: withTab((id) => void ask({ kind: 'popup:stop', tabId: id })),
    openDesk: () => {
      const asPage = new URLSearchParams(location.search).has('tab');
      openDeskPanel({ windowId, citizenTabId: tabId }).then(
        () => !asPage && window.close(),
        () => setFailed(true),
      );
    },
  };
}
