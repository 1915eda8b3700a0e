import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import type { BrowserContext } from '@playwright/test';

/** An origin the extension never runs on, for driving engine modules directly in a real page. */
export const HARNESS_URL = 'https://harness.invalid/';

/**
 * Bundles engine/overlay.ts (the same code the content script ships) for a plain page and serves it at
 * HARNESS_URL, with `window.danbuocOverlay = createOverlay(host)`. The host records what it was asked
 * to read aloud (`window.__spoken`, `window.__stopped`) and answers like a computer without a
 * Vietnamese voice.
 */
export async function serveOverlayHarness(context: BrowserContext): Promise<void> {
  const bundle = await build({
    stdin: {
      contents: `import { createOverlay } from './engine/overlay';
window.__spoken = []; window.__stopped = 0;
const host = {
  speak: async (text, rate) => { window.__spoken.push({ text, rate }); return { ok: false, reason: 'no-voice' }; },
  stopSpeaking: () => { window.__stopped++; },
};
window.danbuocOverlay = createOverlay(host);`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    loader: { '.css': 'empty' },
  });
  const css = await readFile('engine/overlay.css', 'utf8');
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>harness</title><style>${css}</style></head>
<body><main><h1>Harness</h1><button id="target" type="button">Mục tiêu</button>
<p><label for="field">Số điện thoại</label> <input id="field" type="text"></p>
<p id="message">Không tìm thấy thủ tục</p>
<table id="docs" aria-label="Thành phần hồ sơ"><tr><th>Tên giấy tờ</th><th>Số lượng</th></tr><tr><td>Tờ khai</td><td>1</td></tr></table></main>
<script>${bundle.outputFiles[0].text}</script></body></html>`;
  await context.route(`${HARNESS_URL}**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
}
