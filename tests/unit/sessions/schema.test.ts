import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, DeskSettings, Session, TeamMember } from '../../../sessions/schema';
import { declined, session, task, vn } from './helpers';

const pathsOf = (value: unknown) => {
  const r = Session.safeParse(value);
  if (r.success) throw new Error('expected rejection');
  return r.error.issues.map((i) => i.path.join('.'));
};

describe('Session schema', () => {
  it('accepts a consented and a declined session', () => {
    expect(Session.safeParse(session()).success).toBe(true);
    expect(Session.safeParse(declined()).success).toBe(true);
  });

  it('rejects unknown keys anywhere (strict)', () => {
    expect(pathsOf({ ...session(), extra: 1 })).toEqual(['']);
    expect(pathsOf({ ...session(), citizen: { ageBand: '18-29', birthYear: 1990 } })).toEqual(['citizen']);
  });

  it('stores nothing about the citizen when consent was declined', () => {
    const s = declined();
    expect(pathsOf({ ...s, citizen: { ageBand: '18-29' } })).toEqual(['citizen']);
    expect(pathsOf({ ...s, satisfaction: 5 })).toEqual(['satisfaction']);
  });

  it('requires a reason exactly for partial and not-done', () => {
    const at = vn(2026, 3, 2, 8);
    expect(pathsOf(session({ tasks: [{ taskId: 'cai-dat-vneid', outcome: 'partial', source: 'manual', at }] }))).toEqual(['tasks.0.reason']);
    expect(pathsOf(session({ tasks: [{ taskId: 'cai-dat-vneid', outcome: 'done', reason: 'khac', source: 'manual', at }] }))).toEqual(['tasks.0.reason']);
    expect(Session.safeParse(session({ tasks: [task('cai-dat-vneid', 'not-done', at, { reason: 'het-thoi-gian' })] })).success).toBe(true);
  });

  it('rejects a task listed twice, bad ids, bad times and bad scores', () => {
    const at = vn(2026, 3, 2, 8);
    expect(pathsOf(session({ tasks: [task('a', 'done', at), task('a', 'pending', at)] }))).toEqual(['tasks.1.taskId']);
    expect(pathsOf({ ...session(), id: 'not-a-uuid' })).toEqual(['id']);
    expect(pathsOf({ ...session(), id: '6F1C2E4A-8B3D-4C5E-9F60-7A8B9C0D1E2F' })).toEqual(['id']);
    expect(pathsOf({ ...session(), memberId: 'Chị Lan' })).toEqual(['memberId']);
    expect(pathsOf({ ...session(), startedAt: '2026-03-02T08:00:00Z' })).toContain('startedAt');
    expect(pathsOf({ ...session(), startedAt: 1000 })).toContain('startedAt');
    expect(pathsOf(session({ endedAt: vn(2026, 3, 1) }))).toEqual(['endedAt']);
    expect(pathsOf(session({ satisfaction: 6 }))).toEqual(['satisfaction']);
    expect(pathsOf(session({ satisfaction: 4.5 }))).toEqual(['satisfaction']);
  });

  it('validates personal field formats and plain text', () => {
    expect(pathsOf(session({ citizen: { phone: '12345' } }))).toEqual(['citizen.phone']);
    expect(pathsOf(session({ citizen: { idNumber: '0123456789' } }))).toEqual(['citizen.idNumber']);
    expect(pathsOf(session({ citizen: { note: '<img src=x onerror=alert(1)>' } }))).toEqual(['citizen.note']);
    expect(Session.safeParse(session({ citizen: { idNumber: '001234567890', phone: '0912345678', name: 'Nguyễn Thị Lan' } })).success).toBe(true);
  });

  it('never crashes on arbitrary JSON and never lets __proto__ through', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = Session.safeParse(value);
        if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    const polluted = JSON.parse(JSON.stringify(session()).replace('{', '{"__proto__":{"polluted":true},'));
    expect(Session.safeParse(polluted).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('DeskSettings and TeamMember', () => {
  it('defaults every personal field off and retention to 12 months', () => {
    const s = defaultSettings('ban-01');
    expect(s.personalFields).toEqual({ name: false, idNumber: false, phone: false, note: false });
    expect(s.retentionMonths).toBe(12);
    expect(DeskSettings.safeParse({ ...s, retentionMonths: 0 }).success).toBe(false);
    expect(DeskSettings.safeParse({ ...s, personalFields: { ...s.personalFields, email: true } }).success).toBe(false);
  });

  it('accepts a member profile with a code id', () => {
    const member = { schemaVersion: 1, id: 'tv-01', displayName: 'Chị Lan (TV01)', team: 'Tổ CNSCĐ thôn 3', commune: 'Xã Tân Phú', createdAt: vn(2026, 1, 5) };
    expect(TeamMember.safeParse(member).success).toBe(true);
    expect(TeamMember.safeParse({ ...member, id: 'TV 01' }).success).toBe(false);
  });
});
