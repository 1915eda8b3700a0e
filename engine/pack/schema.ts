import { z } from 'zod';
import { Tour } from '../schema';
import { DRAFT_MARKER, PACK_ID_PATTERN, PACK_LIMITS } from './format';

/**
 * The pack file, strict like the tour format it carries: any key outside the schema is an error,
 * tours are the declarative Tour format (plain text, fixed vocabulary, allow-listed sites).
 */
export const Pack = z
  .strictObject({
    packId: z.string().max(80).regex(PACK_ID_PATTERN, 'must be a slug: lower-case a-z, 0-9 and single hyphens'),
    version: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('goes up with every publication'),
    publishedAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).describe('ISO 8601 date (and time) of publication'),
    tours: z.array(Tour).min(1).max(PACK_LIMITS.maxTours),
  })
  .superRefine((pack, ctx) => {
    for (const path of draftTexts(pack.tours, ['tours'])) {
      ctx.addIssue({ code: 'custom', path, message: `draft text ${DRAFT_MARKER}: rewrite it (WRITING.md) before publishing` });
    }
    const seen = new Set<string>();
    pack.tours.forEach((tour, i) => {
      if (seen.has(tour.id)) ctx.addIssue({ code: 'custom', path: ['tours', i, 'id'], message: `duplicate tour id "${tour.id}"` });
      seen.add(tour.id);
    });
  });

function draftTexts(value: unknown, path: (string | number)[]): (string | number)[][] {
  if (typeof value === 'string') return value.includes(DRAFT_MARKER) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => draftTexts(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => draftTexts(item, [...path, key]));
  return [];
}

export type Pack = z.infer<typeof Pack>;
export type PackInput = z.input<typeof Pack>;
