import { z } from 'zod';
import type { PublicKeyInput } from '../../engine/pack';

/**
 * The publisher keys this build trusts: `public/pack-keys.json`, packaged with the extension (so
 * neither a web page nor storage can add one; it is not a web-accessible resource). Public keys
 * only: the base64 SPKI or the public JWK that `npm run tours:pack -- --generate-key` writes.
 * No key listed: no remote pack is ever accepted, and the built-in tours are used.
 */
export const TRUSTED_KEYS_FILE = '/pack-keys.json';

const PublicJwk = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().max(100),
  y: z.string().max(100),
  ext: z.boolean().optional(),
  key_ops: z.array(z.string()).optional(),
});

export const TrustedKeysFile = z.strictObject({
  v: z.literal(1),
  keys: z
    .array(
      z.strictObject({
        /** who publishes with this key, for people reading the file */
        publisher: z.string().max(200),
        key: z.union([z.string().max(400), PublicJwk]),
      }),
    )
    .max(10),
});

export function parseTrustedKeys(raw: unknown): PublicKeyInput[] {
  const parsed = TrustedKeysFile.safeParse(raw);
  if (!parsed.success) {
    console.error('[Dẫn Bước] pack-keys.json is not in its format: no pack will be accepted', parsed.error.issues);
    return [];
  }
  return parsed.data.keys.map((entry) => entry.key);
}

/** Reads the packaged key file once per worker; an unreadable file trusts nothing. */
export function packagedTrustedKeys(fileUrl: string, fetcher: typeof fetch = fetch): () => Promise<readonly PublicKeyInput[]> {
  let keys: Promise<PublicKeyInput[]> | undefined;
  return () =>
    (keys ??= fetcher(fileUrl)
      .then((response) => response.json())
      .then(parseTrustedKeys, () => []));
}
