import { getByRole, queryAllByRole } from '@testing-library/dom';
import { observeDeep } from '../../../engine/observe';
import { resolveTarget } from '../../../engine/resolve';

/**
 * The same role+name query two ways on the 10,000-element page: Testing Library's `getByRole`
 * (the query most tour and test authors know, default options) and our resolver. Both must find the
 * same button. The page's clock ticks in 0.1 ms steps, so each sample times REPEAT back-to-back
 * queries and reports one query's share (a whole query each time, nothing cached between them:
 * the page is still, as it is between two frames). Ours is timed twice: cold, as a lone call that
 * must first find the page's open shadow roots, and as the extension runs it while a step is on
 * screen, with a deep observer watching the page (the shadow-root index kept live by it).
 */
export interface AnchorSamples {
  oursCold: number[];
  oursObserved: number[];
  testingLibrary: number[];
  /** elements under document.body, where getByRole searches */
  bodyElements: number;
  /** elements getByRole finds with role button (no name): it computes the accessible name of each */
  buttons: number;
}

const NAME = 'Nộp hồ sơ';
const REPEAT = 10;

export function measureAnchor(ourLookups: number, theirLookups: number): AnchorSamples {
  const theirs = getByRole(document.body, 'button', { name: NAME });
  const ours = resolveTarget({ role: 'button', name: NAME }, document).element;
  if (theirs !== ours) throw new Error('getByRole and resolveTarget found different elements');
  const time = (n: number, query: () => unknown) =>
    Array.from({ length: n }, () => {
      const t = performance.now();
      for (let i = 0; i < REPEAT; i++) query();
      return (performance.now() - t) / REPEAT;
    });
  const lookup = () => resolveTarget({ role: 'button', name: NAME }, document);
  time(5, lookup);
  getByRole(document.body, 'button', { name: NAME });
  const oursCold = time(ourLookups, lookup);
  const watching = new AbortController();
  observeDeep(document, () => {}, watching.signal);
  time(5, lookup);
  const oursObserved = time(ourLookups, lookup);
  watching.abort();
  return {
    oursCold,
    oursObserved,
    testingLibrary: time(theirLookups, () => getByRole(document.body, 'button', { name: NAME })),
    bodyElements: document.body.getElementsByTagName('*').length,
    buttons: queryAllByRole(document.body, 'button').length,
  };
}
