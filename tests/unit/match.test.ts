import { describe, expect, it } from 'vitest';
import { parsePattern, siteOrigins, urlMatches } from '../../engine/match';

const DVC = 'https://dichvucong.gov.vn';

function error(pattern: string): string {
  const parsed = parsePattern(pattern);
  if (parsed.ok) throw new Error(`expected "${pattern}" to be rejected`);
  return parsed.error;
}

describe('parsePattern', () => {
  it('accepts an absolute pattern on an allow-listed origin and records the origin', () => {
    const parsed = parsePattern(`${DVC}/thu-tuc-hanh-chinh/*`);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.pattern.origin).toBe(DVC);
      expect(parsed.pattern.withQuery).toBe(false);
    }
  });

  it('accepts a relative pattern without an origin', () => {
    const parsed = parsePattern('/tim-kiem*');
    expect(parsed.ok && parsed.pattern.origin).toBe(undefined);
    expect(parsed.ok).toBe(true);
  });

  it('marks patterns with ? or # as matching query and hash', () => {
    for (const p of ['/tim-kiem?q=*', '/#/ke-khai/*', 'https://lienthong.dichvucong.gov.vn/#/ke-khai/*']) {
      const parsed = parsePattern(p);
      expect(parsed.ok && parsed.pattern.withQuery, p).toBe(true);
    }
  });

  it('rejects http://', () => {
    expect(error('http://dichvucong.gov.vn/*')).toMatch(/https/);
  });

  it('rejects wildcard hosts', () => {
    expect(error('https://*.gov.vn/*')).toMatch(/exact/);
    expect(error('https://*/*')).toMatch(/exact/);
  });

  it('rejects look-alike origins that merely start with an allowed host', () => {
    for (const p of [
      'https://dichvucong.gov.vn.evil.cc/*',
      'https://dichvucong.gov.vn.cc/*',
      'https://evil-dichvucong.gov.vn/*',
      'https://dichvucong.gov.vn:8443/*',
      'https://user@dichvucong.gov.vn/*',
      'https://DICHVUCONG.GOV.VN/*',
    ]) {
      expect(error(p), p).toMatch(/allow-list/);
    }
  });

  it('rejects patterns containing spaces', () => {
    expect(error('/tim kiem')).toMatch(/spaces/);
    expect(error(`${DVC}/ *`)).toMatch(/spaces/);
  });

  it('rejects an absolute pattern without a path', () => {
    expect(error(DVC)).toMatch(/path/);
  });

  it('rejects patterns that are neither relative nor https URLs', () => {
    expect(error('dichvucong.gov.vn/*')).toMatch(/must start/);
    expect(error('javascript:alert(1)')).toMatch(/must start/);
    expect(error('')).toMatch(/must start/);
  });
});

describe('urlMatches', () => {
  it('matches an absolute pattern on its own origin only', () => {
    expect(urlMatches(`${DVC}/thu-tuc-hanh-chinh/*`, `${DVC}/thu-tuc-hanh-chinh/khai-sinh`)).toBe(true);
    expect(urlMatches(`${DVC}/thu-tuc-hanh-chinh/*`, 'https://lienthong.dichvucong.gov.vn/thu-tuc-hanh-chinh/x')).toBe(false);
    expect(urlMatches(`${DVC}/thu-tuc-hanh-chinh/*`, `${DVC}/tim-kiem`)).toBe(false);
  });

  it('does not match http or look-alike URLs against an https pattern', () => {
    expect(urlMatches(`${DVC}/*`, 'http://dichvucong.gov.vn/')).toBe(false);
    expect(urlMatches(`${DVC}/*`, 'https://dichvucong.gov.vn.evil.cc/')).toBe(false);
  });

  it('matches a relative pattern only on the given site origins', () => {
    expect(urlMatches('/tim-kiem*', `${DVC}/tim-kiem-thu-tuc`, [DVC])).toBe(true);
    expect(urlMatches('/tim-kiem*', `${DVC}/tim-kiem-thu-tuc`)).toBe(false);
    expect(urlMatches('/tim-kiem*', 'https://pay.vnpay.vn/tim-kiem', [DVC])).toBe(false);
  });

  it('ignores query and hash when the pattern has neither', () => {
    expect(urlMatches(`${DVC}/`, `${DVC}/?utm=1#top`)).toBe(true);
    expect(urlMatches('/tim-kiem', `${DVC}/tim-kiem?q=khai+sinh#ket-qua`, [DVC])).toBe(true);
  });

  it('matches query strings literally when the pattern has ?', () => {
    expect(urlMatches('/tim-kiem?q=*', `${DVC}/tim-kiem?q=khai`, [DVC])).toBe(true);
    expect(urlMatches('/tim-kiem?q=*', `${DVC}/tim-kiem`, [DVC])).toBe(false);
    expect(urlMatches('/tim-kiem?q=*', `${DVC}/tim-kiemXq=khai`, [DVC])).toBe(false);
  });

  it('matches hash routes when the pattern has #', () => {
    const pattern = 'https://lienthong.dichvucong.gov.vn/#/ke-khai/*';
    expect(urlMatches(pattern, 'https://lienthong.dichvucong.gov.vn/#/ke-khai/khai-sinh')).toBe(true);
    expect(urlMatches(pattern, 'https://lienthong.dichvucong.gov.vn/#/tra-cuu')).toBe(false);
    expect(urlMatches(pattern, 'https://lienthong.dichvucong.gov.vn/')).toBe(false);
  });

  it('anchors the glob at both ends', () => {
    expect(urlMatches('/thu-tuc', `${DVC}/thu-tuc/x`, [DVC])).toBe(false);
    expect(urlMatches('/thu-tuc', `${DVC}/a/thu-tuc`, [DVC])).toBe(false);
  });

  it('treats regex characters in the pattern literally', () => {
    expect(urlMatches('/a.b', `${DVC}/a.b`, [DVC])).toBe(true);
    expect(urlMatches('/a.b', `${DVC}/aXb`, [DVC])).toBe(false);
  });

  it('returns false for invalid patterns and unparsable URLs', () => {
    expect(urlMatches('http://dichvucong.gov.vn/*', 'http://dichvucong.gov.vn/')).toBe(false);
    expect(urlMatches(`${DVC}/*`, 'not a url')).toBe(false);
  });
});

describe('siteOrigins', () => {
  it('collects distinct origins of absolute, valid site patterns', () => {
    expect(
      siteOrigins([`${DVC}/*`, `${DVC}/thu-tuc/*`, 'https://pay.vnpay.vn/*', '/relative/*', 'https://evil.cc/*']),
    ).toEqual([DVC, 'https://pay.vnpay.vn']);
  });

  it('returns nothing for no sites', () => {
    expect(siteOrigins([])).toEqual([]);
  });
});
