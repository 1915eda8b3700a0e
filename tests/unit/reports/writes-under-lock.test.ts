import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyImport, eraseEverything, expiredSessions, planImport, purge, saveRetention } from '../../../extension/dashboard/actions';
import { readRecords } from '../../../extension/dashboard/records-store';
import {
  completeTaskFromTour,
  dropStalePointer,
  endDeskSession,
  recordVisit,
  startDeskSession,
  withdrawConsent,
} from '../../../extension/desk/session-store';
import { createMember, saveDeskSettings, selectMember } from '../../../extension/desk/store';
import { localLockHeld } from '../../../extension/sessions-db/lock';
import { backupJson, defaultSettings, MemoryStorage, type WriteOp } from '../../../sessions';
import { session, vn } from '../sessions/helpers';

/**
 * Every write to the sessions database holds the cross-context lock, the dashboard's loads that
 * upgrade old records included. The storage below records, for each committed batch, whether the
 * lock was held at that moment (the in-process lock: Node has no Web Locks; the e2e test proves the
 * Web Locks path in Chromium).
 */
const now = vn(2026, 3, 20, 12);

function watchedStorage() {
  const unlocked: WriteOp[][] = [];
  let writes = 0;
  const storage = new MemoryStorage({
    failWrite: (ops) => {
      writes += 1;
      if (!localLockHeld()) unlocked.push([...ops]);
      return undefined;
    },
  });
  return { storage, unlocked, count: () => writes };
}

describe('every write to the sessions database takes the lock', () => {
  it('dashboard: loading old records (migrations), import, purge, retention, delete everything', async () => {
    const { storage, unlocked, count } = watchedStorage();
    const legacy = JSON.parse(readFileSync('tests/fixtures/sessions/v0.json', 'utf8')) as Array<{ id: string }>;
    // Seeded directly, as an older extension version left them (these writes are the test's, not the code's).
    for (const record of legacy) await storage.put('sessions', record.id, record);
    await storage.put('settings', 'desk', defaultSettings('ban-01'));
    unlocked.length = 0;
    const seeded = count();

    const records = await readRecords(storage, now);
    expect(records.migrated).toBeGreaterThan(0);
    const plan = planImport('x.json', backupJson([session({ startedAt: vn(2026, 3, 10, 8) })], { deskId: 'ban-02', exportedAt: now }), { sessions: records.sessions, settings: records.settings, withdrawn: records.withdrawn.ids }, now);
    if (!plan.ok) throw new Error(plan.error.en);
    expect((await applyImport(storage, plan, now)).ok).toBe(true);
    const { purge: expired } = await expiredSessions(storage, now, 12);
    expect((await purge(storage, expired)).ok).toBe(true);
    expect((await saveRetention(storage, 6)).ok).toBe(true);
    expect((await eraseEverything(storage)).ok).toBe(true);

    expect(count()).toBeGreaterThan(seeded + 4);
    expect(unlocked).toEqual([]);
  });

  it('retention: the purge check loads (and upgrades) old records under the lock too', async () => {
    const { storage, unlocked, count } = watchedStorage();
    const legacy = JSON.parse(readFileSync('tests/fixtures/sessions/v0.json', 'utf8')) as Array<{ id: string }>;
    for (const record of legacy) await storage.put('sessions', record.id, record);
    unlocked.length = 0;
    const seeded = count();
    await expiredSessions(storage, now, 12);
    expect(count()).toBeGreaterThan(seeded);
    expect(unlocked).toEqual([]);
  });

  it('desk console and background: profiles, settings, the session’s life, tour completions, visits, withdrawal', async () => {
    const { storage, unlocked, count } = watchedStorage();
    const member = await createMember(storage, { displayName: 'Nguyễn Thị Hoa', team: 'Tổ 1', commune: 'Xã Tân Lập' }, now);
    if (!member.ok) throw new Error(member.error.en);
    expect((await selectMember(storage, member.value.id)).ok).toBe(true);
    expect((await saveDeskSettings(storage, { ...defaultSettings('ban-01'), retentionMonths: 24 })).ok).toBe(true);
    const id = crypto.randomUUID();
    expect((await startDeskSession(storage, { id, memberId: member.value.id, agreed: true, at: now })).ok).toBe(true);
    expect(await recordVisit(storage, 'https://dichvucong.gov.vn')).toBe(true);
    expect((await completeTaskFromTour(storage, 'tim-thu-tuc', now + 1000)).ok).toBe(true);
    expect((await endDeskSession(storage, id, 5, now + 2000)).ok).toBe(true);
    expect((await withdrawConsent(storage, id, now + 3000)).ok).toBe(true);
    expect(unlocked).toEqual([]);
    // A damaged pointer, written by the test: the completion the tour reports is kept, under the lock.
    await storage.put('meta', 'desk:open-session', { damaged: true });
    unlocked.length = 0;
    expect((await completeTaskFromTour(storage, 'tim-thu-tuc', now + 4000)).ok).toBe(false);
    expect((await dropStalePointer(storage)).ok).toBe(true);
    expect(count()).toBeGreaterThan(8);
    expect(unlocked).toEqual([]);
  });
});
