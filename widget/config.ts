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

/** What each option must be, as the error says it. */
const OPTIONS: Record<keyof WidgetConfig, string> = {
  pack: 'the http(s) URL of the pack file',
  publicKey: 'base64 SPKI or an EC public JWK',
  signature: 'the http(s) URL of the signature file',
};

function httpUrl(value: unknown): string | undefined {
  try {
    const url = new URL(value as string, document.baseURI);
    return typeof value === 'string' && value.trim() && /^https?:$/.test(url.protocol) ? url.href : undefined;
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
  const fail = (problem: string): ConfigCheck => ({ ok: false, problem });
  if (typeof input !== 'object' || input === null) return fail('init() needs an object { pack: "…/pack.json" }');
  const config: Partial<Record<string, unknown>> = {};
  for (const [key, value] of Object.entries({ pack: undefined, ...input })) {
    if (value === undefined && key !== 'pack') continue;
    if (!Object.hasOwn(OPTIONS, key)) return fail(`unknown option "${key}" (known: pack, publicKey, signature)`);
    config[key] = key === 'publicKey' ? publicKeyOf(value) : httpUrl(value);
    // named with its attribute too (publicKey: data-public-key), as a script tag host writes it
    if (!config[key]) return fail(`"${key}" (data-${key.replace('K', '-k')}) must be ${OPTIONS[key as keyof WidgetConfig]}`);
  }
  return { ok: true, config: config as unknown as WidgetConfig };
}

/** The same options read from the script tag's data attributes; absent attributes stay absent. */
export function configFromScript(script: HTMLScriptElement): Record<string, string | undefined> {
  const { pack, publicKey, signature } = script.dataset;
  return { pack, publicKey, signature };
}
