import type { SpeakResult, SpeechRate } from '../../engine/prefs';
import { isVietnameseLang, spokenText } from '../../engine/speech';

/**
 * Read-aloud on Chrome: the background speaks through `chrome.tts` with a Vietnamese voice
 * (Windows "Microsoft An", Edge's online voices, Android/ChromeOS "Google Tiếng Việt"). Where none
 * exists it says so, and never falls back to another language's voice: an English voice reading
 * Vietnamese is worse than silence. Firefox has no `tts` API; its content script uses
 * speechSynthesis instead (engine/speech-synthesis.ts).
 */
export const SPEECH_RATES: Record<SpeechRate, number> = { slow: 0.8, normal: 1 };
export const SPEECH_LANG = 'vi-VN';

export interface TtsVoice {
  voiceName?: string;
  lang?: string;
}

export type TtsEventType = 'start' | 'end' | 'word' | 'sentence' | 'marker' | 'interrupted' | 'cancelled' | 'error' | 'pause' | 'resume';

export interface TtsOptions {
  lang: string;
  voiceName?: string;
  rate: number;
  enqueue: boolean;
  onEvent(event: { type: TtsEventType | string; errorMessage?: string }): void;
}

/** The part of `chrome.tts` we use, so tests can record what reaches it. */
export interface TtsApi {
  getVoices(): Promise<TtsVoice[]>;
  /** Rejects when the browser refuses the utterance (runtime.lastError). */
  speak(utterance: string, options: TtsOptions): Promise<void>;
  stop(): void;
}

/** A vi-VN voice first, then any Vietnamese one; never a voice of another language. */
export function pickVietnameseVoice(voices: readonly TtsVoice[]): TtsVoice | undefined {
  const vietnamese = voices.filter((v) => isVietnameseLang(v.lang));
  return vietnamese.find((v) => /^vi[-_]vn$/i.test(v.lang ?? '')) ?? vietnamese[0];
}

/** An engine that never reports back must not leave the button waiting forever. */
const NO_EVENT_GRACE_MS = 5000;

export function createSpeaker(tts: TtsApi) {
  return {
    async speak(text: string, rate: SpeechRate): Promise<SpeakResult> {
      const voice = pickVietnameseVoice(await tts.getVoices().catch(() => []));
      if (!voice) return { ok: false, reason: 'no-voice' };
      return new Promise<SpeakResult>((resolve) => {
        const grace = setTimeout(() => resolve({ ok: true }), NO_EVENT_GRACE_MS);
        const settle = (result: SpeakResult) => {
          clearTimeout(grace);
          resolve(result);
        };
        tts
          .speak(spokenText(text), {
            lang: SPEECH_LANG,
            voiceName: voice.voiceName,
            rate: SPEECH_RATES[rate],
            // A new step replaces what is being read; it never queues behind it.
            enqueue: false,
            onEvent: (event) => {
              if (event.type === 'error') settle({ ok: false, reason: 'failed' });
              else if (event.type !== 'word' && event.type !== 'sentence' && event.type !== 'marker') settle({ ok: true });
            },
          })
          .catch(() => settle({ ok: false, reason: 'failed' }));
      });
    },
    stop(): void {
      tts.stop();
    },
  };
}

export type Speaker = ReturnType<typeof createSpeaker>;

/** `chrome.tts` behind the TtsApi shape (Chrome builds only). */
export function chromeTts(): TtsApi {
  return {
    getVoices: () => new Promise((resolve) => chrome.tts.getVoices((voices) => resolve(voices))),
    speak: (utterance, options) =>
      new Promise((resolve, reject) => {
        chrome.tts.speak(utterance, options as chrome.tts.TtsOptions, () => {
          const error = chrome.runtime.lastError;
          if (error) reject(new Error(error.message));
          else resolve();
        });
      }),
    stop: () => chrome.tts.stop(),
  };
}
