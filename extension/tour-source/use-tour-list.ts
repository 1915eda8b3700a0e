import { useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import type { Tour } from '../../engine/schema';
import type { ToursRequest } from '../messages';
import type { FoundTour } from './index';

/**
 * The tours the background runs (an installed pack's before the built-in ones), for the lists in
 * the popup and the desk console. Shows `builtIn` until the background answers, and if it cannot.
 */
export function useTourList(builtIn: readonly Tour[]): readonly Tour[] {
  const [tours, setTours] = useState(builtIn);
  useEffect(() => {
    let live = true;
    browser.runtime.sendMessage({ kind: 'pages:tours' } satisfies ToursRequest).then(
      (found: unknown) => live && Array.isArray(found) && found.length > 0 && setTours((found as FoundTour[]).map((f) => f.tour)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return tours;
}
