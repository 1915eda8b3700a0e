import overlayCss from '../engine/overlay.css?inline';

/**
 * Phones, on top of engine/overlay.css (whose buttons are 44 px tap targets already, as in the
 * extension): when the popover scrolls inside (a phone on its side, the keyboard open)
 * the bar with the step's buttons stays pinned at its bottom edge, above "×" in a very short
 * popover, so "Tiếp" is always on screen and tappable.
 * Only in the widget: the content script also draws in frames taller than the screen (the e-form
 * frames), where a pinned bar can sit below what the page scrolls to.
 */
const PHONE_CSS =
  '.danbuoc-popover{padding-bottom:0}' +
  '.danbuoc-popover .danbuoc-footer{position:sticky;bottom:0;z-index:1;padding-bottom:.7em;background:inherit}' +
  '.danbuoc-popover>button:not(.danbuoc-close){margin-bottom:.7em}' +
  '.danbuoc-popover.danbuoc-collapsed .danbuoc-footer{padding:0}' +
  // widget/viewport-follow.ts: the popover moved into the part the on-screen keyboard leaves visible
  '.danbuoc-popover.danbuoc-vv{position:fixed!important;top:var(--danbuoc-vv-top)!important;left:var(--danbuoc-vv-left)!important;right:auto!important;bottom:auto!important;' +
  'transform:none!important;max-height:var(--danbuoc-vv-room)!important;overflow-y:auto!important;max-width:var(--danbuoc-vv-width)!important;min-width:0!important}';

/**
 * The overlay's styles (engine/overlay.css, scoped as in the extension) as one constructed sheet
 * adopted by the document: no <style> element and no style attribute, so a strict `style-src 'self'`
 * allows it. Sheets adopted by the document also apply inside a modal <dialog> in the top layer.
 */
export function adoptOverlayStyles(doc: Document = document): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(overlayCss + PHONE_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
