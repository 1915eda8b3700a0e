import { describe, expect, it } from 'vitest';
import { CONSENT_TEXTS, CURRENT_CONSENT_VERSION, SHARING_CONSENT_VERSIONS, V1_CONSENT_VERSION } from '../../../sessions/consent';
import { REPLICATED_KEYS, replicatedSessionDoc, replicatedWithdrawalDoc, replaces, winningCopy } from '../../../sessions/replication';
import { Session } from '../../../sessions/schema';
import { session, task, vn } from '../sessions/helpers';

const desk = { deskId: 'ban-01', commune: 'Xã Tân Phú' };
const shared = (overrides: Parameters<typeof session>[0] = {}) => {
  const s = session(overrides);
  return { ...s, consent: { ...s.consent, textVersion: CURRENT_CONSENT_VERSION } };
};

/** Every key at every depth, as dotted paths (array indexes dropped). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, prefix));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)]);
}

describe('the replicated document', () => {
  it('carries no personal field, even with every one of them set', () => {
    const full = shared({
      citizen: { ageBand: '60-74', gender: 'nu', firstTime: true, name: 'Nguyễn Thị Hoa', idNumber: '001203004005', phone: '0912345678', note: 'Cần đọc to' },
      satisfaction: 5,
      endedAt: vn(2026, 3, 2, 9),
      updatedAt: vn(2026, 3, 2, 9),
      tasks: [task('cai-dat-vneid', 'done', vn(2026, 3, 2, 8)), task('nop-ho-so', 'not-done', vn(2026, 3, 2, 8, 30), { reason: 'thieu-giay-to', source: 'tour' })],
    });
    expect(Session.safeParse(full).success).toBe(true);
    const doc = replicatedSessionDoc(full, desk);
    expect(doc).toBeDefined();
    const text = JSON.stringify(doc);
    for (const secret of ['Nguyễn Thị Hoa', '001203004005', '0912345678', 'Cần đọc to']) expect(text).not.toContain(secret);
    expect([...new Set(keyPaths(doc))].sort()).toEqual(
      [
        '_id', 'type', 'v', 'deskId', 'commune', 'session',
        'session.schemaVersion', 'session.id', 'session.deskId', 'session.memberId', 'session.startedAt', 'session.updatedAt', 'session.endedAt',
        'session.consent', 'session.consent.textVersion', 'session.consent.agreed', 'session.consent.at',
        'session.citizen', 'session.citizen.ageBand',
        'session.tasks', 'session.tasks.taskId', 'session.tasks.outcome', 'session.tasks.source', 'session.tasks.at', 'session.tasks.reason',
      ].sort().filter((k, i, all) => all.indexOf(k) === i),
    );
    // The copy is still a valid session: the merge rule applies to it unchanged.
    expect(Session.safeParse(doc?.session).success).toBe(true);
    expect(doc?.session.citizen).toEqual({ ageBand: '60-74' });
  });

  it('uses only keys the server accepts', () => {
    const doc = replicatedSessionDoc(shared(), desk)!;
    for (const key of Object.keys(doc)) expect(REPLICATED_KEYS.sessionDoc).toContain(key);
    for (const key of Object.keys(doc.session)) expect(REPLICATED_KEYS.session).toContain(key);
    for (const key of Object.keys(replicatedWithdrawalDoc({ id: doc.session.id, at: vn(2026, 3, 3) }, 'ban-01'))) expect(REPLICATED_KEYS.withdrawalDoc).toContain(key);
  });

  it('is built only when the consent text read says records go to the province and the citizen agreed', () => {
    expect(SHARING_CONSENT_VERSIONS).toEqual([CURRENT_CONSENT_VERSION]);
    expect(CONSENT_TEXTS[CURRENT_CONSENT_VERSION].paragraphs.join(' ')).toContain('máy chủ của tỉnh');
    expect(replicatedSessionDoc(shared(), desk)).toBeDefined();
    const old = session();
    expect(old.consent.textVersion).toBe(V1_CONSENT_VERSION);
    expect(replicatedSessionDoc(old, desk)).toBeUndefined();
    const pilot = { ...old, consent: { ...old.consent, textVersion: 'thi-diem' } };
    expect(replicatedSessionDoc(pilot, desk)).toBeUndefined();
    const declined = shared();
    delete declined.citizen;
    declined.consent = { ...declined.consent, agreed: false };
    expect(replicatedSessionDoc(declined, desk)).toBeUndefined();
  });

  it('is built only for this desk’s own sessions (an imported record stays with its desk)', () => {
    expect(replicatedSessionDoc(shared({ deskId: 'ban-02' }), desk)).toBeUndefined();
  });

  it('names the commune, or says it is not set', () => {
    expect(replicatedSessionDoc(shared(), desk)?.commune).toBe('Xã Tân Phú');
    expect(replicatedSessionDoc(shared(), { deskId: 'ban-01' })?.commune).toBe('(chưa ghi xã)');
  });
});

describe('conflicts follow the file merge rule', () => {
  it('the later edit wins, whichever order the copies come in', () => {
    const a = shared({ updatedAt: vn(2026, 3, 2, 9) });
    const b = { ...a, updatedAt: vn(2026, 3, 2, 10), tasks: [task('cai-dat-vneid', 'partial', vn(2026, 3, 2, 10))] };
    expect(winningCopy([{ session: a }, { session: b }]).session).toBe(b);
    expect(winningCopy([{ session: b }, { session: a }]).session).toBe(b);
    expect(replaces(a, b)).toBe(true);
    expect(replaces(b, a)).toBe(false);
    expect(replaces(undefined, a)).toBe(true);
  });
});
