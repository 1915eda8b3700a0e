import type { Tour } from '../engine/schema';
import type { TabStatus } from '../extension/messages';
import { POPUP_TEXT as T } from '../extension/popup/strings';
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
}

export function TourPicker({ status, toursHere, toursElsewhere, busy, failed, onStart, onResume, onStop, onOpenDesk }: TourPickerProps) {
  return (
    <main className="picker" lang="vi">
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
      {status?.run && status.tourTitle && (
        <CurrentRun run={status.run} title={status.tourTitle} stepCount={status.stepCount} busy={busy} onResume={onResume} onStop={onStop} />
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
              <TourCard key={tour.id} tour={tour} actionLabel={T.openAndStart} disabled={busy} onAction={() => onStart(tour.id, true)} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="desk-heading" className="desk-entry">
        <h2 id="desk-heading">{T.forTeam}</h2>
        <button type="button" className="secondary" onClick={onOpenDesk}>
          {T.openDesk}
        </button>
      </section>
    </main>
  );
}
