// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs';
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import { describe, expect, it } from 'vitest';
import { accessibleName, roleOf } from '../../engine/accessible-name';
import { fold } from '../../engine/text';

/**
 * engine/accessible-name.ts against the reference implementation (dom-accessibility-api, the
 * algorithm Testing Library uses) on every element of every replica page and a corpus of the naming
 * cases portal pages use. Names are compared after folding, as the resolver compares them.
 */
function load(markup: string): Document {
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  document.replaceChild(document.adoptNode(doc.documentElement), document.documentElement);
  return document;
}

const CORPUS = `<!doctype html><html><body>
<button>Nộp hồ sơ</button>
<button title="Đóng cửa sổ"></button><button title="Bỏ qua">  </button><div role="button">  Gửi
  phản ánh <!-- ghi chú --></div><span role="link" title="Xem">Chi tiết</span><a href="/y" aria-label="Trang sau">›</a>
<button aria-label="Đóng"><svg><title>x</title></svg></button>
<a href="/tra-cuu">Tra cứu <b>hồ sơ</b></a>
<a href="/x"><img src="a.png" alt="Trang chủ"></a>
<span id="l1">Mã</span><span id="l2">hồ sơ</span><input aria-labelledby="l1 l2">
<label for="f1">Số định danh cá nhân</label><input id="f1">
<label>Họ và tên <input id="f2"></label>
<input placeholder="Nhập từ khoá tìm kiếm">
<input type="submit" value="Tìm kiếm"><input type="reset"><input type="image" alt="Gửi">
<select id="s1"><option>Hà Nội</option></select><label for="s1">Tỉnh/Thành phố</label>
<fieldset><legend>Nhận kết quả</legend><input type="radio" id="r1"><label for="r1">Qua bưu điện</label></fieldset>
<table><caption>Thành phần hồ sơ</caption><tr><th>Tên giấy tờ</th><td>Tờ khai</td></tr></table>
<h2>Thành phần <span>hồ sơ</span></h2>
<section aria-label="Kết quả tìm kiếm"><ul aria-label="Danh sách"><li><a href="/1">Thủ tục 1</a></li></ul></section>
<div role="button" tabindex="0">Tiếp tục</div>
<div role="dialog" aria-labelledby="dlg-t"><h3 id="dlg-t">Nhập passcode</h3></div>
<button><span aria-hidden="true">★</span>Lưu</button>
<button title="Xoá"></button>
<label><input type="checkbox"> Tôi đồng ý</label>
<div role="checkbox" aria-checked="false">Đồng ý chia sẻ</div>
<ul role="listbox" aria-label="Ngân hàng"><li role="option">Vietcombank</li></ul>
<img src="x" alt=""><nav aria-label="Chính"></nav><main></main><header></header>
</body></html>`;

/**
 * Where we depart on purpose: a text field named only by its placeholder gets the placeholder as its
 * name, as Chromium and Firefox expose it (HTML-AAM's last resort); dom-accessibility-api gives "".
 */
const departures = (el: Element, ours: string, theirs: string) => theirs === '' && ours === fold(el.getAttribute('placeholder') ?? '');

function mismatches(doc: Document) {
  const out: string[] = [];
  for (const el of doc.body.querySelectorAll('*')) {
    const reference = getRole(el);
    if (roleOf(el) !== reference) out.push(`role of <${el.localName}>: ${roleOf(el)} ≠ ${reference}`);
    if (!reference || reference === 'generic') continue;
    const ours = fold(accessibleName(el));
    const theirs = fold(computeAccessibleName(el));
    if (ours !== theirs && !departures(el, ours, theirs)) out.push(`name of <${el.localName} role=${reference}>: "${ours}" ≠ "${theirs}"`);
  }
  return out;
}

describe('accessible names and roles agree with dom-accessibility-api', () => {
  it('on the naming cases portal pages use', () => {
    expect(mismatches(load(CORPUS))).toEqual([]);
  });

  it('names a field by its placeholder only when nothing else names it, as browsers do', () => {
    const doc = load('<!doctype html><html><body><input id="a" placeholder="Nhập từ khoá"><label for="b">Mã hồ sơ</label><input id="b" placeholder="VD: G22"></body></html>');
    expect(accessibleName(doc.getElementById('a')!)).toBe('Nhập từ khoá');
    expect(accessibleName(doc.getElementById('b')!)).toBe('Mã hồ sơ');
  });

  for (const file of readdirSync('tests/fixtures/portal').filter((f) => f.endsWith('.html'))) {
    it(`on every element of tests/fixtures/portal/${file}`, () => {
      const doc = load(readFileSync(`tests/fixtures/portal/${file}`, 'utf8'));
      expect(doc.body.querySelectorAll('*').length).toBeGreaterThan(0);
      expect(mismatches(doc)).toEqual([]);
    });
  }
});
