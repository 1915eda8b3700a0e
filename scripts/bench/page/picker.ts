import { proposeTargets } from '../../../engine/authoring/propose';
import { openShadowRoots } from '../../../engine/resolve';

/** The elements the picker bench picks, by their `data-bench-target` on the replica page. */
export const PICKED = ['submit', 'link', 'label', 'nth', 'shadow'] as const;

function benchTarget(name: string): Element {
  const selector = `[data-bench-target="${name}"]`;
  const found = document.querySelector(selector) ?? openShadowRoots(document).map((root) => root.querySelector(selector)).find(Boolean);
  if (!found) throw new Error(`no ${selector} on the bench page`);
  return found;
}

/**
 * Times `runs` calls of proposeTargets on one element (after a warm-up), in ms each: every proposal
 * counted with the resolver on the whole page, including the `within`/`nth` variants.
 */
export function measurePropose(name: string, runs: number, warmup = 3): { samples: number[]; proposals: number; first: string } {
  const el = benchTarget(name);
  const proposals = proposeTargets(el);
  for (let i = 0; i < warmup; i++) proposeTargets(el);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    proposeTargets(el);
    samples.push(performance.now() - t);
  }
  const first = proposals[0];
  return { samples, proposals: proposals.length, first: first ? `${JSON.stringify(first.target)} ×${first.count}` : 'none' };
}
