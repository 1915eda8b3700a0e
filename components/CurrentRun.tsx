import type { RunState } from '../engine/runner';
import { popupText } from '../extension/popup/strings';

export interface CurrentRunProps {
  run: RunState;
  title: string;
  stepCount: number;
  busy: boolean;
  lang: string;
  onResume(): void;
  onStop(): void;
}

/** The run on this tab: live (offer to stop) or interrupted (offer to resume). Finished runs are not shown. */
export function CurrentRun({ run, title, stepCount, busy, lang, onResume, onStop }: CurrentRunProps) {
  const T = popupText(lang);
  if (run.status === 'finished') return null;
  const live = run.status === 'active';
  return (
    <section className="current-run" aria-labelledby="run-heading">
      <h2 id="run-heading">{live ? T.running : T.interrupted}</h2>
      <p className="run-title">{title}</p>
      <p className="meta">{T.stepOf(run.stepIndex + 1, stepCount)}</p>
      <div className="actions">
        {!live && (
          <button type="button" className="primary" disabled={busy} onClick={onResume}>
            {T.resume}
          </button>
        )}
        {run.status !== 'closed' && (
          <button type="button" className="secondary" disabled={busy} onClick={onStop}>
            {T.stop}
          </button>
        )}
      </div>
    </section>
  );
}
