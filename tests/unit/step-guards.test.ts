// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { Tour } from '../../engine/schema';
import { conditionHolds, conditionsFor, findPortalMessage, isChoiceIn, nextStepReachable, onTrusted, watchErrors } from '../../engine/step-guards';

// jsdom has no layout: every element counts as rendered for these tests.
vi.mock('../../engine/visibility', () => ({ isRendered: (el: Element) => !el.closest('[hidden]') }));

const tour = Tour.parse({
  schemaVersion: 1,
  id: 'dang-nhap',
  title: { vi: 'Đăng nhập' },
  sites: ['https://dichvucong.gov.vn/*'],
  steps: [
    {
      id: 'bam-dang-nhap',
      target: { role: 'link', name: 'Đăng nhập' },
      say: { vi: 'Bấm Đăng nhập' },
      advance: 'click',
      skipIf: { present: { role: 'button', name: 'Đăng xuất' } },
      onlyIf: { url: '/*' },
    },
  ],
});
const step = tour.steps[0];

if (typeof window.requestAnimationFrame !== 'function') {
  window.requestAnimationFrame = (cb) => setTimeout(() => cb(performance.now()), 0) as unknown as number;
  window.cancelAnimationFrame = (id) => clearTimeout(id);
}
const HOME = 'https://dichvucong.gov.vn/';

function page(html: string) {
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

describe('step conditions', () => {
  it('present / absent / url', () => {
    page('<header><button>Đăng xuất</button></header>');
    expect(conditionHolds({ present: { role: 'button', name: 'dang xuat' } }, tour, HOME)).toBe(true);
    expect(conditionHolds({ absent: { role: 'button', name: 'Đăng xuất' } }, tour, HOME)).toBe(false);
    expect(conditionHolds({ url: '/thanh-toan*' }, tour, HOME)).toBe(false);
    expect(conditionHolds({ url: '/thanh-toan*' }, tour, 'https://dichvucong.gov.vn/thanh-toan-truc-tuyen')).toBe(true);
  });

  it('skipIf holds when the citizen is already logged in, not before', () => {
    page('<header><a href="/dang-nhap">Đăng nhập</a></header>');
    const conditions = conditionsFor(step, tour, () => HOME);
    expect(conditions.skipNow()).toBe(false);
    expect(conditions.allowed()).toBe(true);
    page('<header><button>Đăng xuất</button></header>');
    expect(conditions.skipNow()).toBe(true);
  });

  it('a hidden logout button does not count as logged in', () => {
    page('<header><button hidden>Đăng xuất</button><a href="/dang-nhap">Đăng nhập</a></header>');
    expect(conditionsFor(step, tour, () => HOME).skipNow()).toBe(false);
  });
});

describe('error watchers', () => {
  it('reports a matching alert once, with its text, and ignores other alerts', async () => {
    page('<main><p role="alert">Đã lưu</p></main>');
    const seen: string[] = [];
    const controller = new AbortController();
    watchErrors([{ target: { role: 'alert' }, text: 'ma xac nhan khong dung' }], controller.signal, (_w, text) => seen.push(text));
    const toast = document.createElement('div');
    toast.setAttribute('role', 'alert');
    toast.textContent = 'Mã xác nhận không đúng hoặc đã hết hạn';
    document.body.append(toast);
    await new Promise((r) => setTimeout(r, 50));
    toast.textContent += ' ';
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    expect(seen).toEqual(['Mã xác nhận không đúng hoặc đã hết hạn']);
  });
});

describe('the portal\'s own message while a step waits', () => {
  it('finds a "not found" heading and says it is one', () => {
    page('<main><h1>Không tìm thấy thủ tục</h1><p>Mã thủ tục "9.9" không tồn tại.</p></main>');
    expect(findPortalMessage()).toMatchObject({ kind: 'not-found', text: 'Không tìm thấy thủ tục' });
  });

  it('finds a field error and a heading with "Lỗi", not the word "lời" or our own popover', () => {
    page('<main><h1>Lời chào</h1><section class="danbuoc-popover"><p role="alert">Không tìm thấy gì</p></section></main>');
    expect(findPortalMessage()).toBeNull();
    page('<main><h1>Lời chào</h1><p id="so-form-item-message">Số định danh chưa đúng</p></main>');
    expect(findPortalMessage()).toMatchObject({ kind: 'error', text: 'Số định danh chưa đúng' });
    page('<main><h2>Lỗi máy chủ</h2></main>');
    expect(findPortalMessage()).toMatchObject({ kind: 'error' });
  });

  it('ignores an ordinary status line', () => {
    page('<main><p role="status">Đang tải…</p><h1>Trang chủ</h1></main>');
    expect(findPortalMessage()).toBeNull();
  });
});

describe('skipping only to a step that can be reached', () => {
  const two = Tour.parse({
    schemaVersion: 1,
    id: 'hai-buoc',
    title: { vi: 'Hai bước' },
    sites: ['https://dichvucong.gov.vn/*'],
    steps: [
      { id: 'mot', page: '/a', target: { role: 'heading', name: 'Thành phần hồ sơ' }, say: { vi: 'Một' } },
      { id: 'hai', target: { role: 'table' }, say: { vi: 'Hai' } },
      { id: 'ba', page: '/b', say: { vi: 'Ba' } },
    ],
  });
  const here = (pattern: string) => (i: number, url: string) => (i < 2 ? url.endsWith(pattern) : url.endsWith('/b'));

  it('needs the next step on this page and its target present', () => {
    page('<main><p>Không có bảng</p></main>');
    expect(nextStepReachable(two, 0, 'https://dichvucong.gov.vn/a', here('/a'))).toBe(false);
    page('<main><table><tr><td>x</td></tr></table></main>');
    expect(nextStepReachable(two, 0, 'https://dichvucong.gov.vn/a', here('/a'))).toBe(true);
    expect(nextStepReachable(two, 1, 'https://dichvucong.gov.vn/a', here('/a'))).toBe(false);
    expect(nextStepReachable(two, 1, 'https://dichvucong.gov.vn/b', here('/a'))).toBe(true);
    expect(nextStepReachable(two, 2, 'https://dichvucong.gov.vn/b', here('/a'))).toBe(false);
  });
});

describe('choice steps', () => {
  it('count a click on an item of the region, not on its blank space or outside it', () => {
    page('<ul id="r"><li><a href="/x"><span id="s">Đăng ký khai sinh</span></a></li><li role="option" id="o">Vietcombank</li></ul><a id="out" href="/y">Khác</a>');
    const region = document.getElementById('r')!;
    expect(isChoiceIn(region, document.getElementById('s')!)).toBe(true);
    expect(isChoiceIn(region, document.getElementById('o')!)).toBe(true);
    expect(isChoiceIn(region, region)).toBe(false);
    expect(isChoiceIn(region, document.getElementById('out')!)).toBe(false);
  });
});

describe('onTrusted', () => {
  it('hears only events a person caused, on the element or inside it', () => {
    page('<button id="b"><span id="in">Tìm kiếm</span></button><button id="other">Khác</button>');
    const heard: string[] = [];
    const controller = new AbortController();
    onTrusted(document.getElementById('b')!, 'click', (e) => heard.push((e.target as Element).id), controller.signal);
    document.getElementById('b')!.click();
    document.getElementById('in')!.click();
    // jsdom marks no event as trusted: nothing a script fires may count as the citizen's click.
    expect(heard).toEqual([]);
    controller.abort();
  });
});

describe('the portal\'s message: which text counts', () => {
  it('every "not found" wording, with spaces collapsed', () => {
    for (const text of ['Không tìm thấy hồ sơ', 'Mã hồ sơ không tồn tại', 'Không có kết quả phù hợp']) {
      page(`<main><p role="status">  ${text.replace(/ /g, '  \n ')}  </p></main>`);
      expect(findPortalMessage(), text).toMatchObject({ kind: 'not-found', text });
    }
  });

  it('a "not found" later on the page wins over an earlier error; of two errors the first is kept', () => {
    page('<main><p class="text-destructive">Sai mật khẩu</p><h2>Không tìm thấy</h2></main>');
    expect(findPortalMessage()).toMatchObject({ kind: 'not-found', text: 'Không tìm thấy' });
    page('<main><p class="text-destructive">Sai mật khẩu</p><p role="alert">Hết phiên</p></main>');
    expect(findPortalMessage()).toMatchObject({ kind: 'error', text: 'Sai mật khẩu' });
  });

  it('"lỗi" as a word: at the start, the end, before a colon; not inside another word', () => {
    for (const text of ['Lỗi: mã không đúng', 'Hệ thống đang lỗi', 'Báo lỗi hệ thống']) {
      page(`<main><h1>${text}</h1></main>`);
      expect(findPortalMessage(), text).toMatchObject({ kind: 'error', text });
    }
    for (const text of ['Xlỗi', 'lỗix', 'Trang chủ']) {
      page(`<main><h1>${text}</h1></main>`);
      expect(findPortalMessage(), text).toBeNull();
    }
  });

  it('skips empty, over-long, hidden and our own messages', () => {
    page(`<main><p role="alert">   </p><p role="alert">${'Lỗi '.repeat(60)}</p><p role="alert" hidden>Lỗi ẩn</p><div class="danbuoc-live"><p role="status">Không tìm thấy</p></div></main>`);
    expect(findPortalMessage()).toBeNull();
    const exactly200 = `Lỗi ${'x'.repeat(196)}`;
    page(`<main><p role="alert">${exactly200}</p></main>`);
    expect(findPortalMessage()?.text).toBe(exactly200);
    page(`<main><p role="alert">${exactly200}x</p></main>`);
    expect(findPortalMessage()).toBeNull();
  });
});

describe('step conditions in detail', () => {
  it('a condition with nothing to check never holds; a step without skipIf/onlyIf is never skipped and always allowed', () => {
    expect(conditionHolds({} as Parameters<typeof conditionHolds>[0], tour, HOME)).toBe(false);
    const plain = { ...step, skipIf: undefined, onlyIf: undefined };
    expect(conditionsFor(plain, tour, () => HOME).skipNow()).toBe(false);
    expect(conditionsFor(plain, tour, () => HOME).allowed()).toBe(true);
    const elsewhere = { ...step, onlyIf: { url: '/thanh-toan*' } };
    expect(conditionsFor(elsewhere, tour, () => HOME).allowed()).toBe(false);
    page('<main><button>Đăng xuất</button></main>');
    expect(conditionHolds({ absent: { role: 'button', name: 'Đăng xuất' } }, tour, HOME)).toBe(false);
    page('<main></main>');
    expect(conditionHolds({ absent: { role: 'button', name: 'Đăng xuất' } }, tour, HOME)).toBe(true);
    expect(conditionHolds({ present: { role: 'button', name: 'Đăng xuất' } }, tour, HOME)).toBe(false);
  });

  it('a choice region that is itself a choice does not count a click on its own text', () => {
    page('<label id="r"><span id="t">Đồng ý</span><input id="c" type="checkbox"></label>');
    const region = document.getElementById('r')!;
    expect(isChoiceIn(region, document.getElementById('t')!)).toBe(false);
    expect(isChoiceIn(region, document.getElementById('c')!)).toBe(true);
    expect(isChoiceIn(region, undefined)).toBe(false);
    expect(isChoiceIn(region, region.firstChild!.firstChild as unknown as EventTarget)).toBe(false);
  });
});

describe('error watchers in detail', () => {
  it('without a text, any matching element is reported, a late one too; our popover never is', async () => {
    page('<main><section class="danbuoc-popover"><p role="alert">Mã không đúng</p></section><p role="alert">  Sai   mã </p></main>');
    const seen: string[] = [];
    const controller = new AbortController();
    watchErrors([{ target: { role: 'alert' } }], controller.signal, (_w, text) => seen.push(text));
    const late = document.createElement('div');
    late.setAttribute('role', 'alert');
    late.textContent = 'Hết hạn';
    document.body.append(late);
    await vi.waitFor(() => expect(seen).toEqual(['Sai mã', 'Hết hạn']), { timeout: 10_000 });
    controller.abort();
  });

  it('no watches: nothing to report', () => {
    page('<main><p role="alert">Lỗi</p></main>');
    const seen: string[] = [];
    watchErrors([], new AbortController().signal, (_w, text) => seen.push(text));
    expect(seen).toEqual([]);
  });
});
