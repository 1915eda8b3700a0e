import { describe, expect, it } from 'vitest';
import { defaultSettings, Session } from '../../../sessions/schema';
import {
  addTask,
  completeFromTour,
  endSession,
  markTask,
  openSessions,
  removeTask,
  setCitizen,
  setSatisfaction,
  startSession,
  type OpResult,
} from '../../../sessions/session-ops';
import { deepFreeze, uuid, vn } from './helpers';

const settings = defaultSettings('ban-01');
const t0 = vn(2026, 3, 2, 8, 0);
const min = (n: number) => t0 + n * 60_000;

function ok(result: OpResult): Session {
  if (!result.ok) throw new Error(result.error.en);
  expect(Session.safeParse(result.session).success).toBe(true);
  return result.session;
}

function started(): Session {
  return deepFreeze(ok(startSession({ id: uuid(7), deskId: 'ban-01', memberId: 'tv-01', at: t0, consent: { agreed: true }, citizen: { ageBand: '45-59', firstTime: true } }, settings)));
}

describe('session reducers', () => {
  it('start: consent recorded first, with the current text version and time', () => {
    const s = started();
    expect(s.consent).toEqual({ textVersion: 'v2-2026', agreed: true, at: t0 });
    expect(s.tasks).toEqual([]);
    expect(s.endedAt).toBeUndefined();
    expect(startSession({ id: 'abc', deskId: 'ban-01', memberId: 'tv-01', at: t0, consent: { agreed: true } }, settings).ok).toBe(false);
  });

  it('add task: pending and manual; adding twice changes nothing', () => {
    const s = ok(addTask(started(), 'cai-dat-vneid', min(1)));
    expect(s.tasks).toEqual([{ taskId: 'cai-dat-vneid', outcome: 'pending', source: 'manual', at: min(1) }]);
    expect(s.updatedAt).toBe(min(1));
    expect(addTask(s, 'cai-dat-vneid', min(2))).toEqual({ ok: true, session: s });
    expect(addTask(s, 'Cài VNeID', min(2)).ok).toBe(false);
  });

  it('mark task: reason required for partial / not-done, refused for done / pending', () => {
    const s = ok(addTask(started(), 'kich-hoat-dinh-danh-muc-2', min(1)));
    const missing = markTask(s, 'kich-hoat-dinh-danh-muc-2', { outcome: 'not-done' }, min(5));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.vi).toBe('Hãy chọn lý do vì sao việc chưa xong.');
    expect(markTask(s, 'kich-hoat-dinh-danh-muc-2', { outcome: 'partial', reason: 'mat-mang' as never }, min(5)).ok).toBe(false);
    expect(markTask(s, 'kich-hoat-dinh-danh-muc-2', { outcome: 'done', reason: 'khac' }, min(5)).ok).toBe(false);
    expect(markTask(s, 'khong-co-trong-phien', { outcome: 'done' }, min(5)).ok).toBe(false);
    const marked = ok(markTask(s, 'kich-hoat-dinh-danh-muc-2', { outcome: 'not-done', reason: 'thieu-giay-to' }, min(5)));
    expect(marked.tasks[0]).toEqual({ taskId: 'kich-hoat-dinh-danh-muc-2', outcome: 'not-done', reason: 'thieu-giay-to', source: 'manual', at: min(5) });
    const done = ok(markTask(marked, 'kich-hoat-dinh-danh-muc-2', { outcome: 'done' }, min(6)));
    expect(done.tasks[0].reason).toBeUndefined();
  });

  it('completeFromTour: marks done with the time, adds an unpicked task, is idempotent', () => {
    const s = ok(addTask(started(), 'tim-thu-tuc', min(1)));
    const done = ok(completeFromTour(s, 'tim-thu-tuc', min(4)));
    expect(done.tasks[0]).toEqual({ taskId: 'tim-thu-tuc', outcome: 'done', source: 'tour', at: min(4) });
    expect(completeFromTour(done, 'tim-thu-tuc', min(9)).ok && completeFromTour(done, 'tim-thu-tuc', min(9))).toEqual({ ok: true, session: done });
    const added = ok(completeFromTour(started(), 'tra-cuu-ho-so', min(3)));
    expect(added.tasks).toEqual([{ taskId: 'tra-cuu-ho-so', outcome: 'done', source: 'tour', at: min(3) }]);
  });

  it('completeFromTour never overrides a manual done, but does upgrade not-done', () => {
    let s = ok(addTask(started(), 'tim-thu-tuc', min(1)));
    s = ok(markTask(s, 'tim-thu-tuc', { outcome: 'done' }, min(2)));
    expect(ok(completeFromTour(s, 'tim-thu-tuc', min(5)))).toBe(s);
    let t = ok(addTask(started(), 'tim-thu-tuc', min(1)));
    t = ok(markTask(t, 'tim-thu-tuc', { outcome: 'not-done', reason: 'loi-he-thong' }, min(2)));
    expect(ok(completeFromTour(t, 'tim-thu-tuc', min(5))).tasks[0]).toEqual({ taskId: 'tim-thu-tuc', outcome: 'done', source: 'tour', at: min(5) });
  });

  it('end: summary with duration, outcomes and unmarked tasks; ending twice keeps the first time', () => {
    let s = ok(addTask(started(), 'cai-dat-vneid', min(1)));
    s = ok(addTask(s, 'thanh-toan-tien-dien', min(2)));
    s = ok(completeFromTour(s, 'tim-thu-tuc', min(10)));
    s = ok(markTask(s, 'thanh-toan-tien-dien', { outcome: 'partial', reason: 'het-thoi-gian' }, min(20)));
    const ended = endSession(s, min(30));
    expect(ended.summary).toEqual({
      durationMinutes: 30,
      tasks: 3,
      byOutcome: { done: 1, partial: 1, 'not-done': 0, pending: 1 },
      unmarked: ['cai-dat-vneid'],
      completedByTour: 1,
    });
    expect(endSession(ended.session, min(40)).session.endedAt).toBe(min(30));
    expect(endSession(started(), t0 - 60_000).session.endedAt).toBe(t0);
  });

  it('after the end: no new tasks, tour events ignored, corrections and satisfaction allowed', () => {
    let s = ok(addTask(started(), 'cai-dat-vneid', min(1)));
    s = endSession(s, min(30)).session;
    expect(addTask(s, 'tra-cuu-ho-so', min(31)).ok).toBe(false);
    expect(removeTask(s, 'cai-dat-vneid', min(31)).ok).toBe(false);
    expect(ok(completeFromTour(s, 'tra-cuu-ho-so', min(31)))).toBe(s);
    expect(ok(markTask(s, 'cai-dat-vneid', { outcome: 'done' }, min(32))).tasks[0].outcome).toBe('done');
    expect(ok(setSatisfaction(s, 5, min(32))).satisfaction).toBe(5);
    expect(setSatisfaction(s, 0, min(32)).ok).toBe(false);
    expect(ok(setSatisfaction(ok(setSatisfaction(s, 5, min(32))), undefined, min(33))).satisfaction).toBeUndefined();
  });

  it('set citizen and remove task; open sessions are found for resuming', () => {
    const s = ok(setCitizen(started(), { gender: 'nam' }, settings, min(1)));
    expect(s.citizen).toEqual({ gender: 'nam' });
    expect(ok(setCitizen(s, undefined, settings, min(2))).citizen).toBeUndefined();
    const r = ok(removeTask(ok(addTask(s, 'cai-dat-vneid', min(1))), 'cai-dat-vneid', min(2)));
    expect(r.tasks).toEqual([]);
    expect(openSessions([s, endSession(s, min(5)).session])).toEqual([s]);
  });
});
