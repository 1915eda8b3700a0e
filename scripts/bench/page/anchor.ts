import { getByRole } from '@testing-library/dom';
import { resolveTarget } from '../../../engine/resolve';

/**
 * The same role+name query two ways on the 10,000-element page: Testing Library's `getByRole`
 * (the query most tour and test authors know, default options) and our resolver. Both must find the
 * same button; each sample times one whole query.
 */
export interface AnchorSamples {
  ours: number[];
  testingLibrary: number[];
}

const NAME = 'Nộp hồ sơ';

export function measureAnchor(ourLookups: number, theirLookups: number): AnchorSamples {
  const theirs = getByRole(document.body, 'button', { name: NAME });
  const ours = resolveTarget({ role: 'button', name: NAME }, document).element;
  if (theirs !== ours) throw new Error('getByRole and resolveTarget found different elements');
  const time = (n: number, query: () => unknown) =>
    Array.from({ length: n }, () => {
      const t = performance.now();
      query();
      return performance.now() - t;
    });
  time(5, () => resolveTarget({ role: 'button', name: NAME }, document));
  getByRole(document.body, 'button', { name: NAME });
  return {
    ours: time(ourLookups, () => resolveTarget({ role: 'button', name: NAME }, document)),
    testingLibrary: time(theirLookups, () => getByRole(document.body, 'button', { name: NAME })),
  };
}
