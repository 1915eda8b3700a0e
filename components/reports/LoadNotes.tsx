import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';

export interface LoadNotesProps {
  quarantined: number;
  migrated: number;
  settingsError: string | null;
  onDownloadQuarantine(): void;
}

/** Records that could not be read are shown, never silently dropped; upgrades and damaged settings are said too. */
export function LoadNotes({ quarantined, migrated, settingsError, onDownloadQuarantine }: LoadNotesProps) {
  if (!quarantined && !migrated && !settingsError) return null;
  return (
    <>
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
