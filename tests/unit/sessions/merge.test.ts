import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupJson } from '../../../sessions/export';
import { mergeSessions, parseBackup, utf8Length, type ParseResult } from '../../../sessions/merge';
import { Session } from '../../../sessions/schema';
import { deepFreeze, session, task, uuid, vn } from './helpers';

const t0 = vn(2026, 3, 2, 8);
const file = (sessions: unknown[], header: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'dan-buoc-sessions', version: 1, exportedAt: vn(2026, 3, 3), deskId: 'ban-01', sessions, ...header });

function rejected(result: ParseResult): { vi: string; en: string; index?: number } {
  if (result.ok) throw new Error('expected the file to be rejected');
  expect(result.error.vi.length).toBeGreaterThan(0);
  expect(result.error.en.length).toBeGreaterThan(0);
  return { ...result.error, index: result.index };
}

describe('parseBackup rejects bad files with a clear message', () => {
  it('non-JSON, empty and non-object files', () => {
    expect(rejected(parseBackup('this is not json')).vi).toContain('không phải JSON hợp lệ');
    expect(rejected(parseBackup('')).en).toBe('The file is empty.');
    expect(rejected(parseBackup('[1,2,3]')).en).toBe('Not a Dẫn Bước backup file.');
    expect(rejected(parseBackup('null')).en).toBe('Not a Dẫn Bước backup file.');
  });

  it('foreign formats: another app’s JSON, a tour file, a task catalogue', () => {
    expect(rejected(parseBackup(JSON.stringify({ name: 'x', items: [] }))).en).toContain('Not a Dẫn Bước session backup');
    expect(rejected(parseBackup(JSON.stringify({ schemaVersion: 1, id: 'dvcqg-tim-thu-tuc', steps: [] }))).vi).toContain('không phải tệp sao lưu');
    expect(rejected(parseBackup(JSON.stringify({ format: 'dan-buoc-task-catalogue', version: 1, tasks: [] }))).en).toContain('"dan-buoc-task-catalogue"');
  });

  it('a file from a newer version asks to update', () => {
    const r = rejected(parseBackup(file([], { version: 3 })));
    expect(r.vi).toContain('Hãy cập nhật tiện ích');
    expect(r.en).toContain('newer Dẫn Bước (format 3');
    expect(rejected(parseBackup(file([], { version: 0 }))).en).toContain('no valid version');
  });

  it('an invalid session: which one and which field; nothing imported', () => {
    const bad = { ...session(), tasks: [{ taskId: 'cai-dat-vneid', outcome: 'partial', source: 'manual', at: t0 }] };
    const r = rejected(parseBackup(file([session(), session(), bad])));
    expect(r.index).toBe(2);
    expect(r.vi).toContain('Phiên thứ 3 (sessions[2])');
    expect(r.en).toContain('tasks[0].reason');
    expect(r.en).toContain('nothing was imported');
  });

  it('a session from a newer version, extra header fields, missing parts', () => {
    expect(rejected(parseBackup(file([{ ...session(), schemaVersion: 9 }]))).en).toContain('newer than this Dẫn Bước');
    expect(rejected(parseBackup(file([], { extra: true }))).en).toContain('Unknown field(s)');
    expect(rejected(parseBackup(file([], { deskId: 'Bàn 1' }))).en).toContain('deskId');
    expect(rejected(parseBackup(JSON.stringify({ format: 'dan-buoc-sessions', version: 1, exportedAt: 1, deskId: 'a' }))).en).toContain('no sessions list');
  });

  it('files over the size cap, counting UTF-8 bytes', () => {
    const text = file([session()]);
    expect(rejected(parseBackup(text, { maxBytes: 100 })).vi).toContain('Tệp quá lớn');
    expect(utf8Length('Đồng ý')).toBe(new TextEncoder().encode('Đồng ý').length);
    expect(utf8Length('😀a')).toBe(5);
    expect(parseBackup(text, { maxBytes: utf8Length(text) }).ok).toBe(true);
  });

  it('accepts a BOM and upgrades pilot (v0) records inside a backup, with warnings', () => {
    const legacy = { id: uuid(42), desk: 'Bàn 1', member: 'TV01', start: '2025-06-03T08:15:00+07:00', consent: true, birthYear: 1950, tasks: [] };
    const r = parseBackup(`\uFEFF${file([legacy])}`);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.sessions[0].citizen?.ageBand).toBe('75+');
      expect(r.warnings[0].index).toBe(0);
    }
  });

  it('__proto__ in a file pollutes nothing and is rejected', () => {
    const text = file([session()]).replace('"tasks":', '"__proto__":{"isAdmin":true},"tasks":');
    expect(parseBackup(text).ok).toBe(false);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('mergeSessions', () => {
  it('the same session imported twice counts once', () => {
    const a = session();
    const b = session();
    const first = mergeSessions([], [a, b]);
    expect(first.counts).toEqual({ added: 2, duplicates: 0, conflicts: 0, replaced: 0 });
    const again = mergeSessions(first.sessions, [structuredClone(a), structuredClone(b)]);
    expect(again.counts).toEqual({ added: 0, duplicates: 2, conflicts: 0, replaced: 0 });
    expect(again.sessions).toHaveLength(2);
    expect(again.changed).toEqual([]);
  });

  it('a backup that left the personal fields out is a duplicate and never erases them; a fuller copy is an update', () => {
    const full = session({ citizen: { ageBand: '60-74', firstTime: true, name: 'Nguyễn Văn An', phone: '0912345678' } });
    const stripped: Session = { ...full, citizen: { ageBand: '60-74', firstTime: true } };
    const kept = mergeSessions([full], [stripped]);
    expect(kept.counts).toEqual({ added: 0, duplicates: 1, conflicts: 0, replaced: 0 });
    expect(kept.sessions).toEqual([full]);
    expect(kept.changed).toEqual([]);
    const restored = mergeSessions([stripped], [full]);
    // Written, so announced as an update: never "identical — skipped".
    expect(restored.counts).toEqual({ added: 0, duplicates: 0, conflicts: 0, replaced: 1 });
    expect(restored.sessions).toEqual([full]);
    expect(restored.changed).toEqual([full]);
  });

  it('two different copies: the later updatedAt wins and the conflict is reported', () => {
    const old = session({ startedAt: t0, updatedAt: t0 + 1000 });
    const newer: Session = { ...old, updatedAt: t0 + 5000, endedAt: t0 + 5000, satisfaction: 5 };
    const r = mergeSessions([old], [newer]);
    expect(r.counts).toEqual({ added: 0, duplicates: 0, conflicts: 1, replaced: 1 });
    expect(r.conflicts).toEqual([{ id: old.id, kept: 'incoming', existingUpdatedAt: t0 + 1000, incomingUpdatedAt: t0 + 5000 }]);
    expect(r.sessions).toEqual([newer]);
    expect(r.changed).toEqual([newer]);
    const back = mergeSessions([newer], [old]);
    expect(back.conflicts[0].kept).toBe('existing');
    expect(back.sessions).toEqual([newer]);
    expect(back.changed).toEqual([]);
  });

  it('counts exactly what it writes: added + replaced is the number of changed records', () => {
    const a = session({ startedAt: t0, updatedAt: t0 });
    const v2: Session = { ...a, updatedAt: t0 + 1000, satisfaction: 4 };
    const v3: Session = { ...a, updatedAt: t0 + 2000, satisfaction: 5 };
    const fresh = session({ startedAt: t0 });
    const freshLater: Session = { ...fresh, updatedAt: t0 + 3000, satisfaction: 3 };
    const r = mergeSessions([a], [v2, v3, fresh, freshLater]);
    expect(r.changed).toHaveLength(2);
    expect(r.counts.added + r.counts.replaced).toBe(r.changed.length);
    expect(r.counts).toMatchObject({ added: 1, replaced: 1 });
  });

  it('does not touch its inputs (a failed import changes nothing)', () => {
    const existing = deepFreeze([session(), session()]);
    const before = structuredClone(existing);
    const failed = parseBackup('{"format":"dan-buoc-sessions","version":1,"exportedAt":1,"deskId":"a","sessions":[{"bad":true}]}');
    expect(failed.ok).toBe(false);
    const merged = mergeSessions(existing, failed.ok ? failed.sessions : []);
    expect(merged.sessions).toEqual(before);
    expect(existing).toEqual(before);
  });
});

/** Valid sessions whose ids come from a small pool, so copies collide often. */
const arbSession = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    startOffset: fc.integer({ min: 0, max: 3 }),
    update: fc.integer({ min: 0, max: 4 }),
    ended: fc.boolean(),
    agreed: fc.boolean(),
    satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    outcome: fc.constantFrom('done' as const, 'partial' as const, 'pending' as const),
  })
  .map(({ n, startOffset, update, ended, agreed, satisfaction, outcome }) => {
    const startedAt = t0 + n * 3_600_000 + startOffset;
    const s: Session = {
      schemaVersion: 1,
      id: uuid(n),
      deskId: `ban-0${(n % 3) + 1}`,
      memberId: 'tv-01',
      startedAt,
      updatedAt: startedAt + update * 60_000,
      consent: { textVersion: 'v1-2026', agreed, at: startedAt },
      tasks: [task('cai-dat-vneid', outcome, startedAt)],
    };
    if (ended) s.endedAt = startedAt + update * 60_000;
    if (agreed) {
      s.citizen = { ageBand: '45-59' };
      if (satisfaction !== undefined) s.satisfaction = satisfaction;
    }
    return s;
  });

const setOf = (sessions: Session[]) => [...sessions].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('mergeSessions properties', () => {
  const lists = fc.array(arbSession, { maxLength: 12 });

  it('results are valid and hold exactly one record per id', () => {
    fc.assert(
      fc.property(lists, lists, (a, b) => {
        const { sessions } = mergeSessions(a, b);
        expect(new Set(sessions.map((s) => s.id)).size).toBe(sessions.length);
        expect(new Set([...a, ...b].map((s) => s.id)).size).toBe(sessions.length);
        for (const s of sessions) expect(Session.safeParse(s).success).toBe(true);
      }),
    );
  });

  it('idempotent: importing the same file again changes nothing', () => {
    fc.assert(
      fc.property(lists, lists, (a, b) => {
        const once = mergeSessions(a, b);
        const twice = mergeSessions(once.sessions, b);
        expect(twice.sessions).toEqual(once.sessions);
        expect(twice.changed).toEqual([]);
        expect(twice.counts.added).toBe(0);
        expect(mergeSessions(once.sessions, once.sessions).counts.duplicates).toBe(once.sessions.length);
      }),
    );
  });

  it('commutative: the order files are imported in does not matter', () => {
    fc.assert(
      fc.property(lists, lists, lists, (a, b, c) => {
        expect(setOf(mergeSessions(a, b).sessions)).toEqual(setOf(mergeSessions(b, a).sessions));
        const abc = mergeSessions(mergeSessions(a, b).sessions, c).sessions;
        const cba = mergeSessions(mergeSessions(c, b).sessions, a).sessions;
        expect(setOf(abc)).toEqual(setOf(cba));
      }),
    );
  });

  it('a backup round-trips into an equal merge', () => {
    fc.assert(
      fc.property(lists, (a) => {
        const merged = mergeSessions([], a).sessions;
        const parsed = parseBackup(backupJson(merged, { deskId: 'ban-01', exportedAt: t0 }));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(mergeSessions(merged, parsed.sessions).counts.duplicates).toBe(merged.length);
      }),
      { numRuns: 50 },
    );
  });
});
