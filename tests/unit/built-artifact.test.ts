import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ALLOWED_ORIGINS } from '../../engine/sites';

/** Gates the built extension, not just the source: run `npm run build` (and build:firefox) first. */
// 18 KB since the overlay draws with engine/spotlight.ts instead of driver.js (20,464 → ≈ 17.4 KB).
const CONTENT_BUDGET_BYTES = 18 * 1024;

function built(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build && npm run build:firefox" before the unit tests`);
  return readFileSync(path, 'utf8');
}

/**
 * Every permission is here on purpose; adding one means changing this snapshot in the same change.
 * - storage: run state (storage.session) and broken-step reports (storage.local);
 * - browsingData: the desk console signs the citizen out of the portal origins a session used;
 * - scripting: author mode only — the picker/recorder script is injected into a portal tab when a tour
 *   author starts it (host permissions still limit it to the portal origins);
 * - sidePanel (Chrome only, added by WXT for entrypoints/sidepanel): the desk console. Firefox
 *   gets `sidebar_action` instead, which needs no permission.
 * - tts (Chrome only): read-aloud with the machine's Vietnamese voice. Firefox has no tts API and
 *   reads aloud with the page's speechSynthesis, which needs no permission.
 * - alarms: the daily check for a newer signed tour pack;
 * - optional host permissions on HTTPS origins: only the one origin of a tour-pack address a team
 *   lead adds in options is requested then; nothing is granted up front.
 */
const expectedPermissions = (target: string) => ({
  permissions: target === 'chrome-mv3' ? ['storage', 'browsingData', 'scripting', 'alarms', 'tts', 'sidePanel'] : ['storage', 'browsingData', 'scripting', 'alarms'],
  host_permissions: ALLOWED_ORIGINS.map((o) => `${o}/*`),
  content_script_matches: ALLOWED_ORIGINS.map((o) => `${o}/*`).sort(),
  optional_permissions: undefined,
  optional_host_permissions: ['https://*/*'],
  externally_connectable: undefined,
  web_accessible_resources: undefined,
});

function permissionSurface(manifest: Record<string, unknown>) {
  const scripts = (manifest.content_scripts ?? []) as { matches: string[]; all_frames?: boolean }[];
  return {
    permissions: manifest.permissions,
    host_permissions: manifest.host_permissions,
    content_script_matches: [...new Set(scripts.flatMap((s) => s.matches))].sort(),
    optional_permissions: manifest.optional_permissions,
    optional_host_permissions: manifest.optional_host_permissions,
    externally_connectable: manifest.externally_connectable,
    web_accessible_resources: manifest.web_accessible_resources,
  };
}

describe.each(['chrome-mv3', 'firefox-mv3'])('%s build', (target) => {
  const manifest = JSON.parse(built(`.output/${target}/manifest.json`)) as Record<string, unknown>;

  it('asks for exactly the snapshotted permissions: no <all_urls>, no wildcard hosts', () => {
    expect(permissionSurface(manifest)).toEqual(expectedPermissions(target));
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/\*\.[a-z]/);
    expect(text).not.toContain('http://');
  });

  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('declares the desk console as the side panel (Chrome) or sidebar (Firefox)', () => {
    if (target === 'chrome-mv3') expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    else expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
  });
});

describe('content script bundle', () => {
  const code = built('.output/chrome-mv3/content-scripts/content.js');
  const css = built('.output/chrome-mv3/content-scripts/content.css');
  // What every portal page downloads and parses: the script and its stylesheet, gzipped one by one.
  const gzipBytes = gzipSync(code, { level: 9 }).length + gzipSync(css, { level: 9 }).length;

  it(`JS + CSS stay within ${CONTENT_BUDGET_BYTES / 1024} KB gzip together`, () => {
    expect(gzipBytes).toBeLessThanOrEqual(CONTENT_BUDGET_BYTES);
  });

  it('ships only the overlay rules of driver.js\'s stylesheet, not its popover styles', () => {
    expect(css).toContain('.driver-overlay');
    expect(css).not.toContain('.driver-popover');
  });

  it('carries no React', () => {
    expect(code).not.toMatch(/react\.dev|__SECRET_INTERNALS|useState|createElement\("div",\{/);
  });

  it('has no HTML sink: driver.js writes text only (see scripts/lib/harden-bundles.ts)', () => {
    expect(code).not.toContain('innerHTML');
  });

  it('contains no eval or remote code loading', () => {
    expect(code).not.toMatch(/\beval\(|new Function\(|importScripts\(/);
  });
});

/** Every script of both builds (pages, background, workers), not only the content script: no eval. */
describe('no eval anywhere in the built extension', () => {
  const scripts = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? scripts(`${dir}/${entry.name}`) : entry.name.endsWith('.js') ? [`${dir}/${entry.name}`] : [],
    );
  const files = ['chrome-mv3', 'firefox-mv3'].flatMap((target) => scripts(`.output/${target}`));

  it('reads the workers too (the dashboard\'s records worker carries zod)', () => {
    expect(files.some((file) => /records-worker/.test(file))).toBe(true);
  });

  it.each(files)('%s has no eval and no Function constructor', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/\beval\(|new Function\(/);
  });
});

/**
 * Whatever the import graph, nothing the content scripts bundle may carry zod: checked on every
 * built content-script file of both targets, with signatures shown (below) to catch a real zod bundle.
 */
const ZOD_SIGNATURES = /ZodError|\$ZodType|_zod\b|invalid_type|too_small|ZodFirstPartyTypeKind/;

describe('no zod in any content script (built bundles)', () => {
  const files = ['chrome-mv3', 'firefox-mv3'].flatMap((target) => {
    const dir = `.output/${target}/content-scripts`;
    if (!existsSync(dir)) throw new Error(`${dir} is missing: run "npm run build && npm run build:firefox" before the unit tests`);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.js'))
      .map((name) => `${dir}/${name}`);
  });

  it('finds the content scripts', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s has no zod signature', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(ZOD_SIGNATURES);
  });

  it('the signatures do catch zod when it is bundled (the check can fail)', async () => {
    const bundled = await build({
      stdin: { contents: "import { z } from 'zod'; console.log(z.object({ a: z.string() }).safeParse({}));", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      minify: true,
      write: false,
      format: 'iife',
    });
    expect(bundled.outputFiles[0].text).toMatch(ZOD_SIGNATURES);
  });
});
