import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';

export interface LoadNotesProps {
  quarantined: number;
  migrated: number;
  settingsError: string | null;
  onDownloadQuarantine(): void;
  /** The tallies differ from a recount of the records (days that differ), or were just recounted. */
  drift: { days: number; recounted: boolean } | null;
  onRecount(): void;
}

/** Records that could not be read are shown, never silently dropped; upgrades and damaged settings are said too. */
export function LoadNotes({ quarantined, migrated, settingsError, onDownloadQuarantine, drift, onRecount }: LoadNotesProps) {
  if (!quarantined && !migrated && !settingsError && !drift) return null;
  return (
    <>
      {drift && drift.days > 0 && (
        <section className="warning" role="alert" aria-labelledby="drift-heading" data-testid="tally-drift">
          <h2 id="drift-heading">{T.driftHeading}</h2>
          <p>{T.drift(drift.days)}</p>
          <button type="button" className="secondary" onClick={onRecount}>
            {T.recount}
          </button>
        </section>
      )}
      {drift?.recounted && (
        <p className="note" role="status">
          {T.recounted}
        </p>
      )}
      {quarantined > 0 && (
        <section className="warning" role="alert" aria-labelledby="quarantine-heading" data-testid="quarantine-warning">
          <h2 id="quarantine-heading">{T.quarantineHeading}</h2>
          <p>{T.quarantine(quarantined)}</p>
          <button type="button" className="secondary" onClick={onDownloadQuarantine}>
            {T.quarantineDownload}
          </button>
        </section>
      )}
      {settingsError && (
        <p className="error" role="alert">
          {settingsError}
        </p>
      )}
      {migrated > 0 && <p className="note">{T.migrated(migrated)}</p>}
    </>
  );
}
