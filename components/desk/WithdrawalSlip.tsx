import { DESK_TEXT as T } from '../../extension/desk/strings';
import { ScreenHeading } from './ScreenHeading';

export interface SlipInfo {
  code: string;
  /** The desk's name (or commune), as set in "Cài đặt của bàn"; absent when not set. */
  deskName: string | undefined;
  /** "02/12/2026" */
  date: string;
}

/**
 * The slip a citizen who agreed takes home: the session code, what it is for and how to use it,
 * where and when. On screen with "In phiếu" / back; on paper only the slip (print stylesheet).
 */
export function WithdrawalSlip({ code, deskName, date, onPrint, onBack }: SlipInfo & { onPrint(): void; onBack(): void }) {
  return (
    <section aria-labelledby="slip-heading" className="slip-view">
      <div className="actions no-print">
        <button type="button" className="primary" onClick={onPrint}>
          {T.slipPrint}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          {T.slipBack}
        </button>
      </div>
      <article className="slip" data-testid="withdrawal-slip">
        <ScreenHeading id="slip-heading">{T.slipHeading}</ScreenHeading>
        <p className="slip-code">
          {T.slipCodeLabel}: <strong>{code}</strong>
        </p>
        <p>{T.slipWhat}</p>
        <p>{T.slipHow}</p>
        <p>{T.slipKeep}</p>
        <p className="meta">
          {deskName && (
            <>
              {T.slipDesk(deskName)}
              <br />
            </>
          )}
          {T.slipDate(date)}
        </p>
      </article>
    </section>
  );
}
