import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBandOf, CURRENT_SESSION_VERSION, detectVersion, migrateSession, slugify, type MigrationResult } from '../../../sessions/migrations';
import { Session } from '../../../sessions/schema';
import { vn } from './helpers';

const fixturesDir = new URL('../../fixtures/sessions/', import.meta.url);
const fixture = (name: string): unknown[] => JSON.parse(readFileSync(new URL(name, fixturesDir), 'utf8'));

function migrated(raw: unknown): Extract<MigrationResult, { ok: true }> {
  const r = migrateSession(raw);
  if (!r.ok) throw new Error(r.error.en);
  return r;
}

describe('a fixture for every past and current version', () => {
  const files = readdirSync(fixturesDir).filter((f) => /^v\d+\.json$/.test(f));

  it('exists for v0 … current', () => {
    const versions = files.map((f) => Number(f.slice(1, -5))).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: CURRENT_SESSION_VERSION + 1 }, (_, i) => i));
  });

  for (const name of files) {
    it(`${name}: every record migrates to version ${CURRENT_SESSION_VERSION}, and migrating again changes nothing`, () => {
      const records = fixture(name);
      expect(records.length).toBeGreaterThan(0);
      for (const raw of records) {
        const before = structuredClone(raw);
        const once = migrated(raw);
        expect(once.fromVersion).toBe(Number(name.slice(1, -5)));
        expect(once.session.schemaVersion).toBe(CURRENT_SESSION_VERSION);
        expect(Session.safeParse(once.session).success).toBe(true);
        expect(raw).toEqual(before); // input untouched
        const twice = migrated(JSON.parse(JSON.stringify(once.session)));
        expect(twice.session).toEqual(once.session);
        expect(twice.warnings).toEqual([]);
      }
    });
  }
});

describe('v0 (pilot) → v1', () => {
  const [full, declinedLeaky, messy] = fixture('v0.json').map(migrated);

  it('converts times, ids, consent, birth year, statuses and renamed task ids', () => {
    expect(full.session).toEqual({
      schemaVersion: 1,
      id: '6f1c2e4a-8b3d-4c5e-9f60-7a8b9c0d1e2f',
      deskId: 'ubnd-xa-tan-phu',
      memberId: 'to-3-chi-lan',
      startedAt: vn(2025, 6, 3, 8, 15),
      updatedAt: vn(2025, 6, 3, 8, 52, 30),
      endedAt: vn(2025, 6, 3, 8, 52, 30),
      consent: { textVersion: 'thi-diem', agreed: true, at: vn(2025, 6, 3, 8, 15) },
      citizen: { ageBand: '60-74', gender: 'nu', firstTime: true },
      tasks: [
        { taskId: 'cai-dat-vneid', outcome: 'done', source: 'manual', at: vn(2025, 6, 3, 8, 30) },
        { taskId: 'kich-hoat-dinh-danh-muc-2', outcome: 'not-done', reason: 'thieu-giay-to', source: 'manual', at: vn(2025, 6, 3, 8, 50) },
      ],
      satisfaction: 5,
    });
    expect(full.warnings.map((w) => w.en)).toEqual(['Birth year converted to an age band; the birth year itself is no longer stored.']);
  });

  it('a declined pilot record loses the citizen data it should never have held — and says so', () => {
    expect(declinedLeaky.session.consent.agreed).toBe(false);
    expect(declinedLeaky.session.citizen).toBeUndefined();
    expect(declinedLeaky.session.satisfaction).toBeUndefined();
    expect(declinedLeaky.session.endedAt).toBeUndefined();
    expect(declinedLeaky.session.tasks.map((t) => [t.taskId, t.outcome, t.reason])).toEqual([
      ['thanh-toan-tien-dien', 'partial', 'khac'],
      ['tra-cuu-ho-so', 'pending', undefined],
    ]);
    const warnings = declinedLeaky.warnings.map((w) => w.en).join('\n');
    expect(warnings).toContain('free-text reason "mạng chập chờn, hẹn quay lại" became "khac"');
    expect(warnings).toContain('Consent was declined yet the pilot record held citizen data');
  });

  it('duplicate tasks keep the later entry, free-text task names become ids, with warnings', () => {
    expect(messy.session.startedAt).toBe(vn(2025, 12, 28, 23, 45));
    expect(messy.session.citizen).toBeUndefined();
    expect(messy.session.tasks).toEqual([
      { taskId: 'nop-ho-so-truc-tuyen', outcome: 'done', source: 'manual', at: vn(2025, 12, 29, 0, 20) },
      { taskId: 'thanh-toan-le-phi', outcome: 'done', source: 'manual', at: vn(2025, 12, 29, 0, 25) },
    ]);
    const warnings = messy.warnings.map((w) => w.en);
    expect(warnings).toContain('tasks[0]: no reason given; recorded as "khac".');
    expect(warnings).toContain('tasks[1]: task "nop-ho-so-truc-tuyen" recorded twice; kept the later entry.');
    for (const w of messy.warnings) expect(w.vi.length).toBeGreaterThan(0);
  });

  it('helpers: slugs from typed names, age bands at their edges', () => {
    expect(slugify('Tổ 3 – Chị Lan')).toBe('to-3-chi-lan');
    expect(slugify('  Đội   hỗ trợ số 1 ')).toBe('doi-ho-tro-so-1');
    expect([17, 18, 29, 30, 44, 45, 59, 60, 74, 75, 99].map(ageBandOf)).toEqual(['duoi-18', '18-29', '18-29', '30-44', '30-44', '45-59', '45-59', '60-74', '60-74', '75+', '75+']);
  });
});

describe('garbage gives ok:false with a reason, never a throw', () => {
  it('unrecognised shapes', () => {
    for (const raw of [null, undefined, 42, 'session', [], {}, { schemaVersion: 'one' }, { schemaVersion: -1 }]) {
      const r = migrateSession(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.en).toBeTruthy();
    }
    expect(detectVersion({ desk: 'a', start: 'b', tasks: [] })).toBe(0);
  });

  it('broken records of each version say what is wrong', () => {
    const [v0] = fixture('v0.json') as Array<Record<string, unknown>>;
    const badV0 = migrateSession({ ...v0, start: '03/06/2025 08:15' });
    expect(badV0.ok).toBe(false);
    if (!badV0.ok) expect(badV0.error.en).toMatch(/^Invalid pilot \(v0\) record:\nstart: must be an ISO-8601/);
    const unknownKey = migrateSession({ ...v0, hoTen: 'Nguyễn Văn A' });
    expect(unknownKey.ok).toBe(false);
    if (!unknownKey.ok) expect(unknownKey.error.en).toContain('hoTen');
    const tooOld = migrateSession({ ...v0, start: '2019-06-03T08:15:00+07:00' });
    expect(tooOld.ok).toBe(false);
    if (!tooOld.ok) expect(tooOld.error.en).toContain('Migration from version 0 produced an invalid session');
    const [v1] = fixture('v1.json') as Array<Record<string, unknown>>;
    const badV1 = migrateSession({ ...v1, tasks: 'none' });
    expect(badV1.ok).toBe(false);
    if (!badV1.ok) expect(badV1.error.en).toContain('tasks:');
    const future = migrateSession({ ...v1, schemaVersion: 2 });
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.error.vi).toContain('Hãy cập nhật tiện ích');
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const r = migrateSession(raw);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('desk', 'start', 'tasks', 'member', 'consent', 'id'), fc.jsonValue()), (raw) => {
        expect(typeof migrateSession(raw).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
