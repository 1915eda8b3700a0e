import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Raw and gzip (level 9) sizes of what ships, next to plain driver.js bundled the same way. */
export interface Size {
  raw: number;
  gzip: number;
}

export interface Sizes {
  contentJs: Size;
  contentCss: Size;
  driverJs: Size;
  driverCss: Size;
}

const CONTENT_DIR = '.output/chrome-mv3/content-scripts';
const DRIVER_ENTRY = "import { driver } from 'driver.js'; driver().highlight({ element: 'body', popover: { title: 'x' } });";

const measure = (bytes: Uint8Array): Size => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });

async function plainDriverBundle(): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents: DRIVER_ENTRY, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].contents;
}

export async function benchSizes(): Promise<Sizes> {
  return {
    contentJs: measure(await readFile(`${CONTENT_DIR}/content.js`)),
    contentCss: measure(await readFile(`${CONTENT_DIR}/content.css`)),
    driverJs: measure(await plainDriverBundle()),
    driverCss: measure(await readFile('node_modules/driver.js/dist/driver.css')),
  };
}
