import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  effectivePage,
  locateStep,
  reduce,
  startRun,
  startRunAt,
  tourAppliesTo,
  type RunEvent,
  type RunState,
} from '../../engine/runner';
import { Tour, type TourInput } from '../../engine/schema';

const example = Tour.parse(JSON.parse(readFileSync(new URL('../../tours/dvcqg-tim-thu-tuc.json', import.meta.url), 'utf8')));

const HOME = 'https://dichvucong.gov.vn/';
const RESULTS = 'https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?q=khai+sinh';
const DETAIL = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/dang-ky-khai-sinh';
const ELSEWHERE = 'https://dichvucong.gov.vn/gioi-thieu';
const IDS = example.steps.map((s) => s.id);

function tour(input: Partial<TourInput> & Pick<TourInput, 'steps'>): Tour {
  return Tour.parse({ schemaVersion: 1, id: 't', title: { vi: 'Thử' }, sites: ['https://dichvucong.gov.vn/*'], ...input });
}

/** Runs events in order from a fresh start on `url`; returns every transition. */
function play(t: Tour, url: string, events: RunEvent[]) {
  let { state } = startRun(t, url, 0);
  const steps = [];
  for (const event of events) {
    const next = reduce(t, state, event);
    steps.push(next);
    state = next.state;
  }
  return { state, steps, last: steps[steps.length - 1] };
}

const at = (state: RunState) => [state.stepIndex, state.status];

describe('startRun', () => {
  it('starts at step 0, active, on the home page', () => {
    const { state, effects } = startRun(example, HOME, 100);
    expect(state).toEqual({ v: 1, tourId: 'dvcqg-tim-thu-tuc', stepIndex: 0, status: 'active', startedAt: 100, updatedAt: 100 });
    expect(effects).toEqual([{ type: 'render' }]);
  });

  it('starts away at step 0 on a page no step belongs to', () => {
    expect(at(startRun(example, ELSEWHERE, 0).state)).toEqual([0, 'away']);
    expect(at(startRun(example, 'https://example.com/', 0).state)).toEqual([0, 'away']);
  });

  it('starts at the first step of the page the citizen is already on', () => {
    expect(at(startRun(example, RESULTS, 0).state)).toEqual([2, 'active']);
    expect(at(startRun(example, DETAIL, 0).state)).toEqual([3, 'active']);
  });
});

describe('startRunAt (an author previews a draft from one step)', () => {
  it('starts at the chosen step, active when the tab is on its page, even if an earlier step matches too', () => {
    const { state, effects } = startRunAt(example, HOME, 7, 1);
    expect(state).toEqual({ v: 1, tourId: 'dvcqg-tim-thu-tuc', stepIndex: 1, status: 'active', startedAt: 7, updatedAt: 7 });
    expect(effects).toEqual([{ type: 'render' }]);
  });

  it('waits away at the chosen step when the tab is elsewhere, and settles when its page comes', () => {
    const { state } = startRunAt(example, HOME, 0, 2);
    expect(at(state)).toEqual([2, 'away']);
    expect(at(reduce(example, state, { type: 'page', url: RESULTS, at: 1 }).state)).toEqual([2, 'active']);
  });

  it('refuses a step the tour does not have', () => {
    expect(() => startRunAt(example, HOME, 0, example.steps.length)).toThrow(RangeError);
    expect(() => startRunAt(example, HOME, 0, -1)).toThrow(RangeError);
    expect(() => startRunAt(example, HOME, 0, 0.5)).toThrow(RangeError);
  });
});

describe('advance and skip', () => {
  it('moves to the next step on the same page', () => {
    const { last } = play(example, HOME, [{ type: 'advance', stepId: IDS[0], url: HOME, at: 5 }]);
    expect(at(last.state)).toEqual([1, 'active']);
    expect(last.state.updatedAt).toBe(5);
    expect(last.effects).toEqual([{ type: 'render' }]);
  });

  it('waits away when the next step is on a page not loaded yet', () => {
    const { state } = play(example, HOME, [
      { type: 'advance', stepId: IDS[0], url: HOME, at: 1 },
      { type: 'advance', stepId: IDS[1], url: HOME, at: 2 },
    ]);
    expect(at(state)).toEqual([2, 'away']);
    expect(at(reduce(example, state, { type: 'page', url: RESULTS, at: 3 }).state)).toEqual([2, 'active']);
  });

  it('ignores a stale step id (a double click) without effects', () => {
    const { steps } = play(example, HOME, [
      { type: 'advance', stepId: IDS[0], url: HOME, at: 1 },
      { type: 'advance', stepId: IDS[0], url: HOME, at: 2 },
      { type: 'skip', stepId: 'khong-co', url: HOME, at: 3 },
    ]);
    expect(steps[1].state).toBe(steps[0].state);
    expect(steps[1].effects).toEqual([]);
    expect(steps[2].state).toBe(steps[0].state);
  });

  it('treats skip like advance', () => {
    expect(at(play(example, HOME, [{ type: 'skip', stepId: IDS[0], url: HOME, at: 1 }]).state)).toEqual([1, 'active']);
  });

  it('emits completeTask when passing a step that completes a task, before later steps', () => {
    const t = tour({
      steps: [
        { id: 'a', say: { vi: 'A' }, completes: 'nop-ho-so' },
        { id: 'b', say: { vi: 'B' } },
      ],
    });
    const { last } = play(t, HOME, [{ type: 'advance', stepId: 'a', url: HOME, at: 9 }]);
    expect(last.effects).toEqual([{ type: 'completeTask', task: 'nop-ho-so', stepId: 'a', at: 9 }, { type: 'render' }]);
    expect(at(last.state)).toEqual([1, 'active']);
  });

  it('finishes after the last step, with completeTask then finished', () => {
    const { state } = startRun(example, DETAIL, 0);
    const passed = reduce(example, state, { type: 'advance', stepId: IDS[3], url: DETAIL, at: 1 });
    expect(passed.effects).toEqual([{ type: 'render' }]);
    const done = reduce(example, passed.state, { type: 'advance', stepId: IDS[4], url: DETAIL, at: 2 });
    expect(done.state.status).toBe('finished');
    expect(done.state.stepIndex).toBe(4);
    expect(done.effects).toEqual([
      { type: 'completeTask', task: 'tim-thu-tuc', stepId: 'bang-giay-to', at: 2 },
      { type: 'finished', at: 2 },
      { type: 'render' },
    ]);
    const after = reduce(example, done.state, { type: 'page', url: HOME, at: 3 });
    expect(after).toEqual({ state: done.state, effects: [] });
  });
});

describe('page events', () => {
  it('jumps forward to the first step on the results page', () => {
    const { last } = play(example, HOME, [{ type: 'page', url: RESULTS, at: 1 }]);
    expect(at(last.state)).toEqual([2, 'active']);
    expect(last.effects).toEqual([{ type: 'render' }]);
  });

  it('going back to an earlier page lands at the start of that page’s steps', () => {
    const { state } = startRun(example, DETAIL, 0);
    const onDetail = reduce(example, state, { type: 'advance', stepId: IDS[3], url: DETAIL, at: 1 }).state;
    expect(onDetail.stepIndex).toBe(4);
    expect(at(reduce(example, onDetail, { type: 'page', url: HOME, at: 2 }).state)).toEqual([0, 'active']);
    expect(at(reduce(example, onDetail, { type: 'page', url: RESULTS, at: 2 }).state)).toEqual([2, 'active']);
  });

  it('keeps the step, with no effects, when the same page reloads', () => {
    const { state } = play(example, HOME, [{ type: 'advance', stepId: IDS[0], url: HOME, at: 1 }]);
    const reload = reduce(example, state, { type: 'page', url: HOME, at: 2 });
    expect(reload.state.stepIndex).toBe(1);
    expect(reload.state.status).toBe('active');
    expect(reload.effects).toEqual([]);
  });

  it('goes away, keeping the step, on a page no step belongs to', () => {
    const { state } = play(example, HOME, [{ type: 'advance', stepId: IDS[0], url: HOME, at: 1 }]);
    const away = reduce(example, state, { type: 'page', url: ELSEWHERE, at: 2 });
    expect(at(away.state)).toEqual([1, 'away']);
    expect(away.effects).toEqual([{ type: 'render' }]);
    expect(at(reduce(example, away.state, { type: 'page', url: HOME, at: 3 }).state)).toEqual([1, 'active']);
  });
});

describe('a navigate step reached by a full page load', () => {
  // The step's page (inherited) also matches its destination, so settling on the page alone kept it.
  const navigating = tour({
    steps: [
      { id: 'mo', page: 'https://dichvucong.gov.vn/*', say: { vi: 'Mở trang tra cứu.' }, advance: 'navigate', to: 'https://dichvucong.gov.vn/tra-cuu*', completes: 'tra-cuu-ho-so' },
      { id: 'nhap', say: { vi: 'Nhập mã hồ sơ.' }, target: { label: 'Mã hồ sơ' }, advance: 'input' },
    ],
  });
  const LOOKUP = 'https://dichvucong.gov.vn/tra-cuu-ho-so';

  it('is passed, task and all, when the new page is its destination', () => {
    const { last } = play(navigating, HOME, [{ type: 'page', url: LOOKUP, at: 1 }]);
    expect(at(last.state)).toEqual([1, 'active']);
    expect(last.effects).toEqual([{ type: 'completeTask', task: 'tra-cuu-ho-so', stepId: 'mo', at: 1 }, { type: 'render' }]);
  });

  it('is passed when a run resumes on its destination (the widget after a page load)', () => {
    const { state } = startRun(navigating, HOME, 0);
    expect(at(reduce(navigating, state, { type: 'resume', url: LOOKUP, at: 1 }).state)).toEqual([1, 'active']);
  });

  it('stays on any other page of its own', () => {
    const { last } = play(navigating, HOME, [{ type: 'page', url: ELSEWHERE, at: 1 }]);
    expect(at(last.state)).toEqual([0, 'active']);
  });
});

describe('back, close and resume', () => {
  it('back moves one step, only for the current step and never before 0', () => {
    const { state } = play(example, HOME, [{ type: 'advance', stepId: IDS[0], url: HOME, at: 1 }]);
    expect(at(reduce(example, state, { type: 'back', stepId: IDS[1], at: 2 }).state)).toEqual([0, 'active']);
    expect(reduce(example, state, { type: 'back', stepId: IDS[0], at: 2 }).state).toBe(state);
    const first = startRun(example, HOME, 0).state;
    expect(reduce(example, first, { type: 'back', stepId: IDS[0], at: 1 })).toEqual({ state: first, effects: [] });
  });

  it('close ends the run and later events are ignored', () => {
    const { state } = play(example, HOME, [{ type: 'close', at: 4 }]);
    expect(state.status).toBe('closed');
    const later: RunEvent[] = [
      { type: 'advance', stepId: IDS[0], url: HOME, at: 5 },
      { type: 'skip', stepId: IDS[0], url: HOME, at: 5 },
      { type: 'page', url: RESULTS, at: 5 },
      { type: 'back', stepId: IDS[0], at: 5 },
      { type: 'close', at: 5 },
    ];
    for (const event of later) expect(reduce(example, state, event), event.type).toEqual({ state, effects: [] });
  });

  it('resume after close settles on the current page', () => {
    const { state } = play(example, HOME, [
      { type: 'advance', stepId: IDS[0], url: HOME, at: 1 },
      { type: 'close', at: 2 },
    ]);
    expect(at(reduce(example, state, { type: 'resume', url: HOME, at: 3 }).state)).toEqual([1, 'active']);
    expect(at(reduce(example, state, { type: 'resume', url: DETAIL, at: 3 }).state)).toEqual([3, 'active']);
    const resumed = reduce(example, state, { type: 'resume', url: ELSEWHERE, at: 3 });
    expect(at(resumed.state)).toEqual([1, 'away']);
    expect(resumed.effects).toEqual([{ type: 'render' }]);
  });

  it('resume while away settles on the page; resume after finishing does nothing', () => {
    const away = startRun(example, ELSEWHERE, 0).state;
    expect(at(reduce(example, away, { type: 'resume', url: RESULTS, at: 1 }).state)).toEqual([2, 'active']);
    const finished: RunState = { ...away, stepIndex: 4, status: 'finished' };
    expect(reduce(example, finished, { type: 'resume', url: HOME, at: 1 })).toEqual({ state: finished, effects: [] });
  });

  it('start restarts a run from any state', () => {
    const closed: RunState = { ...startRun(example, HOME, 0).state, stepIndex: 3, status: 'closed' };
    expect(at(reduce(example, closed, { type: 'start', url: HOME, at: 7 }).state)).toEqual([0, 'active']);
  });
});

describe('pages of steps', () => {
  it('effectivePage inherits the nearest earlier page', () => {
    expect([0, 1, 2, 3, 4].map((i) => effectivePage(example, i))).toEqual([
      'https://dichvucong.gov.vn/',
      'https://dichvucong.gov.vn/',
      '/tim-kiem-thu-tuc-hanh-chinh*',
      '/thu-tuc-hanh-chinh/*',
      '/thu-tuc-hanh-chinh/*',
    ]);
    const noPages = tour({ steps: [{ id: 'a', say: { vi: 'A' } }, { id: 'b', say: { vi: 'B' }, page: '/b' }, { id: 'c', say: { vi: 'C' } }] });
    expect([0, 1, 2].map((i) => effectivePage(noPages, i))).toEqual([undefined, '/b', '/b']);
  });

  it('a step with no page anywhere before it belongs on every page of the tour’s sites', () => {
    const t = tour({ steps: [{ id: 'a', say: { vi: 'A' } }, { id: 'b', say: { vi: 'B' }, page: '/b' }] });
    expect(locateStep(t, 0, ELSEWHERE)).toBe(0);
    expect(locateStep(t, 0, 'https://pay.vnpay.vn/')).toBe(-1);
    expect(locateStep(t, 0, 'https://dichvucong.gov.vn/b')).toBe(0);
    expect(locateStep(t, 1, 'https://dichvucong.gov.vn/b')).toBe(1);
  });

  it('tourAppliesTo accepts the tour’s sites only', () => {
    expect(tourAppliesTo(example, HOME)).toBe(true);
    expect(tourAppliesTo(example, DETAIL)).toBe(true);
    expect(tourAppliesTo(example, 'http://dichvucong.gov.vn/')).toBe(false);
    expect(tourAppliesTo(example, 'https://dichvucong.gov.vn.evil.cc/')).toBe(false);
    expect(tourAppliesTo(example, 'https://sso.dancuquocgia.gov.vn/')).toBe(false);
  });
});

describe('skipping', () => {
  const hop: Tour = Tour.parse({
    schemaVersion: 1,
    id: 'hop',
    title: { vi: 'Đăng nhập' },
    sites: ['https://dichvucong.gov.vn/*', 'https://sso.dancuquocgia.gov.vn/*'],
    steps: [
      { id: 'dang-nhap', page: 'https://dichvucong.gov.vn/*', target: { role: 'link', name: 'Đăng nhập' }, say: { vi: 'a' }, advance: 'click', completes: 'x' },
      { id: 'sso', page: 'https://sso.dancuquocgia.gov.vn/*', say: { vi: 'b' } },
      { id: 'otp', say: { vi: 'c' } },
      { id: 'xong', page: 'https://dichvucong.gov.vn/*', say: { vi: 'd' } },
    ],
  });
  const home = 'https://dichvucong.gov.vn/';

  it('a skipped step jumps to the next step on the same page and completes nothing', () => {
    const start = startRun(hop, home, 1).state;
    const { state, effects } = reduce(hop, start, { type: 'skip', stepId: 'dang-nhap', url: home, at: 2 });
    expect(state).toMatchObject({ stepIndex: 3, status: 'active' });
    expect(effects.some((e) => e.type === 'completeTask')).toBe(false);
  });

  it('an advanced step waits away for the next page instead of jumping', () => {
    const start = startRun(hop, home, 1).state;
    const { state, effects } = reduce(hop, start, { type: 'advance', stepId: 'dang-nhap', url: home, at: 2 });
    expect(state).toMatchObject({ stepIndex: 1, status: 'away' });
    expect(effects).toContainEqual({ type: 'completeTask', task: 'x', stepId: 'dang-nhap', at: 2 });
  });
});
