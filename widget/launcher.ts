import { pickText } from '../engine/i18n';
import { TEXT_SIZES, type GuidePrefs } from '../engine/prefs';
import type { Tour } from '../engine/schema';
import { tourLanguages } from '../extension/prefs/languages';
import { settingsText } from '../extension/prefs/strings';
import { LAUNCHER_CSS } from './launcher-css';
import type { RunView } from './session-host';
import { WIDGET_TEXT as T } from './strings';

/**
 * The "Hướng dẫn" button and its panel, inside a shadow root styled by a constructed sheet: the
 * page's CSS cannot reach in and nothing of ours leaks out. A disclosure, not a modal: Escape
 * closes it and gives focus back to the button. Hidden while a step is on screen.
 */
export const LAUNCHER_TAG = 'dan-buoc-widget';

export interface LauncherOptions {
  toursHere: () => Tour[];
  prefs: () => GuidePrefs;
  onStart: (tour: Tour) => void;
  onPrefs: (prefs: GuidePrefs) => void;
  onStop: () => void;
}

type Props = Record<string, string | boolean | ((event: Event) => void)>;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'function') el.addEventListener(key, value);
    else if (value === true) el.setAttribute(key, '');
    else if (value !== false) el.setAttribute(key, value);
  }
  el.append(...children);
  return el;
}

export function createLauncher(options: LauncherOptions) {
  const hostEl = document.createElement(LAUNCHER_TAG);
  const shadow = hostEl.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(LAUNCHER_CSS);
  shadow.adoptedStyleSheets = [sheet];

  const panel = h('div', { class: 'panel', id: 'panel', hidden: true });
  const button = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'panel', click: () => toggle() }, T.launcher);
  const root = h('div', { class: 'root' }, panel, button);
  shadow.append(root);
  let run: RunView | undefined;

  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      toggle(false);
      button.focus();
    }
  });

  function toggle(open = panel.hidden) {
    if (open) draw();
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  }

  function choice(name: string, legend: string, values: readonly (string | number)[], labels: Record<string, string>, current: unknown, apply: (value: string) => void) {
    return h('fieldset', {}, h('legend', {}, legend), h('div', { class: 'row' }, ...values.map((value) =>
      h('label', {}, h('input', { type: 'radio', name, value: String(value), checked: value === current, change: () => apply(String(value)) }), labels[value]),
    )));
  }

  /** The same settings, in the same words, as the extension's pages (extension/prefs/strings.ts). */
  function settings(prefs: GuidePrefs, tours: Tour[]): HTMLElement {
    const P = settingsText(prefs.lang);
    const save = (change: Partial<GuidePrefs>) => {
      options.onPrefs({ ...options.prefs(), ...change });
      applyPrefs(options.prefs());
    };
    const check = (label: string, checked: boolean, apply: (on: boolean) => void) =>
      h('label', {}, h('input', { type: 'checkbox', checked, change: (e) => apply((e.target as HTMLInputElement).checked) }), label);
    const languages = tourLanguages(tours);
    const select = h('select', { id: 'lang', change: (e) => save({ lang: (e.target as HTMLSelectElement).value }) },
      ...languages.map(({ code, name }) => h('option', { value: code, lang: code, selected: code === prefs.lang }, name)));
    return h('section', { 'aria-labelledby': 'settings-title' },
      h('h2', { id: 'settings-title' }, P.heading),
      choice('size', P.textSize, TEXT_SIZES, P.textSizeNames, prefs.textSize, (v) => save({ textSize: Number(v) as GuidePrefs['textSize'] })),
      check(P.contrast, prefs.contrast === 'high', (on) => save({ contrast: on ? 'high' : 'normal' })),
      check(P.alwaysRead, prefs.alwaysRead, (on) => save({ alwaysRead: on })),
      choice('rate', P.rate, ['normal', 'slow'], P.rates, prefs.rate, (v) => save({ rate: v === 'slow' ? 'slow' : 'normal' })),
      ...(languages.length > 1 ? [h('label', { for: 'lang' }, P.language), select] : []),
    );
  }

  function awayNotice(view: RunView): HTMLElement {
    const step = view.run.stepIndex + 1;
    const where = view.elsewhere ? T.awayOtherSite(new URL(view.elsewhere).host, step) : T.awaySameSite(step);
    return h('section', { 'aria-labelledby': 'away-title' },
      h('h2', { id: 'away-title' }, T.awayTitle),
      h('p', { role: 'status', class: 'away' }, where),
      h('p', {}, h('button', { type: 'button', click: () => options.onStop() }, T.stop)));
  }

  function draw() {
    const prefs = options.prefs();
    const tours = options.toursHere();
    const list = tours.length
      ? h('ul', {}, ...tours.map((tour) => h('li', {}, h('button', { type: 'button', class: 'tour', click: () => { toggle(false); options.onStart(tour); } }, pickText(tour.title, prefs.lang)))))
      : h('p', {}, T.noTours);
    panel.replaceChildren(
      ...(run?.run.status === 'away' ? [awayNotice(run)] : []),
      h('section', { 'aria-labelledby': 'tours-title' }, h('h2', { id: 'tours-title' }, T.panelTitle), list),
      settings(prefs, tours),
      h('button', { type: 'button', click: () => { toggle(false); button.focus(); } }, T.close),
    );
    applyPrefs(prefs);
  }

  function applyPrefs(prefs: GuidePrefs) {
    root.className = `root size-${prefs.textSize}${prefs.contrast === 'high' ? ' high' : ''}`;
  }

  applyPrefs(options.prefs());
  return {
    element: hostEl,
    button,
    /** A run changed: a step on screen hides the launcher; waiting 'away' opens the panel with where to go. */
    setRun(view: RunView | undefined) {
      run = view;
      hostEl.hidden = view?.run.status === 'active';
      if (view?.run.status === 'away') toggle(true);
      else if (!panel.hidden) draw();
    },
    setHidden(hidden: boolean) {
      hostEl.hidden = hidden || run?.run.status === 'active';
    },
  };
}

export type Launcher = ReturnType<typeof createLauncher>;
