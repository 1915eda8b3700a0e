import { browser } from 'wxt/browser';
import { createPlayer, type PlayerEvent, type Snapshot } from '../../engine/player';
import type { BackgroundToContent, ContentReply, ContentToBackground } from '../messages';

/**
 * Content-script wiring: the player draws the steps, the background owns the run state. Only
 * messages from our own extension are heard; there is no window.postMessage listener at all.
 */
export function startContent(lifetime: AbortSignal): void {
  const ask = (message: ContentToBackground) =>
    (browser.runtime.sendMessage(message) as Promise<ContentReply>).catch(() => null);

  const player = createPlayer(
    {
      send: (event: PlayerEvent): Promise<Snapshot | null> => ask({ kind: 'content:event', event }),
      report: (report) => void ask({ kind: 'content:report', report }),
    },
    lifetime,
  );

  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const msg = message as BackgroundToContent;
    if (msg?.kind === 'bg:render') player.render(msg.snapshot);
  };
  browser.runtime.onMessage.addListener(onMessage);
  lifetime.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });

  void ask({ kind: 'content:hello', url: location.href }).then((snapshot) => player.render(snapshot));
}
