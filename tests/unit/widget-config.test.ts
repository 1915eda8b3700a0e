// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS } from '../../engine/prefs';
import { checkConfig } from '../../widget/config';
import { checkPrefs, isRunState } from '../../widget/stores';

describe('widget configuration, checked by hand', () => {
  const spki = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE'.padEnd(124, 'A');

  it('accepts a pack URL (made absolute), a base64 SPKI or EC JWK key, and a signature URL', () => {
    expect(checkConfig({ pack: '/dan-buoc/pack.json' })).toEqual({ ok: true, config: { pack: 'http://localhost:3000/dan-buoc/pack.json' } });
    expect(checkConfig({ pack: 'https://a.example/p.json', publicKey: spki, signature: '/p.sig' })).toMatchObject({ ok: true, config: { publicKey: spki, signature: 'http://localhost:3000/p.sig' } });
    const jwk = { kty: 'EC', crv: 'P-256', x: 'abc', y: 'def' };
    expect(checkConfig({ pack: '/p.json', publicKey: JSON.stringify(jwk) })).toMatchObject({ ok: true, config: { publicKey: jwk } });
  });

  it.each([
    [undefined, /needs an object/],
    [{}, /"pack"/],
    [{ pack: 'javascript:alert(1)' }, /"pack"/],
    [{ pack: '/p.json', publicKey: 'not a key!' }, /"publicKey"/],
    [{ pack: '/p.json', publicKey: { kty: 'RSA', n: 'x', e: 'AQAB' } }, /"publicKey"/],
    [{ pack: '/p.json', signature: 'data:text/plain,abc' }, /"signature"/],
    [{ pack: '/p.json', onLoad: () => 1 }, /unknown option "onLoad"/],
  ])('refuses %j with a clear reason', (input, reason) => {
    const result = checkConfig(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(reason);
  });
});

describe('stored prefs and run state, checked by hand', () => {
  it('keeps valid choices and resets each wrong one to its default', () => {
    expect(checkPrefs({ v: 1, textSize: 200, contrast: 'high', lang: 'en', alwaysRead: true, rate: 'slow' })).toEqual({ v: 1, textSize: 200, contrast: 'high', lang: 'en', alwaysRead: true, rate: 'slow' });
    expect(checkPrefs({ textSize: 999, contrast: 'neon', lang: '<script>', alwaysRead: 'yes', rate: 'fast' })).toEqual(DEFAULT_PREFS);
    expect(checkPrefs(null)).toEqual(DEFAULT_PREFS);
  });

  it('accepts only a run state of the current version and shape', () => {
    const run = { v: 1, tourId: 't', stepIndex: 2, status: 'away', startedAt: 1, updatedAt: 2 };
    expect(isRunState(run)).toBe(true);
    for (const bad of [{ ...run, v: 2 }, { ...run, stepIndex: -1 }, { ...run, stepIndex: 1.5 }, { ...run, status: 'paused' }, { ...run, tourId: 7 }, null, 'x']) {
      expect(isRunState(bad)).toBe(false);
    }
  });
});
