/**
 * Tells every extension page (desk console, dashboard) and the background that session data changed,
 * so each reloads what it shows. BroadcastChannel reaches all extension contexts of this origin,
 * including the service worker; the message carries no data, only "look again".
 */
const CHANNEL = 'dan-buoc-sessions';

export function notifySessionsChanged(): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'changed' });
  channel.close();
}

export function onSessionsChanged(callback: () => void, signal: AbortSignal): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === 'changed') callback();
  };
  signal.addEventListener('abort', () => channel.close(), { once: true });
}
