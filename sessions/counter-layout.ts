import { AGE_BANDS, GENDERS, OUTCOMES, REASONS } from './schema';

/**
 * The counter layout shared by `aggregate()` (over records) and the per-day tallies (kept by every
 * write): both must count the same things in the same places for a report from either to be equal.
 */
export const OUTCOME_INDEX: Readonly<Record<string, number>> = Object.fromEntries(OUTCOMES.map((o, i) => [o, i]));
export const REASON_INDEX: Readonly<Record<string, number>> = Object.fromEntries(REASONS.map((r, i) => [r, i]));
export const AGE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(AGE_BANDS.map((a, i) => [a, i]));
export const GENDER_INDEX: Readonly<Record<string, number>> = Object.fromEntries(GENDERS.map((g, i) => [g, i]));
export const N_OUT = OUTCOMES.length;

/** Per-key counters: [sessions, citizensHelped, tasks, tourDone, done, partial, not-done, pending]. */
export const C_SESSIONS = 0;
export const C_HELPED = 1;
export const C_TASKS = 2;
export const C_TOUR = 3;
export const C_OUT = 4;
export const WIDTH = C_OUT + N_OUT;
