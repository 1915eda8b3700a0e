import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupJson } from '../../../sessions/export';
import { canonicalJson, compareVersions, jsonEqual, mergeSessions, parseBackup, utf8Length, type ParseResult } from '../../../sessions/merge';
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

describe('parseBackup messages name the problem (Vietnamese for the team member)', () => {
  it('empty, blank, unreadable and non-object files', () => {
    expect(rejected(parseBackup(''))).toMatchObject({ vi: 'Tệp trống.', en: 'The file is empty.' });
    expect(rejected(parseBackup('  \r\n\t'))).toMatchObject({ vi: 'Tệp trống.' });
    expect(rejected(parseBackup('\uFEFF'))).toMatchObject({ vi: 'Tệp trống.' });
    expect(rejected(parseBackup('{oops'))).toMatchObject({ en: 'Not valid JSON: the file is damaged or is not a Dẫn Bước backup.' });
    expect(rejected(parseBackup('"text"'))).toMatchObject({ vi: 'Tệp không phải tệp sao lưu của Dẫn Bước.' });
    expect(rejected(parseBackup('42'))).toMatchObject({ vi: 'Tệp không phải tệp sao lưu của Dẫn Bước.' });
    expect(rejected(parseBackup(undefined as unknown as string))).toMatchObject({ vi: 'Tệp không đọc được.', en: 'The file could not be read.' });
    expect(parseBackup('').ok === false && 'index' in parseBackup('')).toBe(false);
  });

  it('a foreign format is quoted, at most 60 characters of it; a missing one shows as null', () => {
    const r = rejected(parseBackup(JSON.stringify({ format: 'x'.repeat(100) })));
    expect(r.vi).toBe(`Tệp không phải tệp sao lưu phiên hỗ trợ của Dẫn Bước (định dạng: "${'x'.repeat(59)}).`);
    expect(r.en).toBe(`Not a Dẫn Bước session backup (format: "${'x'.repeat(59)}).`);
    expect(rejected(parseBackup(JSON.stringify({ version: 1 }))).en).toBe('Not a Dẫn Bước session backup (format: null).');
  });

  it('versions: whole numbers from 1 to this build’s format', () => {
    for (const version of ['1', 1.5, 0, -1, null]) {
      expect(rejected(parseBackup(file([], { version }))), String(version)).toMatchObject({ vi: 'Tệp sao lưu thiếu số phiên bản hợp lệ.', en: 'The backup has no valid version number.' });
    }
    expect(rejected(parseBackup(file([], { version: 3 }))).vi).toBe('Tệp được tạo bởi bản Dẫn Bước mới hơn (định dạng 3, bản này đọc được 2). Hãy cập nhật tiện ích rồi nhập lại.');
    expect(parseBackup(file([], { version: 2 })).ok).toBe(true);
    expect(parseBackup(file([], { version: 1 })).ok).toBe(true);
  });

  it('the withdrawn list exists from format 2 on, and a bad one rejects the file', () => {
    expect(parseBackup(file([], { version: 2, withdrawn: [{ id: uuid(7), at: t0 }] }))).toMatchObject({ ok: true, withdrawn: [{ id: uuid(7), at: t0 }] });
    expect(rejected(parseBackup(file([], { version: 1, withdrawn: [] })))).toMatchObject({ vi: 'Tệp sao lưu có trường lạ: withdrawn.', en: 'Unknown field(s) in the backup: withdrawn.' });
    const bad = rejected(parseBackup(file([], { version: 2, withdrawn: [{ id: 'not-a-uuid', at: t0 }] })));
    expect(bad.vi).toMatch(/^Danh sách phiên đã rút đồng ý \(withdrawn\) trong tệp không hợp lệ — tệp không được nhập.\nwithdrawn.*\[0\]\.id/);
    expect(bad.en).toMatch(/^The withdrawn list is invalid — nothing was imported.\nwithdrawn.*\[0\]\.id/);
    expect(parseBackup(file([], { version: 2 }))).toMatchObject({ ok: true, withdrawn: [] });
  });

  it('unknown header fields: up to five named', () => {
    const extra = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, 1]));
    expect(rejected(parseBackup(file([], extra)))).toMatchObject({ vi: 'Tệp sao lưu có trường lạ: a, b, c, d, e.', en: 'Unknown field(s) in the backup: a, b, c, d, e.' });
  });

  it('desk ids: lower-case words joined by single dashes, at most 64 characters', () => {
    for (const deskId of ['ban-01', 'a', 'x'.repeat(64), 'diem-ho-tro-3']) expect(parseBackup(file([], { deskId })).ok, deskId).toBe(true);
    for (const deskId of ['-ban', 'ban-', 'ban--01', 'Ban-01', 'ban 01', '', 'x'.repeat(65), 7, 'ban-01\n', 'ô']) {
      expect(rejected(parseBackup(file([], { deskId }))), String(deskId)).toMatchObject({ vi: 'Tệp sao lưu thiếu mã điểm hỗ trợ (deskId).', en: 'The backup has no valid deskId.' });
    }
  });

  it('exportedAt must be a whole number; sessions must be a list', () => {
    for (const exportedAt of ['2026-03-03', 1.5, null]) {
      expect(rejected(parseBackup(file([], { exportedAt }))), String(exportedAt)).toMatchObject({ vi: 'Tệp sao lưu thiếu thời điểm xuất (exportedAt).', en: 'The backup has no valid exportedAt.' });
    }
    expect(rejected(parseBackup(file([], { sessions: {} })))).toMatchObject({ vi: 'Tệp sao lưu thiếu danh sách phiên (sessions).' });
    expect(parseBackup(file([session()]))).toMatchObject({ ok: true, deskId: 'ban-01', exportedAt: vn(2026, 3, 3), warnings: [] });
  });

  it('more than 500,000 sessions is refused before any is read', () => {
    const many = `{"format":"dan-buoc-sessions","version":1,"exportedAt":1,"deskId":"a","sessions":[${'0,'.repeat(500_000)}0]}`;
    expect(rejected(parseBackup(many))).toMatchObject({ vi: 'Tệp có quá nhiều phiên (500001).', en: 'Too many sessions in one file (500001).' });
    const limit = `{"format":"dan-buoc-sessions","version":1,"exportedAt":1,"deskId":"a","sessions":[${'0,'.repeat(499_999)}0]}`;
    expect(rejected(parseBackup(limit)).index).toBe(0);
  });

  it('an invalid session: the Vietnamese message names it and keeps the reason', () => {
    const r = rejected(parseBackup(file([session(), { id: 'x' }])));
    expect(r.index).toBe(1);
    expect(r.vi.startsWith('Phiên thứ 2 (sessions[1]) không hợp lệ — tệp không được nhập, dữ liệu hiện có giữ nguyên.\n')).toBe(true);
    expect(r.en.startsWith('Session 2 (sessions[1]) is invalid — nothing was imported.\n')).toBe(true);
    expect(r.vi.split('\n')[1].length).toBeGreaterThan(0);
  });

  it('the size cap counts bytes: 2 MB of text says "2 MB"; Vietnamese letters count double or triple', () => {
    const big = 'x'.repeat(2 * 1024 * 1024 + 1);
    expect(rejected(parseBackup(big, { maxBytes: 2 * 1024 * 1024 }))).toMatchObject({
      vi: 'Tệp quá lớn (giới hạn 2 MB). Hãy xuất theo từng khoảng thời gian.',
      en: 'File too large (limit 2 MB). Export smaller date ranges.',
    });
    const text = file([session({ citizen: { name: 'Nguyễn Thị Điểm' } })]);
    // Vietnamese letters make the byte length exceed the character count: the byte count decides.
    expect(rejected(parseBackup(text, { maxBytes: text.length })).vi).toContain('Tệp quá lớn');
    expect(parseBackup(text, { maxBytes: utf8Length(text) }).ok).toBe(true);
  });
});

describe('utf8Length agrees with TextEncoder', () => {
  it('at every encoding boundary', () => {
    for (const text of ['\u007f', '\u0080', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '\ud800\udc00', '\udbff\udfff', '\u{10000}', 'aĐ😀ế', '']) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('a lone surrogate counts as the replacement character (3 bytes)', () => {
    expect(utf8Length('\ud800')).toBe(3);
    expect(utf8Length('\udc00')).toBe(3);
    expect(utf8Length('a\udbff')).toBe(4);
  });

  it('for any well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
  });
});

describe('jsonEqual, canonicalJson and compareVersions', () => {
  it('jsonEqual: structure, not identity; undefined keys count as absent', () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(jsonEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(jsonEqual({ a: undefined, b: 1 }, { b: 1, c: 2 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(jsonEqual([1, [2]], [1, [2]])).toBe(true);
    expect(jsonEqual([1, 2], [1])).toBe(false);
    expect(jsonEqual([1, 2], [1, 3])).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({}, [])).toBe(false);
    expect(jsonEqual({ 0: 1 }, [1])).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual({}, null)).toBe(false);
    expect(jsonEqual(null, null)).toBe(true);
    expect(jsonEqual(1, '1')).toBe(false);
    expect(jsonEqual({ a: { b: [1] } }, { a: { b: [1] } })).toBe(true);
    expect(jsonEqual([1], [1, 2])).toBe(false);
    expect(jsonEqual([undefined], [])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual(1, {})).toBe(false);
    expect(jsonEqual({}, 1)).toBe(false);
    expect(jsonEqual('', [])).toBe(false);
    // A "__proto__" key read from a file is an own key; a record without it is not equal.
    expect(jsonEqual(JSON.parse('{"__proto__":{}}'), { x: 1 })).toBe(false);
    // A key only inherited from the prototype is not the same as an own key.
    expect(jsonEqual({ toString: 1 }, {})).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1, toString: 2 })).toBe(false);
  });

  it('canonicalJson sorts keys, drops undefined and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: undefined }] })).toBe('{"a":[2,{"d":null}],"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('ô')).toBe('"ô"');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('compareVersions: later updatedAt, then later end, then the canonical text; only equal copies tie', () => {
    const a = session({ startedAt: t0, updatedAt: t0 + 10 });
    expect(compareVersions({ ...a, updatedAt: t0 + 20 }, a)).toBeGreaterThan(0);
    expect(compareVersions(a, { ...a, updatedAt: t0 + 20 })).toBeLessThan(0);
    expect(compareVersions({ ...a, endedAt: t0 + 5 }, a)).toBeGreaterThan(0);
    expect(compareVersions(a, { ...a, endedAt: t0 + 5 })).toBeLessThan(0);
    expect(compareVersions({ ...a, endedAt: t0 + 6 }, { ...a, endedAt: t0 + 5 })).toBeGreaterThan(0);
    expect(compareVersions({ ...a, satisfaction: 5 }, { ...a, satisfaction: 4 })).toBe(1);
    expect(compareVersions({ ...a, satisfaction: 4 }, { ...a, satisfaction: 5 })).toBe(-1);
    expect(compareVersions(a, structuredClone(a))).toBe(0);
  });
});

describe('mergeSessions in detail', () => {
  it('sorts the result by start, then id', () => {
    const late = session({ id: uuid(1), startedAt: t0 + 2000 });
    const earlyB = session({ id: uuid(3), startedAt: t0 });
    const earlyA = session({ id: uuid(2), startedAt: t0 });
    expect(mergeSessions([late, earlyB], [earlyA]).sessions.map((s) => s.id)).toEqual([uuid(2), uuid(3), uuid(1)]);
    expect(mergeSessions([], [earlyB, late, earlyA]).sessions.map((s) => s.id)).toEqual([uuid(2), uuid(3), uuid(1)]);
  });

  it('two copies already in this desk’s list: the later one is the one compared and kept', () => {
    const old = session({ startedAt: t0, updatedAt: t0 });
    const newer: Session = { ...old, updatedAt: t0 + 1000, satisfaction: 5 };
    expect(mergeSessions([newer, old], []).sessions).toEqual([newer]);
    expect(mergeSessions([old, newer], []).sessions).toEqual([newer]);
    const r = mergeSessions([old, newer], [structuredClone(newer)]);
    expect(r.counts).toEqual({ added: 0, duplicates: 1, conflicts: 0, replaced: 0 });
  });

  it('an older incoming copy is a conflict kept as it is here, and nothing is written', () => {
    const mine = session({ startedAt: t0, updatedAt: t0 + 5000, satisfaction: 5 });
    const theirs: Session = { ...mine, updatedAt: t0 + 1000, satisfaction: 2 };
    const r = mergeSessions([mine], [theirs]);
    expect(r.counts).toEqual({ added: 0, duplicates: 0, conflicts: 1, replaced: 0 });
    expect(r.conflicts).toEqual([{ id: mine.id, kept: 'existing', existingUpdatedAt: t0 + 5000, incomingUpdatedAt: t0 + 1000 }]);
    expect(r.changed).toEqual([]);
  });

  it('copies that differ in personal fields and elsewhere are a conflict, decided by version', () => {
    const full = session({ startedAt: t0, updatedAt: t0, citizen: { ageBand: '60-74', phone: '0912345678' } });
    const strippedLater: Session = { ...full, citizen: { ageBand: '60-74' }, updatedAt: t0 + 1000, satisfaction: 3 };
    const r = mergeSessions([full], [strippedLater]);
    expect(r.counts).toEqual({ added: 0, duplicates: 0, conflicts: 1, replaced: 1 });
    expect(r.sessions).toEqual([strippedLater]);
    // Same personal fields, different values elsewhere: also a conflict, not a "fuller copy".
    const other: Session = { ...full, satisfaction: 4, updatedAt: t0 + 1 };
    expect(mergeSessions([full], [other]).counts).toEqual({ added: 0, duplicates: 0, conflicts: 1, replaced: 1 });
  });

  it('copies with the same fields but a different phone are a conflict, never a silent duplicate', () => {
    const mine = session({ startedAt: t0, citizen: { ageBand: '60-74', phone: '0912345678' } });
    const theirs: Session = { ...mine, citizen: { ageBand: '60-74', phone: '0987654321' } };
    expect(mergeSessions([mine], [theirs]).counts.conflicts).toBe(1);
    expect(mergeSessions([mine], [theirs]).counts.duplicates).toBe(0);
  });

  it('sessions that start together come out in id order, whatever order they came in', () => {
    const same = Array.from({ length: 12 }, (_, i) => session({ id: uuid(100 + i), startedAt: t0 }));
    const ids = same.map((s) => s.id);
    expect(mergeSessions([], [...same].reverse()).sessions.map((s) => s.id)).toEqual(ids);
    expect(mergeSessions(same.slice(6).reverse(), same.slice(0, 6).reverse()).sessions.map((s) => s.id)).toEqual(ids);
  });

  it('a copy with more personal fields replaces one with fewer, never the reverse', () => {
    const two = session({ startedAt: t0, citizen: { ageBand: '60-74', phone: '0912345678', name: 'Nguyễn Văn An' } });
    const one: Session = { ...two, citizen: { ageBand: '60-74', phone: '0912345678' } };
    expect(mergeSessions([one], [two])).toMatchObject({ changed: [two], counts: { added: 0, duplicates: 0, conflicts: 0, replaced: 1 } });
    expect(mergeSessions([two], [one])).toMatchObject({ changed: [], sessions: [two], counts: { duplicates: 1, replaced: 0 } });
  });

  it('a new record counts as added and is written once', () => {
    const fresh = session();
    expect(mergeSessions([session()], [fresh])).toMatchObject({ changed: [fresh], counts: { added: 1, duplicates: 0, conflicts: 0, replaced: 0 } });
  });
});
