import { useState, type FormEvent } from 'react';
import { SYNC_TEXT as T } from '../../extension/sync/strings';
import type { DeskSync } from '../../extension/sync/use-desk-sync';
import { Field } from './Field';
import { SyncStatusLine } from './SyncStatusLine';

/** Opt-in replication to the province: off by default, with what leaves the machine said first. */
export function SyncSettings({ sync }: { sync: DeskSync }) {
  const stored = sync.settings;
  const [enabled, setEnabled] = useState(stored?.enabled ?? false);
  const [serverUrl, setServerUrl] = useState(stored?.serverUrl ?? '');
  const [username, setUsername] = useState(stored?.username ?? '');
  const [password, setPassword] = useState(stored?.password ?? '');
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!enabled && !stored) return setMessage({ text: T.turnedOff, error: false });
    const result = await sync.save({ enabled, serverUrl, username, password });
    if (result.ok) setMessage({ text: enabled ? T.saved : T.turnedOff, error: false });
    else setMessage({ text: result.error.vi, error: true });
  };

  return (
    <section aria-labelledby="sync-heading" className="card">
      <h3 id="sync-heading">{T.heading}</h3>
      <p>{T.intro}</p>
      <h4>{T.whatLeavesHeading}</h4>
      <ul>
        {T.whatLeaves.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="switch-row">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {T.enable}
        </label>
        {enabled && (
          <>
            <Field label={T.serverUrl}>{(id) => <input id={id} type="url" inputMode="url" autoComplete="off" maxLength={500} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />}</Field>
            <Field label={T.username}>{(id) => <input id={id} autoComplete="username" maxLength={100} value={username} onChange={(e) => setUsername(e.target.value)} />}</Field>
            <Field label={T.password}>{(id) => <input id={id} type="password" autoComplete="current-password" maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} />}</Field>
            <p className="meta">{T.credentialsNote}</p>
          </>
        )}
        <div className="actions">
          <button type="submit">{T.save}</button>
        </div>
        {message && (
          <p className={message.error ? 'warning' : 'meta'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </form>
      {stored?.enabled && <SyncStatusLine status={sync.status} />}
    </section>
  );
}
