// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { Tour } from '../../engine/schema';
import { conditionHolds, conditionsFor, watchErrors } from '../../engine/step-guards';

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
