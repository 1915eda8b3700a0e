import './author.css';
import { AUTHOR_MODE_TEXT as T } from '../../extension/authoring/strings';
import type { AuthorModeModel } from '../../extension/authoring/use-author-mode';

/** The author-mode switch of the options page; while on, a banner says so above everything it changes. */
export function AuthorModeSection({ mode, saveFailed, set }: AuthorModeModel) {
  const on = mode?.on ?? false;
  return (
    <section aria-labelledby="author-mode-heading">
      <h2 id="author-mode-heading">{T.heading}</h2>
      {on && (
        <div className="author-banner" role="status">
          <strong>{T.banner}</strong>
          <p>{T.bannerDetail}</p>
        </div>
      )}
      <p>{T.intro}</p>
      {mode?.problem && <p className="error">{mode.problem}</p>}
      <label className="author-check">
        <input type="checkbox" checked={on} disabled={!mode} onChange={(e) => set(e.currentTarget.checked)} /> {T.toggle}
      </label>
      {!on && mode && <p className="note">{T.off}</p>}
      {saveFailed && <p role="alert" className="error">{T.saveFailed}</p>}
    </section>
  );
}

