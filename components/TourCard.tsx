import type { Tour } from '../engine/schema';
import { POPUP_TEXT as T } from '../extension/popup/strings';

export interface TourCardProps {
  tour: Tour;
  actionLabel: string;
  disabled: boolean;
  onAction: () => void;
}

export function TourCard({ tour, actionLabel, disabled, onAction }: TourCardProps) {
  const headingId = `tour-${tour.id}`;
  return (
    <li className="tour-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{tour.title.vi}</h3>
      {tour.summary && <p className="summary">{tour.summary.vi}</p>}
      <p className="meta">{T.steps(tour.steps.length)}</p>
      <button type="button" className="primary" disabled={disabled} onClick={onAction} aria-describedby={headingId}>
        {actionLabel}
      </button>
    </li>
  );
}
