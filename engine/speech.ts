/**
 * Display text → what a Vietnamese voice should say (WRITING.md, "Numbers read aloud"). Pure, no
 * DOM. A voice left alone reads "001203004567" as one huge number, "150.000 đ" as "một trăm năm
 * mươi chấm không không không đê" and "OTP" as an English word; the citizen must hear what to type
 * or pay.
 *
 * Choices (each has a unit test in tests/unit/speech.test.ts):
 * - Digits read one by one are written as words ("không không một"), not as spaced digits: an
 *   engine may join "0 0 1" back into a number, it cannot join words. Groups are separated by
 *   commas, which every engine reads as a short pause.
 * - Northern, written-standard number words: "nghìn" (not "ngàn"), "linh" (not "lẻ"), "bốn" after
 *   "mươi" (understood everywhere; "tư" is regional), "không trăm" inside a larger number as on
 *   receipts ("một triệu không trăm năm mươi nghìn đồng").
 * - "VNeID" → "vê en e ai đi": the letters V N as Vietnamese letter names and "ID" as Vietnamese
 *   speakers say it ("ai đi"), so the citizen hears the name the way people at the desk say it and
 *   can match it to the letters on the app's icon. Left alone, voices read it as a made-up word.
 * - Small numbers (up to 4 digits: "6 số", "năm 2025", "Bước 3") are left to the voice, which reads
 *   them correctly; "6 số" is never turned into "sáu chữ số".
 */

/** A voice for Vietnamese ("vi", "vi-VN", "vi_VN"): the only kind we ever speak with. */
export function isVietnameseLang(lang: string | undefined): boolean {
  return /^vi(?:[-_]|$)/i.test(lang ?? '');
}

// Regexes built at module load are marked pure: a bundle that does not use spokenText drops them.
const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

// Letters and digits of any script: \b is ASCII-only and splits "đồng" or "số".
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

function digitWord(d: string): string {
  return DIGIT_WORDS[d.charCodeAt(0) - 48] ?? '';
}

/** Up to three digits; `full` when a higher group precedes it ("không trăm linh năm"). */
function groupWords(group: string, full: boolean): string[] {
  const n = group.padStart(3, '0');
  const [h, t, u] = [Number(n[0]), Number(n[1]), Number(n[2])];
  const words: string[] = [];
  if (h > 0 || full) words.push(DIGIT_WORDS[h], 'trăm');
  if (t === 0) {
    if (u > 0 && words.length > 0) words.push('linh');
  } else if (t === 1) {
    words.push('mười');
  } else {
    words.push(DIGIT_WORDS[t], 'mươi');
  }
  if (u === 0) return words;
  if (u === 1 && t >= 2) words.push('mốt');
  else if (u === 5 && t >= 1) words.push('lăm');
  else words.push(DIGIT_WORDS[u]);
  return words;
}

/** Up to nine digits: groups of triệu, nghìn and units; zero groups are not said. */
function belowBillion(digits: string, full: boolean): string[] {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  const units = ['', 'nghìn', 'triệu'];
  const words: string[] = [];
  groups.forEach((group, i) => {
    if (Number(group) === 0) return;
    const unit = units[groups.length - 1 - i];
    words.push(...groupWords(group, full || words.length > 0), ...(unit ? [unit] : []));
  });
  return words;
}

/** A whole number (any length, as digits) in Vietnamese words: "150000" → "một trăm năm mươi nghìn". */
export function numberToWords(digits: string): string {
  const clean = digits.replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(clean)) return digits;
  if (/^0+$/.test(clean)) return 'không';
  const words = (function say(s: string, full: boolean): string[] {
    if (s.length <= 9) return belowBillion(s, full);
    const high = s.slice(0, -9);
    const low = s.slice(-9);
    const highWords = say(high, full);
    const lowWords = Number(low) === 0 ? [] : belowBillion(low, true);
    return [...highWords, ...(highWords.length ? ['tỷ'] : []), ...lowWords];
  })(clean, false);
  return words.join(' ');
}

/** "001203" → "không không một, hai không ba" — groups given by the caller. */
function readDigitGroups(groups: string[]): string {
  return groups.map((g) => [...g].map(digitWord).join(' ')).join(', ');
}

/** How an unbroken run of digits is grouped when read one by one. */
function defaultGroups(digits: string): string[] {
  const sizes: Record<number, number[]> = { 8: [4, 4], 10: [4, 3, 3], 11: [4, 3, 4], 12: [3, 3, 3, 3] };
  const plan = sizes[digits.length];
  const groups: string[] = [];
  if (plan) {
    let at = 0;
    for (const size of plan) groups.push(digits.slice(at, (at += size)));
    return groups;
  }
  for (let at = 0; at < digits.length; at += 3) groups.push(digits.slice(at, at + 3));
  return groups;
}

const MONEY = /* @__PURE__ */ new RegExp(
  `${NOT_WORD_BEFORE}(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s?(?:đồng|VNĐ|VND|vnđ|đ|₫)${NOT_WORD_AFTER}`,
  'gu',
);
const DATE = /* @__PURE__ */ new RegExp(`${NOT_WORD_BEFORE}(ngày\\s+)?(\\d{1,2})([/.-])(\\d{1,2})\\3(\\d{4})${NOT_WORD_AFTER}`, 'giu');
const MONTH_YEAR = /* @__PURE__ */ new RegExp(`${NOT_WORD_BEFORE}(tháng\\s+)?(\\d{1,2})/(\\d{4})${NOT_WORD_AFTER}`, 'giu');
const PROGRESS = /(Bước\s+\d+)\s*\/\s*(\d+)/gu;
// A code mixes letters and digits or joins digit groups with . - / : "G22.99-251201-0001", "AB123456".
const CODE = /* @__PURE__ */ new RegExp(`${NOT_WORD_BEFORE}[A-Za-z0-9]+(?:[.\\-/][A-Za-z0-9]+)+${NOT_WORD_AFTER}|${NOT_WORD_BEFORE}(?=[A-Za-z]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]{5,}${NOT_WORD_AFTER}`, 'gu');
const THOUSANDS = /* @__PURE__ */ new RegExp(`${NOT_WORD_BEFORE}\\d{1,3}(?:\\.\\d{3})+${NOT_WORD_AFTER}`, 'gu');
// Digits written in groups (ID "001 203 004 567", phone "0912 345 678") or as one run.
const DIGIT_RUN = /* @__PURE__ */ new RegExp(`${NOT_WORD_BEFORE}\\d{2,4}(?:[ \\u00a0]\\d{3,4})+${NOT_WORD_AFTER}|\\d{5,}`, 'gu');

const SEPARATOR_WORDS: Record<string, string> = { '.': 'chấm', '-': 'gạch ngang', '/': 'gạch chéo' };

function readCodePart(part: string): string {
  return (part.match(/[A-Za-z]+|\d+/g) ?? [])
    .map((chunk) => (/\d/.test(chunk) ? readDigitGroups(chunk.length > 4 ? defaultGroups(chunk) : [chunk]) : [...chunk].join(' ')))
    .join(', ');
}

/** "G22.99-251201-0001" → "G, hai hai, chấm, chín chín, gạch ngang, …": every character the citizen must type. */
function readCode(code: string): string {
  if (/^\d{1,3}(?:\.\d{3})+$/.test(code)) return numberToWords(code.replace(/\./g, ''));
  if (!/\d/.test(code) || code.replace(/[^A-Za-z0-9]/g, '').length < 5) return code;
  return code
    .split(/([.\-/])/)
    .map((part) => SEPARATOR_WORDS[part] ?? readCodePart(part))
    .join(', ');
}

const WORDS: Array<[RegExp, string]> = [
  // "thẻ căn cước (CCCD)" and "mã xác nhận (OTP)" already say it in words: the bracket is not repeated.
  [/* @__PURE__ */ new RegExp(`(căn cước(?: công dân)?)\\s*\\(CCCD\\)`, 'gu'), '$1'],
  [/* @__PURE__ */ new RegExp(`(mã xác nhận)\\s*\\(OTP\\)`, 'gu'), '$1'],
  [/* @__PURE__ */ new RegExp(`${NOT_WORD_BEFORE}CCCD${NOT_WORD_AFTER}`, 'gu'), 'căn cước công dân'],
  [/* @__PURE__ */ new RegExp(`${NOT_WORD_BEFORE}(?:mã\\s+)?OTP${NOT_WORD_AFTER}`, 'giu'), 'mã xác nhận'],
  [/* @__PURE__ */ new RegExp(`${NOT_WORD_BEFORE}VNeID${NOT_WORD_AFTER}`, 'giu'), 'vê en e ai đi'],
  [/* @__PURE__ */ new RegExp(`${NOT_WORD_BEFORE}(\\d+)\\s+chữ\\s+số${NOT_WORD_AFTER}`, 'gu'), '$1 số'],
  // Said as one form of address, not "ông gạch chéo bà".
  [/* @__PURE__ */ new RegExp(`${NOT_WORD_BEFORE}(ông)\\s*/\\s*(bà)${NOT_WORD_AFTER}`, 'giu'), '$1 $2'],
];

/** Turns display text into what a Vietnamese voice should say. Never throws. */
export function spokenText(text: string): string {
  let out = text.normalize('NFC');
  out = out.replace(/[“”"«»]|(?<![\p{L}])['‘’]|['‘’](?![\p{L}])/gu, '');
  // Pictures ("🔊 Đọc") are not read out; a menu path's arrows are pauses.
  out = out.replace(/[\p{Extended_Pictographic}\u{FE0F}]/gu, '').replace(/\s*[›→]\s*/gu, ', ');
  // An ellipsis is a pause: a comma inside a sentence, a full stop at the end.
  out = out.replace(/\s*(?:…|\.{3})\s*$/u, '.').replace(/\s*(?:…|\.{3})\s*/gu, ', ');
  for (const [pattern, words] of WORDS) out = out.replace(pattern, words);
  out = out.replace(DATE, (all, ngay: string | undefined, d: string, _sep: string, m: string, y: string) => {
    const [day, month] = [Number(d), Number(m)];
    if (day < 1 || day > 31 || month < 1 || month > 12) return all;
    return `${ngay?.trim() ?? 'ngày'} ${day} tháng ${month} năm ${y}`;
  });
  out = out.replace(MONTH_YEAR, (all, thang: string | undefined, m: string, y: string) =>
    Number(m) >= 1 && Number(m) <= 12 ? `${thang?.trim() ?? 'tháng'} ${Number(m)} năm ${y}` : all,
  );
  out = out.replace(PROGRESS, '$1 trên $2');
  out = out.replace(MONEY, (_all, amount: string) => `${numberToWords(amount.replace(/[.,]/g, ''))} đồng`);
  out = out.replace(CODE, readCode);
  out = out.replace(THOUSANDS, (amount) => numberToWords(amount.replace(/\./g, '')));
  out = out.replace(DIGIT_RUN, (run) => {
    const written = run.split(/[ \u00a0]/);
    return readDigitGroups(written.length > 1 ? written : defaultGroups(run));
  });
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,(\s*[,.;:!?])+/g, (_m, rest: string) => rest.trim().slice(-1))
    .replace(/^[\s,]+|[\s,]+$/g, '')
    .trim();
}
