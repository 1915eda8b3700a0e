import type { CDPSession } from '@playwright/test';

/**
 * "Painted" read from the renderer's own trace rather than from a page-side frame clock: the page
 * marks each moment with performance.mark (blink.user_timing), Chromium records its Paint events
 * (devtools.timeline), and a change counts as painted at the end of the first Paint that starts
 * after its mark. A change made inside a frame's requestAnimationFrame callbacks is painted by that
 * same frame; a change made in a task between frames, by the next one. A clock of tasks posted from
 * rAF cannot tell the two apart, and a posted task still queued from an earlier frame can even run
 * after the change and look like its frame.
 */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

export async function startPaintTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReturnAsStream' });
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  let out = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    out += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return out;
}

export async function stopPaintTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream!)));
  await cdp.send('Tracing.end');
  const parsed = JSON.parse(await readStream(cdp, await done)) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

export interface PaintedSample {
  /** start → end of the first Paint that begins after done */
  ms: number;
  /** Paints between the one after start and the one after done: 0 = done is in the frame that first shows start */
  framesLate: number;
}

/**
 * For each pair of marks `${prefix}start:i` → `${prefix}done:i` (in the marks' renderer), the time
 * to the end of the first Paint that begins after done, and how many frames after the first Paint
 * after start that was. NaN when no such Paint was traced.
 */
export function paintedAfterMarks(events: TraceEvent[], prefix: string, samples: number): PaintedSample[] {
  const marks = new Map<string, TraceEvent>();
  for (const e of events) if (e.name.startsWith(prefix) && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b')) marks.set(e.name, e);
  const first = marks.values().next().value as TraceEvent | undefined;
  if (!first) throw new Error(`paint trace: no "${prefix}" marks were recorded`);
  const paints = events.filter((e) => e.name === 'Paint' && e.ph === 'X' && e.pid === first.pid).sort((a, b) => a.ts - b.ts);
  const firstAfter = (mark: TraceEvent | undefined) => (mark ? paints.findIndex((p) => p.ts >= mark.ts) : -1);
  const out: PaintedSample[] = [];
  for (let i = 0; i < samples; i++) {
    const start = marks.get(`${prefix}start:${i}`);
    const [first, paint] = [firstAfter(start), firstAfter(marks.get(`${prefix}done:${i}`))];
    out.push(start && paint >= 0 ? { ms: (paints[paint].ts + (paints[paint].dur ?? 0) - start.ts) / 1000, framesLate: paint - first } : { ms: NaN, framesLate: NaN });
  }
  return out;
}
