import { isAllowedOrigin } from '../sites';
import { jsonPathOf } from '../json-path';

const ABSOLUTE_URL = /\b([a-z][a-z0-9+.-]*):\/\/([^\s/"'<>)?#]*)/gi;

/**
 * Every absolute URL anywhere in the pack (sites, start, page, frame, url conditions, and text),
 * with its JSON path, whose origin is not an allow-listed HTTPS origin. Zod-free and independent of
 * the schema: a second gate, and the only one for readers that do not carry the schema.
 */
export function foreignOrigins(value: unknown, path: (string | number)[] = []): string[] {
  if (typeof value === 'string') {
    const found: string[] = [];
    for (const match of value.matchAll(ABSOLUTE_URL)) {
      const origin = `${match[1].toLowerCase()}://${match[2].toLowerCase()}`;
      if (!isAllowedOrigin(origin)) found.push(`${jsonPathOf(path)}: ${origin} is not on the allow-list`);
    }
    return found;
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => foreignOrigins(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.keys(value).flatMap((key) => foreignOrigins((value as Record<string, unknown>)[key], [...path, key]));
  }
  return [];
}
