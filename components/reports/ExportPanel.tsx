import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';

export interface ExportPanelProps {
  /** Sessions in the period shown: CSV and Excel need some. */
  periodHasSessions: boolean;
  /** Sessions on this machine at all: the backup needs some. */
  hasSessions: boolean;
  busy: boolean;
  /** What is being done right now ("Đang tạo tệp… 40 %"), said in a live region. */
  progress: string | null;
  error: string | null;
  onCsv(): void;
  onSummaryCsv(): void;
  onXlsx(): void;
  onJson(): void;
  onPrint(): void;
}

export function ExportPanel({ periodHasSessions, hasSessions, busy, progress, error, onCsv, onSummaryCsv, onXlsx, onJson, onPrint }: ExportPanelProps) {
  return (
    <section aria-labelledby="export-heading" className="panel">
      <h2 id="export-heading">{T.exportHeading}</h2>
      <p>{T.exportIntro}</p>
      <p className="note">{T.personalNote}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onCsv} disabled={!periodHasSessions || busy}>
          {T.exportCsv}
        </button>
        <button type="button" className="secondary" onClick={onSummaryCsv} disabled={!periodHasSessions || busy}>
          {T.exportCsvSummary}
        </button>
        <button type="button" className="primary" onClick={onXlsx} disabled={!periodHasSessions || busy}>
          {T.exportXlsx}
        </button>
        <button type="button" className="secondary" onClick={onJson} disabled={!hasSessions || busy}>
          {T.exportJson}
        </button>
        <button type="button" className="secondary" onClick={onPrint}>
          {T.print}
        </button>
      </div>
      <p role="status" className="note" data-testid="export-progress">
        {progress}
      </p>
      {error && (
        <p role="alert" className="error">
          {T.exportFailed} {error}
        </p>
      )}
    </section>
  );
}
