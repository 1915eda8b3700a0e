import type { ReactNode } from 'react';
import { pickText } from '../engine/i18n';
import type { Tour } from '../engine/schema';
import type { TabStatus } from '../extension/messages';
import { popupText } from '../extension/popup/strings';
import { CurrentRun } from './CurrentRun';
import { TourCard } from './TourCard';

export interface TourPickerProps {
  status: TabStatus | null;
  toursHere: Tour[];
  toursElsewhere: Tour[];
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

export function TourPicker({ status, toursHere, toursElsewhere, busy, failed, onStart, onResume, onStop, onOpenDesk, lang, settings }: TourPickerProps) {
  const T = popupText(lang);
  const running = status?.run && [...toursHere, ...toursElsewhere].find((t) => t.id === status.run?.tourId);
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
          {toursHere.length === 0 && <p>{status.url && toursElsewhere.length ? T.notPortal : T.noTourHere}</p>}
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
      {status && toursHere.length === 0 && toursElsewhere.length > 0 && (
        <section aria-labelledby="other-heading">
          <h2 id="other-heading">{T.otherTours}</h2>
          <ul className="tours">
            {toursElsewhere.map((tour) => (
              <TourCard key={tour.id} tour={tour} lang={lang} actionLabel={T.openAndStart} disabled={busy} onAction={() => onStart(tour.id, true)} />
            ))}
          </ul>
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
