import { useState, type FormEvent } from 'react';
import { PERSONAL_FIELD_LABELS, PERSONAL_FIELD_WARNING, PERSONAL_FIELDS, type DeskSettings, type PersonalField } from '../../sessions';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { Field } from './Field';
import { ScreenHeading } from './ScreenHeading';

export interface SettingsScreenProps {
  settings: DeskSettings;
  onSave(settings: DeskSettings): void;
  onBack(): void;
}

/** Desk name and the personal-field switches: each one is turned on only after its warning is read and confirmed. */
export function SettingsScreen({ settings, onSave, onBack }: SettingsScreenProps) {
  const [deskName, setDeskName] = useState(settings.deskName ?? '');
  const [commune, setCommune] = useState(settings.commune ?? '');
  const [fields, setFields] = useState(settings.personalFields);
  const [pending, setPending] = useState<PersonalField>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: DeskSettings = { ...settings, personalFields: fields };
    if (deskName.trim()) next.deskName = deskName.trim();
    else delete next.deskName;
    if (commune.trim()) next.commune = commune.trim();
    else delete next.commune;
    onSave(next);
  };

  return (
    <section aria-labelledby="settings-heading">
      <ScreenHeading id="settings-heading">{T.settingsHeading}</ScreenHeading>
      <p className="meta">{T.deskId(settings.deskId)}</p>
      <form className="form" onSubmit={submit}>
        <Field label={T.deskName}>{(id) => <input id={id} maxLength={120} value={deskName} onChange={(e) => setDeskName(e.target.value)} />}</Field>
        <Field label={T.deskCommune}>{(id) => <input id={id} maxLength={120} value={commune} onChange={(e) => setCommune(e.target.value)} />}</Field>
        <fieldset className="card">
          <legend>{T.personalHeading}</legend>
          <p>{T.personalIntro}</p>
          <ul className="plain-list">
            {PERSONAL_FIELDS.map((field) => {
              const label = PERSONAL_FIELD_LABELS[field].vi;
              return (
                <li key={field} className="switch-row">
                  {fields[field] ? (
                    <>
                      <span>
                        {label}: <strong>{T.isOn}</strong>
                      </span>
                      <button type="button" className="secondary" onClick={() => setFields({ ...fields, [field]: false })} aria-label={`${T.turnOff} ${label}`}>
                        {T.turnOff}
                      </button>
                    </>
                  ) : (
                    <button type="button" className="secondary" onClick={() => setPending(field)}>
                      {T.turnOn(label)}
                    </button>
                  )}
                  {pending === field && (
                    <div className="warning" role="alert">
                      <p>{PERSONAL_FIELD_WARNING.vi}</p>
                      <div className="actions">
                        <button
                          type="button"
                          className="danger"
                          onClick={() => {
                            setFields({ ...fields, [field]: true });
                            setPending(undefined);
                          }}
                        >
                          {T.confirmTurnOn}
                        </button>
                        <button type="button" className="secondary" onClick={() => setPending(undefined)}>
                          {T.cancel}
                        </button>
                      </div>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            {T.save}
          </button>
          <button type="button" className="secondary" onClick={onBack}>
            {T.back}
          </button>
        </div>
      </form>
    </section>
  );
}
