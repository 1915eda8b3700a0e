import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { Tour } from '../../../engine/schema';
import { chromiumExecutable } from '../../../tests/support/browser';
import { REPLICA_SITES, replicaDocument } from '../../../tests/support/replica';
import { tourFiles } from '../check-tours';
import { probeScript } from './bundle';
import { DEFAULT_INPUTS_FILE, loadInputs } from './inputs';
import { replayTour } from './replay';
import type { TourReport } from './report';
import { varyInitScript, type Variant } from './variants';

export const VERIFIED_FILE = 'tours/verify/verified.json';

export interface VerifyOptions {
  toursDir?: string;
  /** only these tour ids; all when empty */
  only?: string[];
  /** replay against this base instead of the replicas (the tour's main origin is rewritten to it) */
  baseUrl?: string;
  /** replay against the real portal hosts */
  live?: boolean;
  inputsFile?: string;
  stepTimeoutMs?: number;
  /** a step found only by a fallback strategy counts as broken */
  strict?: boolean;
  /** where to record when and against what each tour was last verified; false: do not record */
  verifiedFile?: string | false;
  /** serve the replicas even with live rules (tests check where a live run stops); default: not when live */
  serveReplicas?: boolean;
  /** rewrites a replica page before it is served (a test breaks a replica this way) */
  rewriteReplica?: (origin: string, html: string) => string;
  /** replay on this variant of the replica pages (`--vary`); such a run is never recorded */
  vary?: { variant: Variant; seed: number };
}

/**
 * Serves the replica pages on their real host names (and, for a --base-url run in a test, the
 * portal replica on that base too); nothing else reaches the network.
 */
async function serveReplicas(context: BrowserContext, rewrite: VerifyOptions['rewriteReplica'], baseUrl?: string): Promise<void> {
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const sites = Object.entries(REPLICA_SITES);
  if (baseUrl) sites.push([new URL(baseUrl).origin, REPLICA_SITES['https://dichvucong.gov.vn']]);
  for (const [origin, file] of sites) {
    await context.route(`${origin}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.fulfill({ status: 404, body: '' });
      const html = await readFile(resolve(replicaDocument(route.request().url(), file)), 'utf8');
      const body = rewrite ? rewrite(origin, html) : html;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });
  }
}

async function loadTours(folder: string, only: readonly string[]): Promise<Array<{ tour: Tour; hash: string }>> {
  const out: Array<{ tour: Tour; hash: string }> = [];
  for (const file of await tourFiles(folder)) {
    const text = await readFile(file, 'utf8');
    const parsed = Tour.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${file}: tour sai quy cách, chạy "npm run tours:check" trước. (Invalid tour: run tours:check.)`);
    const tour = parsed.data;
    if (only.length === 0 || only.includes(tour.id)) out.push({ tour, hash: createHash('sha256').update(text).digest('hex').slice(0, 16) });
  }
  const unknown = only.filter((id) => !out.some((t) => t.tour.id === id));
  if (unknown.length) throw new Error(`Không có tour ${unknown.join(', ')} trong ${folder}/. (No such tour.)`);
  return out;
}

/** Replays the tours in headless Chromium without the extension; one fresh browser context per tour. */
export async function verifyTours(options: VerifyOptions = {}): Promise<TourReport[]> {
  const tours = await loadTours(options.toursDir ?? 'tours', options.only ?? []);
  const live = Boolean(options.live || options.baseUrl);
  const against = options.baseUrl ?? (options.live ? 'live' : 'replicas');
  const inputs = await loadInputs(options.inputsFile ?? DEFAULT_INPUTS_FILE);
  const script = await probeScript();
  const varyScript = options.vary ? await varyInitScript(options.vary.variant, options.vary.seed) : undefined;
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const reports: TourReport[] = [];
  try {
    for (const { tour } of tours) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
      if (varyScript) await context.addInitScript({ content: varyScript });
      await context.addInitScript({ content: script });
      if (options.serveReplicas ?? !live) await serveReplicas(context, options.rewriteReplica, options.baseUrl);
      try {
        reports.push(
          await replayTour(context, tour, {
            against,
            live,
            baseUrl: options.baseUrl,
            inputs: inputs[tour.id] ?? {},
            stepTimeoutMs: options.stepTimeoutMs ?? 10_000,
            strict: options.strict ?? false,
          }),
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  if (options.verifiedFile !== false && !options.vary) await recordVerified(options.verifiedFile ?? VERIFIED_FILE, reports, tours);
  return reports;
}

export interface VerifiedEntry {
  verifiedAt: string;
  against: string;
  ok: boolean;
  /** first 16 hex digits of the tour file's SHA-256: whether the tour changed since */
  tourSha256: string;
  steps: number;
  stepsOk: number;
}

/** Keeps, per tour, when and against what it was last verified (the tour files stay untouched). */
async function recordVerified(file: string, reports: readonly TourReport[], tours: ReadonlyArray<{ tour: Tour; hash: string }>): Promise<void> {
  const record: Record<string, VerifiedEntry> = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : {};
  for (const report of reports) {
    record[report.tourId] = {
      verifiedAt: report.verifiedAt,
      against: report.against,
      ok: report.ok,
      tourSha256: tours.find((t) => t.tour.id === report.tourId)!.hash,
      steps: report.steps.length,
      stepsOk: report.steps.filter((s) => s.status === 'ok').length,
    };
  }
  const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(sorted, null, 2)}\n`);
}
