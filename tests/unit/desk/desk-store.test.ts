import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { META_KEYS } from '../../../extension/desk/records';
import {
  dropStalePointer,
  endDeskSession,
  startDeskSession,
  updateSession,
} from '../../../extension/desk/session-store';
import { ALLOWED_ORIGINS } from '../../../engine/sites';
import { createMember, ensureSettings, memberIdFor, POINTER_DAMAGED, readDesk, saveDeskSettings, selectMember } from '../../../extension/desk/store';
import { onSessionsChanged, type SessionsChange } from '../../../extension/sessions-db/changes';
import { IdbStorage } from '../../../extension/sessions-db/idb-storage';
import { MemoryStorage, QUOTA_MESSAGE, setCitizen, StorageQuotaError, type StorageAdapter } from '../../../sessions';
import { T0 } from './harness';

/** The value of a successful result; a failed one fails the test here (never `expect(ok && value)`, which passes on failure). */
function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { en: string } }): T {
  if (!result.ok) expect.fail(`expected ok, got: ${result.error.en}`);
  return result.value;
}

let n = 0;
let db: StorageAdapter;
let memberId: string;

beforeEach(async () => {
  db = await IdbStorage.open(`desk-store-${n++}`);
  await ensureSettings(db);
  const member = await createMember(db, { displayName: 'Nguyễn Thị Hoa', team: 'Tổ CNS thôn Đông', commune: 'Xã Tân Lập' }, T0);
  if (!member.ok) throw new Error(member.error.en);
  memberId = member.value.id;
});

const start = (agreed = true, id: string = crypto.randomUUID()) => startDeskSession(db, { id, memberId, agreed, at: T0 + 1000 });

async function opened(agreed = true) {
  const result = await start(agreed);
  if (!result.ok) throw new Error(result.error.en);
  return result.value;
}

describe('profiles and settings', () => {
  it('creates the desk’s settings once, every personal field off, with a random desk id', async () => {
    const first = await readDesk(db);
    const again = await ensureSettings(db);
    expect(valueOf(first).settings).toEqual(valueOf(again));
    expect(valueOf(first).settings).toMatchObject({ deskId: expect.stringMatching(/^ban-[0-9a-f]{8}$/), personalFields: { name: false, idNumber: false, phone: false, note: false }, retentionMonths: 12 });
  });

  it('gives members short unique codes from their names and remembers who is working', async () => {
    expect(memberId).toBe('nguyen-thi-hoa');
    const twin = await createMember(db, { displayName: 'Nguyễn Thị Hoa', team: 'Tổ 2', commune: 'Xã Tân Lập' }, T0);
    expect(valueOf(twin).id).toBe('nguyen-thi-hoa-2');
    const desk = await readDesk(db);
    expect(valueOf(desk).member?.id).toBe('nguyen-thi-hoa-2');
    expect(valueOf(desk).members.map((m) => m.id)).toEqual(['nguyen-thi-hoa', 'nguyen-thi-hoa-2']);
    expect(await selectMember(db, 'nguyen-thi-hoa')).toEqual({ ok: true, value: undefined });
    expect(memberIdFor('Đặng Văn Đức (TV-03)', new Set())).toBe('dang-van-duc-tv-03');
    expect(memberIdFor('<<>>', new Set())).toBe('thanh-vien');
  });

  it('refuses an empty or HTML profile, and switching member while a session is open', async () => {
    expect(await createMember(db, { displayName: ' ', team: 'x', commune: 'y' }, T0)).toMatchObject({ ok: false });
    expect(await createMember(db, { displayName: '<b>x</b>', team: 'x', commune: 'y' }, T0)).toMatchObject({ ok: false });
    await opened();
    expect(await selectMember(db, undefined)).toMatchObject({ ok: false });
  });
});

describe('change broadcasts name what they touched', () => {
  /** Every broadcast the next action sends, once the channel has delivered them. */
  async function heard(action: () => Promise<unknown>): Promise<SessionsChange[]> {
    const changes: SessionsChange[] = [];
    const stop = new AbortController();
    onSessionsChanged((change) => changes.push(change), stop.signal);
    await action();
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop.abort();
    return changes;
  }

  it('a profile or settings write touches no session record, so a dashboard re-reads none of 100,000', async () => {
    const settings = valueOf(await ensureSettings(db));
    expect(await heard(() => createMember(db, { displayName: 'Lò Văn Sáng', team: 'Tổ 3', commune: 'Xã Tân Lập' }, T0))).toEqual([{ sessionIds: [] }]);
    expect(await heard(() => selectMember(db, memberId))).toEqual([{ sessionIds: [] }]);
    expect(await heard(() => saveDeskSettings(db, { ...settings, retentionMonths: 24 }))).toEqual([{ sessionIds: [] }]);
  });

  it('settings that redact the open session name it', async () => {
    const session = await opened();
    const settings = valueOf(await ensureSettings(db));
    await saveDeskSettings(db, { ...settings, personalFields: { ...settings.personalFields, phone: true } });
    await updateSession(db, session.id, (s, cfg) => setCitizen(s, { ageBand: '30-44', phone: '0912 345 678' }, cfg, T0 + 2000));
    expect(await heard(() => saveDeskSettings(db, settings))).toEqual([{ sessionIds: [session.id] }]);
  });
});

describe('the session’s life', () => {
  it('writes the session and the open pointer together and finds the session again after a restart', async () => {
    const session = await opened();
    expect(await db.get('meta', META_KEYS.openSession)).toEqual({ v: 1, sessionId: session.id, memberId, since: T0 + 1000 });
    const fresh = await readDesk(db);
    expect(valueOf(fresh).open).toEqual(session);
    expect(await start()).toMatchObject({ ok: false, error: { vi: expect.stringContaining('chưa kết thúc') } });
  });

  it('declined consent: nothing about the citizen, ever', async () => {
    const session = await opened(false);
    expect(session).not.toHaveProperty('citizen');
    const described = await updateSession(db, session.id, (s, cfg) => setCitizen(s, { ageBand: '60-74' }, cfg, T0 + 2000));
    expect(described).toMatchObject({ ok: false });
    const ended = await endDeskSession(db, session.id, 5, T0 + 3000);
    expect(valueOf(ended).session).not.toHaveProperty('satisfaction');
    expect(await db.get('sessions', session.id)).not.toHaveProperty('citizen');
  });

  it('refuses personal fields until the desk turns them on, and removes them from the open session when turned off', async () => {
    const session = await opened();
    const withPhone = (s: Parameters<typeof setCitizen>[0], cfg: Parameters<typeof setCitizen>[2]) => setCitizen(s, { ageBand: '30-44', phone: '0912 345 678' }, cfg, T0 + 2000);
    expect(await updateSession(db, session.id, withPhone)).toMatchObject({ ok: false, error: { vi: expect.stringContaining('Số điện thoại') } });
    const settings = (await ensureSettings(db)) as { ok: true; value: Parameters<typeof saveDeskSettings>[1] };
    await saveDeskSettings(db, { ...settings.value, personalFields: { ...settings.value.personalFields, phone: true } });
    expect(await updateSession(db, session.id, withPhone)).toMatchObject({ ok: true, value: { citizen: { ageBand: '30-44', phone: '0912345678' } } });
    await saveDeskSettings(db, settings.value);
    expect(await db.get('sessions', session.id)).toMatchObject({ citizen: { ageBand: '30-44' } });
    expect(JSON.stringify(await db.get('sessions', session.id))).not.toContain('0912345678');
  });

  it('ends once: the score is kept, the pointer goes in the same write, a second end changes nothing', async () => {
    const session = await opened();
    const ended = await endDeskSession(db, session.id, 4, T0 + 60_000);
    expect(ended).toMatchObject({ ok: true, value: { session: { satisfaction: 4, endedAt: T0 + 60_000 }, summary: { durationMinutes: 1 } } });
    expect(await db.get('meta', META_KEYS.openSession)).toBeUndefined();
    const again = await endDeskSession(db, session.id, 1, T0 + 120_000);
    expect(valueOf(again).session).toMatchObject({ satisfaction: 4, endedAt: T0 + 60_000 });
    expect((await readDesk(db)).ok).toBe(true);
    expect((await start()).ok).toBe(true);
  });

  it('a pointer to an unreadable session is shown, never silently open, and can be dropped', async () => {
    const session = await opened();
    await db.put('sessions', session.id, { ...session, tasks: 'garbage' });
    const desk = await readDesk(db);
    expect(valueOf(desk).open).toBeUndefined();
    expect(valueOf(desk).openError).toBeDefined();
    expect(await dropStalePointer(db)).toEqual({ ok: true, value: undefined });
    expect(await db.get('meta', META_KEYS.openSession)).toBeUndefined();
    expect(await db.get('sessions', session.id)).toBeDefined();
  });

  it('a full disk leaves nothing half-written and says so in Vietnamese', async () => {
    const storage = new MemoryStorage({ failWrite: (ops) => (ops.some((op) => op.store === 'sessions') ? new StorageQuotaError() : undefined) });
    await ensureSettings(storage);
    const member = await createMember(storage, { displayName: 'TV 1', team: 'Tổ', commune: 'Xã' }, T0);
    const result = await startDeskSession(storage, { id: crypto.randomUUID(), memberId: member.ok ? member.value.id : '', agreed: true, at: T0 });
    expect(result).toEqual({ ok: false, error: QUOTA_MESSAGE });
    expect(storage.dump().sessions).toEqual([]);
    expect(storage.dump().meta.map(([key]) => key)).toEqual([META_KEYS.currentMember]);
  });
});

describe('reading the desk never writes', () => {
  it('an empty database stays empty after readDesk (a console reloading after "delete everything")', async () => {
    const empty = await IdbStorage.open(`desk-store-empty-${n++}`);
    const read = await readDesk(empty);
    expect(read.ok).toBe(true);
    for (const store of ['sessions', 'members', 'settings', 'quarantine', 'meta'] as const) expect(await empty.list(store)).toEqual([]);
  });

  it('the first write creates the settings with a real desk id', async () => {
    const empty = await IdbStorage.open(`desk-store-empty-${n++}`);
    const member = await createMember(empty, { displayName: 'Lò Văn Sùng', team: 'Tổ CNS bản Mường', commune: 'Xã Mường Lay' }, T0);
    expect(member.ok).toBe(true);
    const read = await readDesk(empty);
    expect(valueOf(read).settings.deskId).toMatch(/^ban-[0-9a-f]{8}$/);
  });
});

describe('withdrawing consent', () => {
  it('deletes the open session and frees the console, in one write', async () => {
    const { withdrawConsent } = await import('../../../extension/desk/session-store');
    const id = crypto.randomUUID();
    const started = await start(true, id);
    expect(started.ok).toBe(true);
    const result = await withdrawConsent(db, id, T0 + 5000);
    expect(result).toEqual({ ok: true, value: 1 });
    expect(await db.get('sessions', id)).toBeUndefined();
    expect(await db.get('meta', META_KEYS.openSession)).toBeUndefined();
    const desk = await readDesk(db);
    expect(valueOf(desk).open).toBeUndefined();
  });

  it('refuses an unknown session and changes nothing', async () => {
    const { withdrawConsent } = await import('../../../extension/desk/session-store');
    const id = crypto.randomUUID();
    await start(true, id);
    const result = await withdrawConsent(db, crypto.randomUUID(), T0 + 5000);
    expect(result.ok).toBe(false);
    expect(await db.get('sessions', id)).toBeDefined();
  });
});

describe('corrupt records fail closed', () => {
  it('an unreadable open-session pointer is an error shown to the member, never "no session"; a tour’s completion is kept', async () => {
    const { completeTaskFromTour } = await import('../../../extension/desk/session-store');
    const session = await opened();
    await db.put('meta', META_KEYS.openSession, { v: 1, sessionId: 'not-a-uuid' });
    const desk = valueOf(await readDesk(db));
    expect(desk.open).toBeUndefined();
    expect(desk.openError).toEqual(POINTER_DAMAGED);
    // Starting again would overwrite the pointer and lose the open session.
    expect(await start()).toMatchObject({ ok: false, error: POINTER_DAMAGED });
    expect(await selectMember(db, undefined)).toMatchObject({ ok: false });

    const completion = await completeTaskFromTour(db, 'tim-thu-tuc', T0 + 9000);
    expect(completion).toEqual({ ok: false, error: POINTER_DAMAGED });
    expect(valueOf(await readDesk(db)).unrecorded).toEqual([{ v: 1, taskId: 'tim-thu-tuc', at: T0 + 9000 }]);

    expect(await dropStalePointer(db)).toEqual({ ok: true, value: undefined });
    const after = valueOf(await readDesk(db));
    expect(after.openError).toBeUndefined();
    expect(after.unrecorded).toEqual([]);
    expect(await db.get('sessions', session.id)).toBeDefined();
    expect((await start()).ok).toBe(true);
  });

  it('an unreadable visited-origins list offers sign-out of every allowed origin', async () => {
    const { visitedForSignOut, recordVisit } = await import('../../../extension/desk/session-store');
    const session = await opened();
    expect(await recordVisit(db, 'https://dichvucong.gov.vn')).toBe(true);
    valueOf(await endDeskSession(db, session.id, undefined, T0 + 60_000));
    await db.put('meta', META_KEYS.visitedOrigins, { v: 1, sessionId: session.id, origins: ['https://evil.example'] });
    expect(valueOf(await readDesk(db)).visitedDamaged).toBe(true);
    expect(valueOf(await visitedForSignOut(db, session.id))).toEqual([...ALLOWED_ORIGINS]);
  });

  it('a readable list offers exactly the origins visited', async () => {
    const { visitedForSignOut, recordVisit } = await import('../../../extension/desk/session-store');
    const session = await opened();
    await recordVisit(db, 'https://pay.vnpay.vn');
    valueOf(await endDeskSession(db, session.id, undefined, T0 + 60_000));
    expect(valueOf(await visitedForSignOut(db, session.id))).toEqual(['https://pay.vnpay.vn']);
  });
});
