import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CONSENT_VERSION, V1_CONSENT_VERSION, sessionDocId, type Session } from '../../../sessions';
import { ADMIN, cuttableLink, DB, PROVINCE, startCouch, type CouchServer } from '../../support/couch-server';
import { sharedSession, simDesk, type SimDesk } from '../../support/desk-sim';
import { vn } from '../sessions/helpers';

/**
 * Replication against a real CouchDB-compatible server (pouchdb-server on 127.0.0.1), seeded by
 * scripts/couch-setup.ts. Desks are simulated with the real session store (in memory), a PouchDB
 * mirror (memory adapter) and the real sync controller; passes run when the test asks.
 */
const DESKS = [
  { name: 'ban-a', password: 'mat-khau-a' },
  { name: 'ban-b', password: 'mat-khau-b' },
];

let couch: CouchServer;
const dbUrl = () => `${couch.url}${DB}`;

function basic(account: { name: string; password: string }) {
  return `Basic ${Buffer.from(`${account.name}:${account.password}`).toString('base64')}`;
}

async function provinceWeekly(): Promise<Record<string, number>> {
  const response = await fetch(`${dbUrl()}/_design/dan-buoc/_view/weekly?group_level=4`, { headers: { authorization: basic(PROVINCE) } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { rows: Array<{ key: string[]; value: number }> };
  return Object.fromEntries(body.rows.map((r) => [r.key.join(' | '), r.value]));
}

async function serverDoc(id: string, query = ''): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${dbUrl()}/${encodeURIComponent(id)}${query}`, { headers: { authorization: basic(ADMIN) } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function allServerText(): Promise<string> {
  const response = await fetch(`${dbUrl()}/_all_docs?include_docs=true`, { headers: { authorization: basic(ADMIN) } });
  return response.text();
}

const desk = (deskId: string, commune: string): Promise<SimDesk> => simDesk({ deskId, password: DESKS.find((d) => d.name === deskId)!.password, commune, serverDb: dbUrl() });

beforeAll(async () => {
  couch = await startCouch(DESKS);
}, 60_000);

afterAll(async () => {
  await couch?.stop();
});

describe('desks replicate to the province server', () => {
  it('two desks record offline, come online, and the province view shows the union without personal fields', async () => {
    const a = await desk('ban-a', 'Xã An Phú');
    const b = await desk('ban-b', 'Xã Bình Minh');
    const monday = vn(2026, 11, 2, 8);
    await a.record(sharedSession('ban-a', monday, [['cai-dat-vneid', 'done'], ['nop-ho-so', 'partial']]));
    await a.record(sharedSession('ban-a', monday + 3600_000, [['cai-dat-vneid', 'done']]));
    await b.record(sharedSession('ban-b', monday, [['cai-dat-vneid', 'not-done']]));
    // Agreed under the old text, which said records stay on the desk: never sent.
    await b.record(sharedSession('ban-b', monday, [['cai-dat-vneid', 'done']], { consent: { textVersion: V1_CONSENT_VERSION, agreed: true, at: monday } }));

    await a.sync();
    await b.sync();
    expect(a.statuses.at(-1)).toMatchObject({ state: 'offline', pending: 2 });
    expect(b.statuses.at(-1)).toMatchObject({ state: 'offline', pending: 1 });
    expect(await provinceWeekly()).toEqual({});

    a.online = true;
    b.online = true;
    await a.sync();
    await b.sync();
    expect(a.statuses.at(-1)).toMatchObject({ state: 'ok', pending: 0 });
    expect(b.statuses.at(-1)).toMatchObject({ state: 'ok', pending: 0 });
    expect(await provinceWeekly()).toEqual({
      '2026-W45 | Xã An Phú | cai-dat-vneid | done': 2,
      '2026-W45 | Xã An Phú | nop-ho-so | partial': 1,
      '2026-W45 | Xã Bình Minh | cai-dat-vneid | not-done': 1,
    });
    const text = await allServerText();
    for (const secret of ['Trần Văn Bình', '0912345678', '"gender"', '"firstTime"']) expect(text).not.toContain(secret);
  });

  it('the same session edited on two machines of a desk converges on the copy the merge rule keeps', async () => {
    const first = await desk('ban-a', 'Xã An Phú');
    const second = await desk('ban-a', 'Xã An Phú');
    first.online = second.online = true;
    const at = vn(2026, 11, 3, 9);
    const base = sharedSession('ban-a', at, [['tra-cuu-ho-so', 'pending']]);
    const earlier: Session = { ...base, updatedAt: at + 60_000, tasks: [{ ...base.tasks[0], outcome: 'not-done', reason: 'loi-he-thong', at: at + 60_000 }] };
    const later: Session = { ...base, updatedAt: at + 120_000, tasks: [{ ...base.tasks[0], outcome: 'done', at: at + 120_000 }] };
    await first.record(later);
    await second.record(earlier);
    await first.sync();
    await second.sync();
    await first.sync();
    await second.sync();

    const onServer = await serverDoc(sessionDocId(base.id), '?conflicts=true');
    expect(onServer.body._conflicts).toBeUndefined();
    expect((onServer.body.session as Session).tasks[0].outcome).toBe('done');
    for (const machine of [first, second]) {
      const copy = await machine.mirror.get(sessionDocId(base.id), { conflicts: true });
      expect(copy._conflicts).toBeUndefined();
      expect((copy.session as Session).updatedAt).toBe(later.updatedAt);
    }
    // The machine whose edit lost does not push it again.
    await second.sync();
    expect((await serverDoc(sessionDocId(base.id))).body._rev).toBe(onServer.body._rev);
  });

  it('a withdrawal at desk A deletes the record at desk B and on the server', async () => {
    const a = await desk('ban-a', 'Xã An Phú');
    const b = await desk('ban-b', 'Xã Bình Minh');
    a.online = b.online = true;
    const record = sharedSession('ban-b', vn(2026, 11, 4, 10), [['cai-dat-vneid', 'done']]);
    await b.record(record);
    await b.sync();
    expect((await serverDoc(sessionDocId(record.id))).status).toBe(200);

    // The citizen comes to desk A (which holds a merged copy from a file) and withdraws.
    await a.record(record);
    await a.withdraw(record.id, vn(2026, 11, 5, 9));
    await a.sync();
    await b.sync();

    expect(await b.store.get('sessions', record.id)).toBeUndefined();
    expect(await b.store.get('meta', `withdrawn:${record.id}`)).toEqual({ v: 1, at: vn(2026, 11, 5, 9) });
    expect((await serverDoc(sessionDocId(record.id))).status).toBe(404);
    expect((await serverDoc(`w:${record.id}`)).body).toMatchObject({ type: 'withdrawal', deskId: 'ban-a', id: record.id });
  });

  it('the server refuses a desk writing another desk’s record or a personal field, directly or by replication', async () => {
    const put = (account: { name: string; password: string }, doc: Record<string, unknown>) =>
      fetch(`${dbUrl()}/${encodeURIComponent(String(doc._id))}`, { method: 'PUT', headers: { authorization: basic(account), 'content-type': 'application/json' }, body: JSON.stringify(doc) });
    const s = sharedSession('ban-a', vn(2026, 11, 6, 8), [['cai-dat-vneid', 'done']]);
    const minimal = { ...s, citizen: { ageBand: '60-74' } };
    const doc = { _id: sessionDocId(s.id), type: 'session', v: 1, deskId: 'ban-a', commune: 'Xã An Phú', session: minimal };
    expect((await put(DESKS[1], doc)).status).toBe(403);
    expect((await put(DESKS[0], { ...doc, session: { ...minimal, citizen: { ageBand: '60-74', name: 'Trần Văn Bình' } } })).status).toBe(403);
    expect((await put(PROVINCE, doc)).status).toBe(403);
    expect((await fetch(`${dbUrl()}/_all_docs`)).status).toBe(401);

    // A modified desk that puts a personal field into its mirror: replication (new_edits=false) is refused too.
    const b = await desk('ban-b', 'Xã Bình Minh');
    b.online = true;
    const forged = sharedSession('ban-b', vn(2026, 11, 6, 9), [['cai-dat-vneid', 'done']]);
    await b.mirror.put({ _id: sessionDocId(forged.id), type: 'session', v: 1, deskId: 'ban-b', commune: 'Xã Bình Minh', session: forged });
    await b.sync();
    expect(b.statuses.at(-1)?.state).toBe('denied');
    expect((await serverDoc(sessionDocId(forged.id))).status).toBe(404);
  });

  it('a network cut in the middle of a replication loses nothing', async () => {
    const link = await cuttableLink(couch.url, { cutAfterBytes: 20_000 });
    const c = await simDesk({ deskId: 'ban-a', password: DESKS[0].password, commune: 'Xã Cắt Mạng', serverDb: `${link.url}${DB}` });
    c.online = true;
    const start = vn(2026, 11, 9, 8);
    for (let i = 0; i < 300; i += 1) await c.record(sharedSession('ban-a', start + i * 60_000, [['cai-dat-vneid', 'done']]));
    await c.sync();
    expect(c.statuses.at(-1)?.state).toBe('error');
    expect(c.statuses.at(-1)?.retryAt).toBeGreaterThan(0);
    const partial = (await provinceWeekly())['2026-W46 | Xã Cắt Mạng | cai-dat-vneid | done'] ?? 0;
    expect(partial).toBeLessThan(300);

    link.restore();
    await c.sync();
    expect(c.statuses.at(-1)).toMatchObject({ state: 'ok', pending: 0 });
    expect((await provinceWeekly())['2026-W46 | Xã Cắt Mạng | cai-dat-vneid | done']).toBe(300);
    await link.close();
  }, 60_000);
});

void CURRENT_CONSENT_VERSION;
