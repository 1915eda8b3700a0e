import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { verifyTours } from '../../scripts/lib/verify/run';
import { variantById } from '../../scripts/lib/verify/variants';

/**
 * `tours:verify --vary` replays tours on redesigned variants of the replica pages. A tour that bets
 * on one exact phrase, or on one kind of chooser, must be caught; the shipped tours must not be.
 */
const FIND = 'dvcqg-tim-thu-tuc';
const BCA = 'bca-cap-doi-gplx';
const vary = (id: string) => ({ variant: variantById(id), seed: 1 });

let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'danbuoc-vary-'));
});
test.afterAll(() => rm(dir, { recursive: true, force: true }));

/** A copy of a shipped tour whose step keeps only its first, exact strategy. */
async function exactOnly(tourId: string, stepId: string, folder: string): Promise<string> {
  const tours = join(dir, folder);
  await mkdir(tours, { recursive: true });
  const tour = JSON.parse(await readFile(`tours/${tourId}.json`, 'utf8'));
  const step = tour.steps.find((s: { id: string }) => s.id === stepId);
  step.target = [step.target[0]];
  await writeFile(join(tours, `${tourId}.json`), JSON.stringify(tour));
  return tours;
}

test('a step whose only strategy is an exact phrase is caught on reworded pages; the shipped tour finds every step', async () => {
  const toursDir = await exactOnly(FIND, 'muc-thanh-phan-ho-so', 'exact-heading');
  const [exact] = await verifyTours({ toursDir, verifiedFile: false, stepTimeoutMs: 3000, vary: vary('reword') });
  expect(exact.ok).toBe(false);
  expect(exact.steps[3]).toMatchObject({ id: 'muc-thanh-phan-ho-so', status: 'missing', broken: true });
  expect(exact.steps[3].strategies.map((s) => s.matches)).toEqual([0]);

  const [shipped] = await verifyTours({ only: [FIND], verifiedFile: false, vary: vary('reword') });
  expect(shipped.ok).toBe(true);
  expect(shipped.steps[3]).toMatchObject({ id: 'muc-thanh-phan-ho-so', status: 'fallback', broken: false });
});

test('a province chooser found only as a listbox button is caught when the page shows a native <select>', async () => {
  const toursDir = join(dir, 'button-only');
  await mkdir(toursDir, { recursive: true });
  const tour = JSON.parse(await readFile(`tours/${BCA}.json`, 'utf8'));
  const buttonsOnly = (t: Array<{ role?: string; css?: string }>) => t.filter((s) => s.role !== 'combobox' && !s.css?.startsWith('select'));
  for (const step of tour.steps) step.target = buttonsOnly(step.target);
  await writeFile(join(toursDir, `${BCA}.json`), JSON.stringify(tour));
  const [buttons] = await verifyTours({ toursDir, verifiedFile: false, stepTimeoutMs: 3000, vary: vary('choosers') });
  expect(buttons.steps[0]).toMatchObject({ id: 'chon-tinh', status: 'missing', broken: true });

  const [shipped] = await verifyTours({ only: [BCA], verifiedFile: false, vary: vary('choosers') });
  expect(shipped.steps.map((s) => s.status).every((s) => s === 'ok' || s === 'fallback' || s === 'ambiguous')).toBe(true);
  expect(shipped.ok).toBe(true);
});

test('the CLI prints steps found per tour and variant, and exits 1 below the goal unless --report-only', async () => {
  const tours = await exactOnly(FIND, 'muc-thanh-phan-ho-so', 'cli');
  const args = ['tsx', 'scripts/tours-verify.ts', '--vary', '--variant', 'reword', '--tours', tours, '--timeout', '3000'];
  const failure = await promisify(execFile)('npx', args).then(() => null, (error: { code: number; stdout: string }) => error);
  expect(failure?.code).toBe(1);
  expect(failure?.stdout).toMatch(/tour +gốc +reword/);
  expect(failure?.stdout).toMatch(/dvcqg-tim-thu-tuc +5\/5 +3\/5/);
  expect(failure?.stdout).toMatch(/tổng +100% +60%/);
  expect(failure?.stdout).toContain('Dưới mục tiêu: dvcqg-tim-thu-tuc @ reword');
  const { stdout } = await promisify(execFile)('npx', [...args, '--report-only']);
  expect(stdout).toMatch(/dvcqg-tim-thu-tuc +5\/5 +3\/5/);
});
