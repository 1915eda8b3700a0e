import type { RenderedConsent } from '../../sessions';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { ScreenHeading } from './ScreenHeading';

export interface ConsentScreenProps {
  /** consentText(settings) from sessions/consent.ts: what is logged, why, who keeps it, how long. */
  consent: RenderedConsent;
  onDecide(agreed: boolean): void;
  onPrint(): void;
  onCancel(): void;
}

/** Consent is asked before anything about the citizen is written; declining still gets them help. */
export function ConsentScreen({ consent, onDecide, onPrint, onCancel }: ConsentScreenProps) {
  return (
    <section aria-labelledby="consent-heading">
      <ScreenHeading id="consent-heading">{T.consentHeading}</ScreenHeading>
      <p className="no-print">{T.consentIntro}</p>
      <article className="consent-text card" aria-labelledby="consent-title">
        <h3 id="consent-title">{consent.title}</h3>
        {consent.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        {/* English is one click away for a citizen who reads it better, never beside the Vietnamese. */}
        <details className="english-version no-print">
          <summary>{T.englishVersion}</summary>
          <p lang="en">{consent.english}</p>
        </details>
        <p className="meta">Phiên bản: {consent.version}</p>
      </article>
      <div className="actions stack no-print">
        <button type="button" className="primary big" onClick={() => onDecide(true)}>
          {T.agreed}
        </button>
        <button type="button" className="secondary big" onClick={() => onDecide(false)}>
          {T.declined}
        </button>
      </div>
      <p className="note no-print">{T.declinedNote}</p>
      <div className="actions no-print">
        <button type="button" className="secondary" onClick={onPrint}>
          {T.print}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {T.cancel}
        </button>
      </div>
    </section>
  );
}
