import { pickOptional, pickText } from '../engine/i18n';
import { siteOrigins, urlMatches } from '../engine/match';
import { DEFAULT_PREFS } from '../engine/prefs';
import { stepMatchesUrl, tourAppliesTo } from '../engine/runner';

/**
 * Engine modules both the main file and a chunk use. Each is bundled once, in the main file; a
 * chunk is built with them left out (scripts/build-widget.ts) and receives what it imports of them
 * from the main file when it loads (widget/chunks.ts): one copy of the code and of any state it
 * keeps. The build fails if a chunk imports a name not listed here, or if any other module ends up
 * in both the main file and a chunk. SHARED_PATHS names the modules in the same order.
 */
export const SHARED_PATHS = ['engine/i18n.ts', 'engine/match.ts', 'engine/prefs.ts', 'engine/runner.ts'];
export const SHARED_MODULES: readonly object[] = [
  { pickOptional, pickText },
  { siteOrigins, urlMatches },
  { DEFAULT_PREFS },
  { stepMatchesUrl, tourAppliesTo },
];
