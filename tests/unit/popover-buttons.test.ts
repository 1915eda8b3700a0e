// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createPopoverDom, fillPopover, type OverlayButton } from '../../engine/popover-content';

const view = (...labels: string[]) => ({ text: 'Gõ mật khẩu.', actions: labels.map((label): OverlayButton => ({ label, onClick: () => undefined })) });

describe('popover action buttons', () => {
  it('keeps the same button elements while the labels stay the same, so a press is not lost to a redraw', () => {
    const dom = createPopoverDom();
    const first = fillPopover(dom, view('Tiếp', 'Quay lại'), 'vi');
    expect(first?.map((b) => b.textContent)).toEqual(['Tiếp', 'Quay lại']);
    expect(fillPopover(dom, view('Tiếp', 'Quay lại'), 'vi')).toBeUndefined();
    expect([...dom.actions.children]).toEqual(first);
  });

  it('makes new buttons when the labels change', () => {
    const dom = createPopoverDom();
    const first = fillPopover(dom, view('Quay lại'), 'vi')!;
    const next = fillPopover(dom, view('Tiếp', 'Quay lại'), 'vi')!;
    expect(next.map((b) => b.textContent)).toEqual(['Tiếp', 'Quay lại']);
    expect(next).not.toContain(first[0]);
    expect(fillPopover(dom, view(), 'vi')).toEqual([]);
    expect(dom.actions.children).toHaveLength(0);
  });
});
