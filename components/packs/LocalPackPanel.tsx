import type { ChangeEvent } from 'react';
import { PACK_TEXT } from '../../extension/packs/strings';
import type { PackNotice } from '../../extension/packs/use-packs';
import type { PacksView } from '../../extension/packs/view';
import { TechnicalDetails } from './TechnicalDetails';

const T = PACK_TEXT.local;

export interface LocalPackPanelProps {
  view: PacksView;
  busy: boolean;
  notice: PackNotice;
  onLoad(file: File): void;
  onRemove(): void;
}

/** Author mode only: an unsigned pack from a file, whose tours run as drafts. */
export function LocalPackPanel({ view, busy, notice, onLoad, onRemove }: LocalPackPanelProps) {
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onLoad(file);
    event.target.value = '';
  };
  return (
    <section aria-labelledby="local-pack-heading">
      <h3 id="local-pack-heading">{T.heading}</h3>
      <p>{T.intro}</p>
      <label htmlFor="local-pack-file">{T.fileLabel}</label>
      <input id="local-pack-file" type="file" accept=".json,application/json" onChange={choose} disabled={busy} />
      {notice?.kind === 'author-mode-off' && (
        <p role="alert" className="error">
          {T.authorModeOff}
        </p>
      )}
      {notice?.kind === 'invalid-local' && (
        <div role="alert" className="error">
          <p>{'tooLarge' in notice ? T.tooLarge : T.invalid}</p>
          <TechnicalDetails lines={[notice.message, ...(('details' in notice && notice.details) || [])]} />
        </div>
      )}
      {view.localError && (
        <div className="error">
          <p>{view.localError.message}</p>
          {view.localError.details && <TechnicalDetails lines={view.localError.details} />}
        </div>
      )}
      <p data-testid="local-pack">{view.local ? T.loaded(view.local) : T.none}</p>
      {(view.local || view.localError) && (
        <div className="actions">
          <button type="button" className="danger" onClick={onRemove} disabled={busy}>
            {T.remove}
          </button>
        </div>
      )}
    </section>
  );
}
