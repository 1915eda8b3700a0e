import { ADVANCE_KINDS } from '../../engine/schema';
import { getAt, problemsAt, problemsWithin, setAt, type Path } from '../../extension/authoring/editor-model';
import { EDITOR_TEXT as T } from '../../extension/authoring/editor-strings';
import { ConditionEditor } from './ConditionEditor';
import { fieldId, type Editing } from './edit-context';
import { ErrorWatchList } from './ErrorWatchList';
import { LocalTextFields, TextField } from './fields';
import { FieldProblems } from './Problems';
import { TargetEditor } from './TargetEditor';

export interface StepActions {
  move(index: number, delta: -1 | 1): void;
  remove(index: number): void;
  addAfter(index: number): void;
  preview(index: number): void;
  inspect?(index: number): void;
}

interface Props {
  ed: Editing;
  index: number;
  count: number;
  actions: StepActions;
  /** the answer to “Chạy thử từ bước này” or “Kiểm tra bước này” on this step */
  status?: string;
  /** match counts per alternative of the step's target, from “Kiểm tra bước này” */
  counts?: readonly number[];
}

/** One step of the draft: every field `tours:check` knows, its problems in place, and the step's actions. */
export function StepCard({ ed, index, count, actions, status, counts }: Props) {
  const path: Path = ['steps', index];
  const id = getAt(ed.json, [...path, 'id']);
  const advance = getAt(ed.json, [...path, 'advance']);
  const advanceId = fieldId(path, 'advance');
  const headingId = fieldId(path, 'heading');
  const has = (key: string) => getAt(ed.json, [...path, key]) !== undefined || problemsWithin(ed.problems, [...path, key]).length > 0;
  const stepProblems = problemsWithin(ed.problems, path).filter((p) => p.severity === 'error').length;
  return (
    <section className="step" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {T.stepHeading(index + 1, typeof id === 'string' && id ? id : '…')}
        {stepProblems > 0 && <span className="step-errors"> — {T.errorCount(stepProblems)}</span>}
      </h3>
      <div className="row-actions">
        <button type="button" data-move={`up-${index}`} disabled={index === 0} onClick={() => actions.move(index, -1)}>
          {T.up}
        </button>
        <button type="button" data-move={`down-${index}`} disabled={index === count - 1} onClick={() => actions.move(index, 1)}>
          {T.down}
        </button>
        <button type="button" onClick={() => actions.addAfter(index)}>
          {T.addStepAfter}
        </button>
        <button type="button" className="danger" onClick={() => actions.remove(index)}>
          {T.removeStep}
        </button>
      </div>
      <FieldProblems id={`${fieldId(path)}-problems`} problems={problemsAt(ed.problems, path)} />
      <TextField ed={ed} path={[...path, 'id']} label={T.stepId} required />
      <TextField ed={ed} path={[...path, 'page']} label={T.page} />
      <LocalTextFields ed={ed} path={[...path, 'title']} label={T.stepTitle} />
      <LocalTextFields ed={ed} path={[...path, 'say']} label={T.say} required />
      <div className="field">
        <label htmlFor={advanceId}>{T.advance}</label>
        <select id={advanceId} value={typeof advance === 'string' ? advance : 'next'} onChange={(e) => ed.edit(setAt(ed.json, [...path, 'advance'], e.target.value))}>
          {ADVANCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {T.advanceKinds[k]}
            </option>
          ))}
        </select>
        <FieldProblems id={`${advanceId}-problems`} problems={problemsAt(ed.problems, [...path, 'advance'])} />
      </div>
      {(advance === 'navigate' || has('to')) && <TextField ed={ed} path={[...path, 'to']} label={T.to} />}
      <TargetEditor ed={ed} path={[...path, 'target']} label={T.target} counts={counts} />
      <TextField ed={ed} path={[...path, 'completes']} label={T.completes} />
      <details open={has('timeoutMs') || has('frame') || has('skipIf') || has('onlyIf') || has('doneWhen') || has('errors') || undefined}>
        <summary>{T.moreOptions}</summary>
        <TextField ed={ed} path={[...path, 'timeoutMs']} label={T.timeoutMs} numeric />
        <TextField ed={ed} path={[...path, 'frame']} label={T.frame} />
        {(['skipIf', 'onlyIf', 'doneWhen'] as const).map((key) => (
          <ConditionEditor key={key} ed={ed} path={[...path, key]} label={T.conditions[key]} />
        ))}
        <ErrorWatchList ed={ed} path={[...path, 'errors']} label={T.errors} />
      </details>
      <div className="row-actions">
        <button type="button" className="primary" onClick={() => actions.preview(index)}>
          {T.preview}
        </button>
        {actions.inspect && (
          <button type="button" onClick={() => actions.inspect?.(index)}>
            {T.inspect}
          </button>
        )}
      </div>
      <p className="step-status" role="status">
        {status}
      </p>
    </section>
  );
}
