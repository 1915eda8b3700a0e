import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

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
  extensionDir = EXTENSION_DIR,
}: { headless?: boolean; userDataDir?: string; extensionDir?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  const userDataDir = kept ?? (await mkdtemp(join(tmpdir(), 'danbuoc-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless,
    executablePath: chromiumExecutable(),
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
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

/** The extension's current service worker (a new one after a restart). */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
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
