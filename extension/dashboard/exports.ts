import { downloadBlob } from '../../components/download';
import { backupJson, exportFileName, formatDate, reportCsv, type Report, type Session, type TeamMember, type Withdrawal } from '../../sessions';

/**
 * The dashboard's downloads, saved through a temporary link (components/download.ts), so no
 * downloads permission is needed. The session log (CSV, XLSX) and the full backup are built by the
 * records worker, which holds the records; the page names and saves them. Personal fields are
 * never included (the domain's default).
 */
export interface ExportMeta {
  deskId: string;
  now: number;
  members: readonly TeamMember[];
  /** Withdrawn session ids, passed on in every backup so other desks delete and refuse them too. */
  withdrawn?: readonly Withdrawal[];
}

const CSV_TYPE = 'text/csv;charset=utf-8';
const JSON_TYPE = 'application/json';

/** The period's session log (UTF-8 with BOM, CRLF, one row per task), built by the records worker. */
export function saveSessionLogCsv(blob: Blob, meta: ExportMeta): void {
  downloadBlob(exportFileName('nhat-ky-phien', meta.deskId, meta.now, 'csv'), blob);
}

/** The period's headline figures and per-day table ("Tổng hợp"), UTF-8 with BOM. */
export function downloadSummaryCsv(report: Report, meta: ExportMeta): void {
  downloadBlob(exportFileName('bao-cao', meta.deskId, meta.now, 'csv'), new Blob([reportCsv(report, 'summary')], { type: CSV_TYPE }));
}

/** Four sheets (summary, by task, by member, session log), built by the records worker. */
export function saveXlsx(blob: Blob, meta: ExportMeta): void {
  downloadBlob(exportFileName('bao-cao', meta.deskId, meta.now, 'xlsx'), blob);
}

/** Every session on the machine in the merge format, built by the records worker. */
export function saveBackup(blob: Blob, meta: ExportMeta): void {
  downloadBlob(exportFileName('sao-luu', meta.deskId, meta.now, 'json'), blob);
}

/** A backup of `sessions` in the merge format (sessions/export.ts `backupJson`). */
export function downloadBackup(sessions: readonly Session[], meta: ExportMeta, suffix = ''): void {
  const name = exportFileName('sao-luu', meta.deskId, meta.now, 'json').replace(/\.json$/, `${suffix}.json`);
  downloadBlob(name, new Blob([backupJson(sessions, { deskId: meta.deskId, exportedAt: meta.now, withdrawn: meta.withdrawn })], { type: JSON_TYPE }));
}

/** The file name suffix of a pre-purge backup: "-truoc-2025-03-02" (sessions before that day). */
export function beforeSuffix(cutoff: number): string {
  return `-truoc-${formatDate(cutoff)}`;
}

/** Quarantined records as they were found, for someone to inspect. */
export function downloadQuarantine(records: readonly unknown[], meta: ExportMeta): void {
  const name = exportFileName('sao-luu', meta.deskId, meta.now, 'json').replace(/\.json$/, '-ban-ghi-loi.json');
  downloadBlob(name, new Blob([JSON.stringify({ format: 'dan-buoc-quarantine', version: 1, exportedAt: meta.now, records }, null, 2)], { type: JSON_TYPE }));
}
