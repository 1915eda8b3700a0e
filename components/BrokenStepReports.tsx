import type { BrokenStepReport, ReportList } from '../extension/background/report-store';
import { strategyList } from '../extension/options/strategy-names';
import { OPTIONS_TEXT as T } from '../extension/options/strings';

export interface BrokenStepReportsProps {
  reports: ReportList | null;
  tourTitle(id: string): string;
  onClear(): void;
  onDownload(items: BrokenStepReport[]): void;
}

const when = (at: number) => new Date(at).toLocaleString('vi-VN');

export function BrokenStepReports({ reports, tourTitle, onClear, onDownload }: BrokenStepReportsProps) {
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{T.reportsHeading}</h2>
      <p>{T.reportsIntro}</p>
      {!reports && <p aria-live="polite">{T.loading}</p>}
      {reports && !reports.ok && (
        <p role="alert" className="error">
          {T.corrupt}
        </p>
      )}
      {reports?.ok && reports.quarantined.length > 0 && <p className="note">{T.quarantined(reports.quarantined.length)}</p>}
      {reports?.ok && reports.items.length === 0 && <p>{T.none}</p>}
      {reports?.ok && reports.items.length > 0 && (
        <div className="table-scroll" role="region" aria-label={T.tableLabel} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{T.tour}</th>
                <th scope="col">{T.step}</th>
                <th scope="col">{T.path}</th>
                <th scope="col">{T.failed}</th>
                <th scope="col">{T.count}</th>
                <th scope="col">{T.last}</th>
              </tr>
            </thead>
            <tbody>
              {reports.items.map((r) => (
                <tr key={`${r.tourId}/${r.stepId}/${r.path}`}>
                  <td>{tourTitle(r.tourId)}</td>
                  <td>
                    <code>{r.stepId}</code>
                  </td>
                  <td>
                    <code>{r.path}</code>
                  </td>
                  <td>{strategyList(r.failed)}</td>
                  <td>{r.count}</td>
                  <td>{when(r.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reports?.ok && (reports.items.length > 0 || reports.quarantined.length > 0) && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => onDownload(reports.items)} disabled={!reports.items.length}>
            {T.download}
          </button>
          <button type="button" className="danger" onClick={onClear}>
            {T.clear}
          </button>
        </div>
      )}
    </section>
  );
}
