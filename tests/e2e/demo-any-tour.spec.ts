import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoTour } from '../../scripts/lib/demo-tour';
import { expect, test } from '../support/fixtures';

/**
 * `npm run demo -- <tour-id>` walks a tour it has no script for: the tours:verify replay acts as the
 * citizen while the built extension guides, and every step leaves a picture.
 */
test('the demo walks the VNeID QR login by id to "Hoàn thành", one PNG per step', async ({ ext }) => {
  test.setTimeout(120_000);
  const out = await mkdtemp(join(tmpdir(), 'danbuoc-demo-'));
  try {
    const lines: string[] = [];
    expect(await demoTour(ext, 'dvcqg-dang-nhap-qr', { out, onLine: (line) => lines.push(line) })).toBe(true);
    const files = (await readdir(out)).sort();
    expect(files).toEqual([
      '00-popup.png',
      '01-bam-dang-nhap.png',
      '02-chon-quet-qr.png',
      '03-quet-ma.png',
      '04-dong-y-chia-se.png',
      '05-xac-nhan-chia-se.png',
      '06-nhap-passcode.png',
      '07-xac-nhan-passcode.png',
      '08-da-dang-nhap.png',
      '09-hoan-thanh.png',
    ]);
    // Each step printed as the guide showed it, in order.
    expect(lines.filter((line) => line.startsWith('Bước')).map((line) => line.split(' ')[1])).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('an unknown tour id is refused with the list of tours', async ({ ext }) => {
  await expect(demoTour(ext, 'khong-co-tour-nay', { out: tmpdir(), onLine: () => undefined })).rejects.toThrow(/No tour "khong-co-tour-nay".*dvcqg-tim-thu-tuc/);
});
