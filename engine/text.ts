/**
 * Vietnamese folding: "Nộp hồ sơ", "nop ho so" and "NỘP  HỒ SƠ" all fold to "nop ho so".
 * NFD splits letters from their tone and vowel marks; đ/Đ has no decomposition so it is mapped by hand.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00a0\u200b]+/g;

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase();
}

/** Compares two texts after folding; `partial` accepts the needle anywhere in the haystack. */
export function textMatches(haystack: string, needle: string, partial = false): boolean {
  const h = fold(haystack);
  const n = fold(needle);
  if (n === '') return false;
  return partial ? h.includes(n) : h === n;
}
