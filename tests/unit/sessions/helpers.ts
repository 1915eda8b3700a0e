import { type Session, type TaskEntry } from '../../../sessions/schema';

/** Epoch ms of a Vietnam (UTC+7) wall-clock time; month 1–12. */
export function vn(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  return Date.UTC(year, month - 1, day, hour - 7, minute, second, ms);
}

/** A deterministic v4-shaped UUID from a number. */
export function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8000-${hex}`;
}

let counter = 0;

/** A valid consented session, with overrides; tasks default to one done task. */
export function session(overrides: Partial<Session> = {}): Session {
  counter += 1;
  const startedAt = overrides.startedAt ?? vn(2026, 3, 2, 8, 0);
  const base: Session = {
    schemaVersion: 1,
    id: uuid(counter),
    deskId: 'ban-01',
    memberId: 'tv-01',
    startedAt,
    updatedAt: startedAt,
    consent: { textVersion: 'v1-2026', agreed: true, at: startedAt },
    citizen: { ageBand: '60-74', gender: 'nu', firstTime: true },
    tasks: [task('cai-dat-vneid', 'done', startedAt)],
  };
  const out = { ...base, ...overrides };
  if (out.updatedAt < out.startedAt) out.updatedAt = out.startedAt;
  return out;
}

export function task(taskId: string, outcome: TaskEntry['outcome'], at: number, extra: Partial<TaskEntry> = {}): TaskEntry {
  const entry: TaskEntry = { taskId, outcome, source: 'manual', at, ...extra };
  if ((outcome === 'partial' || outcome === 'not-done') && !entry.reason) entry.reason = 'khac';
  return entry;
}

/** A declined session: nothing about the citizen. */
export function declined(overrides: Partial<Session> = {}): Session {
  const s = session(overrides);
  delete s.citizen;
  delete s.satisfaction;
  s.consent = { ...s.consent, agreed: false };
  return s;
}

/** Deep-freezes a value so a test fails if a pure function mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** A tiny RFC 4180 parser (the test's own, independent of the writer). */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let started = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      started = true;
      i += 1;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      started = true;
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      started = false;
      i += 2;
    } else if (ch === '\n' || ch === '\r') {
      throw new Error(`bare line break at ${i}: RFC 4180 lines end in CRLF`);
    } else {
      field += ch;
      started = true;
      i += 1;
    }
  }
  if (started || field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
