import { useCallback, useEffect, useState } from 'react';
import browser from 'webextension-polyfill';

/** The tab the popup speaks about: `?tab=<id>` when opened as a page, else the active tab. */
export async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * A popup panel's conversation with the background about the target tab: `ask` sends a message and
 * keeps the reply as `status`; on load it asks `statusOf(tabId)`. A tab that cannot be found is
 * `failed` when `noTabFails`.
 */
export function useTabAsk<Message, Status>(statusOf: (tabId: number) => Message, noTabFails = false) {
  const [tabId, setTabId] = useState<number>();
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const ask = useCallback(async (message: Message) => {
    setBusy(true);
    try {
      setStatus((await browser.runtime.sendMessage(message)) as Status);
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
      if (id !== undefined) void ask(statusOf(id));
      else if (noTabFails) setFailed(true);
    });
    // statusOf and noTabFails are fixed for a panel's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ask]);
  return { tabId, status, busy, failed, setFailed, ask };
}
