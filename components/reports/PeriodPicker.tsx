import type { GroupBy } from '../../sessions';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';

export interface PeriodPickerProps {
  groupBy: GroupBy;
  /** "Tháng 3/2026" */
  title: string;
  /** "từ 01/03/2026 đến 31/03/2026" */
  range: string;
  /** The picked day as "YYYY-MM-DD" (the period's first day). */
  dateValue: string;
  nextDisabled: boolean;
  onGroupBy(groupBy: GroupBy): void;
  onShift(direction: -1 | 1): void;
  /** An `<input type="date">` value; the caller ignores what it cannot parse. */
  onDate(value: string): void;
  onToday(): void;
}

const GROUPS: readonly GroupBy[] = ['day', 'week', 'month'];

export function PeriodPicker({ groupBy, title, range, dateValue, nextDisabled, onGroupBy, onShift, onDate, onToday }: PeriodPickerProps) {
  return (
    <section className="period" aria-labelledby="period-heading">
      <h2 id="period-heading">{T.periodHeading}</h2>
      <div className="period-controls">
        <fieldset className="segmented">
          <legend>{T.groupByLegend}</legend>
          {GROUPS.map((g) => (
            <label key={g} className={g === groupBy ? 'selected' : undefined}>
              <input type="radio" name="group-by" value={g} checked={g === groupBy} onChange={() => onGroupBy(g)} />
              {T.groupBy[g]}
            </label>
          ))}
        </fieldset>
        <label className="date-field">
          {T.dateLabel}
          <input type="date" value={dateValue} min="2020-01-01" max="2099-12-31" onChange={(e) => onDate(e.currentTarget.value)} />
        </label>
        <button type="button" className="secondary" onClick={onToday}>
          {T.today}
        </button>
      </div>
      <div className="period-nav">
        <button type="button" className="secondary" aria-label={T.previousLabel} onClick={() => onShift(-1)}>
          {T.previous}
        </button>
        <p className="period-title" aria-live="polite" data-testid="period-title">
          <strong>{title}</strong> <span className="meta">{range}</span>
        </p>
        <button type="button" className="secondary" aria-label={T.nextLabel} onClick={() => onShift(1)} disabled={nextDisabled}>
          {T.next}
        </button>
      </div>
    </section>
  );
}
