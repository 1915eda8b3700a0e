import { useState, type ReactNode } from 'react';
import { OUTCOME_LABELS, OUTCOMES, REASON_LABELS, type SessionSummary } from '../../sessions';
import type { TaskRow } from '../../extension/desk/model';
import { DESK_TEXT as T } from '../../extension/desk/strings';
import { ScreenHeading } from './ScreenHeading';
import { WithdrawalSlip, type SlipInfo } from './WithdrawalSlip';

export interface SummaryScreenProps {
  summary: SessionSummary;
  satisfaction: number | undefined;
  tasks: TaskRow[];
  onFinish(): void;
  /** Given to a citizen who agreed, to withdraw consent later (see the dashboard), on a printed slip. */
  withdrawalCode?: string;
  slip: Omit<SlipInfo, 'code'>;
  onPrint(): void;
  /** The sign-out offer. */
  children: ReactNode;
}

export function SummaryScreen({ summary, satisfaction, tasks, onFinish, withdrawalCode, slip, onPrint, children }: SummaryScreenProps) {
  const [showSlip, setShowSlip] = useState(false);
  if (showSlip && withdrawalCode) {
    return <WithdrawalSlip {...slip} code={withdrawalCode} onPrint={onPrint} onBack={() => setShowSlip(false)} />;
  }
  return (
    <section aria-labelledby="summary-heading">
      <ScreenHeading id="summary-heading">{T.summaryHeading}</ScreenHeading>
      <ul className="summary-facts">
        {summary.durationMinutes !== null && <li>{T.duration(summary.durationMinutes)}</li>}
        <li>{T.taskCount(summary.tasks)}</li>
        {OUTCOMES.filter((o) => summary.byOutcome[o] > 0).map((o) => (
          <li key={o}>
            {OUTCOME_LABELS[o].vi}: {summary.byOutcome[o]}
          </li>
        ))}
        {satisfaction !== undefined && <li>{T.score(T.satisfactionWords[satisfaction - 1] ?? String(satisfaction))}</li>}
      </ul>
      {withdrawalCode && (
        <div className="card">
          <p className="note">{T.withdrawalCode(withdrawalCode)}</p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setShowSlip(true);
              onPrint();
            }}
          >
            {T.printSlip}
          </button>
        </div>
      )}
      {tasks.length > 0 && (
        <ul className="plain-list">
          {tasks.map((task) => (
            <li key={task.taskId} className="card">
              <strong>{task.title}</strong>: {OUTCOME_LABELS[task.outcome].vi}
              {task.reason && ` — ${REASON_LABELS[task.reason].vi}`}
              {task.marked && <span className="meta-inline"> · {task.marked}</span>}
            </li>
          ))}
        </ul>
      )}
      {children}
      <div className="actions">
        <button type="button" className="primary big" onClick={onFinish}>
          {T.done}
        </button>
      </div>
    </section>
  );
}
