import { describe, expect, it } from 'vitest';
import { applyImport, planImport, type LocalRecords } from '../../../extension/dashboard/actions';
import { readRecords } from '../../../extension/dashboard/records-store';
import { withdrawConsent } from '../../../extension/desk/session-store';
import {
  backupJson,
  defaultSettings,
  loadSessions,
  loadWithdrawals,
  MemoryStorage,
  withdrawalKey,
  type DeskSettings,
  type Session,
  type WriteOp,
} from '../../../sessions';
import { session, vn } from '../sessions/helpers';
import { planned } from './import-helpers';

/** Crafted backups against a desk: each test is an attack the import must refuse or defuse. */
const now = vn(2026, 3, 20, 12);
const settingsOff = defaultSettings('ban-01');

/** Storage that records every op it commits, to compare with what the preview announced. */
function recordingStorage(): { storage: MemoryStorage; ops: WriteOp[] } {
  const ops: WriteOp[] = [];
  const storage = new MemoryStorage({ failWrite: (batch) => void ops.push(...batch) as undefined });
  return { storage, ops };
}

async function deskWith(sessions: Session[], settings: DeskSettings = settingsOff) {
  const { storage, ops } = recordingStorage();
  await storage.put('settings', 'desk', settings);
  await storage.write(sessions.map((s) => ({ type: 'put' as const, store: 'sessions' as const, key: s.id, value: s })));
  ops.length = 0;
  return { storage, ops };
}

async function localOf(storage: MemoryStorage): Promise<LocalRecords> {
  const records = await readRecords(storage, now);
  return { sessions: records.sessions, settings: records.settings, withdrawn: records.withdrawn.ids };
}

const personal = (overrides: Partial<Session> = {}) =>
  session({ startedAt: vn(2026, 3, 10, 8), citizen: { ageBand: '60-74', name: 'Nguyễn Văn An', idNumber: '001203004005', phone: '0912345678' }, ...overrides });

const fileOf = (sessions: Session[], withdrawn: Array<{ id: string; at: number }> = []) =>
  backupJson(sessions, { deskId: 'ban-02', exportedAt: now, personal: 'include', withdrawn });

describe('import applies this desk’s personal-field policy', () => {
  it('a backup full of names, ID numbers and phones stores none of them on a desk that records none', async () => {
    const { storage } = await deskWith([]);
    const plan = planned(planImport('x.json', fileOf([personal(), personal()]), await localOf(storage), now));
    expect(plan.counts.dropped).toEqual({ fields: ['name', 'idNumber', 'phone'], sessions: 2 });
    expect(plan.counts.added).toBe(2);
    const applied = await applyImport(storage, plan, now);
    expect(applied.ok).toBe(true);
    const dump = JSON.stringify(storage.dump());
    for (const secret of ['Nguyễn Văn An', '001203004005', '0912345678']) expect(dump).not.toContain(secret);
    expect((await loadSessions(storage, now)).sessions).toHaveLength(2);
  });

  it('keeps exactly the fields the desk turned on', async () => {
    const { storage } = await deskWith([], { ...settingsOff, personalFields: { name: false, idNumber: false, phone: true, note: false } });
    const plan = planned(planImport('x.json', fileOf([personal()]), await localOf(storage), now));
    expect(plan.counts.dropped.fields).toEqual(['name', 'idNumber']);
    await applyImport(storage, plan, now);
    const [stored] = (await loadSessions(storage, now)).sessions;
    expect(stored.citizen).toEqual({ ageBand: '60-74', phone: '0912345678' });
  });
});

describe('the preview says exactly what is written', () => {
  it('a fuller copy of a stored record is an update, announced as one, and written once', async () => {
    const full = session({ startedAt: vn(2026, 3, 10, 8), citizen: { ageBand: '60-74', name: 'Nguyễn Văn An' } });
    const stripped: Session = { ...full, citizen: { ageBand: '60-74' } };
    const { storage, ops } = await deskWith([stripped], { ...settingsOff, personalFields: { name: true, idNumber: false, phone: false, note: false } });
    const plan = planned(planImport('x.json', fileOf([full]), await localOf(storage), now));
    expect(plan.counts).toMatchObject({ added: 0, replaced: 1, duplicates: 0 });
    ops.length = 0;
    const applied = await applyImport(storage, plan, now);
    expect(applied.counts).toEqual(plan.counts);
    const sessionPuts = ops.filter((op) => op.type === 'put' && op.store === 'sessions');
    expect(sessionPuts).toHaveLength(plan.counts.added + plan.counts.replaced);
  });

  it('an identical file announces nothing and writes nothing', async () => {
    const s = session({ startedAt: vn(2026, 3, 10, 8) });
    const { storage, ops } = await deskWith([s]);
    const plan = planned(planImport('x.json', fileOf([s]), await localOf(storage), now));
    expect(plan.counts).toMatchObject({ added: 0, replaced: 0, duplicates: 1 });
    await applyImport(storage, plan, now);
    expect(ops.filter((op) => op.store === 'sessions')).toEqual([]);
  });
});

describe('withdrawn consent never comes back', () => {
  it('an older backup cannot restore a withdrawn record; the tombstone holds the id only', async () => {
    const citizen = personal();
    const { storage } = await deskWith([citizen], { ...settingsOff, personalFields: { name: true, idNumber: true, phone: true, note: false } });
    const backup = fileOf([citizen]);
    const withdrawn = await withdrawConsent(storage, citizen.id, now);
    expect(withdrawn.ok).toBe(true);
    const tombstone = await storage.get('meta', withdrawalKey(citizen.id));
    expect(tombstone).toEqual({ v: 1, at: now });

    const plan = planned(planImport('cu.json', backup, await localOf(storage), now));
    expect(plan.counts.refused.withdrawn).toBe(1);
    expect(plan.counts.added).toBe(0);
    await applyImport(storage, plan, now);
    expect((await loadSessions(storage, now)).sessions).toEqual([]);
    expect(JSON.stringify(storage.dump())).not.toContain('Nguyễn Văn An');
  });

  it('a damaged tombstone still blocks its id (fail closed)', async () => {
    const s = session({ startedAt: vn(2026, 3, 10, 8) });
    const { storage } = await deskWith([]);
    await storage.put('meta', withdrawalKey(s.id), { garbage: true });
    const plan = planned(planImport('x.json', fileOf([s]), await localOf(storage), now));
    expect(plan.counts.refused.withdrawn).toBe(1);
    await applyImport(storage, plan, now);
    expect((await loadSessions(storage, now)).sessions).toEqual([]);
  });

  it('backups carry tombstones: another desk deletes its copy and refuses it from then on', async () => {
    const s = session({ startedAt: vn(2026, 3, 10, 8) });
    const { storage } = await deskWith([s]);
    const plan = planned(planImport('x.json', fileOf([], [{ id: s.id, at: now }]), await localOf(storage), now));
    expect(plan.counts).toMatchObject({ withdrawnDeleted: 1, withdrawnLearned: 1 });
    await applyImport(storage, plan, now);
    expect((await loadSessions(storage, now)).sessions).toEqual([]);
    expect((await loadWithdrawals(storage)).ids.has(s.id)).toBe(true);
    const again = planned(planImport('y.json', fileOf([s]), await localOf(storage), now));
    expect(again.counts.refused.withdrawn).toBe(1);
  });

  it('tombstones are pruned only after the longest possible retention (120 months)', async () => {
    const { storage } = await deskWith([]);
    const ids = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2'];
    await storage.put('meta', withdrawalKey(ids[0]), { v: 1, at: vn(2021, 3, 1) });
    await storage.put('meta', withdrawalKey(ids[1]), { v: 1, at: vn(2021, 3, 25) });
    await applyImport(storage, { incoming: [], withdrawn: [] }, vn(2031, 3, 20, 12));
    expect([...(await loadWithdrawals(storage)).ids]).toEqual([ids[1]]);
  });
});

describe('import refuses what no desk should accept', () => {
  it('records past retention, unknown consent texts and future timestamps are counted and not written', async () => {
    const { storage } = await deskWith([]);
    const expired = session({ startedAt: vn(2025, 1, 5, 8) });
    const unknownConsent = session({ startedAt: vn(2026, 3, 10, 8) });
    unknownConsent.consent = { ...unknownConsent.consent, textVersion: 'ban-gia-mao' };
    const future = session({ startedAt: vn(2026, 3, 10, 8), updatedAt: vn(2099, 1, 1) });
    const skewed = session({ startedAt: vn(2026, 3, 10, 8), updatedAt: now + 23 * 3600_000 });
    const good = session({ startedAt: vn(2026, 3, 10, 8) });
    const plan = planned(planImport('x.json', fileOf([expired, unknownConsent, future, skewed, good]), await localOf(storage), now));
    expect(plan.counts.refused).toEqual({ withdrawn: 0, future: 1, unknownConsent: 1, pastRetention: 1 });
    expect(plan.counts.added).toBe(2);
    await applyImport(storage, plan, now);
    expect((await loadSessions(storage, now)).sessions.map((s) => s.id).sort()).toEqual([good.id, skewed.id].sort());
  });

  it('a 2099 copy of a stored session cannot win over later corrections', async () => {
    const s = session({ startedAt: vn(2026, 3, 10, 8) });
    const { storage } = await deskWith([s]);
    const forged: Session = { ...s, updatedAt: vn(2099, 1, 1), satisfaction: 1 };
    const plan = planned(planImport('x.json', fileOf([forged]), await localOf(storage), now));
    expect(plan.counts).toMatchObject({ replaced: 0, conflicts: 0 });
    await applyImport(storage, plan, now);
    expect((await loadSessions(storage, now)).sessions).toEqual([s]);
  });
});
