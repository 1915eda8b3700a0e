import { OUTCOME_LABELS, type Report } from '../../sessions';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';

export interface SummaryCardsProps {
  report: Report;
}

/** The headline numbers of the period; `data-metric` names each for tests and styling. */
export function SummaryCards({ report }: SummaryCardsProps) {
  const items: Array<[string, string, number]> = [
    ['sessions', T.sessions, report.sessions],
    ['citizens', T.citizensHelped, report.citizensHelped],
    ['tasks', T.tasksTotal, report.tasks.total],
    ['done', OUTCOME_LABELS.done.vi, report.tasks.byOutcome.done],
    ['partial', OUTCOME_LABELS.partial.vi, report.tasks.byOutcome.partial],
    ['not-done', OUTCOME_LABELS['not-done'].vi, report.tasks.byOutcome['not-done']],
    ['first-time', T.firstTimeUsers, report.firstTime.yes],
  ];
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{T.summaryHeading}</h2>
      {report.sessions === 0 && <p className="note">{T.noData}</p>}
      <dl className="summary-grid">
        {items.map(([key, label, value]) => (
          <div key={key} className={`metric metric-${key}`} data-metric={key}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString('vi-VN')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
