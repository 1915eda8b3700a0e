import { useState } from 'react';
import type { Message } from '../../sessions';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';
import type { Outcome } from '../../extension/dashboard/use-actions';
import { OutcomeMessage } from './OutcomeMessage';

export interface RetentionPanelProps {
  months: number;
  /** False before the desk's first-run setup: there are no settings to save the period in. */
  editable: boolean;
  purgeCount: number;
  /** What will be deleted, and the offer to export first (sessions/retention.ts retentionNotice). */
  notice: Message;
  outcome: Outcome;
  busy: boolean;
  onSave(months: number): void;
  onExportThenDelete(): void;
  onDeleteWithoutExport(): void;
}

export function RetentionPanel({ months, editable, purgeCount, notice, outcome, busy, onSave, onExportThenDelete, onDeleteWithoutExport }: RetentionPanelProps) {
  const [draft, setDraft] = useState(String(months));
  const [confirming, setConfirming] = useState(false);
  const parsed = Number(draft);
  const valid = /^\d{1,3}$/.test(draft.trim()) && parsed >= 1 && parsed <= 120;
  return (
    <section aria-labelledby="retention-heading" className="panel">
      <h2 id="retention-heading">{T.retentionHeading}</h2>
      <p>{T.retentionIntro(months)}</p>
      {editable ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onSave(parsed);
          }}
        >
          <label>
            {T.retentionMonths}
            <input type="number" inputMode="numeric" min={1} max={120} step={1} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} required />
          </label>
          <button type="submit" className="secondary" disabled={!valid || parsed === months || busy}>
            {T.retentionSave}
          </button>
        </form>
      ) : (
        <p className="note">{T.retentionNoSettings}</p>
      )}
      <p data-testid="retention-notice">{notice.vi}</p>
      {purgeCount > 0 && (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={onExportThenDelete}>
            {T.exportThenDelete}
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
            {T.deleteWithoutExport}
          </button>
        </div>
      )}
      {purgeCount > 0 && confirming && (
        <div className="confirm" role="group" aria-labelledby="retention-confirm">
          <p id="retention-confirm">{T.confirmDeleteOld(purgeCount)}</p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onDeleteWithoutExport();
              }}
            >
              {T.confirmDeleteOldYes}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {T.importCancel}
            </button>
          </div>
        </div>
      )}
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}
