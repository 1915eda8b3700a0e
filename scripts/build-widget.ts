import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';
import type { ChunkName } from '../widget/chunks';
import { bundleBreakdown, formatBreakdown } from './lib/bundle-breakdown';
import { hardenBundles } from './lib/harden-bundles';

/**
 * `npm run build` (after `wxt build`): the embeddable widget from widget/index.ts, as an IIFE for a
 * script tag (one global, `DanBuoc`) and an ES module, with versioned file names, plus the chunks
 * it loads beside itself when needed (widget/chunks.ts: the guide, signature checking, read-aloud),
 * each a classic script whose sha384 is baked into the main file. integrity.json holds the SRI of
 * every file and its gzip size. The overlay CSS is inside the guide chunk's JS.
 * `npm run build:widget -- --breakdown` also prints which source files each file's bytes come from.
 */
export const WIDGET_DIR = resolve('.output/widget');
export const WIDGET_CHUNKS: readonly ChunkName[] = ['guide', 'signature', 'speech'];

export function widgetFileNames(version: string) {
  return { iife: `dan-buoc-widget-${version}.js`, esm: `dan-buoc-widget-${version}.mjs` };
}

export const chunkFileName = (version: string, name: ChunkName) => `dan-buoc-widget-${version}-${name}.js`;

export function sriOf(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

export interface WidgetFileInfo {
  integrity: string;
  bytes: number;
  gzip: number;
}

const breakdown = process.argv.includes('--breakdown');

function viteConfig(entry: string, define: Record<string, string>, lib: Partial<NonNullable<NonNullable<InlineConfig['build']>['lib']>>, first: boolean): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [hardenBundles()],
    // The guide's dimmed page and cut-out come from engine/spotlight.ts, not the whole of driver.js.
    resolve: { alias: [{ find: /^driver\.js$/, replacement: resolve('engine/spotlight.ts') }] },
    define,
    build: {
      // The ES build reads import.meta.url; in the IIFE it is empty and the script tag's src is used.
      rolldownOptions: { checks: { emptyImportMeta: false } },
      outDir: WIDGET_DIR,
      emptyOutDir: first,
      target: 'es2020',
      // Constructed stylesheets (how the widget styles) need Safari 16.4 / Firefox 101 anyway: no
      // older-browser fallbacks (:-webkit-any copies of every :is/:not rule) in the CSS.
      cssTarget: ['chrome99', 'firefox101', 'safari16.4'],
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      sourcemap: breakdown ? 'hidden' : false,
      lib: { entry: resolve(entry), ...lib } as NonNullable<NonNullable<InlineConfig['build']>['lib']>,
    },
  };
}

async function describe(file: string): Promise<WidgetFileInfo> {
  const bytes = await readFile(resolve(WIDGET_DIR, file));
  if (breakdown) {
    const map = JSON.parse(await readFile(resolve(WIDGET_DIR, `${file}.map`), 'utf8'));
    console.log(`\n${file}\n${formatBreakdown(bundleBreakdown(bytes.toString('utf8'), map))}`);
  }
  return { integrity: sriOf(bytes), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

async function main() {
  const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
  const names = widgetFileNames(version);
  const chunks: Record<string, WidgetFileInfo & { file: string }> = {};
  for (const [i, name] of WIDGET_CHUNKS.entries()) {
    const file = chunkFileName(version, name);
    await build(viteConfig(`widget/chunk-${name}.ts`, {}, { formats: ['iife'], name: '_', fileName: () => file }, i === 0));
    chunks[name] = { file, ...(await describe(file)) };
  }
  const baked = Object.fromEntries(Object.entries(chunks).map(([name, { file, integrity }]) => [name, { file, integrity }]));
  await build(
    viteConfig(
      'widget/index.ts',
      { __WIDGET_VERSION__: JSON.stringify(version), __WIDGET_CHUNKS__: JSON.stringify(baked) },
      { name: 'DanBuoc', formats: ['iife', 'es'], fileName: (format) => (format === 'iife' ? names.iife : names.esm) },
      false,
    ),
  );
  const files: Record<string, WidgetFileInfo> = {};
  for (const file of [names.iife, names.esm]) files[file] = await describe(file);
  await writeFile(resolve(WIDGET_DIR, 'integrity.json'), `${JSON.stringify({ version, files, chunks }, null, 2)}\n`);
  for (const [file, info] of [...Object.entries(files), ...Object.values(chunks).map((c) => [c.file, c] as const)]) {
    console.log(`widget: .output/widget/${file}  ${(info.gzip / 1024).toFixed(1)} KB gzip  integrity="${info.integrity}"`);
  }
}

await main();
