import { useId, useState } from 'react';
import type { Message } from '../../sessions';
import type { ImportPlan } from '../../extension/dashboard/actions';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';
import type { ImportState } from '../../extension/dashboard/use-actions';

export interface ImportPanelProps {
  state: ImportState;
  busy: boolean;
  /** "02/03/2026" for an epoch-ms instant. */
  formatDate(at: number): string;
  onFile(file: File): void;
  onConfirm(plan: Extract<ImportPlan, { ok: true }>): void;
  onCancel(): void;
}

const MAX_WARNINGS = 20;

/** Vietnamese on screen; the English detail (for whoever debugs the file) goes to the console. */
function Problem({ message }: { message: Message }) {
  console.warn(`[Dẫn Bước] import: ${message.en}`);
  return <p className="message">{message.vi}</p>;
}

function Preview({ plan, busy, formatDate, onConfirm, onCancel }: { plan: Extract<ImportPlan, { ok: true }> } & Omit<ImportPanelProps, 'state' | 'onFile'>) {
  const { added, duplicates, conflicts, replaced, refused, dropped, withdrawnDeleted, withdrawnLearned } = plan.counts;
  const changes = added > 0 || replaced > 0 || withdrawnDeleted > 0 || withdrawnLearned > 0;
  return (
    <div className="import-preview" data-testid="import-preview">
      <h3>{T.importPreviewHeading}</h3>
      <p>{T.importFile(plan.fileName, plan.deskId, formatDate(plan.exportedAt), plan.incoming.length)}</p>
      <ul>
        <li data-count="added">{T.importAdded(added)}</li>
        {replaced > 0 && <li data-count="updated">{T.importUpdated(replaced)}</li>}
        <li data-count="duplicates">{T.importDuplicates(duplicates)}</li>
        {conflicts > 0 && <li data-count="conflicts">{T.importConflicts(conflicts)}</li>}
        {refused.withdrawn > 0 && <li data-count="refused-withdrawn">{T.importRefusedWithdrawn(refused.withdrawn)}</li>}
        {refused.future > 0 && <li data-count="refused-future">{T.importRefusedFuture(refused.future)}</li>}
        {refused.unknownConsent > 0 && <li data-count="refused-consent">{T.importRefusedConsent(refused.unknownConsent)}</li>}
        {refused.pastRetention > 0 && <li data-count="refused-retention">{T.importRefusedRetention(refused.pastRetention)}</li>}
        {dropped.sessions > 0 && <li data-count="dropped">{T.importDropped(dropped.fields.map((f) => T.importFieldNames[f] ?? f), dropped.sessions)}</li>}
        {withdrawnDeleted > 0 && <li data-count="withdrawn-deleted">{T.importWithdrawnDeleted(withdrawnDeleted)}</li>}
        {withdrawnLearned > 0 && <li data-count="withdrawn-learned">{T.importWithdrawnLearned(withdrawnLearned)}</li>}
      </ul>
      {plan.warnings.length > 0 && (
        <details>
          <summary>{T.importWarnings(plan.warnings.length)}</summary>
          <ul>
            {plan.warnings.slice(0, MAX_WARNINGS).map((w, i) => (
              <li key={i}>
                {`#${w.index + 1}: ${w.message.vi}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!changes && (
        <p role="status" className="note">
          {T.importNothing}
        </p>
      )}
      <div className="actions">
        {changes && (
          <button type="button" className="primary" disabled={busy} onClick={() => onConfirm(plan)}>
            {T.importConfirm}
          </button>
        )}
        <button type="button" className="secondary" onClick={onCancel}>
          {T.importCancel}
        </button>
      </div>
    </div>
  );
}

export function ImportPanel(props: ImportPanelProps) {
  const { state, busy, onFile } = props;
  const inputId = useId();
  const [chosen, setChosen] = useState<string>();
  return (
    <section aria-labelledby="import-heading" className="panel">
      <h2 id="import-heading">{T.importHeading}</h2>
      <p>{T.importIntro}</p>
      {/* The browser's own file button speaks English ("Choose File"): it is hidden, and this label is the button. */}
      <div className="file-picker">
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Cleared so that choosing the same file again is a new import.
            input.value = '';
            if (file) {
              setChosen(file.name);
              onFile(file);
            }
          }}
        />
        <label htmlFor={inputId} className="button-like">
          {T.importLabel}
        </label>
        <span className="file-name">{chosen ? T.importChosen(chosen) : T.importNoFile}</span>
      </div>
      {state.stage === 'planned' && !state.plan.ok && (
        <div role="alert" className="error" data-testid="import-error">
          <p>
            <strong>{T.importRejected}</strong> ({state.plan.fileName})
          </p>
          <Problem message={state.plan.error} />
        </div>
      )}
      {state.stage === 'planned' && state.plan.ok && <Preview plan={state.plan} {...props} />}
      {state.stage === 'failed' && (
        <div role="alert" className="error">
          <Problem message={state.error} />
        </div>
      )}
      <p role="status" className="status">
        {state.stage === 'done' ? T.importDone(state.counts.added, state.counts.replaced, state.counts.withdrawnDeleted) : state.stage === 'cancelled' ? T.importCancelled : ''}
      </p>
    </section>
  );
}
