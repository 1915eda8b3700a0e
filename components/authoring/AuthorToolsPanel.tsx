import type { AuthorToolMode, AuthorToolsStatus } from '../../extension/authoring/tools/messages';
import { AUTHOR_TOOLS_TEXT as T } from '../../extension/authoring/tools/strings';
import './author.css';

export interface AuthorToolsPanelProps {
  status: AuthorToolsStatus | null;
  failed: boolean;
  busy: boolean;
  start(mode: AuthorToolMode): void;
  stop(): void;
}

/** The popup's author tools (author mode only): start the picker or the recorder on this tab, or stop it. */
export function AuthorToolsPanel({ status, failed, busy, start, stop }: AuthorToolsPanelProps) {
  if (!status?.authorOn) return null;
  return (
    <section className="author-tools" aria-labelledby="author-tools-heading">
      <h2 id="author-tools-heading">{T.toolsHeading}</h2>
      <div className="author-banner">
        <strong>{T.banner}</strong>
        {status.draftId && <p>{T.draftSteps(status.steps)}</p>}
      </div>
      <div className="actions">
        {status.mode ? (
          <button type="button" disabled={busy} onClick={stop}>
            {status.mode === 'pick' ? T.stopPicking : T.stopRecording}
          </button>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => start('pick')}>
              {T.pickButton}
            </button>
            <button type="button" disabled={busy} onClick={() => start('record')}>
              {T.recordButton}
            </button>
          </>
        )}
      </div>
      {status.problem && <p className="error">{status.problem}</p>}
      {failed && <p role="alert" className="error">{T.failed}</p>}
    </section>
  );
}
