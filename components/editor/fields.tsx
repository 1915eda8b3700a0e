import { getAt, problemsAt, setAt, setLocalText, setString, type Path } from '../../extension/authoring/editor-model';
import { EDITOR_TEXT as T } from '../../extension/authoring/editor-strings';
import { fieldId, type Editing } from './edit-context';
import { FieldProblems } from './Problems';

interface TextFieldProps {
  ed: Editing;
  path: Path;
  label: string;
  required?: boolean;
  multiline?: boolean;
  /** a number field (timeoutMs, nth): stored as a number when it is one */
  numeric?: boolean;
  lang?: string;
}

/** One text field at a JSON path, with the problems `tours:check` reports for exactly that path. */
export function TextField({ ed, path, label, required, multiline, numeric, lang }: TextFieldProps) {
  const id = fieldId(path);
  const problems = problemsAt(ed.problems, path);
  const raw = getAt(ed.json, path);
  const value = raw === undefined || raw === null ? '' : typeof raw === 'string' ? raw : String(raw);
  const change = (text: string) =>
    ed.edit(numeric && /^\d+$/.test(text) ? setAt(ed.json, path, Number(text)) : setString(ed.json, path, text, { required }));
  const common = {
    id,
    value,
    lang,
    'aria-invalid': problems.some((p) => p.severity === 'error') || undefined,
    'aria-describedby': problems.length ? `${id}-problems` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={numeric ? 'numeric' : undefined} onChange={(e) => change(e.target.value)} />
      )}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}

/** A LocalText (title, say, explain…): one field per language the tour is written in. */
export function LocalTextFields({ ed, path, label, required }: { ed: Editing; path: Path; label: string; required?: boolean }) {
  const problems = problemsAt(ed.problems, path);
  return (
    <fieldset className="local-text">
      <legend>{label}</legend>
      {ed.languages.map((lang) => {
        const at = [...path, lang];
        const id = fieldId(at);
        const raw = getAt(ed.json, at);
        const langProblems = problemsAt(ed.problems, at);
        return (
          <div className="field" key={lang}>
            <label htmlFor={id}>{T.language(lang)}</label>
            <textarea
              id={id}
              lang={lang}
              rows={2}
              value={typeof raw === 'string' ? raw : ''}
              aria-invalid={langProblems.some((p) => p.severity === 'error') || undefined}
              aria-describedby={langProblems.length ? `${id}-problems` : undefined}
              onChange={(e) => ed.edit(setLocalText(ed.json, path, lang, e.target.value, { required }))}
            />
            <FieldProblems id={`${id}-problems`} problems={langProblems} />
          </div>
        );
      })}
      <FieldProblems id={`${fieldId(path)}-problems`} problems={problems} />
    </fieldset>
  );
}
