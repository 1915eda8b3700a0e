import type { Outcome } from '../../extension/dashboard/use-actions';

/** The result of a panel's last write: a status when it worked, an alert (Vietnamese, then English) when not. */
export function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'status' : 'error'}>
      {outcome.ok ? outcome.text : `${outcome.error.vi} (${outcome.error.en})`}
    </p>
  );
}
