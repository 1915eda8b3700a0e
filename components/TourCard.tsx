import { pickOptional, pickText } from '../engine/i18n';
import type { Tour } from '../engine/schema';
import { popupText } from '../extension/popup/strings';

export interface TourCardProps {
  tour: Tour;
  actionLabel: string;
  lang: string;
  disabled: boolean;
  onAction: () => void;
  /** the card's heading level: 3 under "Hướng dẫn cho trang này", 4 under a topic */
  level?: 3 | 4;
  /** "Hướng dẫn này làm trên …": said when the tour begins on another page, which the action opens */
  where?: string;
}

/** One tour: its title, summary, time and steps, what to bring, where it runs, and one button. */
export function TourCard({ tour, actionLabel, lang, disabled, onAction, level = 3, where }: TourCardProps) {
  const T = popupText(lang);
  const headingId = `tour-${tour.id}`;
  const whereId = `tour-${tour.id}-where`;
  const title = pickText(tour.title, lang);
  const summary = pickOptional(tour.summary, lang);
  const Heading = level === 4 ? 'h4' : 'h3';
  const langOf = (text: string, vi: string | undefined) => (text === vi ? 'vi' : lang);
  return (
    <li className="tour-card" aria-labelledby={headingId}>
      <Heading id={headingId} lang={langOf(title, tour.title.vi)}>
        {title}
      </Heading>
      {summary && (
        <p className="summary" lang={langOf(summary, tour.summary?.vi)}>
          {summary}
        </p>
      )}
      <p className="meta">{tour.minutes ? `${T.minutes(tour.minutes)}, ${T.steps(tour.steps.length)}` : T.steps(tour.steps.length)}</p>
      {tour.bring && tour.bring.length > 0 && (
        <div className="bring">
          <p className="meta">{T.bring}</p>
          <ul>
            {tour.bring.map((item) => {
              const text = pickText(item, lang);
              return (
                <li key={item.vi} lang={langOf(text, item.vi)}>
                  {text}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {where && (
        <p id={whereId} className="where">
          {T.runsOn(where)}
        </p>
      )}
      <button type="button" className="primary" disabled={disabled} onClick={onAction} aria-describedby={where ? `${headingId} ${whereId}` : headingId}>
        {actionLabel}
      </button>
    </li>
  );
}
