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
import { clock, type TaskRow } from '../../extension/desk/model';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { ScreenHeading } from './ScreenHeading';
import { TaskItem } from './TaskItem';
import { TaskPicker } from './TaskPicker';

export interface SessionScreenProps {
  session: Session;
  memberName: string;
  tasks: TaskRow[];
  catalogue: Record<TaskGroup, CatalogueTask[]>;
  onEditCitizen(): void;
  onToggleTask(taskId: string, picked: boolean): void;
  onMark(taskId: string, outcome: TaskOutcome, reason?: Reason): void;
  onStartTour(tourId: string): void;
  onEnd(): void;
  /** Only when the citizen agreed: they may take it back, and their record is deleted. */
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

export function SessionScreen({ session, memberName, tasks, catalogue, onEditCitizen, onToggleTask, onMark, onStartTour, onEnd, onWithdraw }: SessionScreenProps) {
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
      <section aria-labelledby="tasks-heading">
        <h3 id="tasks-heading">{T.tasksHeading}</h3>
        {tasks.length === 0 ? (
          <p>{T.noTasks}</p>
        ) : (
          <ul className="plain-list">
            {tasks.map((task) => (
              <TaskItem key={task.taskId} task={task} onStartTour={onStartTour} onMark={onMark} onRemove={(id) => onToggleTask(id, false)} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="pick-heading">
        <h3 id="pick-heading">{T.pickHeading}</h3>
        <TaskPicker groups={catalogue} picked={picked} onToggle={onToggleTask} />
      </section>
      <div className="actions end-bar">
        <button type="button" className="primary big" onClick={onEnd}>
          {T.endSession}
        </button>
        {session.consent.agreed && (
          <button type="button" className="danger" onClick={onWithdraw}>
            {T.withdraw}
          </button>
        )}
      </div>
    </section>
  );
}
