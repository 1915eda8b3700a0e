import { useState } from 'react';
import type { SignOutReply } from '../../extension/messages';
import { hostOf } from '../../extension/desk/model';
import { DESK_TEXT as T } from '../../extension/desk/strings';

export interface SignOutOfferProps {
  sessionId: string;
  origins: string[];
  result: SignOutReply | undefined;
  /** h3 on the summary screen, the same on home for a previous session. */
  heading: string;
  /** The list of visited sites could not be read: every allowed site is offered, and the offer says why. */
  damaged?: boolean;
  onSignOut(sessionId: string, closeTabs: boolean): void;
  onSkip(sessionId: string): void;
}

/** The shared machine's last step: clear the citizen's logins on exactly the portal sites the session used, after a confirmation. */
export function SignOutOffer({ sessionId, origins, result, heading, damaged, onSignOut, onSkip }: SignOutOfferProps) {
  const [confirming, setConfirming] = useState(false);
  const [closeTabs, setCloseTabs] = useState(true);
  return (
    <section className="card sign-out" aria-labelledby="sign-out-heading">
      <h3 id="sign-out-heading">{heading}</h3>
      {result?.ok && (
        <p role="status" className="success">
          {T.signedOut(result.origins.length)}
        </p>
      )}
      {result && !result.ok && (
        <p role="alert" className="error">
          {result.error.vi}
        </p>
      )}
      {!result?.ok && damaged && (
        <p role="alert" className="warning">
          {T.signOutDamaged}
        </p>
      )}
      {!result?.ok && origins.length === 0 && <p>{T.signOutNone}</p>}
      {!result?.ok && origins.length > 0 && (
        <>
          <p>{T.signOutIntro}</p>
          <ul>
            {origins.map((origin) => (
              <li key={origin}>{hostOf(origin)}</li>
            ))}
          </ul>
          {!confirming ? (
            <div className="actions">
              <button type="button" className="primary" onClick={() => setConfirming(true)}>
                {T.signOut}
              </button>
              <button type="button" className="secondary" onClick={() => onSkip(sessionId)}>
                {T.skipSignOut}
              </button>
            </div>
          ) : (
            <div className="warning">
              <p>{T.signOutConfirm}</p>
              <label className="choice">
                <input type="checkbox" checked={closeTabs} onChange={(e) => setCloseTabs(e.target.checked)} />
                {T.closeTabs}
              </label>
              <div className="actions">
                <button type="button" className="danger" onClick={() => onSignOut(sessionId, closeTabs)}>
                  {T.confirmSignOut}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  {T.cancel}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
