import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { hardenBundles } from './lib/harden-bundles';

/**
 * `npm run build` (after `wxt build`): the embeddable widget from widget/index.ts, as an IIFE for a
 * script tag (one global, `DanBuoc`) and an ES module, with versioned file names, and the SRI
 * sha384 of each in .output/widget/integrity.json. The overlay CSS is inside the JS.
 */
export const WIDGET_DIR = resolve('.output/widget');

export function widgetFileNames(version: string) {
  return { iife: `dan-buoc-widget-${version}.js`, esm: `dan-buoc-widget-${version}.mjs` };
}

export function sriOf(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

async function main() {
  const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
  const names = widgetFileNames(version);
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [hardenBundles()],
    define: { __WIDGET_VERSION__: JSON.stringify(version) },
    build: {
      outDir: WIDGET_DIR,
      emptyOutDir: true,
      target: 'es2020',
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      sourcemap: false,
      lib: {
        entry: resolve('widget/index.ts'),
        name: 'DanBuoc',
        formats: ['iife', 'es'],
        fileName: (format) => (format === 'iife' ? names.iife : names.esm),
      },
    },
  });
  const integrity: Record<string, { integrity: string; bytes: number; gzip: number }> = {};
  for (const file of [names.iife, names.esm]) {
    const bytes = await readFile(resolve(WIDGET_DIR, file));
    integrity[file] = { integrity: sriOf(bytes), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  await writeFile(resolve(WIDGET_DIR, 'integrity.json'), `${JSON.stringify({ version, files: integrity }, null, 2)}\n`);
  for (const [file, info] of Object.entries(integrity)) {
    console.log(`widget: .output/widget/${file}  ${(info.gzip / 1024).toFixed(1)} KB gzip  integrity="${info.integrity}"`);
  }
}

await main();
