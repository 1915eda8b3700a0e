import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalBytes,
  canonicalJson,
  generatePackKeyPair,
  PACK_LIMITS,
  signBytes,
  verifyPack,
  type PackKeyPair,
  type PackVerification,
} from '../../engine/pack';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const tourFile = (id: string): Json => JSON.parse(readFileSync(new URL(`../../tours/${id}.json`, import.meta.url), 'utf8'));
const FIND = tourFile('dvcqg-tim-thu-tuc');

function packOf(version: number, edit: (pack: Json) => void = () => {}): Json {
  const pack = { packId: 'dan-buoc', version, publishedAt: '2026-12-01T08:00:00Z', tours: [structuredClone(FIND)] };
  edit(pack);
  return pack;
}

let keys: PackKeyPair;
let otherKeys: PackKeyPair;
beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generatePackKeyPair(), generatePackKeyPair()]);
});

async function signed(pack: Json, key = keys): Promise<{ bytes: Uint8Array; signature: string }> {
  const bytes = canonicalBytes(pack);
  return { bytes, signature: await signBytes(bytes, key.privateJwk) };
}

function rejected(result: PackVerification) {
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result;
}

describe('verifyPack', () => {
  it('accepts a signed pack with a public JWK or the SPKI base64, and a newer version than installed', async () => {
    const { bytes, signature } = await signed(packOf(3));
    for (const trusted of [[keys.publicJwk], [keys.publicSpki], [otherKeys.publicSpki, keys.publicJwk]]) {
      const result = await verifyPack(bytes, signature, trusted, { packId: 'dan-buoc', version: 2 });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok) expect(result.pack.tours[0].id).toBe('dvcqg-tim-thu-tuc');
    }
  });

  it('rejects any changed byte as "signature"', async () => {
    const { bytes, signature } = await signed(packOf(3));
    const text = new TextDecoder().decode(bytes).replace('Tìm kiếm', 'Tim kiem');
    expect(text).not.toBe(new TextDecoder().decode(bytes));
    const result = rejected(await verifyPack(new TextEncoder().encode(text), signature, [keys.publicJwk]));
    expect(result.reason).toBe('signature');
    expect(result.message).toMatch(/^Gói hướng dẫn không có chữ ký hợp lệ.*\(The pack is not signed/);
    const flipped = bytes.slice();
    flipped[10] ^= 1;
    expect(rejected(await verifyPack(flipped, signature, [keys.publicJwk])).reason).toBe('signature');
  });

  it('rejects a pack signed with a key it does not trust, a garbled signature, and no keys at all', async () => {
    const { bytes, signature } = await signed(packOf(3), otherKeys);
    expect(rejected(await verifyPack(bytes, signature, [keys.publicJwk, keys.publicSpki])).reason).toBe('signature');
    expect(rejected(await verifyPack(bytes, 'not base64!', [otherKeys.publicJwk])).reason).toBe('signature');
    expect(rejected(await verifyPack(bytes, signature, ['bm90IGEga2V5'])).reason).toBe('signature');
    expect(rejected(await verifyPack(bytes, signature, [])).reason).toBe('signature');
  });

  it('rejects the same or an older version as "older", and another pack id as "wrong-pack"', async () => {
    const { bytes, signature } = await signed(packOf(3));
    for (const installed of [3, 4, 100]) {
      const result = rejected(await verifyPack(bytes, signature, [keys.publicJwk], { packId: 'dan-buoc', version: installed }));
      expect(result.reason).toBe('older');
      expect(result.message).toContain(`Version 3, installed ${installed}`);
    }
    const other = rejected(await verifyPack(bytes, signature, [keys.publicJwk], { packId: 'tinh-lao-cai', version: 1 }));
    expect(other.reason).toBe('wrong-pack');
  });

  it('rejects an oversize file before checking anything else, and too many tours', async () => {
    const big = packOf(3, (p) => (p.tours[0].summary = { vi: 'x'.repeat(100) }));
    const bytes = new Uint8Array(PACK_LIMITS.maxBytes + 1);
    bytes.set(canonicalBytes(big));
    expect(rejected(await verifyPack(bytes, await signBytes(bytes, keys.privateJwk), [keys.publicJwk])).reason).toBe('size');
    const many = packOf(3, (p) => (p.tours = Array.from({ length: PACK_LIMITS.maxTours + 1 }, (_, i) => ({ ...FIND, id: `tour-${i}` }))));
    const { bytes: manyBytes, signature } = await signed(many);
    expect(manyBytes.length).toBeLessThan(PACK_LIMITS.maxBytes);
    expect(rejected(await verifyPack(manyBytes, signature, [keys.publicJwk])).reason).toBe('size');
  });

  it('rejects signed bytes that are not JSON or not UTF-8 as "malformed"', async () => {
    for (const bytes of [new TextEncoder().encode('{"packId": "dan-buoc", '), new Uint8Array([0x7b, 0xff, 0x7d])]) {
      const signature = await signBytes(bytes, keys.privateJwk);
      expect(rejected(await verifyPack(bytes, signature, [keys.publicJwk])).reason).toBe('malformed');
    }
  });

  it('rejects a tour pointing at a look-alike origin as "origin", with the JSON path', async () => {
    const cases: Array<[(p: Json) => void, string]> = [
      [(p) => (p.tours[0].sites = ['https://dichvucong.gov.vn.lookalike.com/*']), '$.tours[0].sites[0]'],
      [(p) => (p.tours[0].steps[2].page = 'https://dichvucong-gov.vn/tim-kiem*'), '$.tours[0].steps[2].page'],
      [(p) => (p.tours[0].start = 'http://dichvucong.gov.vn/'), '$.tours[0].start'],
      [(p) => (p.tours[0].steps[0].say.vi = 'Mở https://dichvucong.gov.vn.vn/ rồi bấm “Tìm kiếm”.'), '$.tours[0].steps[0].say.vi'],
    ];
    for (const [edit, path] of cases) {
      const { bytes, signature } = await signed(packOf(3, edit));
      const result = rejected(await verifyPack(bytes, signature, [keys.publicJwk]));
      expect(result.reason).toBe('origin');
      expect(result.details?.[0]).toMatch(new RegExp(`^${path.replace(/[.[\]$]/g, '\\$&')}: `));
    }
  });

  it('rejects keys outside the schema, HTML, and bad pack fields as "schema", with JSON paths', async () => {
    const cases: Array<[(p: Json) => void, string]> = [
      [(p) => (p.script = 'alert(1)'), '$'],
      [(p) => (p.tours[0].steps[0].onClick = 'alert(1)'), '$.tours[0].steps[0]'],
      [(p) => (p.tours[0].steps[0].say.vi = 'Bấm <img src=x onerror=alert(1)>'), '$.tours[0].steps[0].say.vi'],
      [(p) => (p.version = 0), '$.version'],
      [(p) => (p.version = '2'), '$.version'],
      [(p) => (p.packId = 'Dan Buoc'), '$.packId'],
      [(p) => (p.publishedAt = 'hôm qua'), '$.publishedAt'],
      [(p) => p.tours.push(structuredClone(FIND)), '$.tours[1].id'],
      [(p) => (p.tours = []), '$.tours'],
    ];
    for (const [edit, path] of cases) {
      const { bytes, signature } = await signed(packOf(3, edit));
      const result = rejected(await verifyPack(bytes, signature, [keys.publicJwk]));
      expect(result.reason, path).toBe('schema');
      expect(result.details?.some((d) => d.startsWith(`${path}: `)), `${path} in ${result.details}`).toBe(true);
    }
  });
});

describe('pack bytes and keys', () => {
  it('are the same for the same pack whatever the key order, and different for any change', () => {
    const pack = packOf(3);
    const reordered = Object.fromEntries(Object.entries(pack).reverse());
    reordered.tours = [Object.fromEntries(Object.entries(FIND).reverse())];
    expect(canonicalJson(reordered)).toBe(canonicalJson(pack));
    expect(canonicalJson(packOf(4))).not.toBe(canonicalJson(pack));
    expect(canonicalJson(pack)).toMatch(/^\{"packId":"dan-buoc","publishedAt":"2026-12-01T08:00:00Z","tours":\[\{"\$schema"/);
    expect(canonicalJson(pack).endsWith('}\n')).toBe(true);
  });

  it('a generated key pair signs and verifies; its public halves carry no private part', async () => {
    const pair = await generatePackKeyPair();
    expect(pair.privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(pair.privateJwk.d).toBeTruthy();
    expect(pair.publicJwk.d).toBeUndefined();
    const { bytes, signature } = await signed(packOf(1), pair);
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect((await verifyPack(bytes, signature, [pair.publicSpki])).ok).toBe(true);
    expect((await verifyPack(bytes, signature, [pair.publicJwk])).ok).toBe(true);
  });
});

describe('verifyPack on anything', () => {
  it('never throws on signed arbitrary JSON or bytes, and accepts none of it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue().map((v) => canonicalBytes(v)), fc.uint8Array({ maxLength: 300 })), async (bytes) => {
        const result = await verifyPack(bytes, await signBytes(bytes, keys.privateJwk), [keys.publicJwk]);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['malformed', 'schema', 'origin', 'size']).toContain(result.reason);
      }),
      { numRuns: 150 },
    );
  });

  it('canonical bytes are stable: re-reading and re-writing a pack gives the same bytes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });
});
