import { useId } from 'react';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';
import { niceScale, verticalBars } from './chart-scale';

export interface WeekBar {
  /** Axis label: "T10" */
  short: string;
  /** Spoken and table label: "Tuần 10/2026 (02/03/2026)" */
  long: string;
  value: number;
}

export interface WeeklyChartProps {
  weeks: WeekBar[];
}

const W = 640;
const H = 240;
const M = { top: 20, right: 12, bottom: 34, left: 44 };

/** Sessions per week as bars: inline SVG with a title, a description holding the numbers, and a table. */
export function WeeklyChart({ weeks }: WeeklyChartProps) {
  const id = useId();
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const scale = niceScale(Math.max(0, ...weeks.map((w) => w.value)));
  const bars = verticalBars(
    weeks.map((w) => w.value),
    plotW,
    plotH,
    scale.max,
  );
  const desc = T.weeklyChartDesc(weeks.map((w) => `${w.long}: ${w.value}`).join('; '));
  return (
    <figure className="chart" data-chart="weekly">
      <figcaption id={`${id}-caption`}>{T.weeklyChartTitle}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={T.weeklyChartTitle} aria-describedby={`${id}-desc`} className="chart-svg">
        <title>{T.weeklyChartTitle}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <g transform={`translate(${M.left},${M.top})`}>
          {scale.ticks.map((t) => {
            const y = plotH - (t / scale.max) * plotH;
            return (
              <g key={t} className="tick">
                <line x1={0} x2={plotW} y1={y} y2={y} />
                <text x={-8} y={y} dy="0.32em" textAnchor="end">
                  {t}
                </text>
              </g>
            );
          })}
          {bars.map((bar, i) => (
            <g key={weeks[i].long} className="bar">
              <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
              {bar.value > 0 && (
                <text x={bar.x + bar.width / 2} y={bar.y - 4} textAnchor="middle" className="value">
                  {bar.value}
                </text>
              )}
              <text x={bar.x + bar.width / 2} y={plotH + 20} textAnchor="middle" className="axis-label">
                {weeks[i].short}
              </text>
            </g>
          ))}
          <line className="axis" x1={0} x2={plotW} y1={plotH} y2={plotH} />
        </g>
      </svg>
      <details className="chart-data">
        <summary>{T.chartTable}</summary>
        <div className="table-scroll" role="region" aria-label={T.chartTable} tabIndex={0}>
        <table>
          <caption>{T.weeklyChartTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{T.week}</th>
              <th scope="col" className="num">
                {T.sessions}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.long}>
                <th scope="row">{w.long}</th>
                <td className="num">{w.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </details>
    </figure>
  );
}
