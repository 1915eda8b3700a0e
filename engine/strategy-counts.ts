import { findAll, openShadowRoots, strategiesOf } from './resolve';
import type { Target } from './schema';
import { isRendered } from './visibility';

/**
 * How many visible elements each strategy of a target matches in this document now (`within`
 * honoured, `nth` not: it picks among them). tours:verify and the editor's "Kiểm tra bước này" share it.
 */
export function strategyCounts(target: Target, root: Document = document): number[] {
  const shadows = openShadowRoots(root);
  return strategiesOf(target).map((strategy) => {
    const scopes = strategy.within ? findAll(strategy.within, root, isRendered, shadows) : [root];
    return scopes.reduce((sum, scope) => sum + findAll(strategy, scope, isRendered, shadows).length, 0);
  });
}
