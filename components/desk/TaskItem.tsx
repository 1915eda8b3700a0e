import { useId, useRef, useState, type FormEvent } from 'react';
import { OUTCOME_LABELS, REASON_LABELS, REASONS, OUTCOMES_WITH_REASON, type Reason, type TaskOutcome } from '../../sessions';
import type { Notice, TaskRow } from '../../extension/desk/model';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { Field } from './Field';

export interface TaskItemProps {
  task: TaskRow;
  /** "Đã mở hướng dẫn …" after this task's tour button was pressed */
  notice: Notice | undefined;
  onStartTour(tourId: string, taskId: string): void;
  onDismissHelp(taskId: string): void;
  onMark(taskId: string, outcome: TaskOutcome, reason?: Reason): void;
  onRemove(taskId: string): void;
}

const MARKS: readonly TaskOutcome[] = ['done', 'partial', 'not-done'];

/** One task of the session: its outcome (set by a tour automatically or by hand), its tours, and the hand-marking form. */
export function TaskItem({ task, notice, onStartTour, onDismissHelp, onMark, onRemove }: TaskItemProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<TaskOutcome | ''>('');
  const [reason, setReason] = useState<Reason | ''>('');
  const needsReason = outcome !== '' && OUTCOMES_WITH_REASON.includes(outcome);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome || (needsReason && !reason)) return;
    onMark(task.taskId, outcome, needsReason ? (reason as Reason) : undefined);
    setOutcome('');
    setReason('');
  };

  return (
    <li className={`card task task-${task.outcome}`} aria-labelledby={headingId}>
      <h4 id={headingId} ref={heading} tabIndex={-1}>
        {task.title}
      </h4>
      <p className="task-status" aria-live="polite">
        <strong>{OUTCOME_LABELS[task.outcome].vi}</strong>
        {task.reason && ` — ${REASON_LABELS[task.reason].vi}`}
        {task.marked && <span className="meta-inline"> · {task.marked}</span>}
      </p>
      {task.help && (
        <div className="help-flag" role="alert">
          <p>
            <span aria-hidden="true">✋ </span>
            {task.help}
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              // The flag and its button go away: focus stays in this task, never on <body>.
              heading.current?.focus();
              onDismissHelp(task.taskId);
            }}
          >
            {T.dismissHelp}
          </button>
        </div>
      )}
      {task.tours.length > 0 && (
        <div className="actions stack">
          {task.tours.map((tour) => (
            <button key={tour.id} type="button" className="primary" onClick={() => onStartTour(tour.id, task.taskId)}>
              {T.startTour(tour.title)}
            </button>
          ))}
          <p className="tour-notice" aria-live="polite">
            {notice && <span className={notice.kind === 'error' ? 'error' : 'info'}>{notice.text}</span>}
          </p>
        </div>
      )}
      <form className="mark-form" onSubmit={submit}>
        <Field label={T.outcome}>
          {(id) => (
            <select id={id} required value={outcome} aria-describedby={headingId} onChange={(e) => setOutcome(e.target.value as TaskOutcome | '')}>
              <option value="">{T.chooseOutcome}</option>
              {MARKS.map((mark) => (
                <option key={mark} value={mark}>
                  {OUTCOME_LABELS[mark].vi}
                </option>
              ))}
            </select>
          )}
        </Field>
        {needsReason && (
          <Field label={T.reason}>
            {(id) => (
              <select id={id} required value={reason} aria-describedby={headingId} onChange={(e) => setReason(e.target.value as Reason | '')}>
                <option value="">{T.chooseReason}</option>
                {REASONS.map((r) => (
                  <option key={r} value={r}>
                    {REASON_LABELS[r].vi}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="actions">
          <button type="submit" className="secondary">
            {T.saveMark}
          </button>
          {task.outcome === 'pending' && (
            <button type="button" className="secondary" onClick={() => onRemove(task.taskId)}>
              {T.removeTask}
            </button>
          )}
        </div>
      </form>
    </li>
  );
}
