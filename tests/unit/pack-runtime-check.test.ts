import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPackShape, RUNTIME_ADVANCE_KINDS } from '../../engine/pack/runtime-check';
import { ADVANCE_KINDS } from '../../engine/schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const TOURS = ['dvcqg-tim-thu-tuc', 'dvcqg-dang-nhap-vneid', 'bca-cap-doi-gplx', 'moj-to-khai-khai-sinh'].map(
  (id): Json => JSON.parse(readFileSync(new URL(`../../tours/${id}.json`, import.meta.url), 'utf8')),
);
const pack = (edit: (p: Json) => void = () => {}): Json => {
  const p = { packId: 'dan-buoc', version: 2, publishedAt: '2026-12-01T08:00:00Z', tours: structuredClone(TOURS) };
  edit(p);
  return p;
};

describe('checkPackShape (the widget\'s check, without zod)', () => {
  it('accepts the shipped tours in a pack', () => {
    expect(checkPackShape(pack())).toEqual({ ok: true, pack: pack() });
  });

  it('fills in the default advance kind like the schema, without changing its input', () => {
    const input = pack((p) => delete p.tours[0].steps[3].advance);
    const result = checkPackShape(input);
    expect(result.ok && result.pack.tours[0].steps[3].advance).toBe('next');
    expect(input.tours[0].steps[3].advance).toBeUndefined();
  });

  it('carries no zod: the widget can bundle it', async () => {
    const result = await build({ entryPoints: ['engine/pack/runtime-check.ts'], bundle: true, write: false, metafile: true, format: 'esm', logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.includes('node_modules/zod'))).toBe(false);
    expect(inputs).not.toContain('engine/schema.ts');
  });

  it('knows the same advance kinds as the schema', () => {
    expect([...RUNTIME_ADVANCE_KINDS]).toEqual([...ADVANCE_KINDS]);
  });

  it.each<[string, (p: Json) => void, string]>([
    ['a version that is not a positive whole number', (p) => (p.version = '3'), '$.version'],
    ['a tour without steps', (p) => (p.tours[1].steps = []), '$.tours[1].steps'],
    ['a step without Vietnamese text', (p) => delete p.tours[0].steps[1].say.vi, '$.tours[0].steps[1].say.vi'],
    ['say given as HTML-ish object', (p) => (p.tours[0].steps[1].say = '<b>x</b>'), '$.tours[0].steps[1].say'],
    ['an unknown advance kind', (p) => (p.tours[0].steps[0].advance = 'eval'), '$.tours[0].steps[0].advance'],
    ['a target with two kinds', (p) => (p.tours[0].steps[0].target = { css: 'a', text: 'b' }), '$.tours[0].steps[0].target'],
    ['a click step without a target', (p) => delete p.tours[0].steps[1].target, '$.tours[0].steps[1].target'],
    ['an unknown key on a strategy', (p) => (p.tours[0].steps[0].target[0].onclick = 'x'), '$.tours[0].steps[0].target[0].onclick'],
    ['a condition with two kinds', (p) => (p.tours[1].steps[0].skipIf = { url: '/*', absent: { css: 'a' } }), '$.tours[1].steps[0].skipIf'],
    ['a look-alike site', (p) => (p.tours[0].sites = ['https://dichvucong.gov.vn.evil.com/*']), '$.tours[0].sites[0]'],
    ['an http page', (p) => (p.tours[0].steps[2].page = 'http://dichvucong.gov.vn/*'), '$.tours[0].steps[2].page'],
  ])('rejects %s with its path', (_name, edit, path) => {
    const result = checkPackShape(pack(edit));
    expect(result).toMatchObject({ ok: false, path });
  });

  it('never throws and never accepts arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = checkPackShape(value);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a pack with any field replaced by anything', () => {
    const paths: Array<(p: Json, v: unknown) => void> = [
      (p, v) => (p.tours[0] = v),
      (p, v) => (p.tours[0].steps[0] = v),
      (p, v) => (p.tours[0].steps[0].target = v),
      (p, v) => (p.tours[2].steps[1].doneWhen = v),
      (p, v) => (p.tours[0].errors = v),
      (p, v) => (p.tours[1].steps[5].target[0].within = v),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), fc.anything({ withObjectString: true, withNullPrototype: true }), (i, value) => {
        expect(() => checkPackShape(pack((p) => paths[i](p, value)))).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
