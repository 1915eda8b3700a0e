import type { Tour } from '../../engine/schema';
import { LANGUAGE_NAMES } from './strings';

export interface LanguageChoice {
  code: string;
  name: string;
}

/** Vietnamese first, then every other language the tours carry a title in. */
export function tourLanguages(tours: readonly Tour[]): LanguageChoice[] {
  const codes = new Set<string>(['vi']);
  for (const tour of tours) for (const code of Object.keys(tour.title)) if (tour.title[code as keyof typeof tour.title]) codes.add(code);
  return [...codes].map((code) => ({ code, name: LANGUAGE_NAMES[code] ?? code }));
}
