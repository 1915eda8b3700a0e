/**
 * Characters tour text may not contain. Each one is invisible on screen, or changes the order or the
 * breaks of the text around it: U+202E can make "Đừng đưa mã cho ai" read as something else, a
 * zero-width space splits a word a screen reader then reads in two, a control character or a line
 * separator breaks the popover's one paragraph. Tour text has no use for any of them, so they are
 * refused, never stripped: the author sees exactly which character is where.
 *
 * Khmer text pasted from the web often carries U+200B between words; Chromium breaks Khmer lines by
 * dictionary, so those can simply be removed.
 */
const NAMED: ReadonlyArray<[from: number, to: number, name: (code: number) => string]> = [
  [0x0000, 0x001f, (c) => C0_NAMES[c] ?? 'control character'],
  [0x007f, 0x007f, () => 'delete'],
  [0x0080, 0x009f, () => 'C1 control character'],
  [0x00ad, 0x00ad, () => 'soft hyphen'],
  [0x061c, 0x061c, () => 'Arabic letter mark'],
  [0x180e, 0x180e, () => 'Mongolian vowel separator'],
  [0x200b, 0x200b, () => 'zero-width space'],
  [0x200c, 0x200c, () => 'zero-width non-joiner'],
  [0x200d, 0x200d, () => 'zero-width joiner'],
  [0x200e, 0x200e, () => 'left-to-right mark'],
  [0x200f, 0x200f, () => 'right-to-left mark'],
  [0x2028, 0x2028, () => 'line separator'],
  [0x2029, 0x2029, () => 'paragraph separator'],
  [0x202a, 0x202a, () => 'left-to-right embedding'],
  [0x202b, 0x202b, () => 'right-to-left embedding'],
  [0x202c, 0x202c, () => 'pop directional formatting'],
  [0x202d, 0x202d, () => 'left-to-right override'],
  [0x202e, 0x202e, () => 'right-to-left override'],
  [0x2060, 0x2060, () => 'word joiner'],
  [0x2061, 0x2064, () => 'invisible operator'],
  [0x2066, 0x2066, () => 'left-to-right isolate'],
  [0x2067, 0x2067, () => 'right-to-left isolate'],
  [0x2068, 0x2068, () => 'first strong isolate'],
  [0x2069, 0x2069, () => 'pop directional isolate'],
  [0x206a, 0x206f, () => 'deprecated format character'],
  [0xfeff, 0xfeff, () => 'zero-width no-break space, byte order mark'],
  [0xfff9, 0xfffb, () => 'interlinear annotation character'],
  [0xe0000, 0xe007f, () => 'tag character'],
];

const C0_NAMES: Record<number, string> = { 0x00: 'null', 0x09: 'tab', 0x0a: 'line feed', 0x0d: 'carriage return', 0x1b: 'escape' };

/** One character class for a fast "is anything wrong" test, built from the same table. */
const ANY_REFUSED = new RegExp(
  `[${NAMED.map(([from, to]) => (from === to ? `\\u{${from.toString(16)}}` : `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`)).join('')}]`,
  'u',
);

const u = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

/**
 * The same rule as a JSON Schema `pattern`, so editors flag a hidden character while the author
 * types. JSON Schema patterns have no flags, so the tag characters (U+E0000–E007F) are written as
 * their UTF-16 surrogate pairs. `tours:check` stays the authority.
 */
export const VISIBLE_TEXT_PATTERN = `^(?:[^${NAMED.filter(([from]) => from <= 0xffff)
  .map(([from, to]) => (from === to ? u(from) : `${u(from)}-${u(to)}`))
  .join('')}\\udb40]|\\udb40[^\\udc00-\\udc7f])*$`;

export interface RefusedCharacter {
  /** 1-based position in the text, counted in characters (code points) as the author sees them. */
  position: number;
  codePoint: number;
  name: string;
}

export function refusedCharacterName(codePoint: number): string | undefined {
  for (const [from, to, name] of NAMED) if (codePoint >= from && codePoint <= to) return name(codePoint);
  return undefined;
}

export function findRefusedCharacters(text: string): RefusedCharacter[] {
  if (!ANY_REFUSED.test(text)) return [];
  const found: RefusedCharacter[] = [];
  let position = 0;
  for (const char of text) {
    position++;
    const codePoint = char.codePointAt(0)!;
    const name = refusedCharacterName(codePoint);
    if (name) found.push({ position, codePoint, name });
  }
  return found;
}

export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const LISTED = 5;

/** "remove the invisible character U+202E (right-to-left override) at position 12", or undefined when clean. */
export function refusedCharactersMessage(text: string): string | undefined {
  const found = findRefusedCharacters(text);
  if (!found.length) return undefined;
  const each = found.slice(0, LISTED).map((f) => `${formatCodePoint(f.codePoint)} (${f.name}) at position ${f.position}`);
  const more = found.length > LISTED ? ` and ${found.length - LISTED} more` : '';
  const what = found.length === 1 ? 'the invisible character' : `${found.length} invisible characters:`;
  return `remove ${what} ${each.join(', ')}${more} — tour text is one paragraph of visible characters`;
}
