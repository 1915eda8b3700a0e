import type { SpeakResult, SpeechRate } from './prefs';
import { isVietnameseLang, spokenText } from './speech';

/**
 * Read-aloud through the page's speechSynthesis, for Firefox's content script (Firefox has no `tts`
 * extension API) and for the widget: a Vietnamese voice, or an honest "no voice" — never another
 * language's voice. Some Android builds list a voice that is not installed; a voice that fails
 * before it starts counts as missing.
 */
const RATES: Record<SpeechRate, number> = { slow: 0.8, normal: 1 };
const NO_VOICE: SpeakResult = { ok: false, reason: 'no-voice' };

/** The list is often empty until the browser has loaded it ("voiceschanged"). */
function loadVoices(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const listed = synth.getVoices();
  if (listed.length) return Promise.resolve(listed);
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices());
    synth.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 1500);
  });
}

export function createPageSpeaker(synth: SpeechSynthesis | undefined = globalThis.speechSynthesis) {
  return {
    async speak(text: string, rate: SpeechRate): Promise<SpeakResult> {
      if (!synth) return NO_VOICE;
      const voice = (await loadVoices(synth)).find((v) => isVietnameseLang(v.lang));
      if (!voice) return NO_VOICE;
      synth.cancel();
      return new Promise((resolve) => {
        const utterance = new SpeechSynthesisUtterance(spokenText(text));
        utterance.lang = 'vi-VN';
        utterance.voice = voice;
        utterance.rate = RATES[rate];
        let started = false;
        utterance.onstart = () => {
          started = true;
          resolve({ ok: true });
        };
        utterance.onend = () => resolve({ ok: true });
        utterance.onerror = (event) =>
          resolve(started || event.error === 'interrupted' || event.error === 'canceled' ? { ok: true } : NO_VOICE);
        synth.speak(utterance);
      });
    },
    stop(): void {
      synth?.cancel();
    },
  };
}
