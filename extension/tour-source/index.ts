import type { Tour } from '../../engine/schema';

/** A tour as the background runs it; `draft` tours are unreviewed and every step says so. */
export interface FoundTour {
  tour: Tour;
  draft: boolean;
}

/**
 * One place tours come from: the built-in catalogue, an installed signed pack, the author's drafts.
 * A provider that fails (unreadable storage) is skipped, so the others keep working.
 */
export interface TourProvider {
  name: 'drafts' | 'packs' | 'built-in';
  /** unreviewed tours: drafts and unsigned local packs (author mode only) */
  draft: boolean;
  tours(): Promise<readonly Tour[]>;
}

export interface TourSource {
  find(id: string): Promise<FoundTour | undefined>;
  /** every runnable tour once, by id, the first provider winning */
  list(): Promise<FoundTour[]>;
}

/** Providers in priority order: a draft or a newer pack replaces the built-in tour with the same id. */
export function createTourSource(providers: readonly TourProvider[]): TourSource {
  async function list(): Promise<FoundTour[]> {
    const seen = new Map<string, FoundTour>();
    for (const provider of providers) {
      const tours = await provider.tours().catch((error: unknown) => {
        console.error(`[Dẫn Bước] tour source "${provider.name}" failed`, error);
        return [] as readonly Tour[];
      });
      for (const tour of tours) if (!seen.has(tour.id)) seen.set(tour.id, { tour, draft: provider.draft });
    }
    return [...seen.values()];
  }
  return {
    list,
    async find(id) {
      return (await list()).find((found) => found.tour.id === id);
    },
  };
}

export function builtInProvider(tours: readonly Tour[]): TourProvider {
  return { name: 'built-in', draft: false, tours: async () => tours };
}
