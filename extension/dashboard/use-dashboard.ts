import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { civilFromDays, dayNumber, OUTCOMES, retentionNotice, type GroupBy } from '../../sessions';
import type { DashboardProps } from '../../components/reports/Dashboard';
import { byAgeTable, byMemberTable, byOutcomeTable, byTaskTable, reportTables } from '../../components/reports/report-tables';
import { downloadQuarantine, downloadSummaryCsv, saveBackup, saveSessionLogCsv, saveXlsx, type ExportMeta } from './exports';
import { DEFAULT_RETENTION, letterhead, makeLabels, weekBars } from './model';
import { containsOrAfter, dateInputValue, parseDateInput, periodBounds, periodContaining, periodOfDay, periodRangeText, periodTitle, regroup, shiftPeriod, vnDate, type Period } from './period';
import { DASHBOARD_TEXT as T } from './strings';
import { useActions } from './use-actions';
import { useRecords } from './use-records';
import { summaryModel, useSummary } from './use-summary';
import { notifySessionsChanged } from '../sessions-db/changes';

/** How many tasks the outcome chart shows (the table lists them all). */
const CHART_TASKS = 8;

/**
 * Wires the tallies (first numbers), the records worker (exports, import previews, withdrawal codes,
 * retention), the period and the actions into the Dashboard's props. The numbers come from the
 * per-day tallies alone; the records load in the worker behind them, and once they are in, the
 * tallies are checked against a recount of them there.
 */
export function useDashboard(): DashboardProps {
  const summary = useSummary();
  const { state, ask, reload: reloadRecords } = useRecords(summary.state.status !== 'loading');
  const [period, setPeriod] = useState<Period>(() => periodContaining(Date.now(), 'month'));
  const [view, setView] = useState<'dashboard' | 'print'>('dashboard');
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const [drift, setDrift] = useState<{ days: number; recounted: boolean } | null>(null);
  const [retention, setRetention] = useState<{ purgeCount: number; cutoff: number } | null>(null);
  const checked = useRef(false);
  const printPending = useRef(false);

  const reloadSummary = summary.reload;
  const storage = summary.storage;
  const reload = useCallback(async () => {
    await Promise.all([reloadRecords(), reloadSummary()]);
  }, [reloadRecords, reloadSummary]);
  const top = summary.state.status === 'ready' ? summary.state : null;
  const ready = state.status === 'ready' ? state : null;
  const members = useMemo(() => top?.members ?? [], [top]);
  const settings = top?.settings;
  const months = settings?.retentionMonths ?? DEFAULT_RETENTION;

  const numbers = useMemo(() => (top ? summaryModel(top.days, period) : null), [top, period]);
  const labels = useMemo(() => makeLabels(members), [members]);
  const withdrawn = top?.withdrawn;

  // How many records are past the retention period: counted by the worker after every change it applied.
  useEffect(() => {
    if (!ready) return;
    let current = true;
    void ask({ kind: 'retention', now: ready.loadedAt, months })
      .then((answer) => current && setRetention(answer))
      .catch((error: unknown) => console.error('[Dẫn Bước] could not count the expired sessions', error));
    return () => {
      current = false;
    };
  }, [ready, months, ask]);

  // Once the records are in: do the tallies equal a recount of them? The worker checks (off the
  // page's main thread); a difference is shown with "Tính lại", never hidden.
  useEffect(() => {
    if (!ready || !top || checked.current) return;
    checked.current = true;
    void ask({ kind: 'drifted', days: top.days })
      .then((days) => setDrift(days ? { days, recounted: false } : null))
      .catch((error: unknown) => console.error('[Dẫn Bước] could not check the session tallies', error));
  }, [ready, top, ask]);
  const recount = useCallback(() => {
    void storage()
      .then((adapter) => adapter.rebuildTallies())
      .then(async () => {
        setDrift({ days: 0, recounted: true });
        notifySessionsChanged();
        await reloadSummary();
      })
      .catch((error: unknown) => setExportError(error instanceof Error ? error.message : String(error)));
  }, [storage, reloadSummary]);
  const exportMeta = useCallback(
    (): ExportMeta => ({ deskId: settings?.deskId ?? ready?.fallbackDeskId ?? 'tong-hop', now: Date.now(), members, withdrawn: withdrawn ?? [] }),
    [settings, ready, members, withdrawn],
  );
  const local = useMemo(
    () => ({ settings, withdrawn: new Set((withdrawn ?? []).map((w) => w.id)), settingsDamaged: top?.settingsError !== undefined }),
    [settings, withdrawn, top],
  );

  const actions = useActions({ storage, reload, ask, local, exportMeta, text: T });

  useEffect(() => {
    if (view === 'print' && printPending.current) {
      printPending.current = false;
      window.print();
    }
  }, [view]);

  if (summary.state.status === 'error') return { status: 'error', message: summary.state.message };
  if (state.status === 'error') return { status: 'error', message: state.message };
  if (!top || !numbers) return { status: 'loading' };

  const { report } = numbers;
  const tables = reportTables(report, labels);
  // "Now" for rendering is when the records were read (renders stay pure); clicks read the clock.
  const today = civilFromDays(dayNumber(top.loadedAt));
  const exportWith = (work: (progress: (fraction: number) => void) => Promise<void> | void) => {
    setExportError(null);
    setExporting(T.exportProgress(0));
    const progress = (fraction: number) => setExporting(T.exportProgress(Math.round(fraction * 100)));
    // One task later, so "Đang tạo tệp…" is painted before a long build starts.
    void new Promise((resolve) => setTimeout(resolve, 0))
      .then(() => work(progress))
      .catch((error: unknown) => setExportError(error instanceof Error ? error.message : String(error)))
      .finally(() => setExporting(null));
  };
  const recordsLoading = !ready;

  return {
    status: 'ready',
    view,
    period: {
      groupBy: period.groupBy,
      title: periodTitle(period),
      range: periodRangeText(period),
      dateValue: dateInputValue(period.startDay),
      nextDisabled: containsOrAfter(period, top.loadedAt),
      onGroupBy: (groupBy: GroupBy) => setPeriod((p) => regroup(p, groupBy, Date.now())),
      onShift: (direction) => setPeriod((p) => shiftPeriod(p, direction)),
      onDate: (value) => {
        const day = parseDateInput(value);
        if (day !== undefined) setPeriod((p) => periodOfDay(day, p.groupBy));
      },
      onToday: () => setPeriod((p) => periodContaining(Date.now(), p.groupBy)),
    },
    report,
    tables,
    weekly: { weeks: weekBars(numbers.weekly) },
    outcomes: {
      rows: report.byTask.slice(0, CHART_TASKS).map((row) => ({ label: labels.task(row.taskId), counts: row.byOutcome, total: OUTCOMES.reduce((n, o) => n + row.byOutcome[o], 0) })),
      totalRows: report.byTask.length,
    },
    notes: {
      quarantined: ready?.quarantined.length ?? 0,
      migrated: ready?.migrated ?? 0,
      settingsError: top.settingsError ? top.settingsError.vi : null,
      onDownloadQuarantine: () => ready && downloadQuarantine(ready.quarantined, exportMeta()),
      drift,
      onRecount: recount,
    },
    exports: {
      periodHasSessions: report.sessions > 0,
      hasSessions: top.days.length > 0,
      busy: exporting !== null || recordsLoading,
      progress: exporting ?? (recordsLoading ? T.recordsLoading : null),
      error: exportError,
      onCsv: () =>
        exportWith(async (progress) => {
          const meta = exportMeta();
          saveSessionLogCsv(await ask({ kind: 'csv', ...periodBounds(period), meta }, progress), meta);
        }),
      onSummaryCsv: () => exportWith(() => downloadSummaryCsv(report, exportMeta())),
      onXlsx: () =>
        exportWith(async (progress) => {
          const meta = exportMeta();
          saveXlsx(await ask({ kind: 'xlsx', ...periodBounds(period), report, meta }, progress), meta);
        }),
      onJson: () =>
        exportWith(async () => {
          const meta = exportMeta();
          saveBackup(await ask({ kind: 'backup', meta }), meta);
        }),
      onPrint: () => {
        printPending.current = true;
        setView('print');
      },
    },
    importPanel: {
      state: actions.importState,
      busy: actions.busy || recordsLoading,
      formatDate: (at) => vnDate(dayNumber(at)),
      onFile: (file) => void actions.chooseFile(file),
      onConfirm: (plan) => void actions.confirmImport(plan),
      onCancel: actions.cancelImport,
    },
    retention: {
      months,
      editable: settings !== undefined,
      purgeCount: retention?.purgeCount ?? 0,
      notice: retention ? retentionNotice(retention.purgeCount, retention.cutoff) : { vi: T.recordsLoading, en: 'Reading the stored sessions…' },
      outcome: actions.retentionOutcome,
      busy: actions.busy || recordsLoading,
      onSave: (m) => void actions.changeRetention(m),
      onExportThenDelete: () => void actions.purgeExpired(months, true),
      onDeleteWithoutExport: () => void actions.purgeExpired(months, false),
    },
    withdraw: {
      busy: actions.busy || recordsLoading,
      outcome: actions.withdrawOutcome,
      onWithdraw: (code) => window.confirm(T.confirmWithdraw(code.trim().toUpperCase())) && void actions.withdraw(code),
    },
    deleteAll: { busy: actions.busy || recordsLoading, outcome: actions.deleteOutcome, onDelete: () => void actions.deleteAll() },
    print: {
      letterhead: letterhead(settings, members, report),
      periodTitle: periodTitle(period),
      periodRange: periodRangeText(period),
      report,
      tables: { byTask: byTaskTable(report, labels), byOutcome: byOutcomeTable(report), byMember: byMemberTable(report, labels), byAge: byAgeTable(report, labels) },
      printedOn: { day: String(today.day).padStart(2, '0'), month: String(today.month).padStart(2, '0'), year: String(today.year) },
      onBack: () => setView('dashboard'),
      onPrint: () => window.print(),
    },
  };
}
