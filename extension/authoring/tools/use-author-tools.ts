import { useCallback, useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import type { AuthorToolMode, AuthorToolsStatus, PageToAuthorTools } from './messages';

/** The tab the popup speaks about: `?tab=<id>` when opened as a page, else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function useAuthorTools() {
  const [tabId, setTabId] = useState<number>();
  const [status, setStatus] = useState<AuthorToolsStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const ask = useCallback(async (message: PageToAuthorTools) => {
    setBusy(true);
    try {
      setStatus((await browser.runtime.sendMessage(message)) as AuthorToolsStatus);
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
      if (id !== undefined) void ask({ kind: 'author:status', tabId: id });
    });
  }, [ask]);
  return {
    status,
    busy,
    failed,
    start: (mode: AuthorToolMode) => {
      if (tabId === undefined) return;
      void ask({ kind: 'author:start', tabId, mode }).then(() => {
        // The toolbar popup closes so the author can use the page.
        if (document.documentElement.classList.contains('as-popup')) window.close();
      });
    },
    stop: () => tabId !== undefined && void ask({ kind: 'author:stop', tabId }),
  };
}
