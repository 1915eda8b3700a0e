import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const cache = new Map<string, Promise<string>>();

/** A module of this folder bundled as one classic script for the page (init script of every frame). */
function pageScript(file: string): Promise<string> {
  let cached = cache.get(file);
  if (!cached) {
    cached = build({
      entryPoints: [fileURLToPath(new URL(file, import.meta.url))],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      logLevel: 'error',
    }).then((result) => result.outputFiles[0].text);
    cache.set(file, cached);
  }
  return cached;
}

/** scripts/lib/verify/probe.ts with the engine's resolver. */
export const probeScript = (): Promise<string> => pageScript('./probe.ts');

/** scripts/lib/verify/vary-page.ts, the redesign transformer of `--vary`. */
export const varyPageScript = (): Promise<string> => pageScript('./vary-page.ts');
