import driverCss from 'driver.js/dist/driver.css?inline';
import overlayCss from '../engine/overlay.css?inline';

/**
 * The overlay's styles (driver.js's and ours, scoped as in the extension) as one constructed sheet
 * adopted by the document: no <style> element and no style attribute, so a strict `style-src 'self'`
 * allows it. Sheets adopted by the document also apply inside a modal <dialog> in the top layer.
 */
export function adoptOverlayStyles(doc: Document = document): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(driverCss + overlayCss);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
