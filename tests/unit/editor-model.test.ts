import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addStep,
  checkDraft,
  fileNameOf,
  getAt,
  moveItem,
  moveStep,
  parseTourFile,
  problemsAt,
  problemsWithin,
  removeItem,
  removeStep,
  savedText,
  setAt,
  setLocalText,
  setString,
  tourLanguages,
  type Json,
} from '../../extension/authoring/editor-model';
import { canonicalText, checkTourText } from '../../engine/tour-check';
import { tourTemplate } from '../../engine/tour-template';

const TEXT = readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8');
const tour = (): Json => JSON.parse(TEXT);
const stepIds = (json: Json) => (getAt(json, ['steps']) as Array<{ id: string }>).map((s) => s.id);
const errors = (json: Json) => checkDraft(json).filter((p) => p.severity === 'error');

describe('editing steps', () => {
  it('moves a step up and down, never past either end, without touching the original', () => {
    const original = tour();
    const ids = stepIds(original);
    const down = moveStep(original, 0, 1);
    expect(stepIds(down)).toEqual([ids[1], ids[0], ...ids.slice(2)]);
    expect(stepIds(moveStep(down, 1, -1))).toEqual(ids);
    expect(moveStep(original, 0, -1)).toBe(original);
    expect(moveStep(original, ids.length - 1, 1)).toBe(original);
    expect(stepIds(original)).toEqual(ids);
  });

  it('adds a valid draft step with a fresh id after the chosen one, and removes steps', () => {
    const original = tour();
    const ids = stepIds(original);
    const added = addStep(original, 0);
    expect(stepIds(added)).toEqual([ids[0], `buoc-${ids.length + 1}`, ...ids.slice(1)]);
    expect(getAt(added, ['steps', 1, 'say', 'vi'])).toMatch(/^\[BẢN NHÁP\] /);
    expect(errors(added)).toEqual([]);
    const twice = addStep(added, 1);
    expect(new Set(stepIds(twice)).size).toBe(ids.length + 2);
    expect(stepIds(removeStep(added, 1))).toEqual(ids);
  });

  it('says at $.steps when the last step is removed (the list stays, empty)', () => {
    let json = tour();
    while (stepIds(json).length) json = removeStep(json, 0);
    expect(getAt(json, ['steps'])).toEqual([]);
    expect(errors(json).map((p) => p.path)).toContain('$.steps');
  });

  it('reorders, adds and removes target alternatives; an optional list left empty goes away', () => {
    const json = tour();
    const path = ['steps', 0, 'target'];
    const moved = moveItem(json, path, 2, -1);
    expect(getAt(moved, [...path, 1])).toEqual({ css: 'form[role=search] input' });
    const errorsPath = ['steps', 0, 'errors'];
    const withWatch = setAt(json, [...errorsPath, 0], { target: { role: 'alert' } });
    expect(errors(withWatch)).toEqual([]);
    expect(getAt(removeItem(withWatch, errorsPath, 0), errorsPath)).toBeUndefined();
  });
});

describe('editing fields → the same problems as tours:check', () => {
  it('a required text emptied is reported at its path with the fix; typing it back clears it', () => {
    const emptied = setLocalText(tour(), ['steps', 1, 'say'], 'vi', '', { required: true });
    expect(problemsAt(checkDraft(emptied), ['steps', 1, 'say', 'vi']).map((p) => p.message)).toEqual(['must not be empty']);
    const fixed = setLocalText(emptied, ['steps', 1, 'say'], 'vi', 'Bấm nút “Tìm kiếm”.', { required: true });
    expect(errors(fixed)).toEqual([]);
  });

  it('an optional text or field emptied is removed, so the file stays valid', () => {
    const json = tour();
    const noEnglish = setLocalText(json, ['steps', 0, 'title'], 'en', '');
    expect(getAt(noEnglish, ['steps', 0, 'title'])).toEqual({ vi: 'Gõ tên thủ tục' });
    const noTitle = setLocalText(noEnglish, ['steps', 0, 'title'], 'vi', '');
    expect(getAt(noTitle, ['steps', 0, 'title'])).toBeUndefined();
    expect(getAt(setString(json, ['task'], ''), ['task'])).toBeUndefined();
    expect(errors(noTitle)).toEqual([]);
  });

  it('an advance kind that needs a target, and "to" for navigate, are named at their paths', () => {
    const json = setAt(tour(), ['steps', 0, 'target'], undefined);
    expect(problemsAt(checkDraft(json), ['steps', 0, 'target']).map((p) => p.message)).toEqual(['advance "input" needs a target']);
    const navigate = setString(tour(), ['steps', 1, 'advance'], 'navigate');
    expect(problemsWithin(checkDraft(navigate), ['steps', 1]).map((p) => `${p.path}: ${p.message}`)).toContain(
      '$.steps[1].to: advance "navigate" needs "to", the URL pattern to reach',
    );
  });

  it('reports exactly what tours:check reports for the saved file, WRITING.md warnings included', () => {
    const warned = setLocalText(tour(), ['steps', 1, 'say'], 'vi', 'Bạn bấm nút “Tìm kiếm”.', { required: true });
    const broken = setString(warned, ['steps', 0, 'completes'], 'Tim Thu Tuc');
    for (const json of [warned, broken]) expect(checkDraft(json)).toEqual(checkTourText(fileNameOf(json), savedText(json), 'dvcqg-tim-thu-tuc'));
    expect(checkDraft(warned).map((p) => `${p.severity} ${p.path}`)).toEqual(['warning $.steps[1].say.vi']);
    expect(checkDraft(broken).map((p) => `${p.severity} ${p.path}`)).toEqual(['error $.steps[0].completes']);
  });

  it('problemsWithin a step does not take the problems of step 10 for step 1', () => {
    const problems = [{ file: 'x', path: '$.steps[10].say.vi', message: 'm', severity: 'error' as const, line: '' }];
    expect(problemsWithin(problems, ['steps', 1])).toEqual([]);
    expect(problemsWithin(problems, ['steps', 10])).toHaveLength(1);
  });
});

describe('files', () => {
  it('saves exactly what tours:check --fix writes, and a shipped tour saves byte for byte', () => {
    expect(savedText(tour())).toBe(TEXT);
    const messy = JSON.stringify(tour());
    const loaded = parseTourFile('x.json', messy);
    expect(loaded.ok && savedText(loaded.json)).toBe(canonicalText(JSON.parse(messy)));
    expect(fileNameOf(tour())).toBe('dvcqg-tim-thu-tuc.json');
    expect(fileNameOf({ id: 'Not A Slug' })).toBe('ban-nhap.json');
  });

  it('refuses a file that is not JSON with its name, the path, the line and the fix', () => {
    const loaded = parseTourFile('hong.json', '{\n  "id": "x"\n  "steps": []\n}');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded).toMatchObject({ file: 'hong.json', path: '$' });
    expect(loaded.message).toMatch(/^invalid JSON: /);
    expect(loaded.fix).toMatch(/^Sửa tệp ở dòng 3, cột 3 /);
  });

  it('refuses JSON that is not one object, and loads any object (the checks say what is wrong)', () => {
    expect(parseTourFile('a.json', '[1]').ok).toBe(false);
    expect(parseTourFile('a.json', '"x"').ok).toBe(false);
    const loaded = parseTourFile('a.json', '{"id":"a"}');
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(errors(loaded.json).map((p) => p.path)).toContain('$.steps');
  });

  it('a new draft is the tours:new scaffold, which passes the checks', () => {
    expect(errors(tourTemplate('dvcqg-thu'))).toEqual([]);
  });
});

describe('languages', () => {
  it('lists vi first, then every language any text of the tour uses', () => {
    expect(tourLanguages(tour())).toEqual(['vi', 'en']);
    const khmer = setLocalText(tour(), ['steps', 2, 'say'], 'km', 'ចុច');
    expect(tourLanguages(khmer)).toEqual(['vi', 'en', 'km']);
    expect(tourLanguages(tourTemplate('x'))).toEqual(['vi']);
  });
});
