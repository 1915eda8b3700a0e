import { Tour } from '../engine/schema';

/**
 * Every tour in this folder, parsed with the strict schema. `npm run tours:check` and the build
 * reject a bad file before it gets here; parsing again costs little and guards the trust boundary.
 */
const files = import.meta.glob<unknown>('./*.json', { eager: true, import: 'default' });

export const TOURS: readonly Tour[] = Object.entries(files)
  .filter(([path]) => !path.endsWith('.schema.json'))
  .map(([path, json]) => {
    const parsed = Tour.safeParse(json);
    if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  })
  .sort((a, b) => a.title.vi.localeCompare(b.title.vi, 'vi'));

export function findTour(id: string): Tour | undefined {
  return TOURS.find((tour) => tour.id === id);
}
