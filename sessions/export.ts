import type { Report } from './aggregate';
import { BOM, csvLineEncoder, toCsv, type CsvCell, type CsvOptions, type CsvRow } from './csv';
import { CsvBytes } from './csv-bytes';
import { OUTCOMES, PERSONAL_FIELDS, REASONS, type Session, type TeamMember } from './schema';
import {
  AGE_BAND_LABELS,
  BOOLEAN_LABELS,
  EXPORT_TEXT as T,
  GENDER_LABELS,
  OUTCOME_LABELS,
  PERSONAL_FIELD_LABELS,
  REASON_LABELS,
  SOURCE_LABELS,
  UNKNOWN,
  UNKNOWN_LABEL,
} from './strings';
import type { Withdrawal } from './withdrawals';
import { DEFAULT_CATALOGUE, taskTitleIndex, type TaskCatalogue } from './tasks';
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, offsetMs, wallClockDate, type TimeZone } from './time';

/**
 * Exports: the four report tables as rows (shared by CSV and XLSX), the session log (one row per
 * task), and the JSON backup. Personal fields are left out unless `personal: 'include'`.
 *
 * Cells that are times are "wall-clock" Dates in XLSX rows (UTC fields = Vietnam time; see
 * time.ts) and "YYYY-MM-DD HH:mm" text in CSV.
 */
export type SheetCell = string | number | Date | null;
export interface Sheet {
  name: string;
  rows: SheetCell[][];
}

export interface ExportOptions {
  catalogue?: TaskCatalogue;
  members?: readonly TeamMember[];
  timeZone?: TimeZone;
  /** Personal fields (name, ID number, phone, note) in the session log / backup. Default "omit". */
  personal?: 'omit' | 'include';
}

export const BACKUP_FORMAT = 'dan-buoc-sessions';
/** 2 added `withdrawn` (tombstones: session ids whose consent was withdrawn); 1 is still read. */
export const BACKUP_VERSION = 2;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  deskId: string;
  sessions: Session[];
  withdrawn: Withdrawal[];
}

export interface BackupMeta {
  deskId: string;
  exportedAt: number;
  personal?: 'omit' | 'include';
  /** Tombstones to pass on, so other desks refuse and delete these sessions too. */
  withdrawn?: readonly Withdrawal[];
}

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? BOOLEAN_LABELS.yes.vi : BOOLEAN_LABELS.no.vi);
const outcomeHeaders = () => OUTCOMES.map((o) => OUTCOME_LABELS[o].vi);

function memberIndex(members: readonly TeamMember[] | undefined): Map<string, TeamMember> {
  return new Map((members ?? []).map((m) => [m.id, m]));
}

/** Sheet "Tổng hợp": headline figures, then the per-period table for the chart. */
export function summaryRows(report: Report): SheetCell[][] {
  const tz = report.timeZone;
  const rows: SheetCell[][] = [
    [T.item, T.value],
    [T.from, report.from === null ? T.all : formatDate(report.from, tz)],
    [T.to, report.to === null ? T.all : formatDate(report.to - 1, tz)],
    [T.sessions, report.sessions],
    [T.citizensHelped, report.citizensHelped],
    [T.consentAgreed, report.consent.agreed],
    [T.consentDeclined, report.consent.declined],
    [T.tasks, report.tasks.total],
    ...OUTCOMES.map((o): SheetCell[] => [`${T.outcome}: ${OUTCOME_LABELS[o].vi}`, report.tasks.byOutcome[o]]),
    ...REASONS.map((r): SheetCell[] => [`${T.reason}: ${REASON_LABELS[r].vi}`, report.tasks.byReason[r]]),
    [T.firstTimeUsers, report.firstTime.yes],
    ...Object.entries(report.byAgeBand).map(([band, n]): SheetCell[] => [
      `${T.ageBand}: ${band === UNKNOWN ? UNKNOWN_LABEL.vi : AGE_BAND_LABELS[band as keyof typeof AGE_BAND_LABELS].vi}`,
      n,
    ]),
    ...Object.entries(report.byGender).map(([g, n]): SheetCell[] => [
      `${T.gender}: ${g === UNKNOWN ? UNKNOWN_LABEL.vi : GENDER_LABELS[g as keyof typeof GENDER_LABELS].vi}`,
      n,
    ]),
    [T.satisfactionResponses, report.satisfaction.responses],
    [T.satisfactionAverage, report.satisfaction.average],
    [T.averageMinutes, report.averageDurationMinutes],
    [],
    [`${T.period} (${T.groupBy[report.groupBy].toLowerCase()})`, T.periodStart, T.sessions, T.citizensHelped, T.tasks, ...outcomeHeaders()],
    ...report.series.map((p): SheetCell[] => [p.label, formatDate(p.from, tz), p.sessions, p.citizensHelped, p.tasks, ...OUTCOMES.map((o) => p.byOutcome[o])]),
  ];
  return rows;
}

/** Sheet "Theo việc". */
export function byTaskRows(report: Report, options: ExportOptions = {}): SheetCell[][] {
  const titles = taskTitleIndex(options.catalogue ?? DEFAULT_CATALOGUE);
  return [
    [T.taskId, T.task, T.total, ...outcomeHeaders(), SOURCE_LABELS.tour.vi],
    ...report.byTask.map((row): SheetCell[] => [
      row.taskId,
      titles.get(row.taskId)?.vi ?? row.taskId,
      row.sessions,
      ...OUTCOMES.map((o) => row.byOutcome[o]),
      row.completedByTour,
    ]),
  ];
}

/** Sheet "Theo thành viên". */
export function byMemberRows(report: Report, options: ExportOptions = {}): SheetCell[][] {
  const members = memberIndex(options.members);
  return [
    [T.member, T.memberName, T.sessions, T.citizensHelped, T.tasks, ...outcomeHeaders()],
    ...report.byMember.map((row): SheetCell[] => [
      row.memberId,
      members.get(row.memberId)?.displayName ?? '',
      row.sessions,
      row.citizensHelped,
      row.tasks,
      ...OUTCOMES.map((o) => row.byOutcome[o]),
    ]),
  ];
}

export function sessionLogHeader(options: ExportOptions = {}): string[] {
  const header: string[] = [T.sessionId, T.desk, T.member, T.startedAt, T.endedAt, T.consent, T.ageBand, T.gender, T.firstTime, T.satisfaction];
  if (options.personal === 'include') header.push(...PERSONAL_FIELDS.map((f) => PERSONAL_FIELD_LABELS[f].vi));
  header.push(T.taskId, T.task, T.outcome, T.reason, T.source, T.taskAt);
  return header;
}

/**
 * Walks the log: for each session, `head` holds the session columns and `tasks` one array of task
 * columns per task (a session without tasks gets one empty task row). `time` renders a timestamp:
 * a wall-clock Date for XLSX, text for CSV.
 */
function forEachLogSession<Time>(
  sessions: Iterable<Session>,
  options: ExportOptions,
  time: (t: number) => Time,
  emit: (head: Array<CsvCell | Time>, tasks: Array<CsvCell | Time>[]) => void,
): void {
  const titles = taskTitleIndex(options.catalogue ?? DEFAULT_CATALOGUE);
  const personal = options.personal === 'include';
  const noTask: Array<CsvCell | Time>[] = [['', '', '', '', '', null]];
  for (const s of sessions) {
    const c = s.citizen;
    const head: Array<CsvCell | Time> = [
      s.id,
      s.deskId,
      s.memberId,
      time(s.startedAt),
      s.endedAt === undefined ? null : time(s.endedAt),
      s.consent.agreed ? BOOLEAN_LABELS.yes.vi : BOOLEAN_LABELS.no.vi,
      c?.ageBand ? AGE_BAND_LABELS[c.ageBand].vi : '',
      c?.gender ? GENDER_LABELS[c.gender].vi : '',
      yesNo(c?.firstTime),
      s.satisfaction ?? null,
    ];
    if (personal) head.push(c?.name ?? '', c?.idNumber ?? '', c?.phone ?? '', c?.note ?? '');
    const tasks = s.tasks.length
      ? s.tasks.map((task): Array<CsvCell | Time> => [
          task.taskId,
          titles.get(task.taskId)?.vi ?? task.taskId,
          OUTCOME_LABELS[task.outcome].vi,
          task.reason ? REASON_LABELS[task.reason].vi : '',
          SOURCE_LABELS[task.source].vi,
          time(task.at),
        ])
      : noTask;
    emit(head, tasks);
  }
}

/** Sheet "Nhật ký phiên" rows (header first), one row per task. */
export function sessionLogRows(sessions: Iterable<Session>, options: ExportOptions = {}): SheetCell[][] {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const rows: SheetCell[][] = [sessionLogHeader(options)];
  forEachLogSession(sessions, options, (t) => wallClockDate(t, tz), (head, tasks) => {
    for (const task of tasks) rows.push([...head, ...task] as SheetCell[]);
  });
  return rows;
}

/**
 * The session log as CSV lines (BOM on the first, every line ending in CRLF), one per task, each
 * session's columns encoded once however many tasks it has. Hand the array straight to
 * `new Blob(lines, { type: 'text/csv;charset=utf-8' })`: no giant string is ever built.
 */
export function sessionLogCsvLines(sessions: Iterable<Session>, options: ExportOptions & CsvOptions = {}): string[] {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const delimiter = options.delimiter ?? ',';
  const line = csvLineEncoder(options);
  const lines: string[] = [`${options.bom ?? true ? BOM : ''}${line(sessionLogHeader(options))}\r\n`];
  forEachLogSession(sessions, options, (t) => formatDateTime(t, tz), (head, tasks) => {
    const prefix = line(head) + delimiter;
    for (const task of tasks) lines.push(`${prefix}${line(task)}\r\n`);
  });
  return lines;
}

/** A session-log time in the byte writer: the instant in local time, written by `CsvBytes.wallClock`. */
class LocalTime {
  constructor(readonly ms: number) {}
}

/**
 * The session log written as UTF-8 bytes by `CsvBytes` (sessions/csv-bytes.ts), for exports too
 * large to build as text: byte for byte `sessionLogCsv` encoded as UTF-8, a test holds them equal.
 * Write the header once, then the sessions in as many calls as wanted; `take()` hands the bytes
 * over as Blob parts.
 */
export function sessionLogCsvWriter(options: ExportOptions & CsvOptions = {}) {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const offset = offsetMs(tz);
  const out = new CsvBytes(options);
  const cells = (row: ReadonlyArray<CsvCell | LocalTime>) => {
    for (let i = 0; i < row.length; i += 1) {
      if (i) out.delimiter();
      const cell = row[i];
      if (cell instanceof LocalTime) out.wallClock(cell.ms);
      else out.cell(cell);
    }
  };
  return {
    header(): void {
      if (options.bom ?? true) out.bom();
      cells(sessionLogHeader(options));
      out.lineEnd();
    },
    sessions(sessions: Iterable<Session>): void {
      forEachLogSession(sessions, options, (t) => new LocalTime(t + offset), (head, tasks) => {
        // The session's columns are written once and copied onto its other tasks' lines.
        out.startRun();
        cells(head);
        out.delimiter();
        out.endRun();
        for (let k = 0; k < tasks.length; k += 1) {
          if (k && !out.again()) {
            cells(head);
            out.delimiter();
          }
          cells(tasks[k]);
          out.lineEnd();
        }
      });
    },
    take: () => out.take(),
  };
}

/** The session log as one CSV string (BOM, CRLF, RFC 4180). */
export function sessionLogCsv(sessions: Iterable<Session>, options: ExportOptions & CsvOptions = {}): string {
  return sessionLogCsvLines(sessions, options).join('');
}

export type ReportTable = 'summary' | 'by-task' | 'by-member';

/** One report table as CSV. */
export function reportCsv(report: Report, table: ReportTable, options: ExportOptions & CsvOptions = {}): string {
  const rows = table === 'summary' ? summaryRows(report) : table === 'by-task' ? byTaskRows(report, options) : byMemberRows(report, options);
  return toCsv(rows as CsvRow[], options);
}

/** The four XLSX sheets, ready for a writer such as write-excel-file. */
export function xlsxSheets(report: Report, sessions: Iterable<Session>, options: ExportOptions = {}): Sheet[] {
  return [
    { name: T.sheetSummary, rows: summaryRows(report) },
    { name: T.sheetByTask, rows: byTaskRows(report, options) },
    { name: T.sheetByMember, rows: byMemberRows(report, options) },
    { name: T.sheetSessionLog, rows: sessionLogRows(sessions, { ...options, timeZone: report.timeZone }) },
  ];
}

/** The session with personal fields removed (and an emptied descriptor dropped). */
export function withoutPersonal(session: Session): Session {
  const c = session.citizen;
  if (!c || PERSONAL_FIELDS.every((f) => c[f] === undefined)) return session;
  const kept = { ...c };
  for (const f of PERSONAL_FIELDS) delete kept[f];
  const next: Session = { ...session };
  if (Object.keys(kept).length) next.citizen = kept;
  else delete next.citizen;
  return next;
}

export function toBackup(sessions: Iterable<Session>, meta: BackupMeta): BackupFile {
  const list = [...sessions];
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: meta.exportedAt,
    deskId: meta.deskId,
    sessions: meta.personal === 'include' ? list : list.map(withoutPersonal),
    withdrawn: [...(meta.withdrawn ?? [])],
  };
}

/** The backup as JSON text (compact: 100,000 sessions stay a few tens of MB). */
export function backupJson(sessions: Iterable<Session>, meta: BackupMeta): string {
  return JSON.stringify(toBackup(sessions, meta));
}

/** "dan-buoc-nhat-ky-phien-ban-01-2026-03-02.csv" */
export function exportFileName(kind: 'nhat-ky-phien' | 'bao-cao' | 'sao-luu', deskId: string, at: number, extension: 'csv' | 'xlsx' | 'json', timeZone: TimeZone = DEFAULT_TIME_ZONE): string {
  return `dan-buoc-${kind}-${deskId}-${formatDate(at, timeZone)}.${extension}`;
}
