import type { Report } from '../../sessions';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';
import { DataTable } from './DataTable';
import { DeleteEverything, type DeleteEverythingProps } from './DeleteEverything';
import { ExportPanel, type ExportPanelProps } from './ExportPanel';
import { ImportPanel, type ImportPanelProps } from './ImportPanel';
import { LoadNotes, type LoadNotesProps } from './LoadNotes';
import { OutcomeChart, type OutcomeChartProps } from './OutcomeChart';
import { PeriodPicker, type PeriodPickerProps } from './PeriodPicker';
import { PrintReport, type PrintReportProps } from './PrintReport';
import type { TableSpec } from './report-tables';
import { RetentionPanel, type RetentionPanelProps } from './RetentionPanel';
import { WithdrawPanel, type WithdrawPanelProps } from './WithdrawPanel';
import { SummaryCards } from './SummaryCards';
import { WeeklyChart, type WeeklyChartProps } from './WeeklyChart';

export type DashboardProps =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      view: 'dashboard' | 'print';
      period: PeriodPickerProps;
      report: Report;
      tables: TableSpec[];
      weekly: WeeklyChartProps;
      outcomes: OutcomeChartProps;
      notes: LoadNotesProps;
      exports: ExportPanelProps;
      importPanel: ImportPanelProps;
      retention: RetentionPanelProps;
      withdraw: WithdrawPanelProps;
      deleteAll: DeleteEverythingProps;
      print: Omit<PrintReportProps, 'idPrefix'> & { onBack(): void; onPrint(): void };
    };

export function Dashboard(props: DashboardProps) {
  if (props.status !== 'ready') {
    return (
      <main className="page dashboard" lang="vi">
        <h1>{T.title}</h1>
        {props.status === 'loading' ? (
          <p aria-live="polite">{T.loading}</p>
        ) : (
          <p role="alert" className="error">
            {T.loadFailed} {T.loadFailedHint}
          </p>
        )}
      </main>
    );
  }
  const { onBack, onPrint, ...report } = props.print;
  if (props.view === 'print') {
    return (
      <main className="page print-view" lang="vi">
        <nav className="toolbar no-print" aria-label={T.print}>
          <button type="button" className="secondary" onClick={onBack}>
            {T.printBack}
          </button>
          <button type="button" className="primary" onClick={onPrint}>
            {T.printAgain}
          </button>
        </nav>
        <PrintReport {...report} idPrefix="" />
      </main>
    );
  }
  // The signed report is always in the page, shown only on paper: Ctrl+P prints it too.
  return (
    <>
      <main className="page dashboard screen-only" lang="vi">
        <h1>{T.title}</h1>
        <p className="note">{T.subtitle}</p>
        <LoadNotes {...props.notes} />
        <PeriodPicker {...props.period} />
        <SummaryCards report={props.report} />
        <section aria-labelledby="charts-heading">
          <h2 id="charts-heading">{T.chartsHeading}</h2>
          <div className="charts">
            <WeeklyChart {...props.weekly} />
            {props.outcomes.rows.length > 0 && <OutcomeChart {...props.outcomes} />}
          </div>
        </section>
        <section aria-labelledby="tables-heading" className="tables">
          <h2 id="tables-heading">{T.tablesHeading}</h2>
          {props.tables.map((table) => (
            <DataTable key={table.id} table={table} />
          ))}
        </section>
        <ExportPanel {...props.exports} />
        <ImportPanel {...props.importPanel} />
        <RetentionPanel key={props.retention.months} {...props.retention} />
        <WithdrawPanel {...props.withdraw} />
        <DeleteEverything {...props.deleteAll} />
      </main>
      <div className="print-only">
        <PrintReport {...report} idPrefix="print-" />
      </div>
    </>
  );
}
