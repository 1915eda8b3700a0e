import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { SpeakResult, SpeechRate } from '../../engine/prefs';
import { createReportStore } from '../../extension/background/report-store';
import { createRouter } from '../../extension/background/router';
import { createRunStore } from '../../extension/background/run-store';
import { createSpeaker, pickVietnameseVoice, type TtsApi, type TtsOptions, type TtsVoice } from '../../extension/background/tts';

const GOOGLE_VI: TtsVoice = { voiceName: 'Google Tiếng Việt', lang: 'vi-VN' };
const MICROSOFT_AN: TtsVoice = { voiceName: 'Microsoft An - Vietnamese (Vietnam)', lang: 'vi-VN' };
const ENGLISH: TtsVoice = { voiceName: 'Google US English', lang: 'en-US' };
const VIETNAMESE_NO_REGION: TtsVoice = { voiceName: 'espeak vi', lang: 'vi' };

interface Spoken {
  text: string;
  options: TtsOptions;
}

/** A chrome.tts stand-in that records every utterance and answers with the given event. */
function fakeTts(voices: TtsVoice[], answer: 'start' | 'error' | 'reject' = 'start') {
  const spoken: Spoken[] = [];
  const api: TtsApi & { spoken: Spoken[]; stop: Mock<() => void> } = {
    spoken,
    getVoices: async () => voices,
    speak: async (text, options) => {
      spoken.push({ text, options });
      if (answer === 'reject') throw new Error('Invalid voice');
      queueMicrotask(() => options.onEvent({ type: answer }));
    },
    stop: vi.fn<() => void>(),
  };
  return api;
}

describe('pickVietnameseVoice: never a voice of another language', () => {
  it('picks the Vietnamese voice even when an English one is listed first', () => {
    expect(pickVietnameseVoice([ENGLISH, GOOGLE_VI])).toBe(GOOGLE_VI);
  });

  it('prefers vi-VN, and accepts a voice that says only "vi"', () => {
    expect(pickVietnameseVoice([VIETNAMESE_NO_REGION, MICROSOFT_AN])).toBe(MICROSOFT_AN);
    expect(pickVietnameseVoice([ENGLISH, VIETNAMESE_NO_REGION])).toBe(VIETNAMESE_NO_REGION);
  });

  it('finds nothing on a machine with only English voices (desktop Linux, most Chrome installs)', () => {
    expect(pickVietnameseVoice([ENGLISH, { voiceName: 'Venetian', lang: 'vec-IT' }, { voiceName: 'no lang' }])).toBeUndefined();
    expect(pickVietnameseVoice([])).toBeUndefined();
  });
});

describe('createSpeaker', () => {
  it('speaks the spoken form with the Vietnamese voice, in vi-VN, replacing what was being read', async () => {
    const tts = fakeTts([ENGLISH, GOOGLE_VI]);
    const speaker = createSpeaker(tts);
    await expect(speaker.speak('Nhập mã OTP gửi tới 0912345678.', 'normal')).resolves.toEqual({ ok: true });
    expect(tts.spoken).toHaveLength(1);
    expect(tts.spoken[0].text).toBe('Nhập mã xác nhận gửi tới không chín một hai, ba bốn năm, sáu bảy tám.');
    expect(tts.spoken[0].options).toMatchObject({ lang: 'vi-VN', voiceName: 'Google Tiếng Việt', rate: 1, enqueue: false });
  });

  it('reads slower at "chậm"', async () => {
    const tts = fakeTts([GOOGLE_VI]);
    await createSpeaker(tts).speak('Bấm “Tiếp”.', 'slow');
    expect(tts.spoken[0].options.rate).toBe(0.8);
  });

  it('says plainly that there is no Vietnamese voice, and never speaks with an English one', async () => {
    const tts = fakeTts([ENGLISH]);
    await expect(createSpeaker(tts).speak('Bấm “Tiếp”.', 'normal')).resolves.toEqual({ ok: false, reason: 'no-voice' });
    expect(tts.spoken).toEqual([]);
  });

  it('reports a failure when the voice errors or the browser refuses the utterance', async () => {
    await expect(createSpeaker(fakeTts([GOOGLE_VI], 'error')).speak('Bấm “Tiếp”.', 'normal')).resolves.toEqual({ ok: false, reason: 'failed' });
    await expect(createSpeaker(fakeTts([GOOGLE_VI], 'reject')).speak('Bấm “Tiếp”.', 'normal')).resolves.toEqual({ ok: false, reason: 'failed' });
  });

  it('does not leave the button waiting when a voice never reports back', async () => {
    vi.useFakeTimers();
    try {
      const silent: TtsApi = { getVoices: async () => [GOOGLE_VI], speak: async () => undefined, stop: () => undefined };
      const result = createSpeaker(silent).speak('Bấm “Tiếp”.', 'normal');
      await vi.runAllTimersAsync();
      await expect(result).resolves.toEqual({ ok: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops speaking on request', () => {
    const tts = fakeTts([GOOGLE_VI]);
    createSpeaker(tts).stop();
    expect(tts.stop).toHaveBeenCalledOnce();
  });
});

describe('router: content:speak and content:stop-speaking', () => {
  const EXT = 'dan-buoc-test';
  const HOME = 'https://dichvucong.gov.vn/';
  type Sender = Parameters<ReturnType<typeof createRouter>['handle']>[1];
  const content = (url = HOME, extra: Partial<Sender> = {}): Sender =>
    ({ id: EXT, url, frameId: 0, tab: { id: 7, url } as Browser.Tabs.Tab, ...extra }) as Sender;

  let speak: Mock<(text: string, rate: SpeechRate) => Promise<SpeakResult>>;
  let stop: Mock<() => void>;
  let router: ReturnType<typeof createRouter>;

  beforeEach(() => {
    fakeBrowser.reset();
    speak = vi.fn(async (): Promise<SpeakResult> => ({ ok: true }));
    stop = vi.fn<() => void>();
    router = createRouter({
      store: createRunStore(fakeBrowser.storage.session as unknown as Browser.Storage.StorageArea),
      reports: createReportStore(fakeBrowser.storage.local as unknown as Browser.Storage.StorageArea, '0.1.0'),
      findTour: async () => undefined,
      now: () => 1,
      extensionId: EXT,
      extensionBaseUrl: `chrome-extension://${EXT}/`,
      tabUrl: async () => HOME,
      notifyTab: async () => undefined,
      openUrl: async () => undefined,
      speaker: { speak, stop },
    });
  });

  it('passes a content script\'s text and rate to the speaker and answers with its result', async () => {
    await expect(router.handle({ kind: 'content:speak', text: 'Bấm “Tiếp”.', rate: 'slow' }, content())).resolves.toEqual({ ok: true });
    expect(speak).toHaveBeenCalledWith('Bấm “Tiếp”.', 'slow');
    await router.handle({ kind: 'content:stop-speaking' }, content());
    expect(stop).toHaveBeenCalledOnce();
  });

  it('speaks for a content script in a portal iframe too (the e-form draws its own steps)', async () => {
    await router.handle({ kind: 'content:speak', text: 'Nhập họ tên.', rate: 'normal' }, content('https://dichvucong.gov.vn/p/form', { frameId: 3 }));
    expect(speak).toHaveBeenCalledOnce();
  });

  const forged: Array<[string, Sender]> = [
    ['another extension', content(HOME, { id: 'evil-ext' })],
    ['a content script on a look-alike origin', content('https://dichvucong.gov.vn.evil.cc/')],
    ['a content script on http', content('http://dichvucong.gov.vn/')],
    ['a sender without a tab', { id: EXT, url: HOME }],
    ['an extension page', { id: EXT, url: `chrome-extension://${EXT}/popup.html` }],
  ];
  it.each(forged)('ignores %s: nothing reaches chrome.tts', (_label, sender) => {
    expect(router.handle({ kind: 'content:speak', text: 'Chuyển tiền ngay', rate: 'normal' }, sender)).toBeUndefined();
    expect(router.handle({ kind: 'content:stop-speaking' }, sender)).toBeUndefined();
    expect(speak).not.toHaveBeenCalled();
    expect(stop).not.toHaveBeenCalled();
  });

  const junk: Array<[string, unknown]> = [
    ['text over 2000 characters', { kind: 'content:speak', text: 'a'.repeat(2001), rate: 'normal' }],
    ['empty text', { kind: 'content:speak', text: '', rate: 'normal' }],
    ['text that is not a string', { kind: 'content:speak', text: { toString: 'x' }, rate: 'normal' }],
    ['an unknown rate', { kind: 'content:speak', text: 'Xin chào', rate: 'fast' }],
    ['a rate as a number', { kind: 'content:speak', text: 'Xin chào', rate: 3 }],
    ['a chosen voice', { kind: 'content:speak', text: 'Xin chào', rate: 'normal', voiceName: 'Google US English' }],
    ['a chosen language', { kind: 'content:speak', text: 'Xin chào', rate: 'normal', lang: 'en-US' }],
    ['no rate', { kind: 'content:speak', text: 'Xin chào' }],
    ['stop with a payload', { kind: 'content:stop-speaking', all: true }],
  ];
  it.each(junk)('ignores %s', (_label, message) => {
    expect(router.handle(message, content())).toBeUndefined();
    expect(speak).not.toHaveBeenCalled();
    expect(stop).not.toHaveBeenCalled();
  });

  it('answers "no voice" where the browser has no tts API', async () => {
    const withoutTts = createRouter({
      store: createRunStore(fakeBrowser.storage.session as unknown as Browser.Storage.StorageArea),
      reports: createReportStore(fakeBrowser.storage.local as unknown as Browser.Storage.StorageArea, '0.1.0'),
      findTour: async () => undefined,
      now: () => 1,
      extensionId: EXT,
      extensionBaseUrl: `chrome-extension://${EXT}/`,
      tabUrl: async () => HOME,
      notifyTab: async () => undefined,
      openUrl: async () => undefined,
    });
    await expect(withoutTts.handle({ kind: 'content:speak', text: 'Xin chào', rate: 'normal' }, content())).resolves.toEqual({ ok: false, reason: 'no-voice' });
  });
});
