import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberToWords, spokenText } from '../../engine/speech';

/** Reads Vietnamese number words back into a number: the round trip checks numberToWords. */
function wordsToNumber(words: string): bigint {
  const digits: Record<string, bigint> = {
    không: 0n, một: 1n, mốt: 1n, hai: 2n, ba: 3n, bốn: 4n, năm: 5n, lăm: 5n, sáu: 6n, bảy: 7n, tám: 8n, chín: 9n,
  };
  let total = 0n;
  let belowBillion = 0n;
  let group = 0n;
  let pending = 0n;
  for (const word of words.split(' ')) {
    if (word in digits) pending = digits[word];
    else if (word === 'trăm') [group, pending] = [group + pending * 100n, 0n];
    else if (word === 'mươi') [group, pending] = [group + pending * 10n, 0n];
    else if (word === 'mười') group += 10n;
    else if (word === 'linh') continue;
    else if (word === 'nghìn' || word === 'triệu') {
      belowBillion += (group + pending) * (word === 'nghìn' ? 1000n : 1_000_000n);
      [group, pending] = [0n, 0n];
    } else if (word === 'tỷ') {
      total = (total + belowBillion + group + pending) * 1_000_000_000n;
      [belowBillion, group, pending] = [0n, 0n, 0n];
    } else throw new Error(`not a number word: ${word}`);
  }
  return total + belowBillion + group + pending;
}

describe('numberToWords: Vietnamese number words', () => {
  it.each([
    ['0', 'không'],
    ['7', 'bảy'],
    ['10', 'mười'],
    ['11', 'mười một'],
    ['15', 'mười lăm'],
    ['20', 'hai mươi'],
    ['21', 'hai mươi mốt'],
    ['24', 'hai mươi bốn'],
    ['25', 'hai mươi lăm'],
    ['101', 'một trăm linh một'],
    ['105', 'một trăm linh năm'],
    ['110', 'một trăm mười'],
    ['115', 'một trăm mười lăm'],
    ['1000', 'một nghìn'],
    ['1005', 'một nghìn không trăm linh năm'],
    ['1050', 'một nghìn không trăm năm mươi'],
    ['150000', 'một trăm năm mươi nghìn'],
    ['1000000', 'một triệu'],
    ['2001000', 'hai triệu không trăm linh một nghìn'],
    ['1000000000', 'một tỷ'],
    ['1005000000', 'một tỷ không trăm linh năm triệu'],
    ['1000000000000', 'một nghìn tỷ'],
    ['000150', 'một trăm năm mươi'],
  ])('%s → %s', (digits, words) => {
    expect(numberToWords(digits)).toBe(words);
  });

  it('"mốt" only after a tens word from twenty up, "lăm" only after a tens word', () => {
    expect(numberToWords('1')).toBe('một');
    expect(numberToWords('11')).toBe('mười một');
    expect(numberToWords('5')).toBe('năm');
    expect(numberToWords('205')).toBe('hai trăm linh năm');
  });

  it('reads back to the same number for any amount up to a million tỷ', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), (n) => {
        expect(wordsToNumber(numberToWords(n.toString()))).toBe(n);
      }),
    );
  });
});

describe('spokenText: money as words with "đồng"', () => {
  it.each([
    ['Lệ phí 150.000 đ.', 'Lệ phí một trăm năm mươi nghìn đồng.'],
    ['150.000 VNĐ', 'một trăm năm mươi nghìn đồng'],
    ['150.000 VND', 'một trăm năm mươi nghìn đồng'],
    ['150000 đồng', 'một trăm năm mươi nghìn đồng'],
    ['150.000đ', 'một trăm năm mươi nghìn đồng'],
    ['1.050.000 ₫', 'một triệu không trăm năm mươi nghìn đồng'],
    ['0 đồng', 'không đồng'],
  ])('%s → %s', (text, spoken) => {
    expect(spokenText(text)).toBe(spoken);
  });

  it('does not take the "đ" of a following word for money', () => {
    expect(spokenText('Đi 3 đường')).toBe('Đi 3 đường');
  });

  it('reads a number with thousand dots as words even without a currency', () => {
    expect(spokenText('1.000 người')).toBe('một nghìn người');
  });
});

describe('spokenText: numbers read one by one', () => {
  it('reads a 12-digit ID (số định danh) in groups of three, written with or without spaces', () => {
    const spoken = 'không không một, hai không ba, không không bốn, năm sáu bảy';
    expect(spokenText('Số định danh 001 203 004 567.')).toBe(`Số định danh ${spoken}.`);
    expect(spokenText('001203004567')).toBe(spoken);
  });

  it('reads the hotline 18001096 digit by digit in two groups', () => {
    expect(spokenText('Gọi 18001096.')).toBe('Gọi một tám không không, một không chín sáu.');
  });

  it('reads a phone number in groups of 4, 3 and 3', () => {
    expect(spokenText('0912345678')).toBe('không chín một hai, ba bốn năm, sáu bảy tám');
    expect(spokenText('0912 345 678')).toBe('không chín một hai, ba bốn năm, sáu bảy tám');
  });

  it('reads a code from an SMS digit by digit', () => {
    expect(spokenText('Mã là 482913')).toBe('Mã là bốn tám hai, chín một ba');
  });

  it('reads a dossier code character by character, with its dots and dashes', () => {
    expect(spokenText('Mã hồ sơ G22.99-251201-0001.')).toBe(
      'Mã hồ sơ G, hai hai, chấm, chín chín, gạch ngang, hai năm một, hai không một, gạch ngang, không không không một.',
    );
    expect(spokenText('AB123456')).toBe('A B, một hai ba, bốn năm sáu');
  });

  it('leaves web addresses and short numbers alone', () => {
    expect(spokenText('Trang pay.vnpay.vn')).toBe('Trang pay.vnpay.vn');
    expect(spokenText('Cần 2 bản, năm 2025')).toBe('Cần 2 bản, năm 2025');
  });
});

describe('spokenText: dates and counts', () => {
  it.each([
    ['07/03/2025', 'ngày 7 tháng 3 năm 2025'],
    ['Hạn nộp 7/3/2025.', 'Hạn nộp ngày 7 tháng 3 năm 2025.'],
    ['Ngày 07/03/2025', 'Ngày 7 tháng 3 năm 2025'],
    ['ngày 31-12-2024', 'ngày 31 tháng 12 năm 2024'],
    ['tháng 3/2025', 'tháng 3 năm 2025'],
    ['từ 3/2025', 'từ tháng 3 năm 2025'],
  ])('%s → %s', (text, spoken) => {
    expect(spokenText(text)).toBe(spoken);
  });

  it('leaves something that is not a real date alone', () => {
    expect(spokenText('45/13/2025')).not.toContain('tháng 13');
  });

  it('keeps "6 số" and never says "sáu chữ số"', () => {
    expect(spokenText('Điện thoại sẽ nhận một tin nhắn có 6 số.')).toBe('Điện thoại sẽ nhận một tin nhắn có 6 số.');
    expect(spokenText('Nhập 6 chữ số')).toBe('Nhập 6 số');
  });

  it('says the step counter as "trên", not as a date', () => {
    expect(spokenText('Bước 3/5')).toBe('Bước 3 trên 5');
  });
});

describe('spokenText: words and symbols', () => {
  it('drops the quotes around a button name', () => {
    expect(spokenText('Bấm “Tìm kiếm”.')).toBe('Bấm Tìm kiếm.');
    expect(spokenText('Bấm "Đăng nhập".')).toBe('Bấm Đăng nhập.');
  });

  it('leaves pictures out and reads a menu path with pauses', () => {
    expect(spokenText('Bấm “🔊 Đọc”.')).toBe('Bấm Đọc.');
    expect(spokenText('Vào Cài đặt › Thời gian và ngôn ngữ → Giọng nói.')).toBe('Vào Cài đặt, Thời gian và ngôn ngữ, Giọng nói.');
  });

  it('turns "…" into a pause', () => {
    expect(spokenText('Đang chờ trang tải xong…')).toBe('Đang chờ trang tải xong.');
    expect(spokenText('Chờ… rồi bấm tiếp')).toBe('Chờ, rồi bấm tiếp');
  });

  it('says CCCD and OTP in words, without repeating a bracketed abbreviation', () => {
    expect(spokenText('Nhập số CCCD.')).toBe('Nhập số căn cước công dân.');
    expect(spokenText('Chuẩn bị thẻ căn cước (CCCD).')).toBe('Chuẩn bị thẻ căn cước.');
    expect(spokenText('Nhập mã OTP.')).toBe('Nhập mã xác nhận.');
    expect(spokenText('Nhập OTP gồm 6 số.')).toBe('Nhập mã xác nhận gồm 6 số.');
    expect(spokenText('Nhập mã xác nhận (OTP).')).toBe('Nhập mã xác nhận.');
  });

  it('says "ông/bà" as one form of address', () => {
    expect(spokenText('Ông/bà đã làm xong các bước. Cảm ơn ông/bà!')).toBe('Ông bà đã làm xong các bước. Cảm ơn ông bà!');
  });

  it('says VNeID the way people say it', () => {
    expect(spokenText('Mở ứng dụng VNeID.')).toBe('Mở ứng dụng vê en e ai đi.');
  });

  it('leaves plain Vietnamese untouched', () => {
    const text = 'Gõ tên thủ tục vào ô tìm kiếm, ví dụ: khai sinh. Gõ xong thì bấm phím Enter.';
    expect(spokenText(text)).toBe(text);
  });
});

describe('spokenText: any text', () => {
  it('never throws and never leaves a run of five or more digits for the voice to guess', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[0-9 .,/\-đ]{1,30}$/),
      fc.constantFrom(' đồng', ' VNĐ', 'đ', '/', '.', '-', ' ', '…', '“', 'Bước ', 'ngày ', 'OTP', 'CCCD', 'VNeID', 'G22'),
      fc.bigInt({ min: 0n, max: 10n ** 24n }).map(String),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
        const spoken = spokenText(text);
        expect(spoken).not.toMatch(/\d{5,}/);
      }),
      { numRuns: 500 },
    );
  });

  it('reads any long digit run without a single digit left', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{5,40}$/), (digits) => {
        expect(spokenText(digits)).not.toMatch(/\d/);
      }),
    );
  });
});
