import { execFileSync } from 'node:child_process';
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
  function cli(folder: string): { status: number; stdout: string; stderr: string } {
    try {
      const stdout = execFileSync('npx', ['tsx', 'scripts/tours-check.ts', folder], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
      return { status: 0, stdout, stderr: '' };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { status: e.status, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('exits non-zero with one "file: $.path: message" line per broken file', () => {
    const { status, stderr } = cli(BROKEN);
    expect(status).not.toBe(0);
    const lines = stderr.split('\n').filter((l) => l.startsWith(`${BROKEN}/`));
    for (const line of lines) expect(line).toMatch(/^tests\/fixtures\/tours-broken\/[a-z-]+\.json: \$\S*: \S.*$/);
    const files = lines.map((l) => l.slice(BROKEN.length + 1, l.indexOf('.json:')));
    expect(files).toEqual(['bad-url', 'duplicate-step', 'missing-vi', 'not-json', 'unknown-key', 'wrong-id']);
    expect(stderr).toContain(`${BROKEN}/missing-vi.json: $.steps[1].say.vi: required "vi" is missing`);
    expect(stderr).toMatch(/6 problem\(s\)/);
  }, 60_000);

  it('passes on tours/', () => {
    const { status, stdout } = cli('tours');
    expect(status).toBe(0);
    expect(stdout).toMatch(/tour file\(s\) in tours\/ are valid/);
  }, 60_000);
});
