import { useState, type FormEvent } from 'react';
import { summarizeSession, type Session } from '../../sessions';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { ScreenHeading } from './ScreenHeading';

export interface EndScreenProps {
  session: Session;
  onEnd(satisfaction: number | undefined): void;
  onBack(): void;
}

/** Last look before ending: tasks still unmarked, and the citizen's optional 1–5 score as labelled faces (only with consent). */
export function EndScreen({ session, onEnd, onBack }: EndScreenProps) {
  const [score, setScore] = useState('');
  const { unmarked, tasks } = summarizeSession(session);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onEnd(score ? Number(score) : undefined);
  };
  return (
    <section aria-labelledby="end-heading">
      <ScreenHeading id="end-heading">{T.endHeading}</ScreenHeading>
      <p>{T.taskCount(tasks)}</p>
      {unmarked.length > 0 && <p className="warning">{T.unmarked(unmarked.length)}</p>}
      <form className="form" onSubmit={submit}>
        {session.consent.agreed && (
          <fieldset className="choices scores">
            <legend>{T.satisfaction}</legend>
            {['1', '2', '3', '4', '5', ''].map((value) => (
              <label key={value || 'none'} className="choice">
                <input type="radio" name="satisfaction" value={value} checked={score === value} onChange={() => setScore(value)} />
                {value ? (
                  <span>
                    <span className="face" aria-hidden="true">
                      {T.satisfactionFaces[Number(value) - 1]}
                    </span>{' '}
                    {T.satisfactionWords[Number(value) - 1]}
                  </span>
                ) : (
                  T.noScore
                )}
              </label>
            ))}
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" className="primary big">
            {T.confirmEnd}
          </button>
          <button type="button" className="secondary" onClick={onBack}>
            {T.keepGoing}
          </button>
        </div>
      </form>
    </section>
  );
}
