import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText, checkTourText, jsonPath } from '../../engine/tour-check';
import { checkTourFolder } from '../../scripts/lib/check-tours';

const ROOT = new URL('../../', import.meta.url).pathname;
const BROKEN = 'tests/fixtures/tours-broken';
const EXAMPLE = readFileSync(join(ROOT, 'tours/dvcqg-tim-thu-tuc.json'), 'utf8');

function checkFixture(name: string) {
  const file = `${BROKEN}/${name}.json`;
  return checkTourText(file, readFileSync(join(ROOT, file), 'utf8'), name);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of parsed JSON
function checkEdited(edit: (tour: any) => void) {
  const tour = JSON.parse(EXAMPLE);
  edit(tour);
  return checkTourText('t.json', canonicalText(tour), 'dvcqg-tim-thu-tuc');
}

describe('checkTourText on the broken fixtures', () => {
  it('unknown-key: points at the step and says to remove or respell the key', () => {
    const problems = checkFixture('unknown-key');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: '$.steps[2]', message: 'unknown key "tooltip": remove it or fix its spelling' });
    expect(problems[0].line).toBe(`${BROKEN}/unknown-key.json: $.steps[2]: unknown key "tooltip": remove it or fix its spelling`);
  });

  it('missing-vi: points at say.vi and says to add it', () => {
    const problems = checkFixture('missing-vi');
    expect(problems.map((p) => p.path)).toEqual(['$.steps[1].say.vi']);
    expect(problems[0].message).toMatch(/required "vi" is missing: add it/);
  });

  it('bad-url: points at the page and names the look-alike origin and the allow-list', () => {
    const problems = checkFixture('bad-url');
    expect(problems.map((p) => p.path)).toEqual(['$.steps[2].page']);
    expect(problems[0].message).toContain('https://dichvucong.gov.vn.evil.cc');
    expect(problems[0].message).toMatch(/not on the allow-list: use an origin listed in engine\/sites\.ts/);
  });

  it('duplicate-step: points at the second id, names the first and says to rename', () => {
    const problems = checkFixture('duplicate-step');
    expect(problems.map((p) => p.path)).toEqual(['$.steps[3].id']);
    expect(problems[0].message).toMatch(/duplicate step id "bam-tim-kiem" \(also steps\[1\]\): give each step its own id/);
  });

  it('wrong-id: says to rename the file or change the id', () => {
    const problems = checkFixture('wrong-id');
    expect(problems.map((p) => p.path)).toEqual(['$.id']);
    expect(problems[0].message).toBe('id "dvcqg-tim-thu-tuc" must equal the file name "wrong-id": rename the file or change the id');
  });

  it('not-json: reports invalid JSON at the root and nothing else', () => {
    const problems = checkFixture('not-json');
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('$');
    expect(problems[0].message).toMatch(/^invalid JSON: /);
  });

  it('bidi-text: names the hidden character, its position and the fix, once', () => {
    const problems = checkFixture('bidi-text');
    expect(problems.map((p) => [p.path, p.severity])).toEqual([['$.steps[2].say.vi', 'error']]);
    expect(problems[0].message).toBe('remove the invisible character U+202E (right-to-left override) at position 32 — tour text is one paragraph of visible characters');
  });

  it('bad-language: points at the key and gives the code to use', () => {
    const problems = checkFixture('bad-language');
    expect(problems.map((p) => p.path)).toEqual(['$.steps[0].say.English']);
    expect(problems[0].message).toMatch(/^"English" is not a language code: use "en" \(/);
  });

  it('style-warnings: only warnings, one per rule broken, each at its text', () => {
    const problems = checkFixture('style-warnings');
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.map((p) => `${p.path} ${p.message.split(':')[0]}`)).toEqual([
      '$.steps[0].say.vi says "bạn"',
      '$.steps[0].say.vi uses "phím Enter" without explaining it',
      '$.steps[1].say.vi names something by its colour ("nút xanh")',
      '$.steps[1].say.vi teaches a ".gov.vn" rule, which is false (payment is on pay.vnpay.vn) and unsafe',
      '$.steps[2].say.vi too long to read before acting (3 sentences, 19 syllables; at most 2 sentences and 35 syllables)',
      '$.steps[3].say.vi uses "tệp đính kèm" without explaining it',
      '$.steps[3].say.vi uses "CCCD" without explaining it',
      '$.steps[3].say.vi uses "tô sáng"',
      '$.steps[3].say.vi too long to read before acting (1 sentence, 40 syllables; at most 2 sentences and 35 syllables)',
    ]);
    for (const p of problems) expect(p.line).toBe(`warning: ${BROKEN}/style-warnings.json: ${p.path}: ${p.message}`);
  });

  it('has fixtures that are otherwise identical to the example tour', () => {
    const example = JSON.parse(EXAMPLE);
    const wrongId = JSON.parse(readFileSync(join(ROOT, BROKEN, 'wrong-id.json'), 'utf8'));
    expect(wrongId).toEqual(example);
    expect(checkTourText('x.json', EXAMPLE, 'dvcqg-tim-thu-tuc')).toEqual([]);
  });
});

describe('checkTourText messages', () => {
  it('reports a field of the wrong type as wrong, not as missing', () => {
    const problems = checkEdited((t) => (t.steps[0].timeoutMs = '5000'));
    expect(problems.map((p) => p.path)).toEqual(['$.steps[0].timeoutMs']);
    expect(problems[0].message).not.toMatch(/missing/);
    expect(problems[0].message).toMatch(/expected number, received string/);
  });

  it('reports a problem inside a list of target strategies at the exact field', () => {
    expect(checkEdited((t) => (t.steps[1].target[0].role = 'nut')).map((p) => p.path)).toEqual(['$.steps[1].target[0].role']);
    expect(checkEdited((t) => (t.steps[4].target[1].within.role = 'nut')).map((p) => p.path)).toEqual([
      '$.steps[4].target[1].within.role',
    ]);
    expect(checkEdited((t) => (t.steps[1].target = { role: 'nut' })).map((p) => p.path)).toEqual(['$.steps[1].target.role']);
  });

  it('still reports a target of no recognisable shape at the target', () => {
    expect(checkEdited((t) => (t.steps[1].target = 'button')).map((p) => p.path)).toEqual(['$.steps[1].target']);
  });

  it('explains an unsupported schemaVersion', () => {
    expect(checkEdited((t) => (t.schemaVersion = 2))[0].message).toMatch(/reads schemaVersion 1/);
  });

  it('reports every field problem of a file, one line each', () => {
    const problems = checkEdited((t) => {
      t.extra = 1;
      delete t.steps[0].say.vi;
      t.steps[4].id = 'Bang_Giay_To';
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['$', '$.steps[0].say.vi', '$.steps[4].id']);
    expect(problems.every((p) => p.line === `t.json: ${p.path}: ${p.message}`)).toBe(true);
  });
});

describe('invisible characters outside the text fields', () => {
  it('refuses them in CSS selectors, URL patterns and keys too, at the exact path', () => {
    expect(checkEdited((t) => (t.steps[1].target[1].css = 'form[role=search]\u202E button')).map((p) => [p.path, p.message.slice(0, 50)])).toEqual([
      ['$.steps[1].target[1].css', 'remove the invisible character U+202E (right-to-le'],
    ]);
    const page = checkEdited((t) => (t.steps[2].page = '/tim-kiem\u200B-thu-tuc-hanh-chinh*'));
    expect(page.map((p) => p.path)).toContain('$.steps[2].page');
    expect(page.map((p) => p.message)).toContainEqual(expect.stringContaining('U+200B (zero-width space) at position 10'));
    const key = checkEdited((t) => (t.steps[0]['ti\u200Btle'] = { vi: 'x' }));
    expect(key.map((p) => p.message)).toContainEqual(expect.stringContaining('in the key "ti\u200btle": remove the invisible character U+200B'));
  });

  it('reports a hidden character in a text once, not again from the file-wide scan', () => {
    const problems = checkEdited((t) => (t.title.vi = 'Tìm\u202E thủ tục'));
    expect(problems.map((p) => p.path)).toEqual(['$.title.vi']);
  });
});

describe('canonical form', () => {
  it('flags 4-space indentation, a missing final newline and CRLF, naming the fix', () => {
    const tour = JSON.parse(EXAMPLE);
    for (const text of [JSON.stringify(tour, null, 4) + '\n', EXAMPLE.trimEnd(), EXAMPLE.replace(/\n/g, '\r\n'), JSON.stringify(tour) + '\n']) {
      const problems = checkTourText('t.json', text, 'dvcqg-tim-thu-tuc');
      expect(problems).toHaveLength(1);
      expect(problems[0].path).toBe('$');
      expect(problems[0].message).toContain('npm run tours:check -- --fix');
    }
  });

  it('only checks the form of files that are otherwise valid', () => {
    const problems = checkTourText('t.json', JSON.stringify({ ...JSON.parse(EXAMPLE), x: 1 }), 'dvcqg-tim-thu-tuc');
    expect(problems.map((p) => p.message)).not.toContainEqual(expect.stringContaining('canonical'));
  });

  it('canonicalText is 2-space JSON with one final newline', () => {
    expect(canonicalText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });

  it('leaves style warnings out unless asked, so the build hook fails on errors only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dan-buoc-tours-'));
    try {
      writeFileSync(join(dir, 'style-warnings.json'), readFileSync(join(ROOT, BROKEN, 'style-warnings.json')));
      expect(await checkTourFolder(dir)).toEqual([]);
      const all = await checkTourFolder(dir, { warnings: true });
      expect(all.length).toBe(9);
      expect(all.every((p) => p.severity === 'warning')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fix rewrites valid files into canonical form and leaves broken ones alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dan-buoc-tours-'));
    try {
      const tour = JSON.parse(EXAMPLE);
      writeFileSync(join(dir, 'dvcqg-tim-thu-tuc.json'), JSON.stringify(tour, null, 4));
      writeFileSync(join(dir, 'broken.json'), '{ "id": ');
      expect((await checkTourFolder(dir)).map((p) => p.message)).toContainEqual(expect.stringContaining('canonical'));
      const problems = await checkTourFolder(dir, { fix: true });
      expect(problems.map((p) => p.file)).toEqual([join(dir, 'broken.json')]);
      expect(readFileSync(join(dir, 'dvcqg-tim-thu-tuc.json'), 'utf8')).toBe(EXAMPLE);
      expect(readFileSync(join(dir, 'broken.json'), 'utf8')).toBe('{ "id": ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('jsonPath', () => {
  it('writes identifiers with dots, indices in brackets and other keys quoted', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['steps', 1, 'say', 'vi'])).toBe('$.steps[1].say.vi');
    expect(jsonPath(['$schema', 'a-b', 'x y'])).toBe('$.$schema["a-b"]["x y"]');
  });
});

describe('tours:check CLI', () => {
  function cli(folder: string): { status: number | null; stdout: string; stderr: string } {
    const { status, stdout, stderr } = spawnSync('npx', ['tsx', 'scripts/tours-check.ts', folder], { cwd: ROOT, encoding: 'utf8' });
    return { status, stdout, stderr };
  }

  it('exits non-zero with one "file: $.path: message" line per broken file, and prints warnings apart', () => {
    const { status, stderr } = cli(BROKEN);
    expect(status).not.toBe(0);
    const lines = stderr.split('\n').filter((l) => l.startsWith(`${BROKEN}/`));
    for (const line of lines) expect(line).toMatch(/^tests\/fixtures\/tours-broken\/[a-z-]+\.json: \$\S*: \S.*$/);
    const files = lines.map((l) => l.slice(BROKEN.length + 1, l.indexOf('.json:')));
    expect(files).toEqual(['bad-language', 'bad-url', 'bidi-text', 'duplicate-step', 'missing-vi', 'not-json', 'unknown-key', 'wrong-id']);
    expect(stderr).toContain(`${BROKEN}/missing-vi.json: $.steps[1].say.vi: required "vi" is missing`);
    expect(stderr).toContain(`${BROKEN}/bidi-text.json: $.steps[2].say.vi: remove the invisible character U+202E (right-to-left override) at position 32`);
    expect(stderr).toMatch(/8 problem\(s\)/);
    const warnings = stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings.length).toBe(9);
    for (const line of warnings) expect(line).toMatch(/^warning: tests\/fixtures\/tours-broken\/style-warnings\.json: \$\S*: \S.*$/);
    expect(stderr).toMatch(/9 warning\(s\)/);
  }, 60_000);

  it('prints warnings but exits zero when a folder has warnings and no errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dan-buoc-tours-'));
    try {
      writeFileSync(join(dir, 'style-warnings.json'), readFileSync(join(ROOT, BROKEN, 'style-warnings.json')));
      const { status, stdout, stderr } = cli(dir);
      expect(status).toBe(0);
      expect(stderr).toContain(`warning: ${dir}/style-warnings.json: $.steps[0].say.vi: says "bạn"`);
      expect(stdout).toMatch(/1 tour file\(s\) in .* are valid\. 9 warning\(s\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // Issue 11: the shipped tours are being given strategies that survive a rewording; until then the
  // only warnings allowed are those "exact words" ones (engine/tour-targets.ts), never a style one.
  it('passes on tours/ with no warnings but fragile-target ones', () => {
    const { status, stdout, stderr } = cli('tours');
    expect(status).toBe(0);
    expect(stdout).toMatch(/tour file\(s\) in tours\/ are valid\.( \d+ warning\(s\).*)?\n$/);
    const lines = stderr.split('\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^warning: tours\/[a-z0-9-]+\.json: \$\.steps\[\d+\]\.target: every strategy needs the exact words /);
  }, 60_000);
});
