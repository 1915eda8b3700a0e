import overlayCss from '../engine/overlay.css?inline';

/**
 * The overlay's styles (engine/overlay.css, scoped as in the extension) as one constructed sheet
 * adopted by the document: no <style> element and no style attribute, so a strict `style-src 'self'`
 * allows it. Sheets adopted by the document also apply inside a modal <dialog> in the top layer.
 */
export function adoptOverlayStyles(doc: Document = document): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(overlayCss);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
