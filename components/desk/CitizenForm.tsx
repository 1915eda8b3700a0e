import { useState, type FormEvent } from 'react';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  GENDER_LABELS,
  GENDERS,
  PERSONAL_FIELD_LABELS,
  type CitizenDescriptor,
  type PersonalField,
} from '../../sessions';
import type { CitizenInput } from '../../extension/desk/model';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { Field } from './Field';
import { ScreenHeading } from './ScreenHeading';

export interface CitizenFormProps {
  initial: CitizenDescriptor | undefined;
  /** Personal fields this desk has turned on in its settings (usually none). */
  personalFields: PersonalField[];
  onSave(input: CitizenInput): void;
}

type Choice = '' | 'yes' | 'no';

/** Minimal by default: optional age band, gender and "first time?". Nothing that names the citizen unless the desk turned it on. */
export function CitizenForm({ initial, personalFields, onSave }: CitizenFormProps) {
  const [ageBand, setAgeBand] = useState<string>(initial?.ageBand ?? '');
  const [gender, setGender] = useState<string>(initial?.gender ?? '');
  const [firstTime, setFirstTime] = useState<Choice>(initial?.firstTime === undefined ? '' : initial.firstTime ? 'yes' : 'no');
  const [personal, setPersonal] = useState<Partial<Record<PersonalField, string>>>(() =>
    Object.fromEntries(personalFields.map((f) => [f, initial?.[f] ?? ''])),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: CitizenInput = { ageBand, gender, ...personal };
    if (firstTime) input.firstTime = firstTime === 'yes';
    onSave(input);
  };

  return (
    <section aria-labelledby="citizen-heading">
      <ScreenHeading id="citizen-heading">{T.citizenHeading}</ScreenHeading>
      <p>{T.citizenIntro}</p>
      <form className="form" onSubmit={submit}>
        <Field label={T.ageBand}>
          {(id) => (
            <select id={id} value={ageBand} onChange={(e) => setAgeBand(e.target.value)}>
              <option value="">{T.notSaid}</option>
              {AGE_BANDS.map((band) => (
                <option key={band} value={band}>
                  {AGE_BAND_LABELS[band].vi}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="choices">
          <legend>{T.gender}</legend>
          {[...GENDERS, ''].map((value) => (
            <label key={value || 'none'} className="choice">
              <input type="radio" name="gender" value={value} checked={gender === value} onChange={() => setGender(value)} />
              {value ? GENDER_LABELS[value as (typeof GENDERS)[number]].vi : T.notSaid}
            </label>
          ))}
        </fieldset>
        <fieldset className="choices">
          <legend>{T.firstTime}</legend>
          {(
            [
              ['yes', 'Có'],
              ['no', 'Không'],
              ['', T.notSaid],
            ] as const
          ).map(([value, label]) => (
            <label key={value || 'none'} className="choice">
              <input type="radio" name="first-time" value={value} checked={firstTime === value} onChange={() => setFirstTime(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        {personalFields.length > 0 && (
          <div className="warning">
            <p>{T.personalWarningShort}</p>
            {personalFields.map((field) => (
              <Field key={field} label={PERSONAL_FIELD_LABELS[field].vi}>
                {(id) =>
                  field === 'note' ? (
                    <textarea id={id} maxLength={500} value={personal[field] ?? ''} onChange={(e) => setPersonal({ ...personal, [field]: e.target.value })} />
                  ) : (
                    <input
                      id={id}
                      maxLength={100}
                      autoComplete="off"
                      inputMode={field === 'name' ? 'text' : 'numeric'}
                      value={personal[field] ?? ''}
                      onChange={(e) => setPersonal({ ...personal, [field]: e.target.value })}
                    />
                  )
                }
              </Field>
            ))}
          </div>
        )}
        <button type="submit" className="primary big">
          {T.saveCitizen}
        </button>
      </form>
    </section>
  );
}
