import { useState, type FormEvent } from 'react';
import type { TeamMember } from '../../sessions';
import type { MemberInput } from '../../extension/desk/store';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { Field } from './Field';
import { ScreenHeading } from './ScreenHeading';

export interface ProfileScreenProps {
  members: TeamMember[];
  /** Pre-filled commune (the desk's own). */
  commune: string;
  canCancel: boolean;
  onChoose(memberId: string): void;
  onCreate(input: MemberInput): void;
  onSettings(): void;
  onCancel(): void;
}

export function ProfileScreen({ members, commune, canCancel, onChoose, onCreate, onSettings, onCancel }: ProfileScreenProps) {
  const [draft, setDraft] = useState<MemberInput>({ displayName: '', team: '', commune });
  const field = (key: keyof MemberInput) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate({ displayName: draft.displayName.trim(), team: draft.team.trim(), commune: draft.commune.trim() });
  };
  return (
    <section aria-labelledby="who-heading">
      <ScreenHeading id="who-heading">{T.whoHeading}</ScreenHeading>
      <p>{T.whoIntro}</p>
      {members.length === 0 ? (
        <p>{T.noMembers}</p>
      ) : (
        <ul className="plain-list">
          {members.map((m) => (
            <li key={m.id} className="card">
              <button type="button" className="primary" onClick={() => onChoose(m.id)}>
                {T.choose(m.displayName)}
              </button>
              <p className="meta">{T.memberLine(m.team, m.commune)}</p>
            </li>
          ))}
        </ul>
      )}
      <form className="card form" onSubmit={submit}>
        <h3>{T.newMemberHeading}</h3>
        <Field label={T.displayName}>{(id) => <input id={id} required maxLength={80} autoComplete="off" {...field('displayName')} />}</Field>
        <Field label={T.team}>{(id) => <input id={id} required maxLength={120} autoComplete="off" {...field('team')} />}</Field>
        <Field label={T.commune}>{(id) => <input id={id} required maxLength={120} autoComplete="off" {...field('commune')} />}</Field>
        <button type="submit" className="primary">
          {T.createMember}
        </button>
      </form>
      <div className="actions">
        <button type="button" className="secondary" onClick={onSettings}>
          {T.settings}
        </button>
        {canCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {T.cancel}
          </button>
        )}
      </div>
    </section>
  );
}
