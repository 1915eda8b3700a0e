import { useState } from 'react';
import { isDeleteConfirmation } from '../../extension/dashboard/actions';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';
import type { Outcome } from '../../extension/dashboard/use-actions';
import { OutcomeMessage } from './OutcomeMessage';

export interface DeleteEverythingProps {
  busy: boolean;
  outcome: Outcome;
  onDelete(): void;
}

/** "Xoá toàn bộ dữ liệu", behind a typed confirmation word (tone marks optional: XOÁ, XÓA, XOA). */
export function DeleteEverything({ busy, outcome, onDelete }: DeleteEverythingProps) {
  const [typed, setTyped] = useState('');
  const confirmed = isDeleteConfirmation(typed, T.deleteAllWord);
  return (
    <section aria-labelledby="delete-all-heading" className="panel danger-zone">
      <h2 id="delete-all-heading">{T.deleteAllHeading}</h2>
      <p>{T.deleteAllIntro}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!confirmed) return;
          setTyped('');
          onDelete();
        }}
      >
        <label>
          {T.deleteAllPrompt}
          <input type="text" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <button type="submit" className="danger" disabled={!confirmed || busy}>
          {T.deleteAllButton}
        </button>
      </form>
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}
