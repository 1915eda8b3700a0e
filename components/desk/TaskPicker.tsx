import { useId, useState } from 'react';
import { fold } from '../../engine/text';
import { TASK_GROUP_LABELS, type CatalogueTask, type TaskGroup } from '../../sessions';
import { GROUP_ORDER } from '../../extension/desk/model';
import { DESK_TEXT as T } from '../../extension/desk/strings';

export interface TaskPickerProps {
  groups: Record<TaskGroup, CatalogueTask[]>;
  /** Task id → whether it can still be unpicked (only tasks not yet marked). */
  picked: ReadonlyMap<string, boolean>;
  /** Task id → titles of its tours: marked "Có hướng dẫn: “…”" in words, not by colour. */
  withTours: ReadonlyMap<string, readonly string[]>;
  onToggle(taskId: string, picked: boolean): void;
}

/**
 * The task catalogue as checkboxes, one group per fieldset, with a filter box that matches with or
 * without Vietnamese marks ("khai sinh" finds "Đăng ký khai sinh"). A task already marked stays picked.
 */
export function TaskPicker({ groups, picked, withTours, onToggle }: TaskPickerProps) {
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const hintId = useId();
  const wanted = fold(filter.trim());
  const matches = (task: CatalogueTask) => !wanted || fold(task.title.vi).includes(wanted);
  const shown = GROUP_ORDER.map((group) => [group, groups[group].filter(matches)] as const).filter(([, tasks]) => tasks.length);
  return (
    <div className="picker-groups">
      <div className="field">
        <label htmlFor={filterId}>{T.filterLabel}</label>
        <input id={filterId} type="search" autoComplete="off" aria-describedby={hintId} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <p id={hintId} className="meta">
          {T.filterHint}
        </p>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {shown.length === 0 ? T.noMatch(filter.trim()) : ''}
      </p>
      {shown.length === 0 && <p aria-hidden="true">{T.noMatch(filter.trim())}</p>}
      {shown.map(([group, tasks]) => (
        <fieldset key={group} className="choices">
          <legend>{TASK_GROUP_LABELS[group].vi}</legend>
          {tasks.map((task) => {
            const isPicked = picked.has(task.id);
            const tourTitles = withTours.get(task.id);
            return (
              <label key={task.id} className="choice">
                <input
                  type="checkbox"
                  checked={isPicked}
                  disabled={isPicked && !picked.get(task.id)}
                  onChange={(e) => onToggle(task.id, e.target.checked)}
                />
                <span>
                  {task.title.vi}
                  {tourTitles && <span className="has-tour">{T.hasTour(tourTitles)}</span>}
                </span>
              </label>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
