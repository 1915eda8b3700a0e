import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tour } from '../../engine/schema';
import { VISIBLE_TEXT_PATTERN } from '../../engine/text-hygiene';

const EXAMPLE_TEXT = readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const example = (): Json => JSON.parse(EXAMPLE_TEXT);

/** The issues of a failed parse as [json path, message] pairs. */
function issues(value: unknown): Array<{ path: PropertyKey[]; code: string; message: string }> {
  const result = Tour.safeParse(value);
  if (result.success) throw new Error('expected the tour to be rejected');
  return result.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
}

function onlyIssue(value: unknown) {
  const found = issues(value);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0];
}

function mutate(edit: (tour: Json) => void): Json {
  const tour = example();
  edit(tour);
  return tour;
}

describe('Tour schema: the example tour', () => {
  it('parses, with the default advance kind filled in', () => {
    const tour = Tour.parse(example());
    expect(tour.id).toBe('dvcqg-tim-thu-tuc');
    expect(tour.steps).toHaveLength(5);
    expect(tour.steps.map((s) => s.advance)).toEqual(['input', 'click', 'choose', 'next', 'next']);
    expect(Tour.parse(mutate((t) => delete t.steps[3].advance)).steps[3].advance).toBe('next');
  });

  it('accepts a step whose say has no English text', () => {
    expect(Tour.safeParse(mutate((t) => delete t.steps[0].say.en)).success).toBe(true);
  });
});

describe('Tour schema: strictness', () => {
  it('rejects an unknown top-level key', () => {
    const issue = onlyIssue(mutate((t) => (t.author = 'x')));
    expect(issue).toMatchObject({ code: 'unrecognized_keys', path: [] });
  });

  it('rejects an unknown key in a step', () => {
    expect(onlyIssue(mutate((t) => (t.steps[2].onClick = 'x')))).toMatchObject({ code: 'unrecognized_keys', path: ['steps', 2] });
  });

  it('rejects an unknown key in a target and in its within scope', () => {
    expect(onlyIssue(mutate((t) => (t.steps[0].target[1].xpath = '//input')))).toMatchObject({
      code: 'unrecognized_keys',
      path: ['steps', 0, 'target', 1],
    });
    expect(onlyIssue(mutate((t) => (t.steps[4].target[1].within.nth = 1)))).toMatchObject({
      code: 'unrecognized_keys',
      path: ['steps', 4, 'target', 1, 'within'],
    });
  });

  it('requires say.vi', () => {
    expect(onlyIssue(mutate((t) => delete t.steps[1].say.vi))).toMatchObject({ path: ['steps', 1, 'say', 'vi'] });
    expect(onlyIssue(mutate((t) => (t.title.vi = '   ')))).toMatchObject({ path: ['title', 'vi'], message: 'must not be empty' });
  });

  it('rejects HTML in any text field', () => {
    for (const html of ['<b>Bấm</b> đây', 'x <img src=x onerror=alert(1)>', '<!-- c -->', 'a </script>']) {
      expect(onlyIssue(mutate((t) => (t.steps[0].say.en = html)))).toMatchObject({
        path: ['steps', 0, 'say', 'en'],
        message: 'must be plain text, not HTML',
      });
    }
    expect(onlyIssue(mutate((t) => (t.steps[1].target[0].name = '<i>Tìm kiếm</i>'))).path).toEqual(['steps', 1, 'target', 0, 'name']);
    expect(Tour.safeParse(mutate((t) => (t.steps[0].say.vi = 'Số tiền < 500.000 đồng và > 0'))).success).toBe(true);
  });

  it('requires slug ids for the tour, steps and completed tasks', () => {
    for (const bad of ['Nhap-Tu-Khoa', 'nhap_tu_khoa', 'nhap--tu', '-nhap', 'nhập', '']) {
      expect(onlyIssue(mutate((t) => (t.steps[0].id = bad))).path, bad).toEqual(['steps', 0, 'id']);
    }
    expect(onlyIssue(mutate((t) => (t.id = 'Tour 1'))).path).toEqual(['id']);
    expect(onlyIssue(mutate((t) => (t.steps[4].completes = 'Tim thu tuc'))).path).toEqual(['steps', 4, 'completes']);
  });

  it('reports a duplicate step id at the later step, naming the first', () => {
    const issue = onlyIssue(mutate((t) => (t.steps[3].id = t.steps[1].id)));
    expect(issue.path).toEqual(['steps', 3, 'id']);
    expect(issue.message).toContain('steps[1]');
  });

  it('requires exactly one kind per target', () => {
    expect(onlyIssue(mutate((t) => (t.steps[0].target[0] = { label: 'x', css: 'input' }))).message).toMatch(/found label, css/);
    expect(onlyIssue(mutate((t) => (t.steps[0].target[0] = { partial: true }))).message).toMatch(/found none/);
    expect(onlyIssue(mutate((t) => (t.steps[4].target[1].within = { text: 'a', role: 'list' }))).path).toEqual([
      'steps', 4, 'target', 1, 'within',
    ]);
  });

  it('rejects name without role', () => {
    expect(onlyIssue(mutate((t) => (t.steps[0].target[0].name = 'Từ khoá')))).toMatchObject({
      path: ['steps', 0, 'target', 0, 'name'],
      message: '"name" goes with "role"',
    });
  });

  it('rejects roles outside the list', () => {
    expect(onlyIssue(mutate((t) => (t.steps[1].target = { role: 'presentation' }))).path).toEqual(['steps', 1, 'target']);
    // inside a list of strategies zod reports the union; tour-check unwraps it to the exact field
    expect(onlyIssue(mutate((t) => (t.steps[1].target[0].role = 'presentation')))).toMatchObject({
      code: 'invalid_union',
      path: ['steps', 1, 'target'],
    });
  });

  it('requires a target for click, input, visible and wait steps', () => {
    for (const advance of ['click', 'input', 'visible', 'wait']) {
      const issue = onlyIssue(mutate((t) => ((t.steps[3].advance = advance), delete t.steps[3].target)));
      expect(issue.path).toEqual(['steps', 3, 'target']);
      expect(issue.message).toContain(advance);
    }
    expect(Tour.safeParse(mutate((t) => delete t.steps[3].target)).success).toBe(true);
  });

  it('requires "to" for navigate and only for navigate', () => {
    expect(onlyIssue(mutate((t) => (t.steps[3].advance = 'navigate'))).path).toEqual(['steps', 3, 'to']);
    expect(onlyIssue(mutate((t) => (t.steps[3].to = '/thu-tuc-hanh-chinh/*'))).path).toEqual(['steps', 3, 'to']);
    expect(Tour.safeParse(mutate((t) => ((t.steps[3].advance = 'navigate'), (t.steps[3].to = '/x/*')))).success).toBe(true);
  });

  it('requires sites to be absolute and allow-listed', () => {
    expect(onlyIssue(mutate((t) => (t.sites = ['/*']))).path).toEqual(['sites', 0]);
    for (const site of ['https://dichvucong.gov.vn.evil.cc/*', 'http://dichvucong.gov.vn/*', 'https://*.gov.vn/*']) {
      expect(onlyIssue(mutate((t) => t.sites.push(site))).path, site).toEqual(['sites', 1]);
    }
    expect(onlyIssue(mutate((t) => (t.sites = []))).path).toEqual(['sites']);
  });

  it('rejects step pages and navigate targets on look-alike origins', () => {
    expect(onlyIssue(mutate((t) => (t.steps[2].page = 'https://dichvucong.gov.vn.cc/tim-kiem*'))).message).toMatch(/allow-list/);
    const nav = mutate((t) => ((t.steps[3].advance = 'navigate'), (t.steps[3].to = 'https://evil.cc/*')));
    expect(onlyIssue(nav).path).toEqual(['steps', 3, 'to']);
  });

  it('rejects a start page that is not https on an allow-listed origin', () => {
    for (const start of ['http://dichvucong.gov.vn/', 'https://dichvucong.gov.vn.evil.cc/', 'https://evil.example/', 'javascript:alert(1)']) {
      const found = issues(mutate((t) => (t.start = start)));
      expect(found.length, start).toBeGreaterThan(0);
      for (const issue of found) expect(issue.path, start).toEqual(['start']);
    }
    expect(onlyIssue(mutate((t) => (t.start = 'https://dichvucong.gov.vn.evil.cc/'))).message).toMatch(/allow-listed/);
    expect(Tour.safeParse(mutate((t) => (t.start = 'https://dichvucong.gov.vn/tra-cuu'))).success).toBe(true);
  });

  it('rejects an unsupported schemaVersion', () => {
    expect(onlyIssue(mutate((t) => (t.schemaVersion = 2))).path).toEqual(['schemaVersion']);
  });

  it('caps lengths and counts', () => {
    const cases: Array<[string, (t: Json) => void, PropertyKey[]]> = [
      ['say.vi 601 chars', (t) => (t.steps[0].say.vi = 'a'.repeat(601)), ['steps', 0, 'say', 'vi']],
      ['name 201 chars', (t) => (t.steps[1].target[0].name = 'a'.repeat(201)), ['steps', 1, 'target', 0, 'name']],
      ['css 301 chars', (t) => (t.steps[1].target[1].css = 'a'.repeat(301)), ['steps', 1, 'target', 1, 'css']],
      ['id 81 chars', (t) => (t.id = 'a'.repeat(81)), ['id']],
      ['7 strategies', (t) => (t.steps[1].target = Array(7).fill({ css: 'a' })), ['steps', 1, 'target']],
      ['nth 51', (t) => (t.steps[1].target[1].nth = 51), ['steps', 1, 'target', 1, 'nth']],
      ['timeout too short', (t) => (t.steps[0].timeoutMs = 999), ['steps', 0, 'timeoutMs']],
      ['timeout too long', (t) => (t.steps[0].timeoutMs = 120_001), ['steps', 0, 'timeoutMs']],
      ['11 sites', (t) => (t.sites = Array(11).fill('https://dichvucong.gov.vn/*')), ['sites']],
      ['81 steps', (t) => (t.steps = Array.from({ length: 81 }, (_, i) => ({ id: `s${i}`, say: { vi: 'x' } }))), ['steps']],
    ];
    for (const [label, edit, path] of cases) expect(onlyIssue(mutate(edit)).path, label).toEqual(path);
    expect(Tour.safeParse(mutate((t) => (t.steps[0].say.vi = 'a'.repeat(600)))).success).toBe(true);
  });
});

/** Every object in a parsed tour is plain and has no own __proto__ / constructor key. */
function expectClean(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const proto = Object.getPrototypeOf(value);
  expect(proto === Object.prototype || proto === Array.prototype).toBe(true);
  expect(Object.hasOwn(value, '__proto__')).toBe(false);
  expect(Object.hasOwn(value, 'constructor')).toBe(false);
  for (const child of Object.values(value)) expectClean(child);
}

const TOP_KEYS = ['$schema', 'schemaVersion', 'id', 'title', 'summary', 'task', 'start', 'sites', 'steps'];
const STEP_KEYS = ['id', 'page', 'target', 'title', 'say', 'advance', 'to', 'timeoutMs', 'completes'];
const TARGET_KEYS = ['role', 'name', 'label', 'text', 'css', 'partial', 'within', 'nth'];
const extraKey = (known: string[]) =>
  fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')).filter((k) => !known.includes(k));

describe('Tour schema: property tests', () => {
  it('never throws on arbitrary JSON and always rejects with a path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = Tour.safeParse(value);
        if (!result.success) {
          expect(result.error.issues.length).toBeGreaterThan(0);
          for (const issue of result.error.issues) expect(Array.isArray(issue.path)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a random extra key at any level, at that level’s path', () => {
    const KNOWN = { top: TOP_KEYS, step: STEP_KEYS, target: TARGET_KEYS } as const;
    const placed = fc
      .constantFrom<keyof typeof KNOWN>('top', 'step', 'target')
      .chain((level) => fc.tuple(fc.constant(level), extraKey(KNOWN[level])));
    fc.assert(
      fc.property(placed, fc.nat(4), fc.jsonValue(), ([level, key], stepIndex, value) => {
        const tour = example();
        const holder = level === 'top' ? tour : level === 'step' ? tour.steps[stepIndex] : tour.steps[stepIndex].target[0];
        // defineProperty, so that "__proto__" becomes an own key as JSON.parse would make it
        Object.defineProperty(holder, key, { value, enumerable: true, configurable: true, writable: true });
        const path = level === 'top' ? [] : level === 'step' ? ['steps', stepIndex] : ['steps', stepIndex, 'target', 0];
        expect(issues(tour)).toContainEqual(expect.objectContaining({ code: 'unrecognized_keys', path }));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on tour-shaped objects with random values and keys', () => {
    const text = fc.record({ vi: fc.string(), en: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: [] });
    const target = fc.dictionary(fc.constantFrom(...TARGET_KEYS, 'x'), fc.jsonValue(), { maxKeys: 4 });
    const step = fc.record(
      { id: fc.string(), say: text, advance: fc.constantFrom('next', 'click', 'navigate', 'jump'), target: fc.oneof(target, fc.array(target)), page: fc.string(), to: fc.string() },
      { requiredKeys: [] },
    );
    const tour = fc.record(
      { schemaVersion: fc.constantFrom(1, 2, '1'), id: fc.string(), title: text, sites: fc.array(fc.string(), { maxLength: 3 }), steps: fc.array(step, { maxLength: 4 }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(tour, fc.dictionary(extraKey(TOP_KEYS), fc.jsonValue(), { maxKeys: 2 }), (shape, extra) => {
        const value = { ...shape, ...extra };
        const result = Tour.safeParse(value);
        if (result.success) expectClean(result.data);
        else for (const issue of result.error.issues) expect(Array.isArray(issue.path)).toBe(true);
        if (Object.keys(extra).length) expect(result.success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('produces clean output for valid tours with optional fields dropped', () => {
    fc.assert(
      fc.property(fc.subarray(['summary', 'task', 'start', '$schema']), fc.boolean(), (drop, dropEn) => {
        const tour = example();
        for (const key of drop) delete tour[key];
        if (dropEn) for (const s of tour.steps) delete s.say.en;
        const result = Tour.safeParse(tour);
        expect(result.success).toBe(true);
        if (result.success) expectClean(result.data);
      }),
    );
  });

  it('rejects __proto__ and constructor keys from JSON.parse without polluting Object.prototype', () => {
    const body = EXAMPLE_TEXT.trim().slice(1);
    const withProto = JSON.parse(`{"__proto__":{"polluted":1},${body}`);
    expect(Object.hasOwn(withProto, '__proto__')).toBe(true);
    expect(onlyIssue(withProto)).toMatchObject({ code: 'unrecognized_keys', path: [] });
    const withCtor = JSON.parse(`{"constructor":{"prototype":{"polluted":1}},${body}`);
    expect(onlyIssue(withCtor)).toMatchObject({ code: 'unrecognized_keys', path: [] });
    const nested = example();
    nested.steps[0].say = JSON.parse('{"__proto__":{"polluted":1},"vi":"Gõ"}');
    // a text's keys are language codes: "__proto__" is refused as one, at its own path
    expect(onlyIssue(nested)).toMatchObject({ code: 'custom', path: ['steps', 0, 'say', '__proto__'] });
    expect(onlyIssue(nested).message).toMatch(/"__proto__" is not a language code/);
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('Tour schema: languages', () => {
  it('accepts Vietnamese with any number of other languages keyed by code', () => {
    const say = { vi: 'Bấm “Tìm kiếm”.', en: 'Press Search.', hmn: 'Nias “Tìm kiếm”.', km: 'ចុច “Tìm kiếm”។', ede: 'Mtă “Tìm kiếm”.', 'zh-Hant': '按', 'pt-BR': 'Clique', 'es-419': 'Pulse' };
    const parsed = Tour.parse(mutate((t) => (t.steps[1].say = say)));
    expect(parsed.steps[1].say).toEqual(say);
    // the type allows text.vi and any code; a missing language is undefined, not a string
    const km: string | undefined = parsed.steps[1].say.km;
    const vi: string = parsed.steps[1].say.vi;
    expect([vi, km]).toEqual([say.vi, say.km]);
    expect(parsed.steps[1].say.th).toBeUndefined();
  });

  it('still requires vi when other languages are there', () => {
    expect(onlyIssue(mutate((t) => (t.steps[1].say = { en: 'Press Search.', km: 'ចុច' })))).toMatchObject({ path: ['steps', 1, 'say', 'vi'] });
  });

  it('refuses a key that is not a language code, at the key, with the code to use', () => {
    const cases: Array<[string, RegExp]> = [
      ['English', /use "en"/],
      ['EN', /use "en"/],
      ['en_GB', /use "en-GB"/],
      ["H'Mông", /use "hmn"/],
      ['Khmer', /use "km"/],
      ['e', /use a short language code/],
      ['english-text', /use a short language code/],
      ['en-gb', /use a short language code/],
      ['', /use a short language code/],
    ];
    for (const [key, fix] of cases) {
      const issue = onlyIssue(mutate((t) => (t.steps[1].say[key] = 'x')));
      expect(issue.path, key).toEqual(['steps', 1, 'say', key]);
      expect(issue.message, key).toContain(`"${key}" is not a language code`);
      expect(issue.message, key).toMatch(fix);
    }
  });

  it('checks every language’s text like the Vietnamese', () => {
    expect(onlyIssue(mutate((t) => (t.title.km = '  ')))).toMatchObject({ path: ['title', 'km'], message: 'must not be empty' });
    expect(onlyIssue(mutate((t) => (t.steps[0].say.hmn = '<b>x</b>')))).toMatchObject({ path: ['steps', 0, 'say', 'hmn'] });
    expect(onlyIssue(mutate((t) => (t.steps[0].say.ede = 5))).path).toEqual(['steps', 0, 'say', 'ede']);
  });

  it('caps the number of languages of one text', () => {
    const many = Object.fromEntries(['vi', ...Array.from({ length: 16 }, (_, i) => `a${String.fromCharCode(97 + i)}`)].map((k) => [k, 'x']));
    expect(onlyIssue(mutate((t) => (t.steps[0].say = many))).message).toMatch(/at most 16/);
    delete many.aa;
    expect(Tour.safeParse(mutate((t) => (t.steps[0].say = many))).success).toBe(true);
  });
});

/** Every character tour text refuses, one per kind and both ends of each range. */
const REFUSED = [
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c, // bidi controls
  0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, // zero-width
  0x0000, 0x0009, 0x000a, 0x000d, 0x001b, 0x001f, 0x007f, 0x0080, 0x0085, 0x009f, // C0, DEL, C1
  0x00ad, 0x2028, 0x2029, 0x2061, 0x2064, 0x206a, 0x206f, 0xfff9, 0xfffb, 0x180e, 0xe0001, 0xe0041, 0xe007f, // other invisibles
];
/** The refused ranges, written out independently of engine/text-hygiene.ts. */
const REFUSED_RANGES: Array<[number, number]> = [
  [0x0000, 0x001f], [0x007f, 0x009f], [0x00ad, 0x00ad], [0x061c, 0x061c], [0x180e, 0x180e], [0x200b, 0x200f],
  [0x2028, 0x202e], [0x2060, 0x2064], [0x2066, 0x206f], [0xfeff, 0xfeff], [0xfff9, 0xfffb], [0xe0000, 0xe007f],
];
const isRefused = (char: string) => REFUSED_RANGES.some(([from, to]) => char.codePointAt(0)! >= from && char.codePointAt(0)! <= to);
/** Arbitrary text (any script, emoji, combining marks) with none of the refused characters. */
const visibleText = (maxLength: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength }).filter((s) => ![...s].some(isRefused));
const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** Where tour text lives: every field a citizen can see, in Vietnamese and other languages. */
const TEXT_FIELDS: Array<[string, (t: Json, s: string) => void, PropertyKey[]]> = [
  ['title.vi', (t, s) => (t.title.vi = s), ['title', 'vi']],
  ['summary.en', (t, s) => (t.summary.en = s), ['summary', 'en']],
  ['step title', (t, s) => (t.steps[0].title.vi = s), ['steps', 0, 'title', 'vi']],
  ['say.vi', (t, s) => (t.steps[2].say.vi = s), ['steps', 2, 'say', 'vi']],
  ['say.km', (t, s) => (t.steps[2].say.km = s), ['steps', 2, 'say', 'km']],
  ['explain', (t, s) => (t.steps[1].errors = [{ target: { role: 'alert' }, explain: { vi: s } }]), ['steps', 1, 'errors', 0, 'explain', 'vi']],
  ['error text', (t, s) => (t.errors = [{ target: { role: 'alert' }, text: s }]), ['errors', 0, 'text']],
  ['target name', (t, s) => (t.steps[1].target[0].name = s), ['steps', 1, 'target', 0, 'name']],
  ['target label', (t, s) => (t.steps[0].target[0].label = s), ['steps', 0, 'target', 0, 'label']],
  ['target text', (t, s) => (t.steps[3].target[1].text = s), ['steps', 3, 'target', 1, 'text']],
];

/** The issues at one path (a target inside a list is reported by tour-check; here, the union's own path). */
function hygieneIssues(tour: Json) {
  const result = Tour.safeParse(tour);
  if (result.success) return [];
  const all = result.error.issues.flatMap((i) => (i.code === 'invalid_union' ? i.errors.flat().map((e) => ({ ...e, path: [...i.path, ...e.path] })) : [i]));
  return all.filter((i) => /invisible character/.test(i.message));
}

describe('Tour schema: invisible and control characters', () => {
  it('refuses each listed character in every text field, naming it, its position and the fix', () => {
    for (const code of REFUSED) {
      for (const [label, put, path] of TEXT_FIELDS) {
        const found = hygieneIssues(mutate((t) => put(t, `Bấm vào${String.fromCodePoint(code)} đây`)));
        expect(found.length, `${hex(code)} in ${label}`).toBe(1);
        expect(found[0].path, `${hex(code)} in ${label}`).toEqual(path);
        expect(found[0].message, `${hex(code)} in ${label}`).toContain(`remove the invisible character ${hex(code)} (`);
        expect(found[0].message, `${hex(code)} in ${label}`).toContain('at position 8');
      }
    }
  });

  it('refuses them at either end, where trimming would otherwise hide them', () => {
    for (const text of ['\nBấm “Tìm kiếm”.', 'Bấm “Tìm kiếm”.\n', '\uFEFFBấm “Tìm kiếm”.', 'Bấm “Tìm kiếm”.\u200B', 'Bấm\tđây']) {
      const issue = onlyIssue(mutate((t) => (t.steps[1].say.vi = text)));
      expect(issue.path, JSON.stringify(text)).toEqual(['steps', 1, 'say', 'vi']);
      expect(issue.message).toMatch(/invisible character U\+/);
    }
  });

  it('lists several characters with their positions, at most five', () => {
    const issue = onlyIssue(mutate((t) => (t.steps[1].say.vi = 'a\u202Eb\u200Bc\u2066d\u2069e\u0085f\u00ADg\u2060h')));
    expect(issue.message).toMatch(/^remove 7 invisible characters: U\+202E \(right-to-left override\) at position 2, U\+200B \(zero-width space\) at position 4, /);
    expect(issue.message).toContain('and 2 more');
  });

  it('counts positions in characters, so an emoji or a letter outside the BMP is one', () => {
    expect(onlyIssue(mutate((t) => (t.steps[1].say.vi = '🔊 Đọc\u202E'))).message).toContain('at position 6');
  });

  it('accepts Vietnamese in both Unicode forms, and ordinary spaces and punctuation', () => {
    const text = 'Gõ số định danh cá nhân (12 số) – “Đăng nhập”… 100.000 đồng; ông/bà!';
    for (const form of ['NFC', 'NFD'] as const) {
      expect(Tour.safeParse(mutate((t) => (t.steps[1].say.vi = text.normalize(form)))).success, form).toBe(true);
    }
    expect(Tour.safeParse(mutate((t) => (t.steps[1].say.vi = 'a\u00A0b\u202Fc'))).success).toBe(true); // no-break spaces are visible spaces
  });

  it('property: any text with a refused character inserted anywhere is refused, at that field, naming the character and position', () => {
    const visible = visibleText(40);
    fc.assert(
      fc.property(visible, fc.nat(), fc.constantFrom(...REFUSED), fc.nat(TEXT_FIELDS.length - 1), (text, at, code, field) => {
        const chars = [...text];
        const index = at % (chars.length + 1);
        chars.splice(index, 0, String.fromCodePoint(code));
        const [label, put, path] = TEXT_FIELDS[field];
        const found = hygieneIssues(mutate((t) => put(t, `x${chars.join('')}x`)));
        expect(found.length, label).toBeGreaterThan(0);
        expect(found[0].path, label).toEqual(path);
        expect(found[0].message).toContain(`${hex(code)} (`);
        expect(found[0].message).toContain(`at position ${index + 2}`);
      }),
      { numRuns: 400 },
    );
  });

  it('property: text made only of visible characters never gets this issue', () => {
    const visible = visibleText(60);
    fc.assert(
      fc.property(visible, (text) => {
        expect(hygieneIssues(mutate((t) => (t.steps[1].say.vi = `x${text}x`)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives editors the same rule as a JSON Schema pattern (no flags, as JSON Schema reads it)', () => {
    const pattern = new RegExp(VISIBLE_TEXT_PATTERN);
    for (const code of REFUSED) expect(pattern.test(`a${String.fromCodePoint(code)}b`), hex(code)).toBe(false);
    fc.assert(
      fc.property(visibleText(60), (text) => {
        expect(pattern.test(text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
