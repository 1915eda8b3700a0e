/**
 * The exact HTTPS origins Dẫn Bước may run on. The manifest's host permissions and content-script
 * matches are generated from this list, and tours may only point at these origins.
 */
export const ALLOWED_ORIGINS = [
  'https://dichvucong.gov.vn',
  'https://sso.dancuquocgia.gov.vn',
  'https://lienthong.dichvucong.gov.vn',
  'https://dichvucongnganhtuphap.moj.gov.vn',
  'https://tokhaidientu.moj.gov.vn',
  'https://dichvucong.bocongan.gov.vn',
  'https://pay.vnpay.vn',
] as const;

export type AllowedOrigin = (typeof ALLOWED_ORIGINS)[number];

export function isAllowedOrigin(origin: string): origin is AllowedOrigin {
  return (ALLOWED_ORIGINS as readonly string[]).includes(origin);
}

/** Match patterns for the manifest: one per origin, never a wildcard host. */
export function manifestMatches(): string[] {
  return ALLOWED_ORIGINS.map((origin) => `${origin}/*`);
}

export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
