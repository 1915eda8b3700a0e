/**
 * Calls `onChange(url)` when the page's URL changes without a new document: history API pushes and
 * replaces, back/forward, hash changes. Uses the Navigation API where the browser has it and, for the
 * rest, compares the URL after DOM mutations (a route change always re-renders something). No timers.
 */
export function watchUrl(onChange: (url: string) => void, signal: AbortSignal, win: Window = window): void {
  let last = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now === last) return;
    last = now;
    onChange(now);
  };
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check, { signal });
  const observer = new MutationObserver(check);
  observer.observe(win.document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
