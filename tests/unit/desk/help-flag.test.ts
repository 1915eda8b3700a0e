import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { taskRows } from '../../../extension/desk/model';
import { META_KEYS } from '../../../extension/desk/records';
import { dismissHelp, endDeskSession, updateSession } from '../../../extension/desk/session-store';
import { readDesk } from '../../../extension/desk/store';
import { addTask } from '../../../sessions';
import { contentAt, HOME, harness, STEP_IDS, TAB, tour, type Harness } from './harness';

let h: Harness;
const help = (stepId = STEP_IDS[1], tourId = tour.id) => ({ kind: 'content:help', tourId, stepId });

beforeEach(async () => {
  h = await harness();
});

async function runOnTab(status: 'active' | 'closed' = 'active') {
  await fakeBrowser.storage.session.set({ [`run:${TAB}`]: { v: 1, tourId: tour.id, stepIndex: 1, status, startedAt: 1, updatedAt: 1 } });
}

async function sessionWithTask() {
  const session = await h.openSession();
  const added = await updateSession(h.db, session.id, (s) => addTask(s, 'tim-thu-tuc', h.clock.now));
  if (!added.ok) throw new Error(added.error.en);
  return added.value;
}

async function shown() {
  const desk = await readDesk(h.db);
  if (!desk.ok || !desk.value.open) throw new Error('no open session');
  return taskRows(desk.value.open, [tour], undefined, desk.value.help);
}

describe('"Nhờ cán bộ giúp" flags the task in the desk console', () => {
  it('flags the tour\'s task in the open session with the step, and persists it in the sessions database', async () => {
    const session = await sessionWithTask();
    await runOnTab();
    await h.router.handle(help(), contentAt(HOME));
    const stored = (await h.db.get('meta', META_KEYS.helpRequests)) as { sessionId: string; items: Array<{ taskId: string; stepId: string }> };
    expect(stored).toMatchObject({ v: 1, sessionId: session.id, items: [{ taskId: 'tim-thu-tuc', tourId: tour.id, stepId: STEP_IDS[1] }] });
    const [row] = await shown();
    expect(row.help).toMatch(new RegExp(`^Người dân cần giúp ở bước 2/${STEP_IDS.length} của hướng dẫn “${tour.title.vi}”`));
    // The session record itself (which reports and exports carry) is unchanged.
    expect(Object.keys((await h.session(session.id))!.tasks[0]).sort()).toEqual(['at', 'outcome', 'source', 'taskId']);
  });

  it('is cleared by the member, and by ending the session', async () => {
    const session = await sessionWithTask();
    await runOnTab();
    await h.router.handle(help(), contentAt(HOME));
    expect((await dismissHelp(h.db, session.id, 'tim-thu-tuc')).ok).toBe(true);
    expect((await shown())[0].help).toBeUndefined();
    await h.router.handle(help(STEP_IDS[2]), contentAt(HOME));
    expect((await shown())[0].help).toContain('bước 3/');
    await endDeskSession(h.db, session.id, undefined, h.clock.now + 60_000);
    expect(await h.db.get('meta', META_KEYS.helpRequests)).toBeUndefined();
  });

  it('flags nothing when the task is not in the session, no session is open, or the tab runs another tour', async () => {
    await runOnTab();
    await h.router.handle(help(), contentAt(HOME));
    expect(await h.db.get('meta', META_KEYS.helpRequests), 'no open session').toBeUndefined();
    await h.openSession();
    await h.router.handle(help(), contentAt(HOME));
    expect(await h.db.get('meta', META_KEYS.helpRequests), 'task not picked').toBeUndefined();
  });

  it('ignores a page naming a tour or step its tab is not running, and a run that is not live', async () => {
    await sessionWithTask();
    await runOnTab();
    await h.router.handle(help(STEP_IDS[1], 'another-tour'), contentAt(HOME));
    await h.router.handle(help('no-such-step'), contentAt(HOME));
    expect(await h.db.get('meta', META_KEYS.helpRequests)).toBeUndefined();
    await runOnTab('closed');
    await h.router.handle(help(), contentAt(HOME));
    expect(await h.db.get('meta', META_KEYS.helpRequests)).toBeUndefined();
  });

  it('is refused from anything but a content script on a portal page', async () => {
    await sessionWithTask();
    await runOnTab();
    expect(h.router.handle(help(), contentAt('https://evil.example/'))).toBeUndefined();
  });
});
