import { getAt, insertItem, problemsAt, removeItem, type Path } from '../../extension/authoring/editor-model';
import { EDITOR_TEXT as T } from '../../extension/authoring/editor-strings';
import { fieldId, type Editing } from './edit-context';
import { LocalTextFields, TextField } from './fields';
import { FieldProblems } from './Problems';
import { TargetEditor } from './TargetEditor';

/** Error signals to explain (a step's or the whole tour's `errors`): where, which words, the plain explanation. */
export function ErrorWatchList({ ed, path, label }: { ed: Editing; path: Path; label: string }) {
  const value = getAt(ed.json, path);
  const list = Array.isArray(value) ? value : [];
  return (
    <fieldset className="error-watches">
      <legend>{label}</legend>
      <FieldProblems id={`${fieldId(path)}-problems`} problems={problemsAt(ed.problems, path)} />
      {list.map((_, i) => (
        <fieldset key={i} className="error-watch">
          <legend>{T.errorWatch(i + 1)}</legend>
          <FieldProblems id={`${fieldId([...path, i])}-problems`} problems={problemsAt(ed.problems, [...path, i])} />
          <TargetEditor ed={ed} path={[...path, i, 'target']} label={T.target} />
          <TextField ed={ed} path={[...path, i, 'text']} label={T.errorText} />
          <LocalTextFields ed={ed} path={[...path, i, 'explain']} label={T.explain} />
          <button type="button" className="danger" onClick={() => ed.edit(removeItem(ed.json, path, i))}>
            {T.removeError}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => ed.edit(insertItem(ed.json, path, { target: { role: 'alert' } }))}>
        {T.addError}
      </button>
    </fieldset>
  );
}
