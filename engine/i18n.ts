/**
 * Picks the text for the chosen language, falling back to Vietnamese per string — never to English.
 * Tours may carry any number of languages (vi required; en, and later H'Mông, Khmer, Ê Đê…).
 */
export type LocalTextLike = { vi: string } & Partial<Record<string, string>>;

export function pickText(text: LocalTextLike, lang: string): string {
  return (lang !== 'vi' ? text[lang] : undefined) ?? text.vi;
}

export function pickOptional(text: LocalTextLike | undefined, lang: string): string | undefined {
  return text ? pickText(text, lang) : undefined;
}
