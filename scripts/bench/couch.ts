import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { defaultSettings, MemoryStorage, saveSettings, type WriteOp } from '../../sessions';
import { pushToMirror } from '../../extension/sync/mirror';
import { cuttableLink, DB, PROVINCE, startCouch } from '../../tests/support/couch-server';
import { memoryDb, remoteDb } from '../../tests/support/pouch-node';
import { sharedSession } from '../../tests/support/desk-sim';
import { ms } from './stats';
import type { Section } from './table';

/** GET without a response deadline: building the view over 100,000 documents can take minutes. */
function slowGet(url: string, authorization: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Replication at province scale, on loopback only: BENCH_COUCH_SESSIONS (100,000) sessions from
 * BENCH_COUCH_DESKS (20) simulated desks into one pouchdb-server database, then the province's
 * weekly view over all of them. Bytes are counted on the wire by a TCP relay in front of the server.
 */
export async function benchCouch(
  sessions = Number(process.env.BENCH_COUCH_SESSIONS) || 100_000,
  desks = Number(process.env.BENCH_COUCH_DESKS) || 20,
): Promise<Section> {
  const accounts = Array.from({ length: desks }, (_, i) => ({ name: `ban-bench-${i + 1}`, password: `mat-khau-${i + 1}` }));
  const couch = await startCouch(accounts);
  const link = await cuttableLink(couch.url);
  try {
    const perDesk = Math.ceil(sessions / desks);
    const week = Date.UTC(2026, 10, 2, 1);
    const tasks = ['cai-dat-vneid', 'nop-ho-so', 'tra-cuu-ho-so', 'thanh-toan'];
    const outcomes = ['done', 'partial', 'not-done', 'pending'] as const;

    let toMirror = 0;
    const mirrors = [];
    for (const [d, account] of accounts.entries()) {
      const store = new MemoryStorage();
      await saveSettings(store, { ...defaultSettings(account.name), commune: `Xã ${(d % 10) + 1}` });
      const ops: WriteOp[] = [];
      for (let i = 0; i < perDesk; i += 1) {
        const at = week + ((d * perDesk + i) % (7 * 24 * 60)) * 60_000;
        const s = sharedSession(account.name, at, [[tasks[i % tasks.length], outcomes[(i >> 2) % outcomes.length]]]);
        ops.push({ type: 'put', store: 'sessions', key: s.id, value: s });
      }
      await store.write(ops);
      const mirror = memoryDb(account.name);
      const started = performance.now();
      await pushToMirror(store, mirror, { deskId: account.name, commune: `Xã ${(d % 10) + 1}` });
      toMirror += performance.now() - started;
      mirrors.push({ mirror, account });
    }

    const bytesBefore = link.bytes();
    const started = performance.now();
    const results = await Promise.all(
      mirrors.map(({ mirror, account }) => mirror.replicate.to(remoteDb(`${link.url}${DB}`, { auth: { username: account.name, password: account.password } }), { batch_size: 500 })),
    );
    const replicateMs = performance.now() - started;
    const bytes = link.bytes() - bytesBefore;
    const written = results.reduce((sum, r) => sum + r.docs_written, 0);
    const failures = results.reduce((sum, r) => sum + r.doc_write_failures, 0);
    console.error(`bench couch: ${written} sessions replicated in ${ms(replicateMs)}, ${bytes} bytes; building the view…`);

    const auth = `Basic ${Buffer.from(`${PROVINCE.name}:${PROVINCE.password}`).toString('base64')}`;
    const viewUrl = `${couch.url}${DB}/_design/dan-buoc/_view/weekly?group_level=4`;
    const first = performance.now();
    const rows = (JSON.parse(await slowGet(viewUrl, auth)) as { rows: Array<{ value: number }> }).rows;
    const firstMs = performance.now() - first;
    const again = performance.now();
    await slowGet(viewUrl, auth);
    const againMs = performance.now() - again;
    const counted = rows.reduce((sum, r) => sum + r.value, 0);

    return {
      title: `8. Replication to the province (pouchdb-server on 127.0.0.1, ${written.toLocaleString('en')} sessions from ${desks} desks)`,
      rows: [
        { name: 'store → mirror (pushToMirror, all desks, sequential)', value: ms(toMirror) },
        { name: `${desks} desks replicate at once (docs written / refused)`, value: `${ms(replicateMs)} (${written} / ${failures})` },
        { name: 'bytes on the wire, both ways', value: `${(bytes / 1024 / 1024).toFixed(1)} MB (${Math.round(bytes / Math.max(1, written))} B per session)` },
        { name: 'province weekly view, first query (builds the index)', value: `${ms(firstMs)} — ${rows.length} rows, ${counted} tasks counted` },
        { name: 'province weekly view, again (index up to date)', value: ms(againMs) },
      ],
      data: { sessions: written, desks, toMirrorMs: toMirror, replicateMs, bytes, failures, viewFirstMs: firstMs, viewAgainMs: againMs, rows: rows.length, counted },
    };
  } finally {
    await link.close();
    await couch.stop();
  }
}
