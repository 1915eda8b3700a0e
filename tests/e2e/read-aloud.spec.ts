import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { DEFAULT_PREFS, type GuidePrefs } from '../../engine/prefs';
import { spokenText } from '../../engine/speech';
import { rm } from 'node:fs/promises';
import { englishOnlyVoiceDir, launchWithExtension, recordedUtterances, TEST_VOICE_DIR, type ExtensionBrowser } from '../support/browser';
import { Citizen } from '../support/citizen';
import { sendFromContentScript } from '../support/content-script';
import { HOME_URL, startFromPopup, TOTAL_STEPS, walkFindProcedure } from '../support/find-procedure-walk';
import { serveReplicas } from '../support/replica';

/**
 * Read-aloud for real: Chromium with the built extension and, beside it, a test-only extension
 * that registers the voices "Test English" (en-US, listed first) and "Test Tiếng Việt" (vi-VN)
 * through chrome.ttsEngine and records every utterance Chrome routes to them
 * (tests/fixtures/tts-voice-extension). Without a Vietnamese voice the machine is like most
 * desktop installs: English voices only.
 */
const test = base.extend<{ voices: 'with-vietnamese' | 'english-only'; ext: ExtensionBrowser; portal: Page; citizen: Citizen }>({
  voices: ['with-vietnamese', { option: true }],
  ext: async ({ voices }, use) => {
    const voiceDir = voices === 'with-vietnamese' ? TEST_VOICE_DIR : await englishOnlyVoiceDir();
    const ext = await launchWithExtension({ extraExtensions: [voiceDir] });
    await serveReplicas(ext.context);
    await use(ext);
    await ext.close();
    if (voiceDir !== TEST_VOICE_DIR) await rm(voiceDir, { recursive: true, force: true });
  },
  portal: async ({ ext }, use) => {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(HOME_URL);
    await use(page);
  },
  citizen: async ({ portal }, use) => {
    await use(new Citizen(portal));
  },
});

const VOICE = 'Test Tiếng Việt';

/** The citizen's choices, stored where the extension keeps them (storage.local, key "prefs"). */
async function setPrefs(ext: ExtensionBrowser, prefs: Partial<GuidePrefs>): Promise<void> {
  await ext.worker.evaluate((value) => chrome.storage.local.set({ prefs: value }), { ...DEFAULT_PREFS, ...prefs });
}

/** What "🔊 Đọc" reads for the step on screen, in spoken form: the heading, then the popover's text in order. */
async function expectedSpeech(citizen: Citizen): Promise<string> {
  const shown = await citizen.popover.evaluate((root) =>
    [root.querySelector('h2')?.textContent ?? '', ...[...root.querySelectorAll('.danbuoc-body > p')].map((p) => p.textContent ?? '')]
      .filter(Boolean)
      .join('. ')
      .replace(/\.\s*\./g, '.'),
  );
  return spokenText(shown);
}

const utterances = (ext: ExtensionBrowser) => recordedUtterances(ext.context);
const lastText = async (ext: ExtensionBrowser) => (await utterances(ext)).at(-1)?.text;

test.describe('with a Vietnamese voice', () => {
  test('Chromium routes chrome.tts to the Vietnamese voice and it hears the spoken form, in vi-VN, at the chosen speed', async ({ ext, portal }) => {
    const voices = await ext.worker.evaluate(() => chrome.tts.getVoices());
    expect(voices).toContainEqual(expect.objectContaining({ voiceName: VOICE, lang: 'vi-VN' }));

    const said = 'Nhập mã OTP gửi tới 0912345678 trước ngày 07/03/2025. Lệ phí 150.000 đ.';
    expect(await sendFromContentScript(portal, { kind: 'content:speak', text: said, rate: 'slow' })).toEqual({ ok: true });
    expect(await sendFromContentScript(portal, { kind: 'content:speak', text: 'Bấm “Tìm kiếm”.', rate: 'normal' })).toEqual({ ok: true });
    await expect.poll(() => utterances(ext)).toEqual([
      {
        text: 'Nhập mã xác nhận gửi tới không chín một hai, ba bốn năm, sáu bảy tám trước ngày 7 tháng 3 năm 2025. Lệ phí một trăm năm mươi nghìn đồng.',
        lang: 'vi-VN',
        rate: 0.8,
        voiceName: VOICE,
      },
      { text: 'Bấm Tìm kiếm.', lang: 'vi-VN', rate: 1, voiceName: VOICE },
    ]);
  });

  test('with "always read" on, the citizen hears every step of the find-procedure tour, in spoken form', async ({ ext, portal, citizen }) => {
    await setPrefs(ext, { alwaysRead: true, rate: 'normal' });
    const expected: string[] = [];
    await startFromPopup(ext, portal);
    await walkFindProcedure(citizen, 'khai sinh', {
      onStep: async () => {
        const speech = await expectedSpeech(citizen);
        await expect.poll(() => lastText(ext)).toBe(speech);
        expected.push(speech);
      },
    });
    // Steps 1, 3, 4, 5 (step 2 is passed by Enter) and the closing "Hoàn thành".
    expect(expected).toHaveLength(5);
    const heard = await utterances(ext);
    // A step whose page is still loading may start reading "Đang chờ trang tải xong" before its
    // target appears; the step's own reading then replaces it. Everything else is exact.
    expect(heard.map((u) => u.text).filter((text) => !text.endsWith('Đang chờ trang tải xong.'))).toEqual(expected);
    for (const u of heard) expect(u).toEqual({ text: u.text, lang: 'vi-VN', rate: 1, voiceName: VOICE });
    expect(heard.map((u) => u.text).join(' ')).not.toMatch(/[“”"…]|\d{5,}/);
    expect(expected[0]).toContain('Gõ tên thủ tục');
    expect(expected.at(-1)).toContain('Hoàn thành');
  });

  test('"🔊 Đọc" reads the step on screen, slowly when the citizen chose "chậm", and nothing is read unasked', async ({ ext, portal, citizen }) => {
    await setPrefs(ext, { alwaysRead: false, rate: 'slow' });
    await startFromPopup(ext, portal);
    await citizen.typeIntoHighlighted('khai sinh', { enter: true });
    await citizen.expectStep(3, TOTAL_STEPS);
    await citizen.highlighted.getByRole('link').first().click();
    await citizen.expectStep(4, TOTAL_STEPS);

    const read = citizen.popover.getByRole('button', { name: 'Đọc to' });
    await expect(read).toBeVisible();
    await read.click();
    const speech = await expectedSpeech(citizen);
    await expect.poll(() => utterances(ext)).toEqual([{ text: speech, lang: 'vi-VN', rate: 0.8, voiceName: VOICE }]);
    expect(speech).toContain('Thành phần hồ sơ');
    // The tour goes on while it reads.
    await citizen.pressPopoverButton('Tiếp');
    await citizen.expectStep(5, TOTAL_STEPS);
  });
});

test.describe('with English voices only', () => {
  test.use({ voices: 'english-only' });

  test('the background answers "no voice" and never speaks with the English voice', async ({ ext, portal }) => {
    const voices = await ext.worker.evaluate(() => chrome.tts.getVoices());
    expect(voices).toContainEqual(expect.objectContaining({ voiceName: 'Test English', lang: 'en-US' }));
    expect(voices.filter((v) => v.lang?.toLowerCase().startsWith('vi'))).toEqual([]);
    expect(await sendFromContentScript(portal, { kind: 'content:speak', text: 'Bấm “Tiếp”.', rate: 'normal' })).toEqual({
      ok: false,
      reason: 'no-voice',
    });
    expect(await utterances(ext)).toEqual([]);
  });

  test('"🔊 Đọc" says plainly that this machine has no Vietnamese voice, and the tour keeps working', async ({ ext, portal, citizen }) => {
    await startFromPopup(ext, portal);
    await citizen.expectStep(1, TOTAL_STEPS);
    await citizen.popover.getByRole('button', { name: 'Đọc to' }).click();
    await expect(citizen.popover).toContainText('chưa có giọng đọc tiếng Việt');
    expect(await utterances(ext)).toEqual([]);
    const results = await new AxeBuilder({ page: portal }).include('.danbuoc-popover').analyze();
    expect(results.violations).toEqual([]);

    await citizen.typeIntoHighlighted('khai sinh', { enter: true });
    await citizen.expectStep(3, TOTAL_STEPS);
    await expect(citizen.highlighted).toBeVisible();
  });
});
