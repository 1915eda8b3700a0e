import { useState } from 'react';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';
import type { Outcome } from '../../extension/dashboard/use-actions';
import { OutcomeMessage } from './OutcomeMessage';

export interface WithdrawPanelProps {
  busy: boolean;
  outcome: Outcome;
  onWithdraw(code: string): void;
}

/** A citizen who comes back to withdraw consent gives the code from their session's summary. */
export function WithdrawPanel({ busy, outcome, onWithdraw }: WithdrawPanelProps) {
  const [code, setCode] = useState('');
  return (
    <section aria-labelledby="withdraw-heading" className="panel">
      <h2 id="withdraw-heading">{T.withdrawHeading}</h2>
      <p>{T.withdrawIntro}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!code.trim()) return;
          onWithdraw(code);
        }}
      >
        <label>
          {T.withdrawPrompt}
          <input type="text" autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        </label>
        <button type="submit" className="danger" disabled={busy || !code.trim()}>
          {T.withdrawButton}
        </button>
      </form>
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}
