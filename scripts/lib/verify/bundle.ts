import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let cached: Promise<string> | undefined;

/** scripts/lib/verify/probe.ts with the engine's resolver, as one classic script for the page. */
export function probeScript(): Promise<string> {
  cached ??= build({
    entryPoints: [fileURLToPath(new URL('./probe.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'error',
  }).then((result) => result.outputFiles[0].text);
  return cached;
}
