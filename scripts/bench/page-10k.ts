import { prng } from './stats';

/**
 * A deterministic replica of a busy portal page, built with createElement in the page itself:
 * a sticky header, procedure cards, link lists, result tables, search forms with labelled and
 * placeholder-only inputs, news, FAQs, a chat widget in an open shadow root, generated class names,
 * and the bench targets in a section near the END of the document, followed only by the footer.
 * Decoys ("Nộp hồ sơ trực tuyến", "Thành phần hồ sơ cần chuẩn bị"…) sit in the filler.
 */
export interface PortalOptions {
  /** how many elements to build (approximately; the result says exactly) */
  elements: number;
  seed?: number;
  /** false leaves the "Nộp hồ sơ" button out (the latency bench inserts it into `submitSlot`) */
  withSubmit?: boolean;
}

export interface PortalPage {
  elements: number;
  nodes: number;
  submitSlot: Element;
}

export const PORTAL_CSS = `
body{margin:0;font:15px/1.4 system-ui,sans-serif;color:#222}
header.site{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid #ccc;padding:4px 16px}
header.site ul,footer ul{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
main{padding:0 16px}.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:8px}
.card{border:1px solid #ddd;padding:6px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #eee;padding:2px 4px}
.form-group{display:inline-block;margin:4px 8px}.shadow-host{display:block;border:1px solid #88a;margin:8px 0}
`;

const PROCEDURES = [
  'Cấp đổi thẻ căn cước', 'Đăng ký khai sinh', 'Đăng ký thường trú', 'Cấp đổi giấy phép lái xe', 'Đăng ký kết hôn',
  'Cấp phiếu lý lịch tư pháp', 'Đăng ký hộ kinh doanh', 'Nộp thuế sử dụng đất', 'Cấp hộ chiếu phổ thông', 'Đăng ký tạm trú',
  'Xác nhận tình trạng hôn nhân', 'Cấp bản sao trích lục hộ tịch', 'Hưởng trợ cấp thất nghiệp', 'Cấp lại thẻ bảo hiểm y tế',
  'Đăng ký khai tử', 'Chứng thực bản sao từ bản chính', 'Cấp giấy chứng nhận quyền sử dụng đất', 'Đổi tên xã phường',
];
const AGENCIES = ['Bộ Công an', 'Bộ Tư pháp', 'Bộ Tài chính', 'Sở Giao thông vận tải', 'UBND tỉnh Lào Cai', 'UBND xã Tân Lập', 'Bảo hiểm xã hội Việt Nam'];
const DECOYS = ['Nộp hồ sơ trực tuyến', 'Thành phần hồ sơ cần chuẩn bị', 'Tra cứu hồ sơ đất đai', 'Mã hồ sơ cũ', 'Xem chi tiết'];
const WORDS = 'công dân thủ tục hành chính dịch vụ công trực tuyến toàn trình một phần hồ sơ giấy tờ thanh toán lệ phí kết quả tiếp nhận xử lý'.split(' ');

type Child = Node | string;

export function buildPortalPage(doc: Document, { elements, seed = 20260301, withSubmit = true }: PortalOptions): PortalPage {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const cls = () => `css-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  let count = 0;
  let ids = 0;

  function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
    const el = doc.createElement(tag);
    count++;
    el.className = `${attrs.class ?? ''} ${cls()}`.trim();
    for (const [name, value] of Object.entries(attrs)) if (name !== 'class') el.setAttribute(name, value);
    el.append(...children);
    return el;
  }
  const link = (text: string, href = `/thu-tuc/${ids++}`) => h('a', { href }, text);
  const field = (label: string, placeholder?: string) => {
    const id = `f${ids++}`;
    const input = h('input', { id, type: 'text', ...(placeholder ? { placeholder } : {}) });
    return h('div', { class: 'form-group' }, label ? h('label', { for: id }, label) : '', input);
  };

  const blocks: Array<() => HTMLElement> = [
    () => {
      const id = `s${ids++}`;
      const cards = Array.from({ length: 8 }, () =>
        h('div', { class: 'card' }, h('div', {}, link(pick(PROCEDURES))), h('p', {}, sentence(6), ' ', h('b', {}, pick(AGENCIES))),
          h('div', { class: 'meta' }, h('span', {}, 'Mức độ 4'), h('span', {}, pick(AGENCIES)))),
      );
      return h('section', { 'aria-labelledby': id }, h('h2', { id }, pick(PROCEDURES)), h('div', { class: 'grid' }, ...cards));
    },
    () => h('div', { class: 'links' }, h('h3', {}, pick(AGENCIES)), h('ul', {}, ...Array.from({ length: 15 }, () => h('li', {}, link(pick([...PROCEDURES, ...DECOYS])))))),
    () => {
      const head = h('thead', {}, h('tr', {}, ...['STT', 'Tên thủ tục', 'Cơ quan', 'Mức độ', ''].map((t) => h('th', {}, t))));
      const rows = Array.from({ length: 12 }, (_, i) =>
        h('tr', {}, h('td', {}, String(i + 1)), h('td', {}, pick(PROCEDURES)), h('td', {}, pick(AGENCIES)), h('td', {}, 'Toàn trình'), h('td', {}, link('Xem chi tiết'))),
      );
      return h('table', {}, head, h('tbody', {}, ...rows));
    },
    () => {
      const select = h('select', {}, ...AGENCIES.map((a) => h('option', {}, a)));
      return h('form', { role: 'search' }, h('fieldset', {}, h('legend', {}, 'Tìm kiếm thủ tục'), field('Từ khóa'), field('', 'Nhập tên thủ tục'),
        field(pick(DECOYS)), h('div', { class: 'form-group' }, select), h('button', { type: 'button' }, 'Tìm kiếm'), h('button', { type: 'reset' }, 'Làm lại'),
        h('button', { type: 'button' }, 'Nộp hồ sơ trực tuyến')));
    },
    () => h('article', {}, h('h3', {}, sentence(5)), h('p', {}, sentence(25)), h('p', {}, sentence(18), ' ', h('span', {}, pick(DECOYS))), h('span', { class: 'date' }, '01/03/2026')),
    () => h('details', {}, h('summary', {}, `Hỏi: ${sentence(6)}?`), h('p', {}, sentence(30))),
  ];

  const header = h('header', { class: 'site' }, h('div', { class: 'logo' }, h('img', { alt: 'Cổng Dịch vụ công Quốc gia', width: '40', height: '40' })),
    h('nav', {}, h('ul', {}, ...['Trang chủ', 'Thông tin và dịch vụ', 'Thanh toán trực tuyến', 'Phản ánh kiến nghị', 'Hỗ trợ'].map((t) => h('li', {}, link(t))))),
    field('', 'Tìm kiếm thủ tục'));

  const chat = h('div', { class: 'shadow-host' });
  const shadow = chat.attachShadow({ mode: 'open' });
  shadow.append(h('div', { class: 'chat' }, h('h4', {}, 'Trợ lý ảo'), h('ul', {}, ...Array.from({ length: 20 }, () => h('li', {}, sentence(8)))),
    field('', 'Nhập nội dung phản ánh'), h('button', { type: 'button', 'data-bench-target': 'shadow' }, 'Gửi phản ánh')));

  const actions = h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn' }, 'Lưu nháp'));
  if (withSubmit) actions.prepend(h('button', { type: 'submit', class: 'btn btn-primary', 'data-bench-target': 'submit' }, 'Nộp hồ sơ'));
  const label = field('Mã hồ sơ');
  label.querySelector('input')!.setAttribute('data-bench-target', 'label');
  const phone = field('', 'Nhập số điện thoại');
  phone.querySelector('input')!.setAttribute('data-bench-target', 'placeholder');
  const forms = Array.from({ length: 4 }, (_, i) => h('li', {}, `Mẫu số 0${i + 1}: `, h('a', { href: `/bieu-mau/${i}`, ...(i === 2 ? { 'data-bench-target': 'nth' } : {}) }, 'Tải biểu mẫu')));
  const target = h('section', { id: 'nop-ho-so-truc-tuyen', 'aria-labelledby': 'nop-title' },
    h('h2', { id: 'nop-title' }, 'Nộp hồ sơ trực tuyến'),
    h('p', { 'data-bench-target': 'partial' }, 'Hướng dẫn nộp hồ sơ qua mạng cho công dân lần đầu sử dụng'),
    h('h3', { 'data-bench-target': 'text' }, 'Thành phần hồ sơ'), h('ul', {}, ...forms),
    h('form', {}, label, phone, actions),
    h('p', {}, 'Đã nộp? ', h('a', { href: '/tra-cuu-ho-so', 'data-bench-target': 'link' }, 'Tra cứu hồ sơ')));

  const footer = h('footer', {}, ...Array.from({ length: 3 }, () => h('ul', {}, ...Array.from({ length: 6 }, () => h('li', {}, link(pick(AGENCIES)))))),
    h('p', {}, 'Cơ quan chủ quản: Văn phòng Chính phủ. Địa chỉ: 16 Lê Hồng Phong, Ba Đình, Hà Nội.'));

  const filler: HTMLElement[] = [];
  const main = h('main');
  while (count < elements) filler.push(pick(blocks)());
  filler.splice(Math.floor(filler.length / 2), 0, chat);
  main.append(...filler, target);
  doc.body.append(header, main, footer);
  return { elements: count, nodes: countNodes(doc.body), submitSlot: actions };
}

/** Every node (elements and text) under `root`, open shadow roots included. */
export function countNodes(root: Node): number {
  let n = 0;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    n++;
    if (node instanceof Element && node.shadowRoot) n += countNodes(node.shadowRoot) - 1;
  }
  return n;
}
