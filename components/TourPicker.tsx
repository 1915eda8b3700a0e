import type { ReactNode } from 'react';
import { pickText } from '../engine/i18n';
import type { Tour } from '../engine/schema';
import type { TabStatus } from '../extension/messages';
import { popupText } from '../extension/popup/strings';
import { siteInWords, type TopicGroup } from '../extension/popup/tour-groups';
import { CurrentRun } from './CurrentRun';
import { TourCard } from './TourCard';

export interface TourPickerProps {
  status: TabStatus | null;
  toursHere: Tour[];
  /** every other tour, by topic: each opens its start page first */
  toursByTopic: TopicGroup[];
  busy: boolean;
  failed: boolean;
  onStart(tourId: string, open?: boolean): void;
  onResume(): void;
  onStop(): void;
  /** Opens the desk console (side panel) of the Tổ công nghệ số. */
  onOpenDesk(): void;
  /** the citizen's chosen language; Vietnamese fills any string it lacks */
  lang: string;
  /** the display-and-reading settings, below the tour list */
  settings?: ReactNode;
}

export function TourPicker({ status, toursHere, toursByTopic, busy, failed, onStart, onResume, onStop, onOpenDesk, lang, settings }: TourPickerProps) {
  const T = popupText(lang);
  const elsewhere = toursByTopic.flatMap((group) => group.tours);
  const running = status?.run && [...toursHere, ...elsewhere].find((t) => t.id === status.run?.tourId);
  const runTitle = running ? pickText(running.title, lang) : status?.tourTitle;
  return (
    <main className="picker" lang={lang}>
      <header>
        <h1>{T.appName}</h1>
        <p className="tagline">{T.tagline}</p>
      </header>
      {failed && (
        <p role="alert" className="error">
          {T.failed}
        </p>
      )}
      {status?.storageError && (
        <p role="alert" className="error">
          {T.storageError}
        </p>
      )}
      {!status && !failed && <p aria-live="polite">{T.loading}</p>}
      {status?.run && runTitle && (
        <CurrentRun lang={lang} run={status.run} title={runTitle} stepCount={status.stepCount} busy={busy} onResume={onResume} onStop={onStop} />
      )}
      {status && (
        <section aria-labelledby="here-heading">
          <h2 id="here-heading">{T.toursHere}</h2>
          {toursHere.length === 0 && <p>{elsewhere.length ? T.notPortal : T.noTourHere}</p>}
          <ul className="tours">
            {toursHere.map((tour) => (
              <TourCard
                key={tour.id}
                tour={tour}
                lang={lang}
                actionLabel={status.run?.tourId === tour.id && status.run.status !== 'finished' ? T.startOver : T.start}
                disabled={busy}
                onAction={() => onStart(tour.id)}
              />
            ))}
          </ul>
        </section>
      )}
      {status && elsewhere.length > 0 && (
        <section aria-labelledby="all-heading">
          <h2 id="all-heading">{T.allTours}</h2>
          {toursByTopic.map(({ topic, tours }) => (
            <section key={topic} aria-labelledby={`topic-${topic}`} className="topic">
              <h3 id={`topic-${topic}`}>{T.topics[topic]}</h3>
              <ul className="tours">
                {tours.map((tour) => (
                  <TourCard
                    key={tour.id}
                    tour={tour}
                    lang={lang}
                    level={4}
                    where={tour.start ? siteInWords(tour.start) : undefined}
                    actionLabel={T.openAndStart}
                    disabled={busy}
                    onAction={() => onStart(tour.id, true)}
                  />
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
      {settings}
      <section aria-labelledby="desk-heading" className="desk-entry" lang="vi">
        <h2 id="desk-heading">{T.forTeam}</h2>
        <button type="button" className="secondary" onClick={onOpenDesk}>
          {T.openDesk}
        </button>
      </section>
    </main>
  );
}
