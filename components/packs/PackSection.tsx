import { useState, type FormEvent, type ReactNode } from 'react';
import type { PackStatus } from '../../extension/packs/channel';
import { PACK_TEXT as T } from '../../extension/packs/strings';
import type { PackNotice } from '../../extension/packs/use-packs';
import { TechnicalDetails } from './TechnicalDetails';

export interface PackSectionProps {
  status: PackStatus | null;
  busy: boolean;
  notice: PackNotice;
  onSave(url: string): void;
  onCheck(): void;
  onRemove(): void;
}

/** The notices about the address; the local pack's own are shown by LocalPackPanel. */
const NOTICES: Partial<Record<NonNullable<PackNotice>['kind'], string>> = {
  'not-https': T.notHttps,
  'no-permission': T.denied,
  denied: T.denied,
  failed: T.failed,
};

/** Options page: the team lead's tour-pack address, the pack in use, and how the last check went. */
export function PackSection({ status, busy, notice, onSave, onCheck, onRemove, children }: PackSectionProps & { children?: ReactNode }) {
  const [url, setUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(url);
  };
  const last = status?.lastCheck;
  return (
    <section aria-labelledby="packs-heading" className="packs">
      <h2 id="packs-heading">{T.heading}</h2>
      <p>{T.intro}</p>
      <form onSubmit={submit}>
        <label htmlFor="pack-url">{T.urlLabel}</label>
        <p id="pack-url-hint" className="note">
          {T.urlHint}
        </p>
        <input
          id="pack-url"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="pack-url-hint"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {T.save}
          </button>
        </div>
      </form>
      {notice && NOTICES[notice.kind] && (
        <p role="alert" className="error">
          {NOTICES[notice.kind]}
        </p>
      )}
      {!status && <p aria-live="polite">{T.loading}</p>}
      {status && (
        <div aria-live="polite" aria-busy={busy}>
          {status.channelError && <p className="error">{status.channelError}</p>}
          {status.installedError && <p className="error">{status.installedError}</p>}
          <dl className="pack-status">
            <dt>{T.currentUrl}</dt>
            <dd>{status.url ? <code>{status.url}</code> : T.noUrl}</dd>
            <dt>{T.installed}</dt>
            <dd data-testid="pack-installed">{status.installed ? T.installedValue(status.installed) : T.noneInstalled}</dd>
            <dt>{T.lastCheck}</dt>
            <dd data-testid="pack-last-check">
              {busy && <p>{T.busy}</p>}
              {!last && !busy && T.never}
              {last?.ok && (last.installed ? T.checkInstalled(last.at) : T.checkNothingNew(last.at))}
              {last && !last.ok && (
                <>
                  <p>{T.checkFailed(last.at)}</p>
                  <p className="error" data-reason={last.reason}>
                    {T.reasons[last.reason]}
                  </p>
                  <TechnicalDetails lines={[last.message, ...(last.details ?? [])]} />
                </>
              )}
            </dd>
          </dl>
          {status.url && (
            <div className="actions">
              <button type="button" className="secondary" onClick={onCheck} disabled={busy}>
                {T.checkNow}
              </button>
              <button type="button" className="danger" onClick={() => window.confirm(T.confirmRemove) && onRemove()} disabled={busy}>
                {T.remove}
              </button>
            </div>
          )}
        </div>
      )}
      {children}
    </section>
  );
}
