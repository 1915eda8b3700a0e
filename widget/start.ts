import { EXTENSION_TOUR_ATTRIBUTE } from '../engine/guest';
import { POPOVER_CLASS } from '../engine/overlay';
import { createPlayer } from '../engine/player';
import { tourAppliesTo } from '../engine/runner';
import type { WidgetConfig } from './config';
import { reportLine } from './console-error';
import type { Emitter } from './emitter';
import { createLauncher } from './launcher';
import { adoptOverlayStyles } from './overlay-styles';
import { loadPack } from './pack-loader';
import { createSessionHost } from './session-host';
import { checkPrefs, readPrefs, writePrefs } from './stores';
import { followVisualViewport } from './viewport-follow';

/**
 * Loads the pack, then wires the player to the page-local host and shows the launcher. A pack that
 * cannot be trusted or read leaves the page exactly as it was, with one console error.
 */
export async function startWidget(config: WidgetConfig, emitter: Emitter): Promise<boolean> {
  const loaded = await loadPack(config);
  if (!loaded.ok) {
    reportLine(loaded.message);
    return false;
  }
  const { pack } = loaded;
  let prefs = readPrefs();
  const lifetime = new AbortController();
  adoptOverlayStyles();

  const session = createSessionHost({
    packId: pack.packId,
    tours: pack.tours,
    prefs: () => prefs,
    emit: emitter.emit,
    onChange: (view) => launcher.setRun(view),
  });
  const player = createPlayer(session.host, lifetime.signal);
  const extensionGuides = () => document.documentElement.hasAttribute(EXTENSION_TOUR_ATTRIBUTE);

  const launcher = createLauncher({
    toursHere: () => pack.tours.filter((tour) => tourAppliesTo(tour, location.href)),
    prefs: () => prefs,
    onStart: (tour) => {
      if (!extensionGuides()) player.render(session.start(tour));
    },
    onPrefs: (next) => {
      prefs = checkPrefs(next);
      writePrefs(prefs);
      const snapshot = session.snapshot();
      if (snapshot?.run.status === 'active' && !extensionGuides()) {
        player.render(null);
        player.render(snapshot);
      }
    },
    onStop: () => {
      session.stop();
      player.render(null);
    },
  });
  document.body.append(launcher.element);
  followVisualViewport(`.${POPOVER_CLASS}`, lifetime.signal);

  const standAsideOrResume = () => {
    const aside = extensionGuides();
    launcher.setHidden(aside);
    player.render(aside ? null : session.resume());
  };
  new MutationObserver(standAsideOrResume).observe(document.documentElement, { attributes: true, attributeFilter: [EXTENSION_TOUR_ATTRIBUTE] });
  standAsideOrResume();
  return true;
}
