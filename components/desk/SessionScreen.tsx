import { useRef, useState } from 'react';
import {
  AGE_BAND_LABELS,
  BOOLEAN_LABELS,
  GENDER_LABELS,
  type CatalogueTask,
  type Reason,
  type Session,
  type TaskGroup,
  type TaskOutcome,
} from '../../sessions';
import { clock, type Notice, type TaskRow } from '../../extension/desk/model';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { ScreenHeading } from './ScreenHeading';
import { TaskItem } from './TaskItem';
import { TaskPicker } from './TaskPicker';

export interface SessionScreenProps {
  session: Session;
  memberName: string;
  tasks: TaskRow[];
  catalogue: Record<TaskGroup, CatalogueTask[]>;
  /** Task ids that have a tour ("có hướng dẫn" in the picker). */
  withTours: ReadonlyMap<string, readonly string[]>;
  taskNotice: (Notice & { taskId: string }) | undefined;
  onEditCitizen(): void;
  onToggleTask(taskId: string, picked: boolean): void;
  onMark(taskId: string, outcome: TaskOutcome, reason?: Reason): void;
  onStartTour(tourId: string, taskId: string): void;
  onDismissHelp(taskId: string): void;
  onEnd(): void;
  /** Only when the citizen agreed: they may take it back, and their record is deleted (after a confirm step here). */
  onWithdraw(): void;
}

function citizenLine(session: Session): string | undefined {
  const c = session.citizen;
  if (!c) return undefined;
  const parts = [
    c.ageBand && AGE_BAND_LABELS[c.ageBand].vi,
    c.gender && GENDER_LABELS[c.gender].vi,
    c.firstTime !== undefined && `${T.firstTime} ${(c.firstTime ? BOOLEAN_LABELS.yes : BOOLEAN_LABELS.no).vi}`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

/** "Người dân rút lại đồng ý" in a section of its own, far from "Kết thúc phiên", with a confirm step. */
function WithdrawConsent({ onWithdraw }: { onWithdraw(): void }) {
  const [confirming, setConfirming] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <section className="card withdraw-zone" aria-labelledby="withdraw-heading">
      <h3 id="withdraw-heading">{T.withdrawHeading}</h3>
      <p>{T.withdrawIntro}</p>
      <button ref={button} type="button" className="danger" aria-expanded={confirming} onClick={() => setConfirming(true)}>
        {T.withdraw}
      </button>
      {confirming && (
        <div className="warning">
          <p>{T.confirmWithdraw}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={onWithdraw}>
              {T.confirmWithdrawYes}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setConfirming(false);
                // The confirm block goes away: focus goes back to where it came from, never to <body>.
                button.current?.focus();
              }}
            >
              {T.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

export function SessionScreen({
  session,
  memberName,
  tasks,
  catalogue,
  withTours,
  taskNotice,
  onEditCitizen,
  onToggleTask,
  onMark,
  onStartTour,
  onDismissHelp,
  onEnd,
  onWithdraw,
}: SessionScreenProps) {
  const tasksHeading = useRef<HTMLHeadingElement>(null);
  const picked = new Map(session.tasks.map((t) => [t.taskId, t.outcome === 'pending'] as const));
  const line = citizenLine(session);
  return (
    <section aria-labelledby="session-heading">
      <ScreenHeading id="session-heading">{T.sessionHeading}</ScreenHeading>
      <p className="meta">
        {T.startedAt(clock(session.startedAt))} · {memberName}
      </p>
      <p>{session.consent.agreed ? T.consentYes : T.consentNo}</p>
      {session.consent.agreed && (
        <div className="actions">
          {line && <p className="meta">{line}</p>}
          <button type="button" className="secondary" onClick={onEditCitizen}>
            {T.editCitizen}
          </button>
        </div>
      )}
      {session.consent.agreed && <WithdrawConsent onWithdraw={onWithdraw} />}
      <section aria-labelledby="tasks-heading">
        <h3 id="tasks-heading" ref={tasksHeading} tabIndex={-1}>
          {T.tasksHeading}
        </h3>
        {tasks.length === 0 ? (
          <p>{T.noTasks}</p>
        ) : (
          <ul className="plain-list">
            {tasks.map((task) => (
              <TaskItem
                key={task.taskId}
                task={task}
                notice={taskNotice?.taskId === task.taskId ? taskNotice : undefined}
                onStartTour={onStartTour}
                onDismissHelp={onDismissHelp}
                onMark={onMark}
                onRemove={(id) => {
                  // The task's card goes away with its button: focus moves to the list's heading.
                  tasksHeading.current?.focus();
                  onToggleTask(id, false);
                }}
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="pick-heading">
        <h3 id="pick-heading">{T.pickHeading}</h3>
        <TaskPicker groups={catalogue} picked={picked} withTours={withTours} onToggle={onToggleTask} />
      </section>
      <div className="actions end-bar">
        <button type="button" className="primary big" onClick={onEnd}>
          {T.endSession}
        </button>
      </div>
    </section>
  );
}
