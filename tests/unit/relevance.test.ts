// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conditionMayMatter, MAX_RECORDS, MAX_TEXT, mayMatterFor, removalMayMatter, selectorMayMatter } from '../../engine/relevance';
import type { Target } from '../../engine/schema';

const SUBMIT: Target = { role: 'button', name: 'Nộp hồ sơ' };

/** The records a DOM change produces, as a deep observer would receive them. */
function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => undefined);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

function html(markup: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  return document.adoptNode(parsed.body.firstElementChild as HTMLElement);
}

let main: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren(
    html('<header><span id="clock">10:00:00 · 12 hồ sơ</span></header>'),
    html('<main><table><tbody></tbody></table><div id="slot"></div></main>'),
  );
  main = document.querySelector('main')!;
});

describe('mutations that cannot make the target appear are rejected', () => {
  it('a ticking clock and a live table of unrelated rows', () => {
    const records = recordsOf(() => {
      document.getElementById('clock')!.textContent = '10:00:01 · 13 hồ sơ';
      document.querySelector('tbody')!.append(html('<table><tr><td>H00000012</td><td>Đăng ký khai sinh</td><td>Đã tiếp nhận</td></tr></table>').querySelector('tr')!);
    });
    expect(records.length).toBeGreaterThan(0);
    expect(mayMatterFor(SUBMIT)(records)).toBe(false);
  });

  it('a text node edited in place that is not part of the wanted words', () => {
    const text = document.getElementById('clock')!.firstChild as Text;
    expect(mayMatterFor({ text: 'Thành phần hồ sơ' })(recordsOf(() => (text.data = '10:00:02 · 14')))).toBe(false);
  });

  it('a css target and an inserted element that neither is nor holds a match', () => {
    expect(mayMatterFor({ css: 'form[role=search] input' })(recordsOf(() => main.append(html('<p><b>Tin tức</b></p>'))))).toBe(false);
  });
});

describe('mutations that could make the target appear are accepted', () => {
  it('the button itself is inserted', () => {
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html('<div><button>Nộp hồ sơ</button></div>'))))).toBe(true);
  });

  it('an empty button gets its words later, as a text node or a span', () => {
    const button = html('<button></button>');
    main.append(button);
    expect(mayMatterFor(SUBMIT)(recordsOf(() => button.append('Nộp hồ sơ')))).toBe(true);
    expect(mayMatterFor(SUBMIT)(recordsOf(() => button.replaceChildren(html('<span>Nộp hồ sơ</span>'))))).toBe(true);
  });

  it('a fragment of the phrase (the words split across <b> and text)', () => {
    expect(mayMatterFor({ text: 'Thành phần hồ sơ' })(recordsOf(() => main.append(html('<b>Thành phần</b>'))))).toBe(true);
  });

  it('a class change on a container that holds a hidden match', () => {
    const box = html('<div class="hidden"><button>Nộp hồ sơ</button></div>');
    main.append(box);
    expect(mayMatterFor(SUBMIT)(recordsOf(() => box.classList.remove('hidden')))).toBe(true);
    expect(mayMatterFor({ role: 'button' })(recordsOf(() => box.classList.add('shown')))).toBe(true);
  });

  it('a stylesheet added to the page', () => {
    expect(mayMatterFor(SUBMIT)(recordsOf(() => document.head.append(html('<style>.hidden{display:block}</style>'))))).toBe(true);
  });

  it('a button whose name comes from a label elsewhere (aria-labelledby)', () => {
    main.append(html('<span id="lbl">Nộp hồ sơ</span>'));
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html('<button aria-labelledby="lbl"></button>'))))).toBe(true);
  });

  it('a name given by an attribute (aria-label, placeholder)', () => {
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html('<button aria-label="Nộp hồ sơ"><svg></svg></button>'))))).toBe(true);
    expect(mayMatterFor({ label: 'Nhập từ khoá tìm kiếm' })(recordsOf(() => main.append(html('<input placeholder="Nhập từ khoá tìm kiếm">'))))).toBe(true);
  });

  it('the scope of a `within` target appears around an existing button', () => {
    const target: Target = { role: 'button', name: 'Tìm', within: { role: 'form', name: 'Tìm kiếm thủ tục' } };
    expect(mayMatterFor(target)(recordsOf(() => main.append(html('<form aria-label="Tìm kiếm thủ tục"></form>'))))).toBe(true);
  });

  it('a css selector with a sibling combinator: any change may complete it', () => {
    expect(mayMatterFor({ css: 'label + input' })(recordsOf(() => main.append(html('<p></p>'))))).toBe(true);
  });

  it('a skipIf target counts as much as the step target', () => {
    const check = mayMatterFor(SUBMIT, { role: 'button', name: 'Đăng xuất' });
    expect(check(recordsOf(() => main.append(html('<button>Đăng xuất</button>'))))).toBe(true);
  });

  it('a batch too large to inspect', () => {
    const records = recordsOf(() => {
      for (let i = 0; i < 500; i++) main.append(document.createElement('i'));
    });
    expect(mayMatterFor(SUBMIT)(records)).toBe(true);
  });
});

describe('watchers of messages, removals and conditions', () => {
  it('a portal message: a toast or a text change inside a heading matters, a ticking clock does not', async () => {
    const { portalMessageMayMatter } = await import('../../engine/step-guards');
    expect(portalMessageMayMatter(recordsOf(() => main.append(html('<div role="alert">Không tìm thấy thủ tục</div>'))))).toBe(true);
    const heading = html('<h1>Kết quả</h1>');
    main.append(heading);
    expect(portalMessageMayMatter(recordsOf(() => (heading.firstChild as Text).replaceData(0, 3, 'Không')))).toBe(true);
    const text = document.getElementById('clock')!.firstChild as Text;
    expect(portalMessageMayMatter(recordsOf(() => (text.data = '10:00:09')))).toBe(false);
  });

  it('a portal message: in one batch of many records under shared ancestors, a change inside a message after many that are not still matters', async () => {
    const { selectorMayMatter } = await import('../../engine/relevance');
    const check = selectorMayMatter('.toast');
    const cells = Array.from({ length: 30 }, () => main.appendChild(html('<span>0</span>')));
    const toast = main.appendChild(html('<div class="toast"><p><b>Đang xử lý</b></p></div>'));
    const tick = () => cells.forEach((cell, i) => (cell.textContent = String(i)));
    expect(check(recordsOf(tick))).toBe(false);
    expect(check(recordsOf(() => (tick(), (toast.querySelector('b')!.textContent = 'Mã OTP không đúng'))))).toBe(true);
    expect(check(recordsOf(() => (tick(), cells[3].append(html('<div class="toast">Lỗi</div>')))))).toBe(true);
  });

  it('a highlighted element: gone or hidden matters; rows coming and going elsewhere do not', async () => {
    const { removalMayMatter } = await import('../../engine/relevance');
    const box = html('<div><button>Nộp hồ sơ</button></div>');
    main.append(box);
    const button = box.querySelector('button')!;
    const tbody = document.querySelector('tbody')!;
    tbody.append(html('<table><tr><td>1</td></tr></table>').querySelector('tr')!);
    const watch = removalMayMatter(button);
    expect(watch(recordsOf(() => tbody.firstElementChild!.remove()))).toBe(false);
    expect(watch(recordsOf(() => main.setAttribute('class', 'an')))).toBe(true);
    expect(watch(recordsOf(() => box.remove()))).toBe(true);
  });

  it('an `absent` condition flips when anything leaves; a `present` one only when its target may appear', async () => {
    const { conditionMayMatter } = await import('../../engine/relevance');
    const row = html('<table><tr><td>1</td></tr></table>').querySelector('tr')!;
    document.querySelector('tbody')!.append(row);
    expect(conditionMayMatter({ absent: { role: 'dialog' } })(recordsOf(() => row.remove()))).toBe(true);
    expect(conditionMayMatter({ present: { role: 'dialog' } })(recordsOf(() => main.append(html('<p>tin</p>'))))).toBe(false);
    expect(conditionMayMatter({ url: '/x' })([])).toBe(true);
  });
});

describe('an element that gained text only (a ticking cell) is read as a whole, not through its record\'s node lists', () => {
  afterEach(() => vi.restoreAllMocks());
  const cells = () => Array.from({ length: 20 }, () => main.appendChild(document.createElement('span')));

  it('rejects a frame of ticking cells without touching a node list', () => {
    const ticking = cells();
    const records = recordsOf(() => ticking.forEach((cell, i) => (cell.textContent = `10:00:0${i} · ${i * 13} hồ sơ`)));
    const nodeLists = vi.spyOn(MutationRecord.prototype, 'addedNodes', 'get');
    expect(mayMatterFor({ role: 'alert' })(records)).toBe(false);
    expect(mayMatterFor(SUBMIT)(records)).toBe(false);
    expect(selectorMayMatter('[role=alert], h1')(records)).toBe(false);
    expect(nodeLists).not.toHaveBeenCalled();
  });

  it('still sees the words a cell now shows, and a message element whose text changed', () => {
    const [cell] = cells();
    expect(mayMatterFor({ text: 'Nộp hồ sơ' })(recordsOf(() => (cell.textContent = 'Nộp hồ sơ')))).toBe(true);
    expect(mayMatterFor({ text: 'Nộp hồ sơ' })(recordsOf(() => (cell.textContent = '10:00:02')))).toBe(false);
    cell.setAttribute('role', 'alert');
    expect(selectorMayMatter('[role=alert]')(recordsOf(() => (cell.textContent = 'Lỗi: thiếu ảnh')))).toBe(true);
  });
});

describe('onDomChange', () => {
  it('shares one deep observer among the watchers of a document and skips batches a watcher rules out', async () => {
    const { onDomChange } = await import('../../engine/step-guards');
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const controller = new AbortController();
    const seen: string[] = [];
    onDomChange(() => seen.push('all'), controller.signal);
    onDomChange(() => seen.push('buttons'), controller.signal, document, mayMatterFor({ role: 'button' }));
    expect(observe.mock.calls.filter(([node]) => node === document)).toHaveLength(1);
    main.append(html('<p>tin</p>'));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    expect(seen).toEqual(['all']);
    main.append(html('<button>Gửi</button>'));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    expect(seen).toEqual(['all', 'all', 'buttons']);
    controller.abort();
  });
});

describe('each rule of the relevance tests', () => {
  const P = () => html('<p>tin tức</p>');

  it('a label or text target rejects an unrelated element; an undefined target adds nothing', () => {
    const added = recordsOf(() => main.append(P()));
    expect(mayMatterFor({ label: 'Số điện thoại' })(added)).toBe(false);
    expect(mayMatterFor({ text: 'Thành phần hồ sơ' })(added)).toBe(false);
    expect(mayMatterFor(SUBMIT, undefined)(added)).toBe(false);
  });

  it('a worded role target rejects an element of that role with other words and no name from elsewhere', () => {
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html('<button>Hủy</button>'))))).toBe(false);
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html('<p id="ghi-chu">tin</p>'))))).toBe(false);
  });

  it('a name given by title, value or alt', () => {
    for (const markup of ['<button title="Nộp hồ sơ"></button>', '<input type="submit" value="Nộp hồ sơ">', '<img alt="Nộp hồ sơ">']) {
      expect(mayMatterFor({ ...SUBMIT, role: markup.startsWith('<img') ? 'img' : 'button' })(recordsOf(() => main.append(html(markup))))).toBe(true);
    }
  });

  it('a control named by an attribute inside it, or inside a wrapper that comes with it', () => {
    expect(mayMatterFor({ role: 'link', name: 'Trang chủ' })(recordsOf(() => main.append(html('<a href="/"><img alt="Trang chủ"></a>'))))).toBe(true);
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html('<div><button aria-label="Nộp hồ sơ"><svg></svg></button></div>'))))).toBe(true);
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html('<div><button title="Nộp hồ sơ"></button></div>'))))).toBe(true);
  });

  it('an element with more than MAX_TEXT characters is accepted unread; up to MAX_TEXT it is read', () => {
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html(`<p>${'a'.repeat(MAX_TEXT + 1)}</p>`))))).toBe(true);
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html(`<p>${'a'.repeat(MAX_TEXT - 9)}Nộp hồ sơ</p>`))))).toBe(true);
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html(`<p>${'a'.repeat(MAX_TEXT)}</p>`))))).toBe(false);
  });

  it('a batch of MAX_RECORDS records is still read, one more is accepted unread', () => {
    const batch = (n: number) => recordsOf(() => Array.from({ length: n }, () => main.append(document.createElement('i'))));
    for (const check of [mayMatterFor(SUBMIT), selectorMayMatter('.toast'), removalMayMatter(main)]) {
      expect(check(batch(MAX_RECORDS))).toBe(false);
      expect(check(batch(MAX_RECORDS + 1))).toBe(true);
    }
  });

  it('with several targets, any one that may appear or has a sibling combinator is enough', () => {
    const clock = document.getElementById('clock')!.firstChild as Text;
    expect(mayMatterFor(SUBMIT, { css: 'label + input' })(recordsOf(() => main.append(P())))).toBe(true);
    expect(mayMatterFor({ css: 'form' }, { text: 'Thành phần hồ sơ' })(recordsOf(() => (clock.data = 'Thành phần hồ sơ')))).toBe(true);
    expect(mayMatterFor({ text: 'Đăng xuất' }, SUBMIT)(recordsOf(() => (clock.data = 'Nộp hồ sơ')))).toBe(true);
    expect(mayMatterFor(SUBMIT)(recordsOf(() => (main.append(P()), main.append(html('<button>Nộp hồ sơ</button>')))))).toBe(true);
  });

  it('a css target ignores text edits', () => {
    const clock = document.getElementById('clock')!.firstChild as Text;
    expect(mayMatterFor({ css: 'button' })(recordsOf(() => (clock.data = 'button')))).toBe(false);
  });

  it('an attribute holding a fragment of the words', () => {
    expect(mayMatterFor(SUBMIT)(recordsOf(() => main.append(html('<input type="submit" value="Nộp">'))))).toBe(true);
  });

  it('a text target: the words in an aria-label, title or alt count too', () => {
    for (const markup of ['<span aria-label="Nộp hồ sơ"></span>', '<span title="Nộp hồ sơ"></span>', '<img alt="Nộp hồ sơ">']) {
      expect(mayMatterFor({ text: 'Nộp hồ sơ' })(recordsOf(() => main.append(html(markup))))).toBe(true);
    }
  });

  it('an invalid css selector, or a target with neither words nor selector: when unsure, yes', () => {
    expect(mayMatterFor({ css: 'div[' })(recordsOf(() => main.append(P())))).toBe(true);
    expect(mayMatterFor({ text: '' })(recordsOf(() => main.append(P())))).toBe(true);
  });

  it('the same target twice is tested once per element', () => {
    const matches = vi.spyOn(Element.prototype, 'matches');
    mayMatterFor({ role: 'alert' }, { role: 'alert' })(recordsOf(() => main.append(P())));
    expect(matches).toHaveBeenCalledTimes(1);
  });
});

describe('each rule of the message, removal and condition watchers', () => {
  it('a message watcher: a stylesheet added or edited matters; an element added or a row removed away from any message does not', () => {
    const check = selectorMayMatter('.toast');
    const box = main.appendChild(html('<div><div class="toast">Đã lưu</div><p>1</p></div>'));
    const style = html('<style></style>');
    expect(check(recordsOf(() => document.head.append(style)))).toBe(true);
    expect(check(recordsOf(() => (style.textContent = '.toast{display:block}')))).toBe(true);
    expect(check(recordsOf(() => document.querySelector('header')!.append(html('<p>tin</p>'))))).toBe(false);
    expect(check(recordsOf(() => box.querySelector('p')!.remove()))).toBe(false);
  });

  it('a message watcher searches each element once per batch', () => {
    const header = document.querySelector('header')!;
    const search = vi.spyOn(header, 'querySelector');
    selectorMayMatter('.toast')(recordsOf(() => (header.append(html('<p>1</p>')), header.append(html('<p>2</p>')))));
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('a message watcher: a node added to the document itself, outside any element, does not matter', () => {
    const comment = document.createComment('x');
    expect(selectorMayMatter('.toast')(recordsOf(() => document.append(comment)))).toBe(false);
    comment.remove();
  });

  it('a removal watcher: a stylesheet coming or going matters; an attribute changed elsewhere, or rows added while the element is away, do not', () => {
    const button = main.appendChild(html('<button>Nộp hồ sơ</button>'));
    const watch = removalMayMatter(button);
    const style = html('<style></style>');
    expect(watch(recordsOf(() => document.head.append(style)))).toBe(true);
    expect(watch(recordsOf(() => style.remove()))).toBe(true);
    expect(watch(recordsOf(() => document.getElementById('clock')!.setAttribute('class', 'an')))).toBe(false);
    expect(watch(recordsOf(() => (main.append(html('<p>1</p>')), button.setAttribute('hidden', ''))))).toBe(true);
    button.remove();
    expect(watch(recordsOf(() => main.append(html('<p>2</p>'))))).toBe(false);
  });

  it('an `absent` condition: an element added that is not its target does not flip it; a hiding does', () => {
    const check = conditionMayMatter({ absent: { role: 'dialog' } });
    const row = document.querySelector('tbody')!.appendChild(html('<table><tr><td>1</td></tr></table>').querySelector('tr')!);
    expect(check(recordsOf(() => main.append(html('<p>tin</p>'))))).toBe(false);
    expect(check(recordsOf(() => main.setAttribute('class', 'an')))).toBe(true);
    expect(check(recordsOf(() => (main.append(html('<p>tin</p>')), row.remove())))).toBe(true);
  });
});
