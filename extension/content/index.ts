import { browser } from 'wxt/browser';
import { EXTENSION_TOUR_ATTRIBUTE } from '../../engine/guest';
import { createPlayer, type PlayerEvent, type Snapshot } from '../../engine/player';
import type { SpeakResult, SpeechRate } from '../../engine/prefs';
import type { BackgroundToContent, ContentReply, ContentToBackground } from '../messages';
import { createPageSpeaker } from '../../engine/speech-synthesis';

const FAILED: SpeakResult = { ok: false, reason: 'failed' };
const MAX_SPOKEN_CHARS = 2000;

/**
 * Content-script wiring: the player draws the steps, the background owns the run state. Only
 * messages from our own extension are heard; there is no window.postMessage listener at all.
 */
export function startContent(lifetime: AbortSignal): void {
  const ask = (message: ContentToBackground) =>
    (browser.runtime.sendMessage(message) as Promise<ContentReply>).catch(() => null);

  // Chrome speaks from the background (chrome.tts, spoken form made there); Firefox has no tts API.
  const speech = import.meta.env.FIREFOX
    ? createPageSpeaker()
    : {
        speak: (text: string, rate: SpeechRate): Promise<SpeakResult> =>
          (browser.runtime.sendMessage({ kind: 'content:speak', text: text.slice(0, MAX_SPOKEN_CHARS), rate } satisfies ContentToBackground) as Promise<SpeakResult | undefined>)
            .then((reply) => reply ?? FAILED)
            .catch(() => FAILED),
        stop: () => void ask({ kind: 'content:stop-speaking' }),
      };

  const host = {
    send: (event: PlayerEvent): Promise<Snapshot | null> => ask({ kind: 'content:event', event }),
    report: (report: Extract<ContentToBackground, { kind: 'content:report' }>['report']) => void ask({ kind: 'content:report', report }),
    speak: speech.speak,
    stopSpeaking: speech.stop,
    askForHelp: (info: { tourId: string; stepId: string }) => void ask({ kind: 'content:help', ...info }),
  };
  const player = createPlayer(host, lifetime);
  // A widget embedded on the same page stands aside while this attribute is set (engine/guest.ts).
  const render = (snapshot: Snapshot | null) => {
    if (window === window.top) document.documentElement.toggleAttribute(EXTENSION_TOUR_ATTRIBUTE, snapshot?.run.status === 'active');
    player.render(snapshot);
  };

  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const msg = message as BackgroundToContent;
    if (msg?.kind === 'bg:render') render(msg.snapshot);
  };
  browser.runtime.onMessage.addListener(onMessage);
  lifetime.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(onMessage);
    speech.stop();
    if (window === window.top) document.documentElement.removeAttribute(EXTENSION_TOUR_ATTRIBUTE);
  }, { once: true });

  void ask({ kind: 'content:hello', url: location.href }).then((snapshot) => render(snapshot));
}
