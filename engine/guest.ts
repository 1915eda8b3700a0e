/**
 * How the extension and the widget share a page: while the extension's content script shows a
 * tour in the top frame it sets this attribute on <html>, and a widget on that page stands aside
 * (hides its launcher and its own tour) until the attribute goes away. Only one of them guides.
 */
export const EXTENSION_TOUR_ATTRIBUTE = 'data-danbuoc-extension-tour';
