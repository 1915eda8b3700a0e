import { useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { tourAppliesTo } from '../../engine/runner';
import type { Tour } from '../../engine/schema';
import { TOURS } from '../../tours/catalogue';
import { openDeskPanel } from '../desk/open-panel';
import { useTourList } from '../tour-source/use-tour-list';
import type { PopupToBackground, TabStatus } from '../messages';
import { byPopularity } from './tour-order';
import { useTabAsk } from './use-tab-ask';

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
  const { tabId, status, busy, failed, setFailed, ask } = useTabAsk<PopupToBackground, TabStatus>((id) => ({ kind: 'popup:status', tabId: id }), true);
  const [windowId, setWindowId] = useState<number>();
  const tours = useTourList(TOURS);

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
