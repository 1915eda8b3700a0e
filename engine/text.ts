/**
 * Vietnamese folding: "Nộp hồ sơ", "nop ho so" and "NỘP  HỒ SƠ" all fold to "nop ho so": marks
 * removed (precomposed or combining), đ → d, lower case, runs of spaces collapsed, ends trimmed.
 *
 * It runs on every text node of a page while a step waits, so it is one pass over the string with a
 * table of the Latin letters that carry marks, built once from NFD, instead of normalize + regexes.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const BASE_LETTERS = new Map<number, string>();
for (const [from, to] of [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
]) {
  for (let code = from; code <= to; code++) {
    const letter = String.fromCharCode(code);
    BASE_LETTERS.set(code, letter.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase());
  }
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function fold(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      space = out.length > 0;
      continue;
    }
    if (code >= 0x300 && code <= 0x36f) continue;
    if (space) {
      out += ' ';
      space = false;
    }
    if (code < 128) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    else out += BASE_LETTERS.get(code) ?? text[i].toLowerCase();
  }
  return out;
}

/** Compares two texts after folding; `partial` accepts the needle anywhere in the haystack. */
export function textMatches(haystack: string, needle: string, partial = false): boolean {
  const h = fold(haystack);
  const n = fold(needle);
  if (n === '') return false;
  return partial ? h.includes(n) : h === n;
}
