import type { Outcome } from '../../extension/dashboard/use-actions';

/** The result of a panel's last write: a status when it worked, an alert in Vietnamese when not (the English detail goes to the console). */
export function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  if (!outcome.ok) console.warn(`[Dẫn Bước] ${outcome.error.en}`);
  return (
    <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'status' : 'error'}>
      {outcome.ok ? outcome.text : outcome.error.vi}
    </p>
  );
}
