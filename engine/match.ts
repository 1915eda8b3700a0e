import { isAllowedOrigin } from './sites';

/**
 * URL patterns in tours:
 * - absolute, `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/*`: exact allow-listed origin, path glob;
 * - relative, `/thu-tuc-hanh-chinh/*`: the same path glob on any of the tour's sites.
 * `*` matches any run of characters. A pattern without `?` or `#` is matched against the path only,
 * so query strings and hashes do not matter; with them, against path + query + hash (hash routes).
 */
export interface ParsedPattern {
  origin?: string;
  path: RegExp;
  withQuery: boolean;
}

export type PatternResult = { ok: true; pattern: ParsedPattern } | { ok: false; error: string };

const cache = new Map<string, PatternResult>();

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

export function parsePattern(pattern: string): PatternResult {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const result = parseUncached(pattern);
  cache.set(pattern, result);
  return result;
}

function parseUncached(pattern: string): PatternResult {
  if (/\s/.test(pattern)) return { ok: false, error: 'pattern contains spaces' };
  let origin: string | undefined;
  let rest = pattern;
  if (!pattern.startsWith('/')) {
    const match = /^([a-z]+):\/\/([^/]*)(\/.*)?$/.exec(pattern);
    if (!match) return { ok: false, error: 'must start with "/" or "https://<host>/"' };
    const [, scheme, host, path] = match;
    if (scheme !== 'https') return { ok: false, error: `scheme must be https, not ${scheme}` };
    if (host.includes('*')) return { ok: false, error: 'host must be exact, without "*"' };
    origin = `https://${host}`;
    if (!isAllowedOrigin(origin)) return { ok: false, error: `origin ${origin} is not on the allow-list: use an origin listed in engine/sites.ts` };
    if (!path) return { ok: false, error: 'needs a path after the host, for example "/*"' };
    rest = path;
  }
  const withQuery = rest.includes('?') || rest.includes('#');
  return { ok: true, pattern: { origin, path: globToRegExp(rest), withQuery } };
}

export function urlMatches(pattern: string, url: string, siteOrigins: readonly string[] = []): boolean {
  const parsed = parsePattern(pattern);
  if (!parsed.ok) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const { origin, path, withQuery } = parsed.pattern;
  const origins = origin ? [origin] : siteOrigins;
  if (!origins.includes(u.origin)) return false;
  return path.test(withQuery ? u.pathname + u.search + u.hash : u.pathname);
}

/** Origins named by a tour's absolute site patterns. */
export function siteOrigins(sites: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const site of sites) {
    const parsed = parsePattern(site);
    if (parsed.ok && parsed.pattern.origin) origins.add(parsed.pattern.origin);
  }
  return [...origins];
}
