import type { TourProblem } from '../../engine/tour-check';
import type { Json, Path } from '../../extension/authoring/editor-model';

/** What every part of the editor form works on: the draft, a way to replace it, and its problems. */
export interface Editing {
  json: Json;
  edit(next: Json): void;
  problems: readonly TourProblem[];
  languages: readonly string[];
}

/** A DOM id for a field at a JSON path. */
export function fieldId(path: Path, suffix = ''): string {
  return `f-${path.join('-')}${suffix ? `-${suffix}` : ''}`;
}
