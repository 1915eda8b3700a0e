import { useState } from 'react';
import { getAt, problemsWithin, setAt } from '../../extension/authoring/editor-model';
import { EDITOR_TEXT as T } from '../../extension/authoring/editor-strings';
import { fieldId, type Editing } from './edit-context';
import { ErrorWatchList } from './ErrorWatchList';
import { LocalTextFields, TextField } from './fields';
import { FieldProblems } from './Problems';

/** The tour's own fields: id, title, summary, task, start, sites, languages, tour-wide errors. */
export function TourFields({ ed, onAddLanguage }: { ed: Editing; onAddLanguage(code: string): void }) {
  const [code, setCode] = useState('');
  const sites = getAt(ed.json, ['sites']);
  const sitesText = Array.isArray(sites) ? sites.map(String).join('\n') : '';
  const sitesId = fieldId(['sites']);
  const sitesProblems = problemsWithin(ed.problems, ['sites']);
  return (
    <section aria-labelledby="tour-heading">
      <h2 id="tour-heading">{T.tourHeading}</h2>
      <TextField ed={ed} path={['id']} label={T.id} required />
      <LocalTextFields ed={ed} path={['title']} label={T.tourTitle} required />
      <LocalTextFields ed={ed} path={['summary']} label={T.summary} />
      <TextField ed={ed} path={['task']} label={T.task} />
      <TextField ed={ed} path={['start']} label={T.start} />
      <div className="field">
        <label htmlFor={sitesId}>{T.sites}</label>
        <textarea
          id={sitesId}
          rows={2}
          value={sitesText}
          aria-invalid={sitesProblems.some((p) => p.severity === 'error') || undefined}
          aria-describedby={sitesProblems.length ? `${sitesId}-problems` : undefined}
          onChange={(e) => ed.edit(setAt(ed.json, ['sites'], e.target.value.split('\n')))}
        />
        <FieldProblems id={`${sitesId}-problems`} problems={sitesProblems} />
      </div>
      <fieldset>
        <legend>{T.languages}</legend>
        <p>{ed.languages.join(', ')}</p>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) onAddLanguage(code.trim());
            setCode('');
          }}
        >
          <div className="field">
            <label htmlFor="add-language">{T.addLanguageLabel}</label>
            <input id="add-language" type="text" value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          <button type="submit">{T.addLanguage}</button>
        </form>
      </fieldset>
      <ErrorWatchList ed={ed} path={['errors']} label={T.tourErrors} />
    </section>
  );
}
