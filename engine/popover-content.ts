import type { PopoverDOM } from 'driver.js';
import { OVERLAY_TEXT as T } from './strings';

/**
 * Fills driver.js's popover with our words. Everything goes in through textContent: driver.js only
 * ever receives a zero-width placeholder for its innerHTML sinks.
 */
export interface OverlayButton {
  label: string;
  onClick: () => void;
}

export interface PopoverText {
  title?: string;
  text: string;
  hint?: string;
  /** an error the page just showed, explained; announced at once */
  alert?: string;
  progress?: string;
  primary?: OverlayButton;
  secondary?: OverlayButton;
}

/** driver.js's title is a <header>: outside a landmark it reads as a second banner, so it becomes an <h2>. */
function headingOf(popover: PopoverDOM): HTMLElement {
  if (popover.title.tagName === 'H2') return popover.title;
  const heading = document.createElement('h2');
  heading.id = popover.title.id;
  heading.className = popover.title.className;
  popover.title.replaceWith(heading);
  popover.title = heading;
  return heading;
}

function paragraph(className: string, text: string, role?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  if (role) p.setAttribute('role', role);
  return p;
}

function setButton(button: HTMLButtonElement, spec: OverlayButton | undefined) {
  button.textContent = spec?.label ?? '';
  button.style.display = spec ? 'inline-block' : 'none';
  button.disabled = false;
  button.classList.remove('driver-popover-btn-disabled');
}

export function fillPopover(popover: PopoverDOM, view: PopoverText): void {
  const title = headingOf(popover);
  title.textContent = view.title ?? '';
  title.style.display = view.title ? 'block' : 'none';
  popover.footer.setAttribute('role', 'group');
  popover.footer.setAttribute('aria-label', T.navigation);
  popover.description.replaceChildren(
    ...(view.alert ? [paragraph('danbuoc-alert', view.alert, 'alert')] : []),
    paragraph('danbuoc-say', view.text),
    ...(view.hint ? [paragraph('danbuoc-hint', view.hint)] : []),
  );
  popover.description.style.display = 'block';
  popover.progress.textContent = view.progress ?? '';
  popover.progress.style.display = view.progress ? 'block' : 'none';
  popover.closeButton.textContent = '×';
  popover.closeButton.setAttribute('aria-label', T.close);
  popover.closeButton.title = T.close;
  setButton(popover.nextButton, view.primary);
  setButton(popover.previousButton, view.secondary);
  popover.footer.style.display = view.primary || view.secondary || view.progress ? 'flex' : 'none';
  popover.wrapper.setAttribute('lang', 'vi');
  popover.wrapper.setAttribute('aria-live', 'polite');
}
