import type { Report } from '../../sessions';
import type { Letterhead } from '../../extension/dashboard/model';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';
import { DataTable } from './DataTable';
import type { TableSpec } from './report-tables';

export interface PrintReportProps {
  letterhead: Letterhead;
  periodTitle: string;
  periodRange: string;
  report: Report;
  /** Summary, by task, by outcome, by member, by age band (report-tables.ts). */
  tables: { byTask: TableSpec; byOutcome: TableSpec; byMember: TableSpec; byAge: TableSpec };
  /** Local date the report is printed: day, month, year as text. */
  printedOn: { day: string; month: string; year: string };
  /** Prefix for element ids, so the report can sit next to the screen tables without clashes. */
  idPrefix: string;
}

/** The report the commune signs and stamps: official header, figures, tables, signature blocks. */
export function PrintReport({ letterhead, periodTitle, periodRange, report, tables, printedOn, idPrefix }: PrintReportProps) {
  const commune = letterhead.commune;
  const summary: Array<[string, number]> = [
    [T.sessions, report.sessions],
    [T.citizensHelped, report.citizensHelped],
    [T.tasksTotal, report.tasks.total],
    [T.firstTimeUsers, report.firstTime.yes],
  ];
  return (
    <article className="print-report" lang="vi" aria-labelledby={`${idPrefix}title`}>
      <header className="letterhead">
        <div className="authority">
          <p>{commune ? T.printCommuneAuthority(commune).toUpperCase() : `UBND ${T.printBlank}`}</p>
          <p>
            <strong>{T.printTeam}</strong>
          </p>
          {letterhead.teams.length > 0 && <p>{T.printTeamLine(letterhead.teams.join(', '))}</p>}
        </div>
        <div className="nation">
          <p>
            <strong>{T.printNation}</strong>
          </p>
          <p>
            <strong>{T.printMotto}</strong>
          </p>
          <p className="place-date">
            <em>{T.printPlaceDate(commune ?? T.printBlank, printedOn.day, printedOn.month, printedOn.year)}</em>
          </p>
        </div>
      </header>
      <h1 className="print-title" id={`${idPrefix}title`}>{T.printTitle}</h1>
      <p className="print-period">{T.printPeriod(periodTitle, periodRange)}</p>
      {letterhead.desks.length > 0 && <p className="print-period">{T.printDesks(letterhead.desks.join(', '))}</p>}

      <section aria-labelledby={`${idPrefix}summary`}>
        <h2 id={`${idPrefix}summary`}>{T.printSummaryHeading}</h2>
        <table className="print-summary">
          <tbody>
            {summary.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{value.toLocaleString('vi-VN')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <DataTable table={tables.byTask} idPrefix={idPrefix} level={2} heading={T.printTasksHeading} />
      <DataTable table={tables.byOutcome} idPrefix={idPrefix} level={2} heading={T.printOutcomeHeading} />
      <DataTable table={tables.byMember} idPrefix={idPrefix} level={2} heading={T.printMembersHeading} />
      <DataTable table={tables.byAge} idPrefix={idPrefix} level={2} heading={T.printAgeHeading} />

      <section className="signatures" data-testid="signatures" aria-label={`${T.printPreparer}, ${T.printApprover}`}>
        <div className="signature">
          <p>
            <strong>{T.printPreparer}</strong>
          </p>
          <p>
            <em>{T.printPreparerHint}</em>
          </p>
        </div>
        <div className="signature">
          <p>
            <strong>{T.printApprover}</strong>
          </p>
          <p>
            <em>{T.printApproverHint}</em>
          </p>
        </div>
      </section>
    </article>
  );
}
