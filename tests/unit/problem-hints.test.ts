import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft, setAt, setLocalText, setString, type Json } from '../../extension/authoring/editor-model';
import { problemHint } from '../../extension/authoring/problem-hints';

const tour = (): Json => JSON.parse(readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8'));

describe('Vietnamese fixes beside the tours:check messages', () => {
  it('gives one for the problems an author makes in the editor, from the real messages', () => {
    const broken: Json[] = [
      setLocalText(tour(), ['steps', 1, 'say'], 'vi', '', { required: true }),
      setAt(tour(), ['steps', 0, 'target'], undefined),
      setString(tour(), ['steps', 1, 'advance'], 'navigate'),
      setString(tour(), ['steps', 0, 'id'], 'Bước Một'),
      setString(tour(), ['steps', 0, 'page'], 'http://dichvucong.gov.vn/'),
      setAt(tour(), ['steps', 0, 'target', 0], { text: 'a', css: 'b' }),
      setAt(tour(), ['steps', 0, 'colour'], 'x'),
      setLocalText(tour(), ['steps', 1, 'say'], 'vi', 'Bạn bấm “Tìm kiếm”.', { required: true }),
    ];
    for (const json of broken) {
      const problems = checkDraft(json);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) expect(problemHint(p.message), p.line).toMatch(/\p{L}/u);
    }
  });

  it('says nothing rather than something wrong for a message it does not know', () => {
    expect(problemHint('something new')).toBeUndefined();
  });
});
