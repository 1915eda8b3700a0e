import type { DayTally, DeskSettings, Report } from '../../sessions';
import type { ImportPlan } from './actions';
import type { ExportMeta } from './exports';
import type { RecordsInfo } from './records-store';

/**
 * Messages between the dashboard page and its records worker. Requests carry an id; the worker
 * answers each with one `result` (or `failed`) and may send `progress` for it first. Besides the
 * answers it sends `info` after every load and every change it applied, and `error` when it could
 * not read the database at all.
 */
export type RecordsRequest =
  | { kind: 'reload' }
  | { kind: 'csv'; from: number; to: number; meta: ExportMeta }
  | { kind: 'xlsx'; from: number; to: number; report: Report; meta: ExportMeta }
  | { kind: 'backup'; meta: ExportMeta }
  | { kind: 'retention'; now: number; months: number }
  | { kind: 'drifted'; days: DayTally[] }
  | { kind: 'withdrawal'; code: string }
  | { kind: 'plan'; fileName: string; content: string; settings: DeskSettings | undefined; withdrawn: string[]; now: number };

export interface RecordsAnswers {
  reload: null;
  csv: Blob;
  xlsx: Blob;
  backup: Blob;
  retention: { purgeCount: number; cutoff: number };
  /** days whose stored tallies differ from a recount of the records (0: none) */
  drifted: number;
  withdrawal: string[];
  plan: ImportPlan;
}

export type ToWorker = { id: number; request: RecordsRequest };

export type FromWorker =
  | { type: 'info'; info: RecordsInfo }
  | { type: 'error'; message: string }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'failed'; id: number; message: string };
