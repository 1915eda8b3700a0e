import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';
import type { ChunkName } from '../widget/chunks';
import { SHARED_MODULES, SHARED_PATHS } from '../widget/shared';
import ts from 'typescript';
import { CHUNK_EVENT } from '../widget/chunks';
import { bundleBreakdown, formatBreakdown } from './lib/bundle-breakdown';
import { hardenBundles } from './lib/harden-bundles';
import { WIDGET_BROWSERS } from './lib/widget-browsers';

/**
 * `npm run build` (after `wxt build`): the embeddable widget from widget/index.ts, as an IIFE for a
 * script tag (one global, `DanBuoc`) and an ES module, with versioned file names, plus the chunks
 * it loads beside itself when needed (widget/chunks.ts: the guide, signature checking, read-aloud),
 * each a classic script whose sha384 is baked into the main file. A chunk leaves out the engine
 * modules the main file shares with it (widget/shared.ts) and is wrapped in a factory that receives
 * them; a module bundled both in the main file and in a chunk fails the build. integrity.json holds
 * the SRI of every file and its gzip size. The overlay CSS is inside the guide chunk's JS.
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

const SHARED_IDS = SHARED_PATHS.map((path) => resolve(path));

/**
 * A chunk: an IIFE whose shared imports are the factory's argument `s` (`s[i]` is SHARED_PATHS[i]),
 * handed to the script element that loads it (widget/chunks.ts).
 */
const CHUNK_OUTPUT = {
  globals: (id: string) => `s[${SHARED_IDS.indexOf(id)}]`,
  banner: `document.currentScript?.dispatchEvent(new CustomEvent(${JSON.stringify(CHUNK_EVENT)},{detail:s=>{`,
  footer: 'return _}}))',
};

type Lib = Partial<NonNullable<NonNullable<InlineConfig['build']>['lib']>>;

function viteConfig(entry: string, define: Record<string, string>, lib: Lib, chunk: boolean, first: boolean): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [hardenBundles()],
    define,
    build: {
      // The ES build reads import.meta.url; in the IIFE it is empty and the script tag's src is used.
      rolldownOptions: {
        checks: { emptyImportMeta: false },
        ...(chunk ? { external: SHARED_IDS } : {}),
        // No Symbol.toStringTag on the exports object: nothing reads it.
        output: { generatedCode: { symbols: false }, ...(chunk ? CHUNK_OUTPUT : {}) },
      },
      outDir: WIDGET_DIR,
      emptyOutDir: first,
      // Constructed stylesheets (how the widget styles) need Safari 16.4 / Firefox 101 anyway: no
      // older-browser fallbacks in the CSS (:-webkit-any copies of every :is/:not rule) nor in the
      // JS (class fields and `??=` lowered to helpers).
      target: WIDGET_BROWSERS,
      cssTarget: WIDGET_BROWSERS,
      minify: 'terser',
      // Measured on the tour run (main file + guide, gzip -9): a third pass, `pure_getters` (no
      // getter of ours has side effects, and no property read is kept only to force layout) and
      // inlining only simple functions (a body copied into each call site gzips worse) −108 B.
      // Not `module`/`toplevel`: they drop the IIFE's `var DanBuoc`.
      terserOptions: { compress: { passes: 3, pure_getters: true, inline: 1 } },
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

/** The source files a build bundled (vite's build() answers with its output chunks). */
function modulesOf(result: Awaited<ReturnType<typeof build>>): Set<string> {
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output: Array<{ type: string; moduleIds?: string[] }> }>;
  return new Set(outputs.flatMap(({ output }) => output.flatMap((o) => (o.type === 'chunk' ? (o.moduleIds ?? []) : []))));
}

/** What the modules of a chunk import (values, not types) from each shared module, by its index in SHARED_PATHS. */
function sharedImportsOf(modules: Set<string>): Map<number, Set<string>> {
  const needs = new Map<number, Set<string>>();
  for (const id of modules) {
    if (!/\.tsx?$/.test(id)) continue;
    const source = ts.createSourceFile(id, readFileSync(id, 'utf8'), ts.ScriptTarget.Latest);
    for (const node of source.statements) {
      if (!ts.isImportDeclaration(node) || node.importClause?.isTypeOnly || !ts.isStringLiteral(node.moduleSpecifier)) continue;
      const index = SHARED_IDS.indexOf(`${resolve(dirname(id), node.moduleSpecifier.text)}.ts`);
      const bindings = node.importClause?.namedBindings;
      if (index < 0 || !bindings) continue;
      if (!ts.isNamedImports(bindings)) throw new Error(`widget: ${id} imports a shared module as a namespace; import names instead`);
      const names = needs.get(index) ?? new Set<string>();
      for (const element of bindings.elements) if (!element.isTypeOnly) names.add((element.propertyName ?? element.name).text);
      needs.set(index, names);
    }
  }
  return needs;
}

async function main() {
  const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
  const names = widgetFileNames(version);
  const chunks: Record<string, WidgetFileInfo & { file: string }> = {};
  const chunkModules = new Map<ChunkName, Set<string>>();
  for (const [i, name] of WIDGET_CHUNKS.entries()) {
    const file = chunkFileName(version, name);
    const result = await build(viteConfig(`widget/chunk-${name}.ts`, {}, { formats: ['iife'], name: '_', fileName: () => file }, true, i === 0));
    chunkModules.set(name, modulesOf(result));
    for (const [index, names] of sharedImportsOf(chunkModules.get(name)!)) {
      const missing = [...names].filter((n) => !(n in SHARED_MODULES[index]));
      if (missing.length) throw new Error(`widget: the ${name} chunk imports ${missing.join(', ')} from ${SHARED_PATHS[index]}; add them to widget/shared.ts`);
    }
    chunks[name] = { file, ...(await describe(file)) };
  }
  const baked = Object.fromEntries(Object.entries(chunks).map(([name, { integrity }]) => [name, integrity]));
  const main = await build(
    viteConfig(
      'widget/index.ts',
      { __WIDGET_VERSION__: JSON.stringify(version), __WIDGET_CHUNKS__: JSON.stringify(baked) },
      { name: 'DanBuoc', formats: ['iife', 'es'], fileName: (format) => (format === 'iife' ? names.iife : names.esm) },
      false,
      false,
    ),
  );
  const mainModules = modulesOf(main);
  for (const [name, modules] of chunkModules) {
    const twice = [...modules].filter((id) => mainModules.has(id) && !id.startsWith('\0'));
    if (twice.length) throw new Error(`widget: bundled both in the main file and in the ${name} chunk: ${twice.join(', ')}; add them to widget/shared.ts`);
  }
  const files: Record<string, WidgetFileInfo> = {};
  for (const file of [names.iife, names.esm]) files[file] = await describe(file);
  await writeFile(resolve(WIDGET_DIR, 'integrity.json'), `${JSON.stringify({ version, files, chunks }, null, 2)}\n`);
  for (const [file, info] of [...Object.entries(files), ...Object.values(chunks).map((c) => [c.file, c] as const)]) {
    console.log(`widget: .output/widget/${file}  ${(info.gzip / 1024).toFixed(1)} KB gzip  integrity="${info.integrity}"`);
  }
}

await main();
