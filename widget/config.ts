import type { PublicKeyInput } from '../engine/pack/crypto';

/**
 * What a host page gives the widget, by data attributes on its script tag or `DanBuoc.init({...})`.
 * Checked by hand (no zod in the widget): any unknown key or wrong type is a clear error.
 */
export interface WidgetConfig {
  /** URL of the pack file (tours:pack output) */
  pack: string;
  /** trusted publisher key: base64 SPKI, or a public JWK (object or JSON text) */
  publicKey?: PublicKeyInput;
  /** URL of the detached signature; default `<pack>.sig` */
  signature?: string;
}

export type ConfigCheck = { ok: true; config: WidgetConfig } | { ok: false; problem: string };

const KEYS = new Set(['pack', 'publicKey', 'signature']);

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function publicKeyOf(value: unknown): PublicKeyInput | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text.startsWith('{')) return /^[A-Za-z0-9+/=\s]+$/.test(text) ? text : undefined;
    try {
      return publicKeyOf(JSON.parse(text));
    } catch {
      return undefined;
    }
  }
  const jwk = value as JsonWebKey | null;
  return typeof jwk === 'object' && jwk && jwk.kty === 'EC' && typeof jwk.x === 'string' && typeof jwk.y === 'string' ? jwk : undefined;
}

export function checkConfig(input: unknown): ConfigCheck {
  if (typeof input !== 'object' || input === null) return { ok: false, problem: 'init() needs an object { pack: "…/pack.json" }' };
  const o = input as Record<string, unknown>;
  const unknown = Object.keys(o).filter((key) => !KEYS.has(key) && o[key] !== undefined);
  if (unknown.length) return { ok: false, problem: `unknown option ${unknown.map((k) => `"${k}"`).join(', ')} (known: pack, publicKey, signature)` };
  const pack = httpUrl(o.pack);
  if (!pack) return { ok: false, problem: '"pack" (data-pack) must be the http(s) URL of the pack file' };
  const config: WidgetConfig = { pack };
  if (o.publicKey !== undefined) {
    const key = publicKeyOf(o.publicKey);
    if (!key) return { ok: false, problem: '"publicKey" (data-public-key) must be base64 SPKI or an EC public JWK' };
    config.publicKey = key;
  }
  if (o.signature !== undefined) {
    const signature = httpUrl(o.signature);
    if (!signature) return { ok: false, problem: '"signature" (data-signature) must be the http(s) URL of the signature file' };
    config.signature = signature;
  }
  return { ok: true, config };
}

/** The same options read from the script tag's data attributes; absent attributes stay absent. */
export function configFromScript(script: HTMLScriptElement): Record<string, string | undefined> {
  const { pack, publicKey, signature } = script.dataset;
  return { pack, publicKey, signature };
}
