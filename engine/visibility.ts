export type VisibilityCheck = (el: Element) => boolean;

/** Hidden, collapsed and zero-size elements never match a step: the citizen could not see them. */
export const isRendered: VisibilityCheck = (el) => {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return false;
  if (typeof el.checkVisibility === 'function') {
    return el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
  }
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none';
};
