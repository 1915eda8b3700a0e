import { useId } from 'react';
import { OUTCOME_LABELS, OUTCOMES, type OutcomeCounts, type TaskOutcome } from '../../sessions';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';
import { stackSegments } from './chart-scale';

export interface OutcomeRow {
  label: string;
  counts: OutcomeCounts;
  total: number;
}

export interface OutcomeChartProps {
  rows: OutcomeRow[];
  /** How many rows the report has in all (the chart shows the first few). */
  totalRows: number;
}

const W = 640;
const ROW_H = 46;
const BAR_H = 18;
const LABEL_MAX = 70;
const RIGHT = 48;

const shortLabel = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

/** Tasks by outcome as one stacked horizontal bar per task; colours are keyed in a legend and the numbers are in the description. */
export function OutcomeChart({ rows, totalRows }: OutcomeChartProps) {
  const id = useId();
  const H = Math.max(1, rows.length) * ROW_H + 8;
  const max = Math.max(0, ...rows.map((r) => r.total));
  const desc = T.outcomeChartDesc(
    rows
      .map((r) => `${r.label}: ${OUTCOMES.filter((o) => r.counts[o] > 0).map((o) => `${OUTCOME_LABELS[o].vi} ${r.counts[o]}`).join(', ')}`)
      .join('; '),
  );
  return (
    <figure className="chart" data-chart="outcomes">
      <figcaption>{T.outcomeChartTitle}</figcaption>
      <ul className="legend" aria-hidden="true">
        {OUTCOMES.map((o) => (
          <li key={o}>
            <span className={`swatch outcome-${o}`} />
            {OUTCOME_LABELS[o].vi}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={T.outcomeChartTitle} aria-describedby={`${id}-desc`} className="chart-svg">
        <title>{T.outcomeChartTitle}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {rows.map((row, i) => {
          const y = i * ROW_H;
          const segments = stackSegments<TaskOutcome>(row.counts, OUTCOMES, W - RIGHT, max);
          const end = segments.length ? segments[segments.length - 1].x + segments[segments.length - 1].width : 0;
          return (
            <g key={row.label} transform={`translate(0,${y})`}>
              <text x={0} y={14} className="row-label">
                {shortLabel(row.label)}
              </text>
              {segments.map((s) => (
                <rect key={s.key} className={`outcome-${s.key}`} x={s.x} y={20} width={Math.max(1, s.width)} height={BAR_H}>
                  <title>{`${OUTCOME_LABELS[s.key].vi}: ${s.value}`}</title>
                </rect>
              ))}
              <text x={end + 6} y={20 + BAR_H / 2} dy="0.32em" className="value">
                {row.total}
              </text>
            </g>
          );
        })}
      </svg>
      {totalRows > rows.length && <p className="note">{T.moreTasks(rows.length)}</p>}
    </figure>
  );
}
