import { TASK_GROUP_LABELS, type CatalogueTask, type TaskGroup } from '../../sessions';
import { GROUP_ORDER } from '../../extension/desk/model';

export interface TaskPickerProps {
  groups: Record<TaskGroup, CatalogueTask[]>;
  /** Task id → whether it can still be unpicked (only tasks not yet marked). */
  picked: ReadonlyMap<string, boolean>;
  onToggle(taskId: string, picked: boolean): void;
}

/** The task catalogue as checkboxes, one group per fieldset. A task already marked stays picked. */
export function TaskPicker({ groups, picked, onToggle }: TaskPickerProps) {
  return (
    <div className="picker-groups">
      {GROUP_ORDER.filter((group) => groups[group].length).map((group) => (
        <fieldset key={group} className="choices">
          <legend>{TASK_GROUP_LABELS[group].vi}</legend>
          {groups[group].map((task) => {
            const isPicked = picked.has(task.id);
            return (
              <label key={task.id} className="choice">
                <input
                  type="checkbox"
                  checked={isPicked}
                  disabled={isPicked && !picked.get(task.id)}
                  onChange={(e) => onToggle(task.id, e.target.checked)}
                />
                {task.title.vi}
              </label>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
