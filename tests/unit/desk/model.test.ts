import { describe, expect, it } from 'vitest';
import { deriveScreen, deskCatalogue, taskRows, toursForTask, type Ended } from '../../../extension/desk/model';
import type { DeskSnapshot } from '../../../extension/desk/store';
import { DEFAULT_CATALOGUE, defaultSettings, type Session } from '../../../sessions';
import { TOURS } from '../../../tours/catalogue';
import { T0, tour } from './harness';

const member = { schemaVersion: 1, id: 'tv-01', displayName: 'TV 01', team: 'Tổ', commune: 'Xã', createdAt: T0 } as const;
const session: Session = {
  schemaVersion: 1,
  id: '00000000-0000-4000-8000-000000000001',
  deskId: 'ban-01',
  memberId: 'tv-01',
  startedAt: T0,
  updatedAt: T0,
  consent: { textVersion: 'v1-2026', agreed: true, at: T0 },
  tasks: [
    { taskId: 'tim-thu-tuc', outcome: 'done', source: 'tour', at: T0 + 32 * 60_000 },
    { taskId: 'cai-dat-vneid', outcome: 'pending', source: 'manual', at: T0 },
  ],
};
const snapshot = (extra: Partial<DeskSnapshot> = {}): DeskSnapshot => ({
  settings: defaultSettings('ban-01'),
  members: [member],
  member,
  open: undefined,
  openError: undefined,
  visited: undefined,
  visitedDamaged: false,
  unrecorded: [],
  help: [],
  ...extra,
});

describe('deriveScreen', () => {
  it('lands back in the open session whatever screen was asked for, except its own sub-screens', () => {
    const open = snapshot({ open: session });
    expect(deriveScreen(open, undefined, 'home', undefined)).toBe('session');
    expect(deriveScreen(open, undefined, 'consent', undefined)).toBe('session');
    expect(deriveScreen(open, undefined, 'citizen', undefined)).toBe('citizen');
    expect(deriveScreen(open, undefined, 'end', undefined)).toBe('end');
  });

  it('asks who is working first, and shows the summary only for a session just ended', () => {
    expect(deriveScreen(undefined, undefined, 'home', undefined)).toBe('loading');
    expect(deriveScreen(snapshot(), { vi: 'x', en: 'x' }, 'home', undefined)).toBe('error');
    expect(deriveScreen(snapshot({ member: undefined }), undefined, 'consent', undefined)).toBe('profile');
    expect(deriveScreen(snapshot({ member: undefined }), undefined, 'settings', undefined)).toBe('settings');
    expect(deriveScreen(snapshot(), undefined, 'summary', undefined)).toBe('home');
    const ended = { session, summary: {} } as Ended;
    expect(deriveScreen(snapshot(), undefined, 'summary', ended)).toBe('summary');
    expect(deriveScreen(snapshot(), undefined, 'consent', undefined)).toBe('consent');
  });
});

describe('the task catalogue on the desk', () => {
  it('offers every catalogue task and every task a tour completes', () => {
    const groups = deskCatalogue(TOURS);
    const offered = new Set(Object.values(groups).flatMap((tasks) => tasks.map((t) => t.id)));
    for (const t of DEFAULT_CATALOGUE.tasks.filter((t) => !t.retired)) expect(offered.has(t.id)).toBe(true);
    for (const t of TOURS) {
      if (t.task) expect(offered.has(t.task), t.id).toBe(true);
      for (const step of t.steps) if (step.completes) expect(offered.has(step.completes), `${t.id}/${step.id}`).toBe(true);
    }
  });

  it('adds a tour’s task the catalogue does not know yet, titled after the tour', () => {
    const newTour = { ...tour, id: 'tour-moi', task: 'viec-moi', title: { vi: 'Việc mới', en: 'New task' } };
    expect(deskCatalogue([newTour])['dich-vu-cong']).toContainEqual({ id: 'viec-moi', group: 'dich-vu-cong', title: { vi: 'Việc mới', en: 'New task' } });
  });

  it('links each task to the tours that complete it and can be started', () => {
    expect(toursForTask(TOURS, 'tim-thu-tuc')).toContainEqual({ id: 'dvcqg-tim-thu-tuc', title: tour.title.vi });
    expect(toursForTask(TOURS, 'cai-dat-vneid')).toEqual([]);
  });

  it('describes how and when each task was marked, in Vietnam time', () => {
    const rows = taskRows(session, TOURS);
    expect(rows[0]).toMatchObject({ title: 'Tìm thủ tục và xem giấy tờ', outcome: 'done', marked: 'Tự động (theo hướng dẫn), lúc 08:32' });
    expect(rows[1]).toMatchObject({ title: 'Cài đặt ứng dụng VNeID', outcome: 'pending', marked: undefined, tours: [] });
  });
});
