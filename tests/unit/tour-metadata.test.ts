import { describe, expect, it } from 'vitest';
import { TOURS } from '../../tours/catalogue';
import { TOUR_TOPICS } from '../../engine/schema';
import catalogue from '../../sessions/task-catalogue.json';

describe('built-in tours carry what the popup shows before a citizen starts', () => {
  it.each(TOURS.map((tour) => [tour.id, tour] as const))('%s has a topic, an estimate and a known task', (_id, tour) => {
    expect(TOUR_TOPICS).toContain(tour.topic);
    expect(tour.minutes).toBeGreaterThan(0);
    expect(catalogue.tasks.map((task) => task.id)).toContain(tour.task);
  });
});
