import type { AuthorToolMode, AuthorToolsStatus, PageToAuthorTools } from './messages';
import { useTabAsk } from '../../popup/use-tab-ask';

export function useAuthorTools() {
  const { tabId, status, busy, failed, ask } = useTabAsk<PageToAuthorTools, AuthorToolsStatus>((id) => ({ kind: 'author:status', tabId: id }));
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
