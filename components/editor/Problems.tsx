import type { TourProblem } from '../../engine/tour-check';
import { EDITOR_TEXT as T } from '../../extension/authoring/editor-strings';
import { problemHint } from '../../extension/authoring/problem-hints';

/** One problem as `tours:check` reports it: severity, JSON path, a Vietnamese fix where there is a short one, the message. */
export function ProblemLine({ problem }: { problem: TourProblem }) {
  const hint = problemHint(problem.message);
  return (
    <>
      <strong>{problem.severity === 'error' ? T.errorLabel : T.warningLabel}</strong> <code className="json-path">{problem.path}</code>
      {': '}
      {hint && <span className="hint">{hint} </span>}
      <span className="check-message" lang="en">
        {problem.message}
      </span>
    </>
  );
}

/** Problems of one field, right under it; the field points at them with aria-describedby. */
export function FieldProblems({ id, problems }: { id: string; problems: readonly TourProblem[] }) {
  if (!problems.length) return null;
  return (
    <ul className="field-problems" id={id}>
      {problems.map((p) => (
        <li key={`${p.path}:${p.message}`} className={p.severity}>
          <ProblemLine problem={p} />
        </li>
      ))}
    </ul>
  );
}
