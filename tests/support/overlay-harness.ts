import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import type { BrowserContext } from '@playwright/test';

/** An origin the extension never runs on, for driving engine modules directly in a real page. */
export const HARNESS_URL = 'https://harness.invalid/';

/**
 * Bundles engine/overlay.ts (the same code the content script ships) for a plain page and serves it at
 * HARNESS_URL, with `window.danbuocOverlay = createOverlay()`.
 */
export async function serveOverlayHarness(context: BrowserContext): Promise<void> {
  const bundle = await build({
    stdin: {
      contents: "import { createOverlay } from './engine/overlay'; window.danbuocOverlay = createOverlay();",
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
<body><main><h1>Harness</h1><button id="target" type="button">Mục tiêu</button></main>
<script>${bundle.outputFiles[0].text}</script></body></html>`;
  await context.route(`${HARNESS_URL}**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
}
