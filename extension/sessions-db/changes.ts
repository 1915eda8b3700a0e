/**
 * Tells every extension page (desk console, dashboard) and the background that session data changed,
 * so each reloads what it shows. BroadcastChannel reaches all extension contexts of this origin,
 * including the service worker. The message carries no record data: at most the ids of the session
 * records that changed (ids are not personal data), so a page holding many records can re-read
 * just those. No ids means "anything may have changed"; an empty list means no session record did
 * (only settings of the open session: pointer, visited sites, help requests).
 */
const CHANNEL = 'dan-buoc-sessions';
const MAX_IDS = 1000;

export interface SessionsChange {
  /** the session records written or deleted; undefined when unknown */
  sessionIds?: string[];
}

export function notifySessionsChanged(sessionIds?: readonly string[]): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(sessionIds && sessionIds.length <= MAX_IDS ? { type: 'changed', sessionIds: [...sessionIds] } : { type: 'changed' });
  channel.close();
}

export function onSessionsChanged(callback: (change: SessionsChange) => void, signal: AbortSignal): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const data = event.data as { type?: unknown; sessionIds?: unknown } | null;
    if (data?.type !== 'changed') return;
    const ids = data.sessionIds;
    const valid = Array.isArray(ids) && ids.length <= MAX_IDS && ids.every((id) => typeof id === 'string' && id.length <= 80);
    callback(valid ? { sessionIds: ids as string[] } : {});
  };
  signal.addEventListener('abort', () => channel.close(), { once: true });
}
