import { POPOVER_CLASS } from '../engine/overlay';
import { createPlayer, type PlayerHost } from '../engine/player';
import { adoptOverlayStyles } from './overlay-styles';
import { followVisualViewport } from './viewport-follow';

/** The guide itself (the engine's player and overlay, their styles, keyboard-aware placement): loaded when a tour starts or a run resumes. */
export function startGuide(host: PlayerHost, lifetime: AbortSignal) {
  adoptOverlayStyles();
  followVisualViewport(`.${POPOVER_CLASS}`, lifetime);
  return createPlayer(host, lifetime);
}

export type GuideChunk = { startGuide: typeof startGuide };
