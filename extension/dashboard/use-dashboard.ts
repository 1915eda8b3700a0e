import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { civilFromDays, dayNumber, OUTCOMES, retentionNotice, type GroupBy } from '../../sessions';
import type { DashboardProps } from '../../components/reports/Dashboard';
import { byAgeTable, byMemberTable, byOutcomeTable, byTaskTable, reportTables } from '../../components/reports/report-tables';
import { downloadBackup, downloadQuarantine, downloadSessionLogCsv, downloadSummaryCsv, downloadXlsx, type ExportMeta } from './exports';
import { buildModel, DEFAULT_RETENTION, exportDeskId, letterhead, makeLabels, weekBars } from './model';
import { containsOrAfter, dateInputValue, parseDateInput, periodContaining, periodOfDay, periodRangeText, periodTitle, regroup, shiftPeriod, vnDate, type Period } from './period';
import { DASHBOARD_TEXT as T } from './strings';
import { useActions } from './use-actions';
import { useRecords } from './use-records';

/** How many tasks the outcome chart shows (the table lists them all). */
const CHART_TASKS = 8;

/** Wires records, the period, the exports and the actions into the Dashboard's props. */
export function useDashboard(): DashboardProps {
  const { state, storage, reload } = useRecords();
  const [period, setPeriod] = useState<Period>(() => periodContaining(Date.now(), 'month'));
  const [view, setView] = useState<'dashboard' | 'print'>('dashboard');
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const printPending = useRef(false);

  const ready = state.status === 'ready' ? state : null;
  const sessions = useMemo(() => ready?.sessions ?? [], [ready]);
  const members = useMemo(() => ready?.members ?? [], [ready]);
  const settings = ready?.settings;
  const months = settings?.retentionMonths ?? DEFAULT_RETENTION;

  const model = useMemo(() => (ready ? buildModel(sessions, period, ready.loadedAt, months) : null), [ready, sessions, period, months]);
  const labels = useMemo(() => makeLabels(members), [members]);
  const withdrawn = ready?.withdrawn;
  const exportMeta = useCallback(
    (): ExportMeta => ({ deskId: exportDeskId(settings, sessions), now: Date.now(), members, withdrawn: withdrawn?.list ?? [] }),
    [settings, sessions, members, withdrawn],
  );
  const local = useMemo(
    () => ({ settings, withdrawn: withdrawn?.ids ?? new Set<string>(), settingsDamaged: ready?.settingsError !== undefined }),
    [settings, withdrawn, ready],
  );

  const actions = useActions({ storage, reload, sessions, local, exportMeta, text: T });

  useEffect(() => {
    if (view === 'print' && printPending.current) {
      printPending.current = false;
      window.print();
    }
  }, [view]);

  if (state.status !== 'ready' || !model) return state.status === 'error' ? { status: 'error', message: state.message } : { status: 'loading' };

  const { report } = model;
  const tables = reportTables(report, labels);
  // "Now" for rendering is when the records were read (renders stay pure); clicks read the clock.
  const today = civilFromDays(dayNumber(state.loadedAt));
  const exportWith = (work: () => Promise<void> | void) => {
    setExportError(null);
    setExporting(true);
    void Promise.resolve()
      .then(work)
      .catch((error: unknown) => setExportError(error instanceof Error ? error.message : String(error)))
      .finally(() => setExporting(false));
  };

  return {
    status: 'ready',
    view,
    period: {
      groupBy: period.groupBy,
      title: periodTitle(period),
      range: periodRangeText(period),
      dateValue: dateInputValue(period.startDay),
      nextDisabled: containsOrAfter(period, state.loadedAt),
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
    weekly: { weeks: weekBars(model.weekly) },
    outcomes: {
      rows: report.byTask.slice(0, CHART_TASKS).map((row) => ({ label: labels.task(row.taskId), counts: row.byOutcome, total: OUTCOMES.reduce((n, o) => n + row.byOutcome[o], 0) })),
      totalRows: report.byTask.length,
    },
    notes: {
      quarantined: state.quarantined.length,
      migrated: state.migrated,
      settingsError: state.settingsError ? state.settingsError.vi : null,
      onDownloadQuarantine: () => downloadQuarantine(state.quarantined, exportMeta()),
    },
    exports: {
      periodHasSessions: model.periodSessions.length > 0,
      hasSessions: sessions.length > 0,
      busy: exporting,
      error: exportError,
      onCsv: () => exportWith(() => downloadSessionLogCsv(model.periodSessions, exportMeta())),
      onSummaryCsv: () => exportWith(() => downloadSummaryCsv(report, exportMeta())),
      onXlsx: () => exportWith(() => downloadXlsx(report, model.periodSessions, exportMeta())),
      onJson: () => exportWith(() => downloadBackup(sessions, exportMeta())),
      onPrint: () => {
        printPending.current = true;
        setView('print');
      },
    },
    importPanel: {
      state: actions.importState,
      busy: actions.busy,
      formatDate: (at) => vnDate(dayNumber(at)),
      onFile: (file) => void actions.chooseFile(file),
      onConfirm: (plan) => void actions.confirmImport(plan),
      onCancel: actions.cancelImport,
    },
    retention: {
      months,
      editable: settings !== undefined,
      purgeCount: model.retention.purge.length,
      notice: retentionNotice(model.retention.purge.length, model.retention.cutoff),
      outcome: actions.retentionOutcome,
      busy: actions.busy,
      onSave: (m) => void actions.changeRetention(m),
      onExportThenDelete: () => void actions.purgeExpired(months, true),
      onDeleteWithoutExport: () => void actions.purgeExpired(months, false),
    },
    withdraw: {
      busy: actions.busy,
      outcome: actions.withdrawOutcome,
      onWithdraw: (code) => window.confirm(T.confirmWithdraw(code.trim().toUpperCase())) && void actions.withdraw(code),
    },
    deleteAll: { busy: actions.busy, outcome: actions.deleteOutcome, onDelete: () => void actions.deleteAll() },
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
