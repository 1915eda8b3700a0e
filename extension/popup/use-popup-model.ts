import { useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import type { Tour } from '../../engine/schema';
import { TOURS } from '../../tours/catalogue';
import { openDeskPanel } from '../desk/open-panel';
import { useTourList } from '../tour-source/use-tour-list';
import type { PopupToBackground, TabStatus } from '../messages';
import { groupTours, type TopicGroup } from './tour-groups';
import { useTabAsk } from './use-tab-ask';

export interface PopupModel {
  status: TabStatus | null;
  toursHere: Tour[];
  toursByTopic: TopicGroup[];
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

  // A tab the extension may not read (not a portal page) has no url: every tour opens its start page.
  const { here: toursHere, byTopic: toursByTopic } = groupTours(tours, status?.url);
  const withTab = (fn: (id: number) => void) => () => tabId !== undefined && fn(tabId);

  return {
    status,
    toursHere,
    toursByTopic,
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
