import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { META_KEYS } from '../../../extension/desk/records';
import { endDeskSession, updateSession } from '../../../extension/desk/session-store';
import { ensureSettings, saveDeskSettings } from '../../../extension/desk/store';
import { completeFromTour, markTask, setCitizen, type Session } from '../../../sessions';
import { advance, contentAt, deskPage, DETAIL, HOME, harness, STEP_IDS, TAB, tour, type Harness } from './harness';

const LAST = STEP_IDS[STEP_IDS.length - 1];
let h: Harness;

beforeEach(async () => {
  h = await harness();
});

/** Puts the tab's run on the step marked `completes: tim-thu-tuc`. */
async function onLastStep() {
  await fakeBrowser.storage.session.set({ [`run:${TAB}`]: { v: 1, tourId: tour.id, stepIndex: STEP_IDS.length - 1, status: 'active', startedAt: 1, updatedAt: 1 } });
}

describe('tour effects in the open assisted session', () => {
  it('marks the task done by the tour, with the time, before the content script gets its reply', async () => {
    const session = await h.openSession();
    await onLastStep();
    const reply = h.router.handle(advance(LAST, DETAIL), contentAt(DETAIL));
    await reply;
    const stored = (await h.session(session.id))!;
    expect(stored.tasks).toEqual([{ taskId: 'tim-thu-tuc', outcome: 'done', source: 'tour', at: expect.any(Number) }]);
    expect(stored.tasks[0].at).toBeGreaterThan(session.startedAt);
    expect(stored.updatedAt).toBe(stored.tasks[0].at);
  });

  it('completes a task the member had picked, keeping its place in the list', async () => {
    const session = await h.openSession();
    for (const id of ['cai-dat-vneid', 'tim-thu-tuc']) {
      await updateSession(h.db, session.id, (s) => ({ ok: true, session: { ...s, tasks: [...s.tasks, { taskId: id, outcome: 'pending', source: 'manual', at: s.startedAt }] } }));
    }
    await onLastStep();
    await h.router.handle(advance(LAST, DETAIL), contentAt(DETAIL));
    const stored = (await h.session(session.id))!;
    expect(stored.tasks.map((t) => [t.taskId, t.outcome, t.source])).toEqual([
      ['cai-dat-vneid', 'pending', 'manual'],
      ['tim-thu-tuc', 'done', 'tour'],
    ]);
  });

  it('does nothing without an open session: no session record, no error', async () => {
    const error = vi.spyOn(console, 'error');
    await onLastStep();
    await h.router.handle(advance(LAST, DETAIL), contentAt(DETAIL));
    expect(await h.db.list('sessions')).toEqual([]);
    expect(error).not.toHaveBeenCalled();
    expect((await h.run()) as { status: string }).toMatchObject({ status: 'finished' });
  });

  it('does nothing to a session that has ended', async () => {
    const session = await h.openSession();
    await endDeskSession(h.db, session.id, undefined, h.clock.now + 1);
    const before = await h.session(session.id);
    await onLastStep();
    await h.router.handle(advance(LAST, DETAIL), contentAt(DETAIL));
    expect(await h.session(session.id)).toEqual(before);
  });

  it('is idempotent: the same completion twice, or a task already marked done by hand, keeps the first time', async () => {
    const session = await h.openSession();
    const effect = { type: 'completeTask', task: 'tim-thu-tuc', stepId: LAST, at: h.clock.now + 5000 } as const;
    await h.desk.onEffects(TAB, tour, [effect]);
    const once = await h.session(session.id);
    const write = vi.spyOn(h.db, 'write');
    await h.desk.onEffects(TAB, tour, [{ ...effect, at: effect.at + 60_000 }]);
    await h.desk.onEffects(TAB, tour, [effect, effect]);
    expect(await h.session(session.id)).toEqual(once);
    expect(write).not.toHaveBeenCalled();

    await updateSession(h.db, session.id, (s) => markTask(s, 'tim-thu-tuc', { outcome: 'done' }, effect.at + 1000));
    const byHand = await h.session(session.id);
    await h.desk.onEffects(TAB, tour, [effect]);
    expect(await h.session(session.id)).toEqual(byHand);
  });

  it('never loses a hand-marked task to a tour completing at the same moment (one writer at a time)', async () => {
    const session = await h.openSession();
    await updateSession(h.db, session.id, (s) => ({ ok: true, session: { ...s, tasks: [{ taskId: 'cai-dat-vneid', outcome: 'pending', source: 'manual', at: s.startedAt }] } }));
    const at = h.clock.now + 10_000;
    // Both read-modify-write the same record at once: without the lock the second write would
    // carry the record as it was before the first one.
    await Promise.all([
      updateSession(h.db, session.id, (s) => completeFromTour(s, 'tim-thu-tuc', at)),
      updateSession(h.db, session.id, (s) => markTask(s, 'cai-dat-vneid', { outcome: 'not-done', reason: 'thieu-giay-to' }, at)),
      h.desk.onEffects(TAB, tour, [{ type: 'completeTask', task: 'tra-cuu-ho-so', stepId: LAST, at }]),
    ]);
    const stored = (await h.session(session.id)) as Session;
    expect(stored.tasks.map((t) => `${t.taskId}:${t.outcome}`).sort()).toEqual(['cai-dat-vneid:not-done', 'tim-thu-tuc:done', 'tra-cuu-ho-so:done']);
  });

  it('reports a pointer to a missing session instead of crashing the tour', async () => {
    const session = await h.openSession();
    await h.db.delete('sessions', [session.id]);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await onLastStep();
    await h.router.handle(advance(LAST, DETAIL), contentAt(DETAIL));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('could not record task'));
    expect((await h.run()) as { status: string }).toMatchObject({ status: 'finished' });
  });
});

describe('content scripts never receive personal data', () => {
  it('nothing sent to or answered to a portal page carries the session or the citizen', async () => {
    const settings = await ensureSettings(h.db);
    if (!settings.ok) throw new Error(settings.error.en);
    await saveDeskSettings(h.db, { ...settings.value, personalFields: { ...settings.value.personalFields, name: true, phone: true } });
    const session = await h.openSession();
    const described = await updateSession(h.db, session.id, (s, cfg) => setCitizen(s, { name: 'Nguyễn Văn An', phone: '0912345678', ageBand: '60-74' }, cfg, h.clock.now));
    expect(described.ok).toBe(true);
    const replies: unknown[] = [];
    replies.push(await h.router.handle({ kind: 'desk:start-tour', tabId: TAB, tourId: tour.id }, deskPage));
    replies.push(await h.router.handle({ kind: 'content:hello', url: HOME }, contentAt(HOME)));
    for (const stepId of STEP_IDS.slice(0, 2)) replies.push(await h.router.handle(advance(stepId), contentAt(HOME)));
    await onLastStep();
    replies.push(await h.router.handle(advance(LAST, DETAIL), contentAt(DETAIL)));
    const toPages = JSON.stringify([h.notified, replies.slice(1)]);
    for (const secret of ['Nguyễn Văn An', '0912345678', '60-74', session.id, 'nguyen-thi-hoa']) expect(toPages).not.toContain(secret);
    expect((await h.session(session.id))?.tasks).toEqual([expect.objectContaining({ taskId: 'tim-thu-tuc', outcome: 'done' })]);
  });
});

describe('visited portal origins', () => {
  const visited = async () => (await h.db.get('meta', META_KEYS.visitedOrigins)) as { sessionId: string; origins: string[] } | undefined;

  it('records the origin of every content-script sender during an open session, once each, origins only', async () => {
    const session = await h.openSession();
    await h.router.handle({ kind: 'content:hello', url: `${DETAIL}?ma=SECRET` }, contentAt(`${DETAIL}?ma=SECRET`));
    await h.router.handle({ kind: 'content:hello', url: HOME }, contentAt(HOME));
    const sso = 'https://sso.dancuquocgia.gov.vn/dang-nhap';
    await h.router.handle({ kind: 'content:hello', url: sso }, contentAt(sso, { frameId: 2, tab: { id: 7, url: HOME } as never }));
    expect(await visited()).toEqual({ v: 1, sessionId: session.id, origins: ['https://dichvucong.gov.vn', 'https://sso.dancuquocgia.gov.vn'] });
    expect(JSON.stringify(await h.db.list('meta'))).not.toMatch(/SECRET|khai-sinh|dang-nhap/);
  });

  it('records nothing without an open session, and nothing outside the allow-list', async () => {
    await h.router.handle({ kind: 'content:hello', url: HOME }, contentAt(HOME));
    expect(await visited()).toBeUndefined();
    const session = await h.openSession();
    expect(await h.desk.onVisit('https://evil.example'), 'not allow-listed').toBeUndefined();
    await h.router.handle({ kind: 'content:hello', url: 'https://dichvucong.gov.vn.evil.cc/' }, contentAt('https://dichvucong.gov.vn.evil.cc/'));
    expect(await visited()).toEqual({ v: 1, sessionId: session.id, origins: [] });
  });

  it('starts a fresh list for each session', async () => {
    const first = await h.openSession();
    await h.desk.onVisit('https://pay.vnpay.vn');
    await endDeskSession(h.db, first.id, undefined, h.clock.now + 1);
    await h.desk.onVisit('https://dichvucong.gov.vn');
    expect((await visited())?.origins).toEqual(['https://pay.vnpay.vn']);
    const second = await h.openSession();
    await h.desk.onVisit('https://dichvucong.gov.vn');
    expect(await visited()).toEqual({ v: 1, sessionId: second.id, origins: ['https://dichvucong.gov.vn'] });
  });
});
