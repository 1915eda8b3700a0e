import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
/**
 * A test-only extension that registers two voices through chrome.ttsEngine, "Test English" (en-US,
 * listed first) and "Test Tiếng Việt" (vi-VN), and records every utterance routed to either.
 */
export const TEST_VOICE_DIR = resolve('tests/fixtures/tts-voice-extension');

/** The same test voices without the Vietnamese one: a machine with only English voices. Returns its folder. */
export async function englishOnlyVoiceDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'danbuoc-voice-en-'));
  await cp(TEST_VOICE_DIR, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { tts_engine: { voices: { lang: string }[] } };
  manifest.tts_engine.voices = manifest.tts_engine.voices.filter((v) => !v.lang.startsWith('vi'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
const OUR_WORKER = /^chrome-extension:\/\/[a-p]{32}\/background\.js$/;
const VOICE_WORKER = /^chrome-extension:\/\/[a-p]{32}\/voice-worker\.js$/;

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/**
 * Which Chromium to drive: $CHROMIUM_PATH, else a system Chromium (Debian's package), else
 * Playwright's own download. Branded Chrome ≥ 137 ignores --load-extension, so it is never picked.
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return SYSTEM_CHROMIUMS.find((path) => existsSync(path));
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension. With `userDataDir` the profile is kept on close, so a
 * second launch on it is the same browser restarted (the unpacked extension keeps its id).
 */
export async function launchWithExtension({
  headless = true,
  userDataDir: kept,
  extraExtensions = [],
  extensionDir = EXTENSION_DIR,
}: {
  headless?: boolean;
  userDataDir?: string;
  /** unpacked extensions loaded beside ours, such as TEST_VOICE_DIR */
  extraExtensions?: string[];
  /** our extension, built elsewhere (a hostile test build) */
  extensionDir?: string;
} = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  const userDataDir = kept ?? (await mkdtemp(join(tmpdir(), 'danbuoc-')));
  const extensions = [extensionDir, ...extraExtensions].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless,
    executablePath: chromiumExecutable(),
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const worker = await currentWorker(context);
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      if (!kept) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

async function workerMatching(context: BrowserContext, url: RegExp): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => url.test(w.url())) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => url.test(w.url()) }))
  );
}

/** The extension's current service worker (a new one after a restart); never an extra extension's. */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return workerMatching(context, OUR_WORKER);
}

export interface Utterance {
  text: string;
  lang?: string;
  rate?: number;
  voiceName?: string;
}

/** What the test voice (TEST_VOICE_DIR) was asked to say so far, in order. */
export async function recordedUtterances(context: BrowserContext): Promise<Utterance[]> {
  const voice = await workerMatching(context, VOICE_WORKER);
  return voice.evaluate(() => (globalThis as unknown as { recordedUtterances(): Promise<Utterance[]> }).recordedUtterances());
}

/**
 * Kills the extension's service worker the way Chrome does when it goes idle: closes its target over
 * CDP. The next event (a message, a tab change) starts a fresh worker with empty memory.
 */
export async function killServiceWorker(ext: ExtensionBrowser): Promise<void> {
  await ext.worker.evaluate(() => ((globalThis as { __beforeKill?: boolean }).__beforeKill = true));
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const cdp = await ext.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`));
  if (!worker) throw new Error('the extension has no running service worker to kill');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}

/** True once the running worker is a new one (memory from before the kill is gone). */
export async function workerWasRestarted(ext: ExtensionBrowser): Promise<boolean> {
  const worker = await currentWorker(ext.context);
  return worker.evaluate(() => (globalThis as { __beforeKill?: boolean }).__beforeKill !== true);
}
