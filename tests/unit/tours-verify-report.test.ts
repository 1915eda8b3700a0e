import { describe, expect, it } from 'vitest';
import { isSecretField, placeholderValue, type FieldInfo } from '../../scripts/lib/verify/inputs';
import { describeTarget, formatReport, type TourReport } from '../../scripts/lib/verify/report';

const field = (over: Partial<FieldInfo>): FieldInfo => ({ tag: 'input', type: 'text', inputMode: '', maxLength: 0, autocomplete: '', ...over });

describe('tours:verify helpers', () => {
  it('types digits into numeric fields and letters elsewhere, within maxlength', () => {
    expect(placeholderValue(field({ inputMode: 'numeric' }))).toBe('0123456789');
    expect(placeholderValue(field({ inputMode: 'numeric', maxLength: 6 }))).toBe('012345');
    expect(placeholderValue(field({ type: 'tel' }))).toBe('0123456789');
    expect(placeholderValue(field({}))).toBe('Kiem tra Dan Buoc');
    expect(placeholderValue(field({ maxLength: 5 }))).toBe('Kiem ');
  });

  it('treats passwords, one-time codes and card fields as the citizen\'s own', () => {
    expect(isSecretField(field({ type: 'password' }))).toBe(true);
    expect(isSecretField(field({ autocomplete: 'one-time-code' }))).toBe(true);
    expect(isSecretField(field({ autocomplete: 'cc-number' }))).toBe(true);
    expect(isSecretField(field({ autocomplete: 'current-password' }))).toBe(true);
    expect(isSecretField(field({ autocomplete: 'username', inputMode: 'numeric' }))).toBe(false);
  });

  it('describes each strategy in the words of the tour file', () => {
    expect(describeTarget([{ role: 'link', within: { role: 'list', name: 'Kết quả' } }, { css: 'a', nth: 1 }, { text: 'Xong', partial: true }])).toEqual([
      'role=link within(role=list name="Kết quả")',
      'css=a nth=1',
      'text="Xong" partial',
    ]);
  });

  it('prints a table with each strategy\'s match count, the one in use, and the verdict', () => {
    const report: TourReport = {
      tourId: 't',
      title: 'Tìm thủ tục',
      against: 'replicas',
      verifiedAt: '2026-12-01T00:00:00.000Z',
      ok: false,
      steps: [
        { index: 0, id: 'a', advance: 'input', status: 'fallback', broken: false, used: 1, note: 'chiến lược 1 không khớp, dùng dự phòng số 2', strategies: [{ strategy: 'label="Ô"', matches: 0 }, { strategy: 'role=searchbox', matches: 1 }] },
        { index: 1, id: 'b', advance: 'click', status: 'missing', broken: true, used: -1, note: 'không thấy', strategies: [{ strategy: 'role=button name="Tìm"', matches: 0 }] },
        { index: 2, id: 'c', advance: 'next', status: 'not-reached', broken: false, used: -1, note: '', strategies: [{ strategy: 'text="X"', matches: null }] },
      ],
    };
    const table = formatReport([report]);
    expect(table).toContain('HỎNG  t — Tìm thủ tục (replicas, 2026-12-01T00:00:00.000Z)');
    expect(table).toMatch(/· {2}1\. a +input +nhờ dự phòng +chiến lược 1 không khớp/);
    expect(table).toContain('        → [2]  1 × role=searchbox');
    expect(table).toMatch(/✗ {2}2\. b +click +KHÔNG THẤY/);
    expect(table).toContain('[1]  – × text="X"');
    expect(table).toContain('1/1 tour có bước hỏng.');
  });
});
