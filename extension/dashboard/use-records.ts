import { useCallback, useEffect, useRef, useState } from 'react';
import type { FromWorker, RecordsAnswers, RecordsRequest, ToWorker } from './records-protocol';
import type { RecordsInfo } from './records-store';

/**
 * The page's side of the records worker (records-worker.ts): what it last said about the records
 * (count, quarantine, upgrades) and a way to ask it for an export or a lookup. The worker follows
 * every change broadcast by itself; `reload` makes it read everything again.
 */
export type RecordsState = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & RecordsInfo);

export type AskRecords = <K extends RecordsRequest['kind']>(request: Extract<RecordsRequest, { kind: K }>, progress?: (fraction: number) => void) => Promise<RecordsAnswers[K]>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  progress?: (fraction: number) => void;
}

/** `start`: false until the first numbers are on screen, so reading 100,000 records never delays them. */
export function useRecords(start: boolean): { state: RecordsState; ask: AskRecords; reload: () => Promise<void> } {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, Pending>());
  const nextId = useRef(1);
  const [state, setState] = useState<RecordsState>({ status: 'loading' });

  useEffect(() => {
    if (!start) return;
    const created = new Worker(new URL('./records-worker.ts', import.meta.url), { type: 'module' });
    const waiting = pending.current;
    worker.current = created;
    created.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'info') setState({ status: 'ready', ...message.info });
      else if (message.type === 'error') setState({ status: 'error', message: message.message });
      else if (message.type === 'progress') waiting.get(message.id)?.progress?.(message.fraction);
      else {
        const job = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.type === 'result') job?.resolve(message.value);
        else job?.reject(new Error(message.message));
      }
    };
    created.onerror = (event) => {
      console.error('[Dẫn Bước] the records worker failed', event.message);
      setState({ status: 'error', message: event.message || 'records worker failed' });
    };
    return () => {
      created.terminate();
      worker.current = null;
      for (const job of waiting.values()) job.reject(new Error('records worker closed'));
      waiting.clear();
    };
  }, [start]);

  const ask = useCallback(<K extends RecordsRequest['kind']>(request: Extract<RecordsRequest, { kind: K }>, progress?: (fraction: number) => void) => {
    const target = worker.current;
    if (!target) return Promise.reject(new Error('records worker closed'));
    const id = nextId.current++;
    return new Promise<RecordsAnswers[K]>((resolve, reject) => {
      pending.current.set(id, { resolve: resolve as (value: unknown) => void, reject, progress });
      target.postMessage({ id, request } satisfies ToWorker);
    });
  }, []) as AskRecords;

  const reload = useCallback(async () => {
    await ask({ kind: 'reload' });
  }, [ask]);

  return { state, ask, reload };
}
