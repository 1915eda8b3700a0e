import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { canonicalBytes, generatePackKeyPair, Pack, signBytes, type PackKeyPair } from '../../engine/pack';
import { loadTours } from '../../scripts/lib/pack-tours';
import { REPLICA_SITES, serveReplicas } from './replica';

/**
 * A host site that embeds the widget with one script tag, as an operator would: the replica portal
 * and the plain sample pages (widget/demo/) on https://dichvucong.gov.vn, the built widget and a
 * pack signed in the test with a fresh key at /dan-buoc/. Nothing reaches the internet.
 */
export const PORTAL = 'https://dichvucong.gov.vn';
export const SAMPLE_PAGE = `${PORTAL}/trang-mau/`;
export const STRICT_CSP = "script-src 'self'; style-src 'self'";

export interface TestPack {
  bytes: Uint8Array;
  signature: string;
  keys: PackKeyPair;
}

/** The catalogue's tours plus the sample-page tour, checked by the full schema as tours:pack does. */
export async function signedTestPack(keys?: PackKeyPair): Promise<TestPack> {
  const demo = JSON.parse(await readFile(resolve('widget/demo/demo-tour.json'), 'utf8')) as unknown;
  const pack = { packId: 'dan-buoc-thu', version: 1, publishedAt: '2026-12-01', tours: [...(await loadTours('tours')), demo] };
  const parsed = Pack.safeParse(pack);
  if (!parsed.success) throw new Error(`test pack is not valid: ${parsed.error.message}`);
  const key = keys ?? (await generatePackKeyPair());
  const bytes = canonicalBytes(pack);
  return { bytes, signature: await signBytes(bytes, key.privateJwk), keys: key };
}

export interface WidgetSiteOptions {
  pack: { bytes: Uint8Array | string; signature: string; publicKey?: string };
  /** Content-Security-Policy header on every page of the site */
  csp?: string;
  /** the first load of the VNeID login page is cancelled (the citizen stays on the portal a moment longer) */
  cancelFirstSsoLoad?: boolean;
  /** false: the sample pages' script tag has no data-pack, the host calls DanBuoc.init() itself */
  autoStart?: boolean;
}

export async function widgetBuild(): Promise<{ file: string; url: string; integrity: string }> {
  const info = JSON.parse(await readFile(resolve('.output/widget/integrity.json'), 'utf8')) as { files: Record<string, { integrity: string }> };
  const file = Object.keys(info.files).find((name) => name.endsWith('.js'));
  if (!file) throw new Error('No built widget in .output/widget: run "npm run build" first.');
  return { file: resolve('.output/widget', file), url: `/dan-buoc/${file}`, integrity: info.files[file].integrity };
}

function scriptTag(src: string, integrity: string, publicKey?: string): string {
  const key = publicKey ? ` data-public-key="${publicKey}"` : '';
  return `<script src="${src}" integrity="${integrity}" crossorigin="anonymous" data-pack="/dan-buoc/pack.json"${key} defer></script>`;
}

export async function serveWidgetSite(context: BrowserContext, options: WidgetSiteOptions): Promise<void> {
  await serveReplicas(context);
  const widget = await widgetBuild();
  const headers = (contentType: string) => ({ 'content-type': contentType, ...(options.csp ? { 'content-security-policy': options.csp } : {}) });
  const portal = await readFile(resolve(REPLICA_SITES[PORTAL]), 'utf8');
  const withWidget = (html: string) =>
    html
      .replace('{{WIDGET_SRC}}', widget.url)
      .replace('{{INTEGRITY}}', widget.integrity)
      .replace(options.pack.publicKey ? '{{PUBLIC_KEY}}' : / data-public-key="\{\{PUBLIC_KEY\}\}"/, options.pack.publicKey ?? '')
      .replace(options.autoStart === false ? / data-pack="[^"]*"/ : '', '');

  await context.route(`${PORTAL}/**`, (route) => {
    if (route.request().resourceType() !== 'document') return route.fulfill({ status: 404, body: '' });
    const html = portal.replace('</head>', `${scriptTag(widget.url, widget.integrity, options.pack.publicKey)}\n</head>`);
    return route.fulfill({ status: 200, headers: headers('text/html; charset=utf-8'), body: html });
  });
  const sample: Record<string, [string, string]> = {
    '/trang-mau/': ['widget/demo/index.html', 'text/html; charset=utf-8'],
    '/trang-mau/xac-nhan': ['widget/demo/xac-nhan.html', 'text/html; charset=utf-8'],
    '/trang-mau/demo.css': ['widget/demo/demo.css', 'text/css'],
  };
  await context.route(`${PORTAL}/trang-mau/**`, async (route) => {
    const entry = sample[new URL(route.request().url()).pathname];
    if (!entry) return route.fulfill({ status: 404, body: '' });
    const text = await readFile(resolve(entry[0]), 'utf8');
    return route.fulfill({ status: 200, headers: headers(entry[1]), body: entry[1].startsWith('text/html') ? withWidget(text) : text });
  });
  await context.route(`${PORTAL}/dan-buoc/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    // the main file and the chunks it loads from beside itself (widget/chunks.ts)
    if (/^\/dan-buoc\/dan-buoc-widget-[\w.-]+\.js$/.test(path)) {
      return readFile(resolve('.output/widget', path.slice('/dan-buoc/'.length))).then(
        (body) => route.fulfill({ status: 200, headers: { 'content-type': 'text/javascript' }, body }),
        () => route.fulfill({ status: 404, body: '' }),
      );
    }
    if (path === '/dan-buoc/pack.json') return route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(options.pack.bytes) });
    if (path === '/dan-buoc/pack.json.sig') return route.fulfill({ status: 200, headers: { 'content-type': 'text/plain' }, body: `${options.pack.signature}\n` });
    return route.fulfill({ status: 404, body: '' });
  });
  if (options.cancelFirstSsoLoad) {
    await context.route('https://sso.dancuquocgia.gov.vn/**', (route) => route.abort('aborted'), { times: 1 });
  }
}
