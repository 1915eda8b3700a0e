import { strategyCounts } from '../../engine/strategy-counts';
import type { Target } from '../../engine/schema';

/** The global the injected script sets, in the extension's isolated world of each frame. */
export const INSPECTOR_GLOBAL = '__danbuocInspectStep';

export type StepInspector = (target: Target) => number[];

export function installStepInspector(): void {
  (globalThis as Record<string, unknown>)[INSPECTOR_GLOBAL] = ((target) => strategyCounts(target, document)) satisfies StepInspector;
}
