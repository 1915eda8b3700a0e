import { EXTENSION_TOUR_ATTRIBUTE } from '../engine/guest';
import type { Snapshot } from '../engine/player';
import { tourAppliesTo } from '../engine/runner';
import type { GuideChunk } from './chunk-guide';
import { loadChunk } from './chunks';
import type { WidgetConfig } from './config';
import { reportError, reportLine } from './console-error';
import type { Emitter } from './emitter';
import { createLauncher } from './launcher';
import { loadPack } from './pack-loader';
import { createSessionHost } from './session-host';
import { checkPrefs, readPrefs, writePrefs } from './stores';

/**
 * Loads the pack, then shows the launcher and wires the page-local host; the guide itself (the
 * engine's player and overlay) is loaded beside it when a tour starts or a run resumes. A pack that
 * cannot be trusted or read leaves the page exactly as it was, with one console error.
 */
type Player = ReturnType<GuideChunk['startGuide']>;

export async function startWidget(config: WidgetConfig, emitter: Emitter): Promise<boolean> {
  const loaded = await loadPack(config);
  if (!loaded.ok) {
    reportLine(loaded.message);
    return false;
  }
  const { pack } = loaded;
  let prefs = readPrefs();
  const lifetime = new AbortController();

  const session = createSessionHost({
    packId: pack.packId,
    tours: pack.tours,
    prefs: () => prefs,
    emit: emitter.emit,
    onChange: (view) => launcher.setRun(view),
  });
  let guide: Promise<Player | undefined> | undefined;
  /** Draws a snapshot (null: nothing); the guide is fetched only once there is something to draw. */
  const render = (snapshot: Snapshot | null) => {
    if (!snapshot && !guide) return;
    guide ??= loadChunk<GuideChunk>('guide').then(
      ({ startGuide }) => startGuide(session.host, lifetime.signal),
      (error: Error) => void reportError('Không tải được phần hướng dẫn, nên chưa hiện được các bước.', error.message),
    );
    void guide.then((player) => player?.render(snapshot));
  };
  const extensionGuides = () => document.documentElement.hasAttribute(EXTENSION_TOUR_ATTRIBUTE);

  const launcher = createLauncher({
    toursHere: () => pack.tours.filter((tour) => tourAppliesTo(tour, location.href)),
    prefs: () => prefs,
    onStart: (tour) => {
      if (!extensionGuides()) render(session.start(tour));
    },
    onPrefs: (next) => {
      prefs = checkPrefs(next);
      writePrefs(prefs);
      const snapshot = session.snapshot();
      if (snapshot?.run.status === 'active' && !extensionGuides()) {
        render(null);
        render(snapshot);
      }
    },
    onStop: () => {
      session.stop();
      render(null);
    },
  });
  document.body.append(launcher.element);

  const standAsideOrResume = () => {
    const aside = extensionGuides();
    launcher.setHidden(aside);
    render(aside ? null : session.resume());
  };
  new MutationObserver(standAsideOrResume).observe(document.documentElement, { attributes: true, attributeFilter: [EXTENSION_TOUR_ATTRIBUTE] });
  standAsideOrResume();
  return true;
}
