import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withdrawalTargets } from '../../../sessions/consent';
import { mergeSessions } from '../../../sessions/merge';
import {
  applyMerge,
  deleteEverything,
  deleteSessions,
  listQuarantine,
  loadMembers,
  loadSessions,
  loadSettings,
  saveMember,
  saveSession,
  saveSettings,
} from '../../../sessions/repository';
import { partitionForRetention } from '../../../sessions/retention';
import { defaultSettings, type Session } from '../../../sessions/schema';
import { DATA_VERSION, MemoryStorage, StorageQuotaError } from '../../../sessions/storage';
import { session, vn } from './helpers';

const now = vn(2026, 3, 2, 12);
const fixture = (name: string): Array<Record<string, unknown>> =>
  JSON.parse(readFileSync(new URL(`../../fixtures/sessions/${name}`, import.meta.url), 'utf8'));

async function seeded(records: Array<[string, unknown]>, options?: ConstructorParameters<typeof MemoryStorage>[0]) {
  const storage = new MemoryStorage(options);
  await storage.write(records.map(([key, value]) => ({ type: 'put', store: 'sessions', key, value })));
  return storage;
}

describe('MemoryStorage contract', () => {
  it('stores copies: later mutation of the caller’s object never reaches storage', async () => {
    const storage = new MemoryStorage();
    const s = session();
    await storage.put('sessions', s.id, s);
    s.memberId = 'changed';
    expect(((await storage.get('sessions', s.id)) as Session).memberId).toBe('tv-01');
  });

  it('a failing batch writes nothing', async () => {
    const storage = new MemoryStorage({ failWrite: (ops) => (ops.length > 1 ? new StorageQuotaError() : undefined) });
    const [a, b] = [session(), session()];
    await expect(storage.write([{ type: 'put', store: 'sessions', key: a.id, value: a }, { type: 'put', store: 'sessions', key: b.id, value: b }])).rejects.toThrow(StorageQuotaError);
    expect(storage.dump().sessions).toEqual([]);
  });
});

describe('repository', () => {
  it('loads and upgrades the fixtures in place; a second load has nothing left to do', async () => {
    const v0 = fixture('v0.json');
    const v1 = fixture('v1.json');
    const storage = await seeded([...v0.map((r): [string, unknown] => [String(r.id), r]), ...v1.map((r): [string, unknown] => [String(r.id), r])]);
    const first = await loadSessions(storage, now);
    expect(first.sessions).toHaveLength(v0.length + v1.length);
    expect(first.quarantined).toEqual([]);
    expect(first.migrated).toBe(v0.length);
    // One pilot record had an upper-case UUID as its key: it moved to the normalised key.
    const keys = (await storage.list('sessions')).map((e) => e.key);
    expect(keys).toContain('6f1c2e4a-8b3d-4c5e-9f60-7a8b9c0d1e2f');
    expect(keys).not.toContain('6F1C2E4A-8B3D-4C5E-9F60-7A8B9C0D1E2F');
    expect(keys).toHaveLength(v0.length + v1.length);
    expect(await storage.get('meta', 'dataVersion')).toBe(DATA_VERSION);
    const second = await loadSessions(storage, now);
    expect(second.migrated).toBe(0);
    expect(second.quarantined).toEqual([]);
    expect(second.sessions.map((x) => x.id).sort()).toEqual(first.sessions.map((x) => x.id).sort());
    expect(await listQuarantine(storage)).toEqual([]);
  });

  it('a record whose key and id disagree is quarantined, not lost', async () => {
    const s = session();
    const storage = await seeded([['wrong-key', s]]);
    const r = await loadSessions(storage, now);
    expect(r.sessions).toEqual([]);
    expect(r.quarantined.map((q) => q.key)).toEqual(['wrong-key']);
    expect(await listQuarantine(storage)).toHaveLength(1);
  });

  it('an interrupted migration is finished by the next load', async () => {
    const v0 = fixture('v0.json').slice(1);
    let allowed = Infinity;
    const storage = await seeded(v0.map((r): [string, unknown] => [String(r.id), r]), {
      failWrite: (ops) => (ops.some((op) => op.store === 'sessions' && op.type === 'put') && allowed-- <= 0 ? new Error('worker killed') : undefined),
    });
    allowed = 1; // the worker dies after upgrading one record
    await expect(loadSessions(storage, now)).rejects.toThrow('worker killed');
    const stored = (await storage.list('sessions')).map((e) => e.value as Record<string, unknown>);
    expect(stored.filter((r) => r.schemaVersion === 1)).toHaveLength(1);
    allowed = Infinity;
    const resumed = await loadSessions(storage, now);
    expect(resumed.sessions).toHaveLength(v0.length);
    expect(resumed.migrated).toBe(1);
    for (const { value } of await storage.list('sessions')) expect((value as Session).schemaVersion).toBe(1);
  });

  it('garbage in storage is quarantined with its reason, never silently dropped', async () => {
    const storage = await seeded([['x', { hello: 'world' }]]);
    const r = await loadSessions(storage, now);
    expect(r.sessions).toEqual([]);
    expect(r.quarantined[0]).toMatchObject({ key: 'x', record: { hello: 'world' }, quarantinedAt: now });
    expect(r.quarantined[0].error.vi).toContain('Không nhận ra bản ghi');
  });

  it('refuses to open data written by a newer version', async () => {
    const storage = new MemoryStorage();
    await storage.put('meta', 'dataVersion', DATA_VERSION + 1);
    await expect(loadSessions(storage, now)).rejects.toThrow('Update the extension');
  });

  it('saves only valid sessions; a quota error becomes a clear message and leaves nothing half-written', async () => {
    const storage = new MemoryStorage({ failWrite: () => new StorageQuotaError() });
    const r = await saveSession(storage, session());
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ vi: expect.stringContaining('hết chỗ lưu') }) });
    expect(storage.dump().sessions).toEqual([]);
    const invalid = await saveSession(new MemoryStorage(), { ...session(), satisfaction: 9 });
    expect(invalid.ok).toBe(false);
    const withPhone = session({ citizen: { phone: '0912345678' } });
    const refused = await saveSession(new MemoryStorage(), withPhone, defaultSettings('ban-01'));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.en).toContain('phone');
    const enabled = { ...defaultSettings('ban-01'), personalFields: { name: false, idNumber: false, phone: true, note: false } };
    expect((await saveSession(new MemoryStorage(), withPhone, enabled)).ok).toBe(true);
  });

  it('withdrawal, retention purge and merge go through atomic writes', async () => {
    const storage = new MemoryStorage();
    const old = session({ startedAt: vn(2024, 1, 1) });
    const kept = session();
    for (const s of [old, kept]) expect((await saveSession(storage, s)).ok).toBe(true);
    const { sessions } = await loadSessions(storage, now);
    const { purge } = partitionForRetention(sessions, now, 12);
    expect((await deleteSessions(storage, purge.map((s) => s.id))).ok).toBe(true);
    expect((await storage.list('sessions')).map((e) => e.key)).toEqual([kept.id]);
    const incoming = [session(), kept];
    const merged = mergeSessions([kept], incoming);
    expect((await applyMerge(storage, merged)).ok).toBe(true);
    expect(await storage.list('sessions')).toHaveLength(2);
    const plan = withdrawalTargets(merged.sessions, kept.id);
    await deleteSessions(storage, plan.deleteIds);
    expect((await storage.list('sessions')).map((e) => e.key)).toEqual([incoming[0].id]);
  });

  it('settings and member profiles are parsed on the way in and out', async () => {
    const storage = new MemoryStorage();
    expect(await loadSettings(storage)).toEqual({ ok: true, settings: undefined });
    const settings = { ...defaultSettings('ban-01'), retentionMonths: 6 };
    expect((await saveSettings(storage, settings)).ok).toBe(true);
    expect(await loadSettings(storage)).toEqual({ ok: true, settings });
    await storage.put('settings', 'desk', { ...settings, retentionMonths: 'forever' });
    expect((await loadSettings(storage)).ok).toBe(false);
    const member = { schemaVersion: 1 as const, id: 'tv-01', displayName: 'Chị Lan', team: 'Tổ 3', commune: 'Xã Tân Phú', createdAt: now };
    expect((await saveMember(storage, member)).ok).toBe(true);
    await storage.put('members', 'broken', { id: 'broken' });
    expect(await loadMembers(storage)).toEqual({ members: [member], unreadable: ['broken'] });
  });

  it('"delete everything" leaves no trace in any store', async () => {
    const storage = new MemoryStorage();
    await saveSettings(storage, defaultSettings('ban-01'));
    await saveSession(storage, session());
    await saveMember(storage, { schemaVersion: 1, id: 'tv-01', displayName: 'Lan', team: 'Tổ 3', commune: 'Xã Tân Phú', createdAt: now });
    await storage.put('quarantine', 'x', { record: 1 });
    await loadSessions(storage, now);
    expect((await deleteEverything(storage)).ok).toBe(true);
    const dump = storage.dump();
    expect(Object.values(dump).every((entries) => entries.length === 0)).toBe(true);
    expect(JSON.stringify(dump)).not.toContain('tv-01');
  });

  it('a page that reloads after "delete everything" leaves the database empty (no version marker)', async () => {
    const s = session();
    const storage = await seeded([[s.id, s]]);
    await loadSessions(storage, now);
    expect(await storage.get('meta', 'dataVersion')).toBe(DATA_VERSION);
    expect((await deleteEverything(storage)).ok).toBe(true);
    expect((await loadSessions(storage, now)).sessions).toEqual([]);
    expect(Object.values(storage.dump()).every((entries) => entries.length === 0)).toBe(true);
  });
});
