import { expect } from 'vitest';
import type { ImportPlan } from '../../../extension/dashboard/actions';

/** Asserts the plan was made (a refused file fails here, never passes a later check by accident). */
export function planned(plan: ImportPlan): Extract<ImportPlan, { ok: true }> {
  expect(plan.ok, plan.ok ? '' : plan.error.en).toBe(true);
  if (!plan.ok) throw new Error(plan.error.en);
  return plan;
}
