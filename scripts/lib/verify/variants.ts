import { varyPageScript } from './bundle';
import type { Change } from './vary-page';

/**
 * The page variants of `tours:verify --vary`: what a redesign of the portal, or another ministry's
 * page written from the same notes, does to the replica pages. Documented in tours/README.md.
 */
export interface Variant {
  id: string;
  changes: Change[];
  /** what the variant does, for the report's legend */
  vi: string;
}

export const VARIANTS: readonly Variant[] = [
  { id: 'reword', changes: ['reword'], vi: 'nhãn nói cách khác: từ đồng nghĩa, trật tự từ, thêm hoặc bớt chữ' },
  { id: 'restyle', changes: ['restyle'], vi: 'chữ hoa, dấu câu, dấu * bắt buộc, số thứ tự trước tiêu đề' },
  { id: 'wrappers', changes: ['wrappers'], vi: 'thêm lớp bọc quanh nút, ô nhập, tiêu đề; chữ của nhãn tách thành nhiều đoạn' },
  { id: 'shuffle', changes: ['shuffle'], vi: 'đổi thứ tự các mục không có thứ tự: danh sách, thẻ, nhóm nút' },
  { id: 'late', changes: ['late'], vi: 'phần mới của trang hiện ra chậm 0,3–1,5 giây' },
  { id: 'choosers', changes: ['choosers'], vi: 'ô chọn danh sách (nút mở listbox) thành <select> và ngược lại' },
  { id: 'classes', changes: ['classes'], vi: 'tên lớp (class) sinh tự động đổi hết' },
  { id: 'redesign', changes: ['reword', 'restyle', 'wrappers', 'shuffle', 'late', 'choosers', 'classes'], vi: 'tất cả cùng lúc, như một lần làm lại giao diện' },
];

export const VARY_GOAL = 0.95;

export function variantById(id: string): Variant {
  const variant = VARIANTS.find((v) => v.id === id);
  if (!variant) throw new Error(`Không có biến thể "${id}". Có: ${VARIANTS.map((v) => v.id).join(', ')}. (No such variant.)`);
  return variant;
}

/** The init script that turns every frame of a replay into this variant. */
export async function varyInitScript(variant: Variant, seed: number): Promise<string> {
  return `window.__danbuocVary = ${JSON.stringify({ changes: variant.changes, seed })};\n${await varyPageScript()}`;
}
