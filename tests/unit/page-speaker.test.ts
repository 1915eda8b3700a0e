import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageSpeaker } from '../../engine/speech-synthesis';

/** Firefox's read-aloud: the page's speechSynthesis, checked against a stand-in that records utterances. */
class FakeUtterance {
  lang = '';
  rate = 1;
  voice: { lang: string; name: string } | null = null;
  onstart: (() => void) | null = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

type Voice = { lang: string; name: string };

function fakeSynth(initialVoices: Voice[], answer: 'start' | 'error-at-once' | 'interrupted') {
  let voices = initialVoices;
  const listeners: Array<() => void> = [];
  const spoken: FakeUtterance[] = [];
  const synth = {
    spoken,
    getVoices: () => voices,
    addEventListener: (_type: string, listener: () => void) => void listeners.push(listener),
    cancel: vi.fn(),
    speak: (u: FakeUtterance) => {
      spoken.push(u);
      queueMicrotask(() => {
        if (answer === 'start') u.onstart?.();
        else u.onerror?.({ error: answer === 'interrupted' ? 'interrupted' : 'synthesis-unavailable' });
      });
    },
    loadVoices(list: Voice[]) {
      voices = list;
      listeners.splice(0).forEach((l) => l());
    },
  };
  return synth;
}

const VI: Voice = { lang: 'vi-VN', name: 'Google Tiếng Việt' };
const EN: Voice = { lang: 'en-US', name: 'Google US English' };

beforeEach(() => {
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const speakerOver = (synth: ReturnType<typeof fakeSynth>) => createPageSpeaker(synth as unknown as SpeechSynthesis);

describe('createPageSpeaker (Firefox)', () => {
  it('speaks the spoken form with the Vietnamese voice, in vi-VN, at the chosen speed', async () => {
    const synth = fakeSynth([EN, VI], 'start');
    await expect(speakerOver(synth).speak('Nhập mã OTP 6 số, hạn 07/03/2025.', 'slow')).resolves.toEqual({ ok: true });
    expect(synth.spoken).toHaveLength(1);
    expect(synth.spoken[0]).toMatchObject({ text: 'Nhập mã xác nhận 6 số, hạn ngày 7 tháng 3 năm 2025.', lang: 'vi-VN', rate: 0.8, voice: VI });
  });

  it('waits for the voice list when the browser has not loaded it yet', async () => {
    const synth = fakeSynth([], 'start');
    const result = speakerOver(synth).speak('Bấm “Tiếp”.', 'normal');
    await Promise.resolve();
    synth.loadVoices([VI]);
    await expect(result).resolves.toEqual({ ok: true });
    expect(synth.spoken[0]).toMatchObject({ text: 'Bấm Tiếp.', voice: VI, rate: 1 });
  });

  it('says "no voice" with only an English voice, and never speaks with it', async () => {
    const synth = fakeSynth([EN], 'start');
    await expect(speakerOver(synth).speak('Bấm “Tiếp”.', 'normal')).resolves.toEqual({ ok: false, reason: 'no-voice' });
    expect(synth.spoken).toEqual([]);
  });

  it('counts a listed voice that fails before it starts as missing (some Android builds)', async () => {
    const synth = fakeSynth([VI], 'error-at-once');
    await expect(speakerOver(synth).speak('Bấm “Tiếp”.', 'normal')).resolves.toEqual({ ok: false, reason: 'no-voice' });
  });

  it('is not a failure when the next step interrupts the reading', async () => {
    const synth = fakeSynth([VI], 'interrupted');
    await expect(speakerOver(synth).speak('Bấm “Tiếp”.', 'normal')).resolves.toEqual({ ok: true });
  });

  it('says "no voice" where the page has no speechSynthesis at all', async () => {
    await expect(createPageSpeaker(undefined).speak('Bấm “Tiếp”.', 'normal')).resolves.toEqual({ ok: false, reason: 'no-voice' });
  });
});
