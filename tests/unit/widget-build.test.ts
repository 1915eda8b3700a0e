import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

/**
 * Gates the built widget (`npm run build` writes .output/widget/): size, what it must not carry, its
 * SRI hashes, and a smoke boot that adds exactly one global.
 *
 * Budget: what every page of the host's site downloads — the main file: launcher, settings, pack
 * download and shape check, config check, the run kept across pages — is at most 20 KB gzip
 * (8.8 KB). The rest loads beside it only when needed (widget/chunks.ts), each with its sha384
 * baked into the main file: the guide (the engine's player and overlay with its CSS, the dimmed page
 * from engine/spotlight.ts instead of driver.js) when a tour starts or a run resumes, signature
 * checking only with data-public-key (0.5 KB), read-aloud the first time a step is read (2.1 KB).
 * A chunk carries no copy of the engine modules the main file already has (widget/shared.ts): it
 * receives them when it loads.
 * A tour run downloads main + guide, which is NOT yet within the issue's 20 KB: 25.6 KB (26,229 B; 26,233 B before a control named by an attribute inside it counted;
 * 26,163 B before a cell that only gained text was read as a whole; 26,027 B before the safety looks spaced out, the URL watch left to the
 * Navigation API and each needle tested once; 26,016 B before the cut-out followed scrolling at once; 25,946 B before the after-paint watchers and the relevance fold
 * kept per element; 25,868 B before containers were named from their author's
 * sources only; 25,586 B before the role+name lookup reached 10× Testing Library's
 * getByRole — a leaf judged from one fold kept for the lookup, labels read only where one may name
 * the element, the role index asking isConnected of matches only, implicit roles in a Map; 25,156 B
 * before the lookup and observer work of issue 9 — a leaf's name without the walk, custom elements
 * checked on each read, the rescan back-off, the pinned-bar check after the frame — 25,299 B before the terser settings and the phone sheet trim, 27,427 B
 * before the chunks shared the main file's modules, 29.3 KB before the split).
 * TOUR_RUN_CEILING holds that measured figure so it cannot grow unnoticed. See README "Widget".
 */
const WIDGET_BUDGET_BYTES = 20 * 1024;
const TOUR_RUN_CEILING_BYTES = 26_240;

const integrityFile = '.output/widget/integrity.json';
if (!existsSync(integrityFile)) throw new Error(`${integrityFile} is missing: run "npm run build" before the unit tests`);
type FileInfo = { integrity: string; gzip: number };
const info = JSON.parse(readFileSync(integrityFile, 'utf8')) as {
  version: string;
  files: Record<string, FileInfo>;
  chunks: Record<string, FileInfo & { file: string }>;
};
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const iifeName = `dan-buoc-widget-${version}.js`;
const bytes = readFileSync(`.output/widget/${iifeName}`);
const code = bytes.toString('utf8');
const chunkNames = ['guide', 'signature', 'speech'];
const chunkCode = (name: string) => readFileSync(`.output/widget/${info.chunks[name].file}`);
const gzip = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;
const sha384 = (file: string) => `sha384-${createHash('sha384').update(readFileSync(`.output/widget/${file}`)).digest('base64')}`;

describe('widget bundle', () => {
  it(`the main file every host page loads stays within ${WIDGET_BUDGET_BYTES / 1024} KB gzip`, () => {
    expect(gzip(bytes)).toBeLessThanOrEqual(WIDGET_BUDGET_BYTES);
  });

  it(`a tour run (main file + guide chunk, everything it downloads) stays within the measured ${TOUR_RUN_CEILING_BYTES} B gzip`, () => {
    expect(gzip(bytes) + gzip(chunkCode('guide'))).toBeLessThanOrEqual(TOUR_RUN_CEILING_BYTES);
  });

  it('loads each chunk only through the sha384 baked into the main file, which is the chunk file\'s real hash', () => {
    expect(Object.keys(info.chunks).sort()).toEqual(chunkNames);
    for (const name of chunkNames) {
      const { file, integrity } = info.chunks[name];
      expect(file).toBe(`dan-buoc-widget-${version}-${name}.js`);
      expect(integrity).toBe(sha384(file));
      expect(code).toContain(integrity);
    }
  });

  it('keeps the engine out of the main file: the player, the dimmed page and spoken forms are in their chunks', () => {
    expect(code).not.toContain('.danbuoc-popover');
    expect(code).not.toContain('driver-active');
    expect(chunkCode('guide').toString()).toContain('driver-active');
    // engine/spotlight.ts stands in for driver.js: none of driver.js's own code is bundled
    expect(chunkCode('guide').toString()).not.toMatch(/driver-dummy-element|__activeStagePosition|arrowLeftPress/);
    expect(chunkCode('speech').toString()).toContain('nghìn');
    expect(chunkCode('signature').toString()).toContain('ECDSA');
  });

  it.each(chunkNames)('the %s chunk hands a factory to its script element and bundles no module the main file shares with it', (name) => {
    const text = chunkCode(name).toString();
    expect(text.startsWith('document.currentScript?.dispatchEvent(new CustomEvent("danbuoc:chunk",{detail:')).toBe(true);
    // engine/match.ts (URL patterns) and engine/runner.ts are the main file's, passed in at load
    expect(text).not.toContain('is not on the allow-list');
    expect(text).not.toContain('completeTask');
  });

  it('has a versioned IIFE and ES module, and integrity.json holds their real SRI sha384', () => {
    expect(info.version).toBe(version);
    expect(Object.keys(info.files).sort()).toEqual([iifeName, `dan-buoc-widget-${version}.mjs`]);
    for (const [file, { integrity }] of Object.entries(info.files)) expect(integrity).toBe(sha384(file));
  });

  it.each(['main', ...chunkNames])('%s carries no zod, no React, no HTML sink, no eval, no <style> element or style attribute', (name) => {
    const text = name === 'main' ? code : chunkCode(name).toString();
    expect(text).not.toMatch(/ZodError|\$ZodType|_zod/);
    expect(text).not.toMatch(/react\.dev|__SECRET_INTERNALS|useState/);
    expect(text).not.toContain('innerHTML');
    expect(text).not.toMatch(/\beval\(|new Function\(|importScripts\(/);
    expect(text).not.toMatch(/createElement\(\s*[`'"]style[`'"]/);
    expect(text).not.toMatch(/setAttribute\(\s*[`'"]style[`'"]/);
  });

  it('the guide chunk carries the overlay CSS as text for a constructed sheet', () => {
    expect(chunkCode('guide').toString()).toMatch(/\.danbuoc-popover\{[^}]*position:fixed/);
    expect(chunkCode('guide').toString()).toContain('replaceSync');
  });

  it.each(chunkNames)('the %s chunk adds no global when it runs', (name) => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only', url: 'https://dichvucong.gov.vn/' });
    const before = new Set(Object.getOwnPropertyNames(dom.window));
    dom.window.eval(chunkCode(name).toString());
    expect(Object.getOwnPropertyNames(dom.window).filter((key) => !before.has(key))).toEqual([]);
  });

  it('boots without a pack and adds exactly one global, DanBuoc', () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only', url: 'https://dichvucong.gov.vn/' });
    const before = new Set(Object.getOwnPropertyNames(dom.window));
    dom.window.eval(code);
    const added = Object.getOwnPropertyNames(dom.window).filter((key) => !before.has(key));
    expect(added).toEqual(['DanBuoc']);
    const api = (dom.window as unknown as { DanBuoc: Record<string, unknown> }).DanBuoc;
    expect(Object.keys(api).sort()).toEqual(['init', 'off', 'on', 'version']);
    expect(api.version).toBe(version);
  });
});

describe('widget overlay styles', () => {
  it('are the same stylesheets the extension content script loads', () => {
    const cssImports = (file: string, strip: RegExp) =>
      [...readFileSync(file, 'utf8').matchAll(/import\s+(?:\w+\s+from\s+)?'([^']+\.css)(?:\?inline)?'/g)].map((m) => m[1].replace(strip, '')).sort();
    expect(cssImports('widget/overlay-styles.ts', /^\.\.\//)).toEqual(cssImports('entrypoints/content.ts', /^\.\.\//));
  });
});
