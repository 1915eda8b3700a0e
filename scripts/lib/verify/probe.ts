import { resolveTarget } from '../../../engine/resolve';
import { strategyCounts } from '../../../engine/strategy-counts';
import type { Condition, Target } from '../../../engine/schema';

/**
 * Runs inside the replayed page (every frame, injected as an init script): the engine's own resolver,
 * so tours:verify sees exactly what the player would. Exposed as `window.__danbuocVerify`.
 */
export const MARK = 'data-danbuoc-verify';

let marked: Element | null = null;

const probe = {
  /** Visible matches of each strategy, `within` honoured, `nth` not (it picks among them). */
  counts(target: Target): number[] {
    return strategyCounts(target, document);
  },
  /** Whether any strategy finds an element now. */
  found(target: Target): boolean {
    return resolveTarget(target, document).element !== null;
  },
  /** Marks the element the player would highlight, for the driver to act on; -1 when none. */
  mark(target: Target): number {
    marked?.removeAttribute(MARK);
    const { element, strategy } = resolveTarget(target, document);
    element?.setAttribute(MARK, '');
    marked = element;
    return strategy;
  },
  /** present/absent conditions; url conditions are decided by the driver, which knows the tour's sites. */
  holds(condition: Condition): boolean {
    if (condition.present) return resolveTarget(condition.present, document).element !== null;
    if (condition.absent) return resolveTarget(condition.absent, document).element === null;
    return false;
  },
};

export type VerifyProbe = typeof probe;
(window as unknown as { __danbuocVerify: VerifyProbe }).__danbuocVerify = probe;
