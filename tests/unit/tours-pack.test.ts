import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../engine/pack';
import { buildPack, PackError, signingKeyFromEnv, writeKeyPair } from '../../scripts/lib/pack-tours';

let dir: string;
let keyFile: string;
let publicSpki: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'danbuoc-pack-'));
  ({ privateFile: keyFile, publicSpki } = await writeKeyPair(join(dir, 'keys')));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const build = async (outDir: string, extra: { version?: number } = {}) =>
  buildPack({ toursDir: 'tours', outDir, packId: 'dan-buoc', publishedAt: '2026-12-01T08:00:00.000Z', privateKey: await signingKeyFromEnv({ DANBUOC_PACK_KEY_FILE: keyFile }), ...extra });

describe('tours:pack', () => {
  it('builds the same bytes from the same tours, signed so the written public key verifies them', async () => {
    const a = await build(join(dir, 'a'), { version: 7 });
    const b = await build(join(dir, 'b'), { version: 7 });
    expect(a.file.endsWith('dan-buoc-7.json')).toBe(true);
    const bytes = await readFile(a.file);
    expect(bytes.equals(await readFile(b.file))).toBe(true);
    const signature = await readFile(a.signatureFile, 'utf8');
    const result = await verifyPack(new Uint8Array(bytes), signature, [publicSpki], { packId: 'dan-buoc', version: 6 });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pack.tours.map((t) => t.id)).toContain('dvcqg-tim-thu-tuc');
    expect(bytes.toString('utf8')).not.toContain('$schema');
    const publicJwk = JSON.parse(await readFile(join(dir, 'keys', 'danbuoc-pack.public.jwk.json'), 'utf8'));
    expect(publicJwk.d).toBeUndefined();
    expect((await verifyPack(new Uint8Array(bytes), signature, [publicJwk])).ok).toBe(true);
  });

  it('numbers a new pack one above the last one in the folder and never overwrites a version', async () => {
    const out = join(dir, 'versions');
    expect((await build(out)).version).toBe(1);
    expect((await build(out)).version).toBe(2);
    await expect(build(out, { version: 2 })).rejects.toThrow(/Versions only go up/);
  });

  it('refuses to sign without a key, or with a public key, with a message saying what to set', async () => {
    await expect(signingKeyFromEnv({})).rejects.toThrow(PackError);
    await expect(signingKeyFromEnv({})).rejects.toThrow(/Chưa có khoá ký.*DANBUOC_PACK_KEY_FILE/s);
    const publicOnly = await readFile(join(dir, 'keys', 'danbuoc-pack.public.jwk.json'), 'utf8');
    await expect(signingKeyFromEnv({ DANBUOC_PACK_KEY: publicOnly })).rejects.toThrow(/khoá riêng ECDSA P-256/);
    expect((await signingKeyFromEnv({ DANBUOC_PACK_KEY: await readFile(keyFile, 'utf8') })).d).toBeTruthy();
  });

  it('refuses a folder with a broken tour, listing the problems', async () => {
    await expect(
      buildPack({ toursDir: 'tests/fixtures/tours-broken', outDir: join(dir, 'broken'), packId: 'dan-buoc', privateKey: await signingKeyFromEnv({ DANBUOC_PACK_KEY_FILE: keyFile }) }),
    ).rejects.toThrow(/Có tour sai quy cách[\s\S]*unknown-key\.json/);
  });

  it('writes the private key for its owner only and never overwrites one', async () => {
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    await expect(writeKeyPair(join(dir, 'keys'))).rejects.toThrow(/không ghi đè/);
  });
});
