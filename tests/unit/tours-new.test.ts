import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalBytes, generatePackKeyPair, signBytes, verifyPack } from '../../engine/pack';
import { checkTourFolder } from '../../scripts/lib/check-tours';
import { buildPack } from '../../scripts/lib/pack-tours';
import { scaffoldTour } from '../../scripts/lib/scaffold-tour';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'danbuoc-new-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('tours:new', () => {
  it('writes a tour that passes tours:check, in canonical form, with every text marked as a draft', async () => {
    const file = await scaffoldTour('dvcqg-tra-cuu-ho-so', dir);
    expect(file).toBe(join(dir, 'dvcqg-tra-cuu-ho-so.json'));
    expect(await checkTourFolder(dir)).toEqual([]);
    const tour = JSON.parse(await readFile(file, 'utf8'));
    expect(tour).toMatchObject({ $schema: './tour.schema.json', schemaVersion: 1, id: 'dvcqg-tra-cuu-ho-so' });
    expect(tour.title.vi).toMatch(/^\[BẢN NHÁP\] /);
    expect(tour.steps[0].say.vi).toMatch(/^\[BẢN NHÁP\] /);
  });

  it('--start begins the draft on another allowed site, hash route and all, and refuses a look-alike host', async () => {
    const start = 'https://lienthong.dichvucong.gov.vn/#/ke-khai/2.000986';
    const tour = JSON.parse(await readFile(await scaffoldTour('lien-thong', dir, { start }), 'utf8'));
    expect(tour).toMatchObject({ start, sites: ['https://lienthong.dichvucong.gov.vn/*'] });
    expect(tour.steps[0].page).toBe(start);
    expect(await checkTourFolder(dir)).toEqual([]);
    await expect(scaffoldTour('gia', dir, { start: 'https://dichvucong.gov.vn.cc/' })).rejects.toThrow(/không có trong danh sách/);
  });

  it('tours:check says, for a fresh draft, what the popup and the desk console still need', async () => {
    await scaffoldTour('dvcqg-tra-cuu-ho-so', dir);
    const { status, stderr } = spawnSync('npx', ['tsx', 'scripts/tours-check.ts', dir], { encoding: 'utf8' });
    expect(status).toBe(0);
    expect(stderr).toContain(`warning: ${join(dir, 'dvcqg-tra-cuu-ho-so.json')}: $: the popup and the desk console need "topic"`);
    expect(stderr).toMatch(/"minutes".*"task", one of sessions\/task-catalogue\.json/);
  }, 60_000);

  it('refuses a bad slug and an id already taken, leaving the folder as it was', async () => {
    await expect(scaffoldTour('Tra_cuu', dir)).rejects.toThrow(/không dùng được làm mã tour/);
    await expect(scaffoldTour('tra--cuu', dir)).rejects.toThrow(/không dùng được làm mã tour/);
    await copyFile('tours/dvcqg-tim-thu-tuc.json', join(dir, 'tim.json'));
    await expect(scaffoldTour('dvcqg-tim-thu-tuc', dir)).rejects.toThrow(/Đã có tour "dvcqg-tim-thu-tuc"/);
    await scaffoldTour('moi', dir);
    await writeFile(join(dir, 'moi.json'), 'changed');
    await expect(scaffoldTour('moi', dir)).rejects.toThrow(/Đã có tour "moi"/);
    expect(await readFile(join(dir, 'moi.json'), 'utf8')).toBe('changed');
  });

  it('a draft cannot be published: tours:pack refuses it and verifyPack rejects a signed pack holding one', async () => {
    await scaffoldTour('ban-nhap', dir);
    const keys = await generatePackKeyPair();
    await expect(buildPack({ toursDir: dir, outDir: join(dir, 'out'), packId: 'dan-buoc', privateKey: keys.privateJwk })).rejects.toThrow(
      /\$\.tours\[0\]\.title\.vi: draft text \[BẢN NHÁP\]/,
    );
    const tour = JSON.parse(await readFile(join(dir, 'ban-nhap.json'), 'utf8'));
    const bytes = canonicalBytes({ packId: 'dan-buoc', version: 1, publishedAt: '2026-12-01T08:00:00Z', tours: [tour] });
    const result = await verifyPack(bytes, await signBytes(bytes, keys.privateJwk), [keys.publicJwk]);
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
  });
});
