import { describe, expect, it } from 'vitest';
import { belowGoal, cellOf, formatVary, type VaryResult } from '../../scripts/lib/verify/vary-report';
import { VARIANTS } from '../../scripts/lib/verify/variants';
import { churnClass, restyle, reword, REWORDINGS, shuffled } from '../../scripts/lib/verify/vary-words';
import type { StepReport, StepStatus, TourReport } from '../../scripts/lib/verify/report';

describe('rewordings', () => {
  it('replace a whole label with one of its realistic rewordings, the same one for the same seed', () => {
    const options = REWORDINGS.find(([p]) => p === 'Xác nhận chia sẻ')![1];
    expect(options).toContain(reword('Xác nhận chia sẻ', 1));
    expect(reword('Xác nhận chia sẻ', 1)).toBe(reword('Xác nhận chia sẻ', 1));
    // Every option is reachable with some seed.
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => reword('Xác nhận chia sẻ', seed)))).toEqual(new Set(options));
  });

  it('match the label whatever its case and surrounding spaces, and keep the spaces', () => {
    expect(reword('  XÁC NHẬN CHIA SẺ ', 1)).toMatch(/^ {2}\S.*\S $/);
    expect(reword('  XÁC NHẬN CHIA SẺ ', 1).trim()).not.toBe('XÁC NHẬN CHIA SẺ');
  });

  it('change a consent sentence inside a longer text, and leave other text alone', () => {
    const sentence = ' Tôi đã đọc và đồng ý về mục đích xử lý dữ liệu';
    const out = reword(sentence, 1);
    expect(out).not.toBe(sentence);
    expect(out.endsWith(' về mục đích xử lý dữ liệu')).toBe(true);
    expect(reword('Thủ tục hành chính', 1)).toBe('Thủ tục hành chính');
    expect(reword('Xác nhận nộp hồ sơ', 1)).not.toMatch(/^(Đồng ý|Xác nhận và tiếp tục)$/);
  });

  it('never give back the phrase it replaces', () => {
    for (const [phrase, options] of REWORDINGS) expect(options.map((o) => o.toLowerCase())).not.toContain(phrase.toLowerCase());
  });
});

describe('restyle, shuffle and class churn', () => {
  it('add a required marker or colon to labels, capitals or a chevron to buttons, numbers to headings', () => {
    expect(['Mã hồ sơ *', 'Mã hồ sơ:', 'Mã hồ sơ (bắt buộc)']).toContain(restyle('Mã hồ sơ', 'label', 1));
    expect(['TRA CỨU', 'Tra cứu ›', '» Tra cứu']).toContain(restyle('Tra cứu', 'action', 1));
    expect(['1. Biên lai', 'Biên lai:', 'BIÊN LAI']).toContain(restyle('Biên lai', 'heading', 1));
    expect(restyle('×', 'action', 1)).toBe('×');
  });

  it('shuffle the same way for the same seed, and differently for another', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(shuffled(items, 7)).toEqual(shuffled(items, 7));
    expect([...shuffled(items, 7)].sort()).toEqual(items);
    expect([1, 2, 3, 4].map((seed) => shuffled(items, seed).join('')).some((order) => order !== 'abcdef')).toBe(true);
  });

  it('rename generated class names only', () => {
    expect(churnClass('_1kx9q2', 1)).not.toBe('_1kx9q2');
    expect(churnClass('_1kx9q2', 1)).toMatch(/^_[0-9a-z]+$/);
    expect(churnClass('text-destructive', 1)).toBe('text-destructive');
    expect(churnClass('ant-modal-content', 1)).toBe('ant-modal-content');
  });
});

const step = (index: number, status: StepStatus): StepReport => ({
  index, id: `buoc-${index + 1}`, advance: 'click', status, broken: ['missing', 'failed'].includes(status), strategies: [], used: 0, note: status === 'missing' ? 'không thấy' : '',
});
const tour = (id: string, statuses: StepStatus[]): TourReport => ({
  tourId: id, title: id, against: 'replicas', verifiedAt: '', ok: !statuses.includes('missing'), steps: statuses.map((s, i) => step(i, s)),
});

describe('the --vary table', () => {
  it('counts a step not reached after a broken one as not found, and stops counting after a step that needs the citizen', () => {
    expect(cellOf(tour('a', ['ok', 'fallback', 'missing', 'not-reached']))).toEqual({ found: 2, total: 4, broke: '3. buoc-3: không thấy' });
    expect(cellOf(tour('b', ['ok', 'skipped', 'stopped', 'not-reached']))).toEqual({ found: 3, total: 3, broke: undefined });
  });

  it('flags a tour below 95 % on a variant and prints steps found per tour and variant with the share', () => {
    const result: VaryResult = {
      seed: 1,
      variants: VARIANTS.slice(0, 1).map(({ id, vi }) => ({ id, vi })),
      cells: {
        'tour-mot': { gốc: { found: 8, total: 8 }, reword: { found: 1, total: 8, broke: '2. chon: không thấy' } },
        'tour-hai': { gốc: { found: 20, total: 20 }, reword: { found: 20, total: 20 } },
      },
    };
    expect(belowGoal(result)).toEqual(['tour-mot @ reword']);
    const table = formatVary(result);
    expect(table).toMatch(/tour-mot +8\/8 +1\/8/);
    expect(table).toMatch(/tổng +100% +75%/);
    expect(table).toContain('tour-mot @ reword — 2. chon: không thấy');
    expect(table).toContain('Dưới mục tiêu: tour-mot @ reword');
  });
});
