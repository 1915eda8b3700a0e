/**
 * ECDSA P-256 / SHA-256 through WebCrypto (`globalThis.crypto.subtle`: browsers, workers, Node 20).
 * Signatures are WebCrypto's raw r‖s form (64 bytes), stored as base64 text.
 */
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** A trusted publisher key: a public JWK, or the base64 of its SPKI (DER) form. */
export type PublicKeyInput = JsonWebKey | string;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Decodes base64 (whitespace ignored); undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return undefined;
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function importPublicKey(key: PublicKeyInput): Promise<CryptoKey> {
  if (typeof key === 'string') {
    const der = fromBase64(key);
    if (!der) throw new Error('public key is not base64 SPKI');
    return crypto.subtle.importKey('spki', der as BufferSource, ALGORITHM, false, ['verify']);
  }
  return crypto.subtle.importKey('jwk', publicPart(key), ALGORITHM, false, ['verify']);
}

/** The public half of an EC JWK (a private JWK carries it too). */
export function publicPart(jwk: JsonWebKey): JsonWebKey {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true };
}

export async function importPrivateKey(jwk: JsonWebKey): Promise<CryptoKey> {
  if (!jwk.d) throw new Error('not a private key: the JWK has no "d"');
  return crypto.subtle.importKey('jwk', { ...jwk, key_ops: ['sign'] }, ALGORITHM, false, ['sign']);
}

/** True when `signature` (base64) signs `bytes` under any of the keys that can be imported. */
export async function verifySignature(bytes: Uint8Array, signature: string, keys: readonly PublicKeyInput[]): Promise<boolean> {
  if (signature.length > 200) return false;
  const raw = fromBase64(signature);
  if (!raw || raw.length !== 64) return false;
  for (const key of keys) {
    let imported: CryptoKey;
    try {
      imported = await importPublicKey(key);
    } catch {
      continue;
    }
    if (await crypto.subtle.verify(SIGNING, imported, raw as BufferSource, bytes as BufferSource)) return true;
  }
  return false;
}

export async function signBytes(bytes: Uint8Array, privateKey: JsonWebKey): Promise<string> {
  const key = await importPrivateKey(privateKey);
  return toBase64(new Uint8Array(await crypto.subtle.sign(SIGNING, key, bytes as BufferSource)));
}

export interface PackKeyPair {
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
  publicSpki: string;
}

export async function generatePackKeyPair(): Promise<PackKeyPair> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const publicJwk = publicPart(privateJwk);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { privateJwk, publicJwk, publicSpki: toBase64(spki) };
}
