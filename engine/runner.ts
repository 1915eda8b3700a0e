import { siteOrigins, urlMatches } from './match';
import type { Step, Tour } from './schema';

/**
 * The tour runner: a pure state machine. `reduce(tour, state, event)` returns the next state and the
 * effects a shell must carry out (persist, render, record a completed task). Nothing here touches the
 * DOM, storage or the extension APIs, so the background, the widget and the tests share it.
 */
export const RUN_STATE_VERSION = 1;

export type RunStatus = 'active' | 'away' | 'closed' | 'finished';

export interface RunState {
  v: typeof RUN_STATE_VERSION;
  tourId: string;
  stepIndex: number;
  status: RunStatus;
  startedAt: number;
  updatedAt: number;
}

export type RunEvent =
  | { type: 'start'; url: string; at: number }
  | { type: 'page'; url: string; at: number }
  | { type: 'advance'; stepId: string; url: string; at: number }
  | { type: 'back'; stepId: string; at: number }
  | { type: 'skip'; stepId: string; url: string; at: number }
  | { type: 'close'; at: number }
  | { type: 'resume'; url: string; at: number };

export type RunEffect =
  | { type: 'render' }
  | { type: 'completeTask'; task: string; stepId: string; at: number }
  | { type: 'finished'; at: number };

export interface Transition {
  state: RunState;
  effects: RunEffect[];
}

/** The page pattern in force for a step: its own, or the nearest one before it. */
export function effectivePage(tour: Tour, index: number): string | undefined {
  for (let i = index; i >= 0; i--) {
    const page = tour.steps[i]?.page;
    if (page) return page;
  }
  return undefined;
}

export function stepMatchesUrl(tour: Tour, index: number, url: string): boolean {
  const origins = siteOrigins(tour.sites);
  const page = effectivePage(tour, index);
  if (page) return urlMatches(page, url, origins);
  return tour.sites.some((site) => urlMatches(site, url, origins));
}

export function tourAppliesTo(tour: Tour, url: string): boolean {
  return tour.sites.some((site) => urlMatches(site, url));
}

/**
 * Which step belongs on this page, starting from `from`: the step itself if its page matches, else
 * the first later step that does (the citizen went ahead, or a link click finished a step as the page
 * unloaded), else the start of the nearest earlier run of steps on this page (the citizen went back).
 */
export function locateStep(tour: Tour, from: number, url: string): number {
  const n = tour.steps.length;
  if (from >= 0 && from < n && stepMatchesUrl(tour, from, url)) return from;
  for (let i = from + 1; i < n; i++) if (stepMatchesUrl(tour, i, url)) return i;
  for (let i = Math.min(from, n) - 1; i >= 0; i--) {
    if (stepMatchesUrl(tour, i, url)) {
      while (i > 0 && stepMatchesUrl(tour, i - 1, url)) i--;
      return i;
    }
  }
  return -1;
}

export function startRun(tour: Tour, url: string, at: number): Transition {
  const found = locateStep(tour, 0, url);
  const state: RunState = {
    v: RUN_STATE_VERSION,
    tourId: tour.id,
    stepIndex: Math.max(found, 0),
    status: found >= 0 ? 'active' : 'away',
    startedAt: at,
    updatedAt: at,
  };
  return { state, effects: [{ type: 'render' }] };
}

/**
 * Starts at step `index` instead of the first (an author previewing a draft from that step): active
 * when the tab is on that step's page, else waiting for it like any run that is away.
 */
export function startRunAt(tour: Tour, url: string, at: number, index: number): Transition {
  if (!Number.isInteger(index) || index < 0 || index >= tour.steps.length) {
    throw new RangeError(`step ${index} is not in tour "${tour.id}" (${tour.steps.length} steps)`);
  }
  const state: RunState = {
    v: RUN_STATE_VERSION,
    tourId: tour.id,
    stepIndex: index,
    status: stepMatchesUrl(tour, index, url) ? 'active' : 'away',
    startedAt: at,
    updatedAt: at,
  };
  return { state, effects: [{ type: 'render' }] };
}

function isLive(state: RunState): boolean {
  return state.status === 'active' || state.status === 'away';
}

function settleOnPage(tour: Tour, state: RunState, url: string, at: number): RunState {
  const index = locateStep(tour, state.stepIndex, url);
  return index >= 0
    ? { ...state, stepIndex: index, status: 'active', updatedAt: at }
    : { ...state, status: 'away', updatedAt: at };
}

function passStep(tour: Tour, state: RunState, step: Step, url: string, at: number, done: boolean): Transition {
  const effects: RunEffect[] = [];
  // A skipped step (target missing, or a condition said so) does not count as the task being done.
  if (done && step.completes) effects.push({ type: 'completeTask', task: step.completes, stepId: step.id, at });
  const nextIndex = state.stepIndex + 1;
  if (nextIndex >= tour.steps.length) {
    effects.push({ type: 'finished', at }, { type: 'render' });
    return { state: { ...state, status: 'finished', updatedAt: at }, effects };
  }
  effects.push({ type: 'render' });
  // A skipped step (already logged in, target missing) jumps to the next step on this page; the steps
  // between belong to pages the citizen does not need. A click that navigates finishes its step before
  // the next page exists: wait 'away' for it.
  let index = stepMatchesUrl(tour, nextIndex, url) ? nextIndex : -1;
  if (index < 0 && !done) {
    for (let i = nextIndex + 1; i < tour.steps.length && index < 0; i++) if (stepMatchesUrl(tour, i, url)) index = i;
  }
  const next: RunState =
    index >= 0
      ? { ...state, stepIndex: index, status: 'active', updatedAt: at }
      : { ...state, stepIndex: nextIndex, status: 'away', updatedAt: at };
  return { state: next, effects };
}

/**
 * A `navigate` step whose destination is this page is done, however the citizen got here: a full page
 * load brings no URL change for the page to see, and the step's own page may match the destination too.
 */
function arrivedAt(tour: Tour, state: RunState, url: string): Step | undefined {
  const step = tour.steps[state.stepIndex];
  return step?.advance === 'navigate' && step.to && urlMatches(step.to, url, siteOrigins(tour.sites)) ? step : undefined;
}

export function reduce(tour: Tour, state: RunState, event: RunEvent): Transition {
  const none: Transition = { state, effects: [] };
  if (event.type === 'start') return startRun(tour, event.url, event.at);
  if (event.type === 'resume') {
    if (state.status === 'finished') return none;
    const arrived = arrivedAt(tour, state, event.url);
    if (arrived) return passStep(tour, state, arrived, event.url, event.at, true);
    return { state: settleOnPage(tour, state, event.url, event.at), effects: [{ type: 'render' }] };
  }
  if (!isLive(state)) return none;
  const step = tour.steps[state.stepIndex];
  switch (event.type) {
    case 'page': {
      const arrived = arrivedAt(tour, state, event.url);
      if (arrived) return passStep(tour, state, arrived, event.url, event.at, true);
      const next = settleOnPage(tour, state, event.url, event.at);
      const changed = next.stepIndex !== state.stepIndex || next.status !== state.status;
      return { state: next, effects: changed ? [{ type: 'render' }] : [] };
    }
    case 'advance':
    case 'skip':
      // Stale events (a double click, a message from a page that already moved on) are ignored.
      if (!step || step.id !== event.stepId) return none;
      return passStep(tour, state, step, event.url, event.at, event.type === 'advance');
    case 'back': {
      if (!step || step.id !== event.stepId || state.stepIndex === 0) return none;
      return { state: { ...state, stepIndex: state.stepIndex - 1, updatedAt: event.at }, effects: [{ type: 'render' }] };
    }
    case 'close':
      return { state: { ...state, status: 'closed', updatedAt: event.at }, effects: [{ type: 'render' }] };
  }
}
