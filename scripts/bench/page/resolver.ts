import { resolveTarget } from '../../../engine/resolve';
import type { Target } from '../../../engine/schema';

/** Each strategy, and the `data-bench-target` of the element it must find on the replica page. */
export const STRATEGIES: Array<{ name: string; target: Target; expect: string }> = [
  { name: "role+name button  {role:'button', name:'Nộp hồ sơ'}", target: { role: 'button', name: 'Nộp hồ sơ' }, expect: 'submit' },
  { name: "role+name link    {role:'link', name:'Tra cứu hồ sơ'}", target: { role: 'link', name: 'Tra cứu hồ sơ' }, expect: 'link' },
  { name: "label             {label:'Mã hồ sơ'}", target: { label: 'Mã hồ sơ' }, expect: 'label' },
  { name: "placeholder label {label:'Nhập số điện thoại'}", target: { label: 'Nhập số điện thoại' }, expect: 'placeholder' },
  { name: "text              {text:'Thành phần hồ sơ'}", target: { text: 'Thành phần hồ sơ' }, expect: 'text' },
  { name: "text partial      {text:'qua mạng cho công dân', partial}", target: { text: 'qua mạng cho công dân', partial: true }, expect: 'partial' },
  { name: "css               {css:'#nop-ho-so-truc-tuyen .actions > .btn-primary'}", target: { css: '#nop-ho-so-truc-tuyen .actions > .btn-primary' }, expect: 'submit' },
  {
    name: "within+role       {within:{role:'region', name:'Nộp hồ sơ trực tuyến'}, role:'button', name:'Nộp hồ sơ'}",
    target: { within: { role: 'region', name: 'Nộp hồ sơ trực tuyến' }, role: 'button', name: 'Nộp hồ sơ' },
    expect: 'submit',
  },
  { name: "nth               {role:'link', name:'Tải biểu mẫu', nth:2}", target: { role: 'link', name: 'Tải biểu mẫu', nth: 2 }, expect: 'nth' },
  { name: "role+name in shadow root {role:'button', name:'Gửi phản ánh'}", target: { role: 'button', name: 'Gửi phản ánh' }, expect: 'shadow' },
];

/** Times `lookups` calls of resolveTarget for strategy `index` (after a warm-up), in ms each. */
export function measureResolver(index: number, lookups: number, warmup = 10): number[] {
  const { target, expect } = STRATEGIES[index];
  const found = resolveTarget(target, document).element;
  if (found?.getAttribute('data-bench-target') !== expect) {
    throw new Error(`strategy ${index} found ${found ? found.outerHTML.slice(0, 120) : 'nothing'}, expected [data-bench-target=${expect}]`);
  }
  for (let i = 0; i < warmup; i++) resolveTarget(target, document);
  const samples: number[] = [];
  for (let i = 0; i < lookups; i++) {
    const t = performance.now();
    resolveTarget(target, document);
    samples.push(performance.now() - t);
  }
  return samples;
}
