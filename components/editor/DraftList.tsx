import { useState } from 'react';
import type { Draft } from '../../extension/authoring/drafts';
import { checkDraft } from '../../extension/authoring/editor-model';
import { EDITOR_TEXT as T } from '../../extension/authoring/editor-strings';

interface Props {
  drafts: readonly Draft[];
  openId?: string;
  onOpen(id: string): void;
  onRemove(id: string): void;
  onCreate(id: string): Promise<string | undefined>;
  onFile(file: File): void;
}

const when = (ms: number) => new Date(ms).toLocaleString('vi-VN');

/** The drafts in this browser, a new one from the tours:new scaffold, and a tour file from disk. */
export function DraftList({ drafts, openId, onOpen, onRemove, onCreate, onFile }: Props) {
  const [newId, setNewId] = useState('');
  const [problem, setProblem] = useState<string>();
  return (
    <section aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">{T.draftsHeading}</h2>
      {drafts.length === 0 ? (
        <p>{T.noDrafts}</p>
      ) : (
        <ul className="drafts">
          {drafts.map((d) => {
            const errors = checkDraft(d.json).filter((p) => p.severity === 'error').length;
            return (
              <li key={d.id}>
                <span className="draft-name">{d.id}</span> <span className="meta">— {T.savedAt(when(d.savedAt))}, {T.errorCount(errors)}</span>{' '}
                {d.id === openId ? (
                  <strong>({T.opened})</strong>
                ) : (
                  <button type="button" onClick={() => onOpen(d.id)} aria-label={`${T.open} ${d.id}`}>
                    {T.open}
                  </button>
                )}{' '}
                <button type="button" className="danger" onClick={() => window.confirm(T.confirmDelete(d.id)) && onRemove(d.id)} aria-label={`${T.deleteDraft} ${d.id}`}>
                  {T.deleteDraft}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void onCreate(newId.trim()).then((why) => {
            setProblem(why);
            if (!why) setNewId('');
          });
        }}
      >
        <div className="field">
          <label htmlFor="new-draft-id">{T.newDraftLabel}</label>
          <input
            id="new-draft-id"
            type="text"
            value={newId}
            onChange={(e) => setNewId(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'new-draft-problem' : undefined}
          />
        </div>
        <button type="submit">{T.newDraft}</button>
      </form>
      {problem && (
        <p id="new-draft-problem" className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="field file-field">
        <label htmlFor="open-file">{T.openFile}</label>
        <input
          id="open-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            e.target.value = '';
          }}
        />
      </div>
    </section>
  );
}
