import { createMember, settingsOrCreate } from '../../../extension/desk/store';
import { startDeskSession, updateSession } from '../../../extension/desk/session-store';
import { IdbStorage } from '../../../extension/sessions-db/idb-storage';
import { addTask, markTask } from '../../../sessions';
import { percentile } from '../stats';

const TASKS = ['tim-thu-tuc', 'dang-nhap-dvcqg', 'nop-ho-so-truc-tuyen', 'tra-cuu-ho-so', 'dang-ky-khai-sinh', 'cap-doi-giay-phep-lai-xe'];

/**
 * One assisted-session change made the way the desk console makes it: `updateSession` takes the
 * cross-context Web Lock, reads the settings and the stored session, runs the reducer, redacts,
 * validates, writes with strict durability, waits for the transaction to complete and broadcasts
 * the change. Real IndexedDB, Web Locks and BroadcastChannel in Chromium.
 */
export async function measurePersist(samples: number) {
  const db = await IdbStorage.open(`bench-persist-${Date.now()}`);
  const settings = await settingsOrCreate(db);
  if (!settings.ok) throw new Error(settings.error.en);
  const member = await createMember(db, { displayName: 'Thành viên bench', team: 'Tổ công nghệ số bench', commune: 'Xã bench' }, Date.now());
  if (!member.ok) throw new Error(member.error.en);
  const times: number[] = [];
  let at = Date.now();
  const started = await startDeskSession(db, { id: crypto.randomUUID(), memberId: member.value.id, agreed: true, at });
  if (!started.ok) throw new Error(started.error.en);
  const sessionId = started.value.id;
  for (let i = 0; i < samples; i++) {
    const task = TASKS[Math.floor(i / 2) % TASKS.length];
    const when = (at += 1000);
    const t0 = performance.now();
    const saved = await updateSession(db, sessionId, (session) =>
      i % 2 === 0 ? (session.tasks.some((t) => t.taskId === task) ? markTask(session, task, { outcome: 'pending' }, when) : addTask(session, task, when)) : markTask(session, task, { outcome: 'done' }, when),
    );
    times.push(performance.now() - t0);
    if (!saved.ok) throw new Error(saved.error.en);
  }
  db.close();
  return { samples, median: percentile(times, 50), p95: percentile(times, 95) };
}
