import { pickOptional, pickText } from '../engine/i18n';
import type { Tour } from '../engine/schema';
import { popupText } from '../extension/popup/strings';

export interface TourCardProps {
  tour: Tour;
  actionLabel: string;
  lang: string;
  disabled: boolean;
  onAction: () => void;
}

export function TourCard({ tour, actionLabel, lang, disabled, onAction }: TourCardProps) {
  const T = popupText(lang);
  const headingId = `tour-${tour.id}`;
  const title = pickText(tour.title, lang);
  const summary = pickOptional(tour.summary, lang);
  return (
    <li className="tour-card" aria-labelledby={headingId}>
      <h3 id={headingId} lang={title === tour.title.vi ? 'vi' : lang}>
        {title}
      </h3>
      {summary && (
        <p className="summary" lang={summary === tour.summary?.vi ? 'vi' : lang}>
          {summary}
        </p>
      )}
      <p className="meta">{T.steps(tour.steps.length)}</p>
      <button type="button" className="primary" disabled={disabled} onClick={onAction} aria-describedby={headingId}>
        {actionLabel}
      </button>
    </li>
  );
}
