// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { pickTarget, proposeTargets, TOUR_ROLES, type Proposal } from '../../engine/authoring/propose';
import { isGeneratedClass, isStableIdentifier, stableClasses } from '../../engine/authoring/stable-names';
import { resolveStrategy } from '../../engine/resolve';
import { ROLES, TargetStrategy } from '../../engine/schema';

/** jsdom has no layout: "visible" here means neither it nor an ancestor is [hidden] or display:none. */
const isVisible = (el: Element) => {
  for (let e: Element | null = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
    if (e.hasAttribute('hidden') || (e as HTMLElement).style?.display === 'none') return false;
  }
  return true;
};

function page(html: string): void {
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

const byId = (id: string) => document.getElementById(id)!;
const propose = (el: Element) => proposeTargets(el, { isVisible });
const kinds = (proposals: Proposal[]) => proposals.map((p) => p.kind);

/** Every proposal is a valid tour target, and every count-1 proposal finds exactly the picked element. */
function expectSound(el: Element, proposals: Proposal[]) {
  for (const p of proposals) {
    expect(TargetStrategy.safeParse(p.target).success, JSON.stringify(p.target)).toBe(true);
    if (p.count === 1) expect(resolveStrategy(p.target, document, isVisible)).toBe(el);
  }
}

beforeEach(() => document.body.replaceChildren());

describe('robustness order', () => {
  it('knows the same roles as the tour schema', () => {
    expect([...TOUR_ROLES]).toEqual([...ROLES]);
  });

  it('a button: role + name first, then text, id, css', () => {
    page(`<main><button id="nut-tim-kiem" class="btn btn-primary">Tìm kiếm</button></main>`);
    const el = byId('nut-tim-kiem');
    const proposals = propose(el);
    expect(proposals[0]).toEqual({ kind: 'role', target: { role: 'button', name: 'Tìm kiếm' }, count: 1 });
    expect(kinds(proposals)).toEqual(['role', 'text', 'id', 'css', 'css']);
    expect(proposals[2].target).toEqual({ css: '#nut-tim-kiem' });
    expect(proposals[3].target).toEqual({ css: 'button.btn.btn-primary' });
    expectSound(el, proposals);
  });

  it('a field: role + name, then its label and placeholder, then the name attribute', () => {
    page(`<form aria-label="Tra cứu"><label for="f">Mã hồ sơ</label><input id="f" name="maHoSo" placeholder="Ví dụ H12.34"></form>`);
    const el = byId('f');
    const proposals = propose(el);
    expect(proposals.slice(0, 3).map((p) => p.target)).toEqual([
      { role: 'textbox', name: 'Mã hồ sơ' },
      { label: 'Mã hồ sơ' },
      { label: 'Ví dụ H12.34' },
    ]);
    expect(proposals.find((p) => p.kind === 'name')?.target).toEqual({ css: 'input[name="maHoSo"]' });
    expect(proposals.every((p) => p.count === 1)).toBe(true);
    expectSound(el, proposals);
  });

  it('a click inside a button picks the button', () => {
    page(`<button id="b"><span id="icon">🔍</span> Tìm</button>`);
    expect(pickTarget(byId('icon'))).toBe(byId('b'));
  });

  it('never proposes text over 200 characters or with invisible characters', () => {
    page(`<p id="long">${'chữ '.repeat(80)}</p><p id="bidi">Nộp\u202Ehồ sơ</p>`);
    expect(kinds(propose(byId('long')))).not.toContain('text');
    expect(kinds(propose(byId('bidi')))).not.toContain('text');
  });
});

describe('ambiguous targets', () => {
  it('scopes to the named dialog or form around the element first', () => {
    page(`
      <form aria-label="Đăng nhập"><button id="a">Tiếp tục</button></form>
      <div role="dialog" aria-label="Xác nhận"><button id="b">Tiếp tục</button></div>`);
    const proposals = propose(byId('b'));
    expect(proposals[0]).toEqual({
      kind: 'role', target: { role: 'button', name: 'Tiếp tục', within: { role: 'dialog', name: 'Xác nhận' } }, count: 1,
    });
    expect(proposals[1]).toEqual({ kind: 'role', target: { role: 'button', name: 'Tiếp tục' }, count: 2 });
    expectSound(byId('b'), proposals);
  });

  it('falls back to nth when no named container tells them apart', () => {
    page(`<ul><li><a id="x" href="/1">Xem</a></li><li><a id="y" href="/2">Xem</a></li></ul>`);
    const proposals = propose(byId('y'));
    expect(proposals[0]).toEqual({ kind: 'role', target: { role: 'link', name: 'Xem', nth: 1 }, count: 1 });
    expect(proposals[1].count).toBe(2);
    expectSound(byId('y'), proposals);
  });
});

describe('shadow roots and portals', () => {
  it('proposes and counts inside an open shadow root', () => {
    page(`<div id="host"></div><button>Gửi</button>`);
    const shadow = byId('host').attachShadow({ mode: 'open' });
    const el = Object.assign(document.createElement('button'), { id: 'inner', textContent: 'Gửi mã' });
    shadow.append(el);
    const proposals = propose(el);
    expect(proposals[0]).toEqual({ kind: 'role', target: { role: 'button', name: 'Gửi mã' }, count: 1 });
    expect(proposals.find((p) => p.kind === 'id')).toEqual({ kind: 'id', target: { css: '#inner' }, count: 1 });
    expectSound(el, proposals);
  });

  it('an option of a listbox portalled to the end of <body>', () => {
    page(`<main><div role="combobox" aria-label="Tỉnh/thành phố">Chọn</div></main>
      <div role="listbox" aria-label="Tỉnh/thành phố"><div role="option" id="o1">Hà Nội</div><div role="option">Huế</div></div>`);
    const el = byId('o1');
    const proposals = propose(el);
    expect(proposals[0]).toEqual({ kind: 'role', target: { role: 'option', name: 'Hà Nội' }, count: 1 });
    expectSound(el, proposals);
  });
});

describe('generated names never reach a target', () => {
  it('recognises hash-like and utility classes, keeps written ones', () => {
    for (const name of ['css-1x2y3z', 'sc-AbCd', '_3kd9F', 'Button_root__3kd9F', 'jsx-123', 'x1a2b3', 'md:flex', 'w-[13px]', 'px-4', 'text-sm', 'bg-blue-500', 'flex', 'ng-star-inserted']) {
      expect(isGeneratedClass(name), name).toBe(true);
    }
    for (const name of ['btn', 'btn-primary', 'form-control', 'ket-qua', 'search-box', 'login', 'to-khai', 'list-ho-so']) {
      expect(isGeneratedClass(name), name).toBe(false);
    }
  });

  it('recognises framework ids, keeps written ones', () => {
    for (const id of [':r1:', 'react-select-2-input', 'mui-123', 'headlessui-listbox-3', 'ember42', 'a8f3c2d1-0b1c-4d2e', 'el-1699999999', 'x7Gk2q']) {
      expect(isStableIdentifier(id), id).toBe(false);
    }
    for (const id of ['ma-ho-so', 'txtMaHoSo', 'btnSearch', 'buoc2', 'login_form', 'to-khai', 'list-ho-so', 'text-ho-ten']) expect(isStableIdentifier(id), id).toBe(true);
  });

  it('drops every class of a utility chain', () => {
    page(`<div id="d" class="card flex items-center px-4 py-2"></div>`);
    expect(stableClasses(byId('d'))).toEqual([]);
  });

  it('property: whatever hashed classes and ids the page wears, no proposal contains them', () => {
    const hashed = fc.oneof(
      fc.stringMatching(/^css-[a-z0-9]{4,8}$/),
      fc.stringMatching(/^sc-[A-Za-z]{4,8}$/),
      fc.stringMatching(/^_[A-Za-z0-9]{5}$/),
      fc.stringMatching(/^[A-Z][a-z]{2,6}_[a-z]{2,6}__[A-Za-z0-9]{5}$/),
      fc.stringMatching(/^[a-z][0-9][a-z][0-9][a-z0-9]{2,4}$/),
      fc.constantFrom('px-4', 'py-2', 'text-sm', 'bg-white', 'rounded-lg', 'flex', 'items-center', 'md:block', 'w-1/2', 'hover:bg-gray-100'),
    );
    const markup = fc.record({
      classes: fc.array(hashed, { minLength: 1, maxLength: 5 }),
      parentClasses: fc.array(hashed, { minLength: 0, maxLength: 3 }),
      tag: fc.constantFrom('button', 'a', 'span', 'div', 'input'),
      text: fc.constantFrom('', 'Nộp hồ sơ', 'Tiếp'),
      id: fc.option(hashed, { nil: undefined }),
    });
    fc.assert(
      fc.property(markup, ({ classes, parentClasses, tag, text, id }) => {
        const parent = document.createElement('div');
        parent.className = parentClasses.join(' ');
        const el = document.createElement(tag);
        el.className = classes.join(' ');
        if (tag === 'a') el.setAttribute('href', '/x');
        if (id) el.id = id;
        if (tag !== 'input') el.textContent = text;
        parent.append(el);
        document.body.replaceChildren(parent, document.createElement('p'));
        const proposals = propose(el);
        const written = JSON.stringify(proposals.map((p) => p.target));
        for (const name of [...classes, ...parentClasses, ...(id ? [id] : [])]) {
          expect(written.includes(name), `${name} in ${written}`).toBe(false);
        }
        expect(proposals.length).toBeGreaterThan(0);
        expectSound(el, proposals);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
