import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Tour } from '../../engine/schema';
import { checkTourText } from '../../engine/tour-check';
import { tourTargetWarnings } from '../../engine/tour-targets';

const EXAMPLE = readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of parsed JSON
type Json = any;

/** The example tour with one step replaced (merged over step 1), as "path message" lines. */
function warningsFor(step: Json): string[] {
  const tour = JSON.parse(EXAMPLE);
  tour.steps[1] = { id: 'buoc', say: { vi: 'Bấm vào đây.' }, advance: 'next', ...step };
  return tourTargetWarnings(Tour.parse(tour)).map((w) => `${w.path.join('.')} ${w.message}`);
}
const ONE_PHRASE = /^steps\.1\.target every strategy needs the exact words "Tôi đã đọc và đồng ý"/;

describe('warning: every strategy hinges on one exact phrase', () => {
  it('warns when the only strategies are the same words as a role name, a label and a text, in any case or accents', () => {
    const warnings = warningsFor({
      target: [{ role: 'checkbox', name: 'Tôi đã đọc và đồng ý' }, { label: 'tôi đã đọc và đồng ý' }, { text: 'TOI DA DOC VA DONG Y' }],
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(ONE_PHRASE);
    // The fix: a structural alternative or the distinctive word as partial text.
    expect(warnings[0]).toContain('a role within a named dialog, form or region ({"role": "checkbox", "within": {"role": "dialog", "name": "…"}})');
    expect(warnings[0]).toContain('the distinctive word as partial text ({"text": "…", "partial": true})');
    expect(warningsFor({ target: { label: 'Mật khẩu' } })).toEqual([expect.stringMatching(/^steps\.1\.target every strategy needs the exact words "Mật khẩu"/)]);
  });

  it('warns for a role name inside a named dialog: the target itself still needs its words', () => {
    expect(warningsFor({ target: { role: 'button', name: 'Xác nhận', within: { role: 'dialog', name: 'Nhập passcode' } } })).toEqual([
      expect.stringMatching(/^steps\.1\.target every strategy needs the exact words "Xác nhận"/),
    ]);
  });

  it('does not warn when one strategy survives a rewording', () => {
    const exact = { role: 'checkbox', name: 'Tôi đã đọc và đồng ý' };
    expect(warningsFor({ target: [exact, { role: 'checkbox', within: { role: 'dialog', name: 'Xác nhận chia sẻ thông tin' } }] })).toEqual([]);
    expect(warningsFor({ target: [exact, { text: 'đồng ý', partial: true }] })).toEqual([]);
    expect(warningsFor({ target: [exact, { css: 'dialog input[type=checkbox]' }] })).toEqual([]);
    expect(warningsFor({ target: { role: 'searchbox' } })).toEqual([]);
  });

  it('does not warn when the strategies bet on different wordings, nor on a step without a target', () => {
    expect(warningsFor({ target: [{ label: 'Số định danh cá nhân' }, { label: 'Số CCCD' }] })).toEqual([]);
    expect(warningsFor({})).toEqual([]);
  });
});

describe('warning: a click on a form button the page may refuse ends the step', () => {
  const SUBMIT = /^steps\.1\.advance ends on the click of (".*"|a submit button), which the page may refuse \(an empty or wrong field\): add "doneWhen"/;
  const clickOn = (target: Json, extra: Json = {}) => warningsFor({ target: [target, { css: '#x' }], advance: 'click', ...extra });

  it('warns on confirm, send, submit, log-in and next buttons clicked without doneWhen', () => {
    for (const name of ['Xác nhận', 'Gửi hồ sơ', 'Nộp tờ khai', 'Đăng nhập', 'Lưu tờ khai', 'Tiếp tục', 'Bước tiếp theo', 'XAC NHAN CHIA SE']) {
      expect(clickOn({ role: 'button', name }), name).toEqual([expect.stringMatching(SUBMIT)]);
    }
    expect(clickOn({ role: 'button', name: 'Xác nhận' })[0]).toContain('ends on the click of "Xác nhận"');
    expect(clickOn({ css: 'form button[type=submit]' })[0]).toContain('ends on the click of a submit button');
    expect(clickOn({ css: '#kt_gui-ho-so' })).toEqual([expect.stringMatching(SUBMIT)]);
  });

  it('does not warn once the step waits for the page (doneWhen), nor for buttons that only open or choose', () => {
    expect(clickOn({ role: 'button', name: 'Xác nhận' }, { doneWhen: { present: { role: 'dialog', name: 'Nhập passcode' } } })).toEqual([]);
    expect(clickOn({ role: 'button', name: 'Xác nhận' }, { advance: 'next' })).toEqual([]);
    for (const name of ['Chọn tệp đính kèm', 'Quét mã QR', 'Hủy', 'Đóng']) expect(clickOn({ role: 'button', name }), name).toEqual([]);
    // A link is followed, not refused; "Gửi lại mã" resends a code, it sends no form.
    expect(clickOn({ role: 'link', name: 'Đăng nhập' })).toEqual([]);
    expect(clickOn({ role: 'button', name: 'Gửi lại mã' })).toEqual([]);
  });
});

describe('tours:check prints them as warnings, with file and JSON path', () => {
  it('names the file, the path and the fix, and does not fail', () => {
    const tour = JSON.parse(EXAMPLE);
    delete tour.steps[1].doneWhen;
    tour.steps[1].target = [{ role: 'button', name: 'Tìm kiếm' }, { css: 'form[role=search] button[type=submit]' }];
    tour.steps[3].target = [{ role: 'heading', name: 'Thành phần hồ sơ' }, { text: 'Thành phần hồ sơ' }];
    const problems = checkTourText('tours/x.json', `${JSON.stringify(tour, null, 2)}\n`, 'dvcqg-tim-thu-tuc');
    expect(problems.map((p) => [p.severity, p.path])).toEqual([
      ['warning', '$.steps[1].advance'],
      ['warning', '$.steps[3].target'],
    ]);
    expect(problems[1].line).toMatch(/^warning: tours\/x\.json: \$\.steps\[3\]\.target: every strategy needs the exact words "Thành phần hồ sơ"/);
  });

  it('the shipped tours carry no click-on-a-refusable-button warning', () => {
    for (const name of ['bca-cap-doi-gplx', 'dvcqg-dang-nhap-qr', 'dvcqg-dang-nhap-vneid', 'dvcqg-thanh-toan-le-phi', 'dvcqg-tim-thu-tuc', 'moj-to-khai-khai-sinh']) {
      const text = readFileSync(new URL(`../../tours/${name}.json`, import.meta.url), 'utf8');
      expect(checkTourText(`${name}.json`, text, name).filter((p) => p.path.endsWith('.advance')), name).toEqual([]);
    }
  });
});
