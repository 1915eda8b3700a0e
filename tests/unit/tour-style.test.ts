import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tour } from '../../engine/schema';
import { countSentences, countSyllables, MAX_SAY_SYLLABLES, tourStyleWarnings } from '../../engine/tour-style';

const TOURS = new URL('../../tours/', import.meta.url).pathname;
const read = (name: string) => readFileSync(join(TOURS, name), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of parsed JSON
type Json = any;

/** The example tour with one edit, as warnings: "path message-before-the-first-colon". */
function warningsAfter(edit: (tour: Json) => void): string[] {
  const tour = JSON.parse(read('dvcqg-tim-thu-tuc.json'));
  tour.steps[0].say.vi = 'Gõ tên thủ tục vào ô tìm kiếm.'; // the example explains "phím Enter" here
  edit(tour);
  return tourStyleWarnings(Tour.parse(tour)).map((w) => `${w.path.join('.')} ${w.message.split(':')[0]}`);
}
const saying = (vi: string, step = 2) => warningsAfter((t) => (t.steps[step].say.vi = vi));

describe('the shipped tours', () => {
  const files = readdirSync(TOURS).filter((n) => n.endsWith('.json') && n !== 'tour.schema.json');
  it.each(files)('%s has no style warning', (name) => {
    expect(tourStyleWarnings(Tour.parse(JSON.parse(read(name))))).toEqual([]);
  });
});

describe('warning: "bạn" and other ways of addressing the citizen', () => {
  it('warns on "bạn" in any case and either Unicode form', () => {
    for (const text of ['Bấm vào tên thủ tục bạn cần.', 'Bạn bấm vào tên thủ tục.', 'BẠN BẤM VÀO ĐÂY.', 'Bấm vào tên thủ tục bạn cần.'.normalize('NFD'), 'Cảm ơn bạn!']) {
      expect(saying(text), text).toEqual(['steps.2.say.vi says "bạn"']);
    }
  });

  it('warns on "quý khách" and "người dùng"', () => {
    expect(saying('Mời quý khách bấm vào tên thủ tục.')).toEqual(['steps.2.say.vi says "quý khách"']);
    expect(saying('Người dùng bấm vào tên thủ tục.')).toEqual(['steps.2.say.vi says "người dùng"']);
  });

  it('does not mistake "bàn", "bận", "bản", "ban" or a longer word for "bạn"', () => {
    for (const text of ['Nhờ cán bộ ở bàn giúp.', 'Nếu đang bận, bấm “Tiếp” sau.', 'Cột “Số lượng” là số bản.', 'Ban quản lý ở tầng 1.', 'Chọn bạnxyz.', 'Chọn xbạn.']) {
      expect(saying(text), text).toEqual([]);
    }
  });

  it('skips the portal’s own words in quotes', () => {
    expect(saying('Bấm “Bạn cần đăng nhập” để đóng thông báo.')).toEqual([]);
    expect(saying('Bấm "Bạn cần đăng nhập" để đóng thông báo.')).toEqual([]);
  });

  it('checks titles, summaries and error explanations too, not only say', () => {
    expect(warningsAfter((t) => (t.summary.vi = 'Bạn tìm thủ tục.'))).toEqual(['summary.vi says "bạn"']);
    expect(warningsAfter((t) => (t.steps[0].title.vi = 'Bạn gõ tên'))).toEqual(['steps.0.title.vi says "bạn"']);
    expect(warningsAfter((t) => (t.errors = [{ target: { role: 'alert' }, explain: { vi: 'Bạn gõ lại.' } }]))).toEqual(['errors.0.explain.vi says "bạn"']);
  });

  it('leaves English text alone', () => {
    expect(warningsAfter((t) => (t.steps[2].say.en = 'Ban: click “bạn”, then the bàn.'))).toEqual([]);
  });
});

describe('warning: jargon without its explanation the first time', () => {
  const cases: Array<[term: string, bare: string, explained: string]> = [
    ['OTP', 'Gõ mã OTP vào ô này.', 'Gõ mã xác nhận gửi qua tin nhắn (6 số) vào ô này, còn gọi là mã OTP.'],
    ['passcode', 'Gõ passcode vào ô này.', 'Gõ mã passcode 6 số ông/bà tự đặt trong ứng dụng VNeID.'],
    ['phím Enter', 'Gõ xong, bấm phím Enter.', 'Gõ xong, bấm phím Enter (phím xuống dòng).'],
    ['tệp đính kèm', 'Chọn tệp đính kèm.', 'Chọn tệp đính kèm, tức ảnh hoặc bản chụp giấy tờ.'],
    ['CCCD', 'Chuẩn bị bản sao CCCD.', 'Chuẩn bị bản sao thẻ căn cước (CCCD).'],
    ['số định danh', 'Gõ số định danh.', 'Gõ số định danh cá nhân (12 số trên thẻ căn cước).'],
  ];

  it.each(cases)('%s: warns on a bare first use, not on an explained one', (term, bare, explained) => {
    expect(saying(bare)).toEqual([`steps.2.say.vi uses "${term}" without explaining it`]);
    expect(saying(explained)).toEqual([]);
  });

  it.each(cases)('%s: once explained, later texts may use the bare term', (_term, bare, explained) => {
    expect(warningsAfter((t) => ((t.steps[1].say.vi = explained), (t.steps[3].say.vi = bare)))).toEqual([]);
  });

  it.each(cases)('%s: an explanation that comes only later does not count', (term, bare, explained) => {
    const found = warningsAfter((t) => ((t.steps[1].say.vi = bare), (t.steps[3].say.vi = explained)));
    expect(found).toEqual([`steps.1.say.vi uses "${term}" without explaining it`]);
  });

  it('warns once per term, at its first use', () => {
    expect(warningsAfter((t) => ((t.steps[1].say.vi = 'Gõ mã OTP.'), (t.steps[3].say.vi = 'Gõ lại mã OTP.')))).toEqual([
      'steps.1.say.vi uses "OTP" without explaining it',
    ]);
  });

  it('explains separately in the tour list (title, summary) and in the guide (steps)', () => {
    const found = warningsAfter((t) => {
      t.summary.vi = 'Đăng nhập bằng số định danh cá nhân (12 số trên thẻ căn cước).';
      t.steps[1].say.vi = 'Gõ số định danh.';
    });
    expect(found).toEqual(['steps.1.say.vi uses "số định danh" without explaining it']);
  });

  it('asks each tour-wide error explanation to explain its own terms', () => {
    const found = warningsAfter((t) => {
      t.steps[0].say.vi = 'Gõ mã xác nhận gửi qua tin nhắn (6 số), tức mã OTP.';
      t.errors = [{ target: { role: 'alert' }, explain: { vi: 'Mã OTP chưa đúng.' } }];
    });
    expect(found).toEqual(['errors.0.explain.vi uses "OTP" without explaining it']);
  });

  it('skips the portal’s own words in quotes', () => {
    expect(saying('Gõ mã xác nhận ngân hàng gửi qua tin nhắn vào ô “Mã OTP”.')).toEqual([]);
    expect(saying('Bấm “Chọn tệp đính kèm”.')).toEqual([]);
    expect(saying('Gõ vào ô “Passcode (6 chữ số)”.')).toEqual([]);
  });

  it('always warns on words that have a plain replacement', () => {
    expect(saying('Bấm vào chỗ được tô sáng.')).toEqual(['steps.2.say.vi uses "tô sáng"']);
    expect(saying('Bấm vào chỗ highlight.')).toEqual(['steps.2.say.vi uses "tô sáng"']);
    expect(saying('Bấm để upload ảnh.')).toEqual(['steps.2.say.vi uses "upload"']);
    expect(saying('Tour này có 5 step.')).toEqual(['steps.2.say.vi uses "tour"', 'steps.2.say.vi uses "step"']);
    expect(saying('Hết session thì bấm “Xong”.')).toEqual(['steps.2.say.vi uses "session"']);
    expect(saying('Bấm vào chỗ đang sáng, có viền.')).toEqual([]);
  });
});

describe('warning: naming something by its colour', () => {
  it('warns on colour phrases', () => {
    for (const [text, phrase] of [
      ['Xem dòng chữ đỏ dưới ô.', 'chữ đỏ'],
      ['Bấm nút xanh.', 'nút xanh'],
      ['Bấm nút màu xanh lá.', 'nút màu xanh lá'],
      ['Bấm vào ô vàng.', 'ô vàng'],
      ['Xem phần có viền đỏ.', 'viền đỏ'],
      ['Bấm vào chỗ màu cam.', 'màu cam'],
    ]) {
      expect(saying(text), text).toEqual([`steps.2.say.vi names something by its colour ("${phrase}")`]);
    }
  });

  it('accepts a place or the words on screen, and a colour that describes a photo', () => {
    for (const text of ['Xem dòng báo lỗi ngay dưới ô.', 'Bấm “Tìm kiếm” ở góc trên bên phải.', 'Chọn ảnh thẻ nền trắng.', 'Bấm “Nút xanh” trên trang.']) {
      expect(saying(text), text).toEqual([]);
    }
  });
});

describe('warning: the ".gov.vn" rule', () => {
  it('warns on a bare .gov.vn in any language', () => {
    for (const text of ['Chỉ tin các trang có đuôi .gov.vn.', 'Chỉ tin trang “.gov.vn”.', 'Trang *.gov.vn là trang thật.', 'Trang gov.vn là trang thật.']) {
      expect(saying(text), text).toEqual(['steps.2.say.vi teaches a ".gov.vn" rule, which is false (payment is on pay.vnpay.vn) and unsafe']);
    }
    expect(warningsAfter((t) => (t.steps[2].say.en = 'Only trust pages ending in .gov.vn.'))).toEqual([
      'steps.2.say.en teaches a ".gov.vn" rule, which is false (payment is on pay.vnpay.vn) and unsafe',
    ]);
  });

  it('accepts the exact address a step expects', () => {
    expect(saying('Địa chỉ của trang này phải là sso.dancuquocgia.gov.vn.')).toEqual([]);
    expect(saying('Trang dichvucong.gov.vn sẽ mở ra.')).toEqual([]);
  });
});

describe('warning: a say too long to read before acting', () => {
  it('counts syllables as space-separated tokens with a letter or digit', () => {
    expect(countSyllables('Bấm “Tìm kiếm” – ngay ở đây.')).toBe(6);
    expect(countSyllables('Gõ mã H12.34-260101-0001 vào ô.')).toBe(5);
    expect(countSyllables('  ')).toBe(0);
  });

  it('counts sentences at . ! ? … followed by a space or the end, not inside codes, addresses or quotes', () => {
    expect(countSentences('Bấm “Tìm kiếm”.')).toBe(1);
    expect(countSentences('Bấm “Tìm kiếm”. Chờ một phút!')).toBe(2);
    expect(countSentences('Gõ H12.34-260101-0001 vào ô, địa chỉ pay.vnpay.vn')).toBe(1);
    expect(countSentences('Đánh dấu vào ô “Tôi đã đọc và đồng ý…”. Bấm “Xác nhận”.')).toBe(2);
    expect(countSentences('Xem. Đọc. Bấm.')).toBe(3);
    expect(countSentences('Xem… rồi bấm')).toBe(2);
  });

  it('accepts two sentences and 35 syllables, warns at a third sentence or a 36th syllable', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'bấm').join(' ');
    expect(saying(`${words(20)}. ${words(MAX_SAY_SYLLABLES - 20)}.`)).toEqual([]);
    expect(saying(`${words(20)}. ${words(MAX_SAY_SYLLABLES - 19)}.`)).toEqual([
      'steps.2.say.vi too long to read before acting (2 sentences, 36 syllables; at most 2 sentences and 35 syllables)',
    ]);
    expect(saying('Xem. Đọc. Bấm.')).toEqual([
      'steps.2.say.vi too long to read before acting (3 sentences, 3 syllables; at most 2 sentences and 35 syllables)',
    ]);
  });

  it('applies to say only: titles, summaries and error explanations may be longer', () => {
    expect(warningsAfter((t) => (t.summary.vi = 'Một. Hai. Ba. Bốn.'))).toEqual([]);
    expect(warningsAfter((t) => (t.errors = [{ target: { role: 'alert' }, explain: { vi: 'Mã chưa đúng. Gõ lại. Vẫn chưa được thì nhờ cán bộ.' } }]))).toEqual([]);
    expect(warningsAfter((t) => (t.steps[2].say.en = 'One. Two. Three. Four.'))).toEqual([]);
  });
});
