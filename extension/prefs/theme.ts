import type { GuidePrefs } from '../../engine/prefs';

/**
 * Puts the citizen's text size and contrast on an extension page's <html>: the stylesheets size
 * everything in rem from `html[data-text-size]` (a percentage, so Chrome's own font-size setting
 * still counts) and switch colours under `html.contrast-high`.
 */
export function applyPrefsToDocument(doc: Document, prefs: GuidePrefs): void {
  const html = doc.documentElement;
  html.dataset.textSize = String(prefs.textSize);
  html.classList.toggle('contrast-high', prefs.contrast === 'high');
}
