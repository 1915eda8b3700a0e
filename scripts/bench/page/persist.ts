import { IdbStorage } from '../../../extension/sessions-db/idb-storage';
import { addTask, defaultSettings, markTask, saveSession, startSession, type Session } from '../../../sessions';
import { percentile } from '../stats';

const TASKS = ['tim-thu-tuc', 'dang-nhap-dvcqg', 'nop-ho-so-truc-tuyen', 'tra-cuu-ho-so', 'dang-ky-khai-sinh', 'cap-doi-giay-phep-lai-xe'];

/**
 * The time for one session change to be durable in IndexedDB (validate + write + transaction
 * complete), as the desk console does it for every tick of a task. Real IndexedDB in Chromium.
 */
export async function measurePersist(samples: number) {
  const db = await IdbStorage.open(`bench-persist-${Date.now()}`);
  const settings = defaultSettings('ban-bench001');
  const times: number[] = [];
  let at = Date.UTC(2026, 10, 26, 2);
  let session: Session | undefined;
  for (let i = 0; i < samples; i++) {
    const slot = i % TASKS.length;
    if (slot === 0 || !session) {
      const started = startSession({ id: crypto.randomUUID(), deskId: settings.deskId, memberId: 'bench', at, consent: { agreed: true } }, settings);
      if (!started.ok) throw new Error(started.error.en);
      session = started.session;
    }
    const next =
      i % 2 === 0 ? addTask(session, TASKS[slot], (at += 1000)) : markTask(session, TASKS[slot - 1] ?? TASKS[0], { outcome: 'done' }, (at += 1000));
    if (!next.ok) throw new Error(next.error.en);
    session = next.session;
    const t0 = performance.now();
    const saved = await saveSession(db, session, settings);
    times.push(performance.now() - t0);
    if (!saved.ok) throw new Error(saved.error.en);
  }
  db.close();
  return { samples, median: percentile(times, 50), p95: percentile(times, 95) };
}
