import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, textMatches } from '../../engine/text';

describe('fold', () => {
  it('folds accents, case and spacing of one phrase to the same key', () => {
    const variants = ['Nộp hồ sơ', 'nop ho so', 'NỘP  HỒ SƠ', '  Nộp\u00a0hồ   sơ ', 'Nộp\thồ\nsơ', 'Nộp\u200bhồ sơ'];
    for (const v of variants) expect(fold(v), JSON.stringify(v)).toBe('nop ho so');
  });

  it('maps đ and Đ to d, which NFD alone does not decompose', () => {
    expect(fold('Đăng ký đất đai')).toBe('dang ky dat dai');
    expect(fold('ĐĐđđ')).toBe('dddd');
  });

  it('treats precomposed (NFC) and decomposed (NFD) input alike', () => {
    const nfc = 'Thành phần hồ sơ'.normalize('NFC');
    const nfd = 'Thành phần hồ sơ'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(nfc.length).toBeLessThan(nfd.length);
    expect(fold(nfd)).toBe(fold(nfc));
    expect(fold(nfd)).toBe('thanh phan ho so');
  });

  it('strips every Vietnamese tone and vowel mark', () => {
    expect(fold('ăâêôơư ÀÁẢÃẠ ỳýỷỹỵ')).toBe('aaeoou aaaaa yyyyy');
  });

  it('keeps letters and digits that carry no marks', () => {
    expect(fold('Mẫu TK1-TS 2024')).toBe('mau tk1-ts 2024');
  });

  it('returns an empty string for whitespace-only input', () => {
    expect(fold(' \u00a0\t\n ')).toBe('');
  });
});

describe('textMatches', () => {
  it('matches exactly after folding', () => {
    expect(textMatches('Nộp hồ sơ', 'nop ho so')).toBe(true);
    expect(textMatches('NỘP HỒ SƠ', 'Nộp hồ sơ')).toBe(true);
  });

  it('rejects a longer haystack unless partial', () => {
    expect(textMatches('Nộp hồ sơ trực tuyến', 'nộp hồ sơ')).toBe(false);
    expect(textMatches('Nộp hồ sơ trực tuyến', 'nộp hồ sơ', true)).toBe(true);
    expect(textMatches('Nộp hồ sơ trực tuyến', 'HỒ SƠ TRỰC', true)).toBe(true);
  });

  it('does not match different words that share letters', () => {
    expect(textMatches('Tra cứu hồ sơ', 'Nộp hồ sơ')).toBe(false);
    expect(textMatches('Tra cứu', 'Tra cứu hồ sơ', true)).toBe(false);
  });

  it('never matches an empty or blank needle, even partially', () => {
    expect(textMatches('Nộp hồ sơ', '')).toBe(false);
    expect(textMatches('Nộp hồ sơ', '', true)).toBe(false);
    expect(textMatches('Nộp hồ sơ', ' \u00a0 ', true)).toBe(false);
    expect(textMatches('', '')).toBe(false);
  });
});

describe('fold is the one-pass equivalent of NFD + strip marks + đ→d + collapse + lower', () => {
  const reference = (t: string) =>
    t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[\s\u00a0\u200b]+/g, ' ').trim().toLowerCase();
  const vietnamese = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ';
  const alphabet = `${vietnamese}${vietnamese.toUpperCase()}0123456789 .,:/-\u00a0\u200b\t\n`;

  it('agrees with the reference on Vietnamese text, precomposed or decomposed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), fc.boolean(), (chars, decompose) => {
        const text = decompose ? chars.join('').normalize('NFD') : chars.join('');
        expect(fold(text)).toBe(reference(text));
      }),
    );
  });
});
