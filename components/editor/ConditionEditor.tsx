import { getAt, setAt, type Path } from '../../extension/authoring/editor-model';
import { EDITOR_TEXT as T } from '../../extension/authoring/editor-strings';
import { fieldId, type Editing } from './edit-context';
import { TextField } from './fields';
import { FieldProblems } from './Problems';
import { problemsAt } from '../../extension/authoring/editor-model';
import { TargetEditor } from './TargetEditor';

const KINDS = ['none', 'present', 'absent', 'url'] as const;
type Kind = (typeof KINDS)[number];

/** skipIf / onlyIf / doneWhen: none, an element present or absent, or a URL pattern. */
export function ConditionEditor({ ed, path, label }: { ed: Editing; path: Path; label: string }) {
  const value = getAt(ed.json, path) as Record<string, unknown> | undefined;
  const kind: Kind = value ? (KINDS.find((k) => k !== 'none' && value[k] !== undefined) ?? 'none') : 'none';
  const id = fieldId(path, 'kind');
  const change = (next: Kind) => {
    const words = kind === 'url' ? undefined : value?.[kind];
    ed.edit(setAt(ed.json, path, next === 'none' ? undefined : next === 'url' ? { url: '' } : { [next]: words ?? [{ text: '' }] }));
  };
  return (
    <fieldset className="condition">
      <legend>{label}</legend>
      <div className="field">
        <label htmlFor={id}>{T.conditionKind}</label>
        <select id={id} value={kind} onChange={(e) => change(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {T.conditionKinds[k]}
            </option>
          ))}
        </select>
      </div>
      <FieldProblems id={`${fieldId(path)}-problems`} problems={problemsAt(ed.problems, path)} />
      {kind === 'url' && <TextField ed={ed} path={[...path, 'url']} label={T.conditionUrl} required />}
      {(kind === 'present' || kind === 'absent') && <TargetEditor ed={ed} path={[...path, kind]} label={T.target} />}
    </fieldset>
  );
}
