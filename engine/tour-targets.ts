import type { Step, TargetStrategy, Tour } from './schema';
import { fold } from './text';
import type { StyleWarning } from './tour-style';

/**
 * Warnings about how a tour finds things on the page (issue 11): they print in `tours:check` and do
 * not fail it. Nobody here can see the real portal's wording, so a step must not bet on one phrase,
 * and a button the page may refuse must not end its step on the click alone.
 */

const strategies = (step: Step): TargetStrategy[] => (step.target ? [step.target].flat() : []);

/** The one wording an exact name, label or text strategy needs; undefined for a structural or partial one. */
function exactPhrase(s: TargetStrategy): string | undefined {
  const words = s.role ? s.name : (s.label ?? s.text);
  return words !== undefined && !s.partial ? fold(words) : undefined;
}

/** True when every strategy needs the same exact words: a reworded page loses the step. */
export function hingesOnOnePhrase(step: Step): boolean {
  const phrases = strategies(step).map(exactPhrase);
  return phrases.length > 0 && phrases.every((p) => p !== undefined && p === phrases[0]);
}

/**
 * Words of buttons that send a form or confirm something (folded): the page checks what was entered
 * first and may refuse ("Gửi lại mã" only resends a code). "Tìm kiếm" is caught by its submit selector.
 */
const SUBMIT_WORDS = /^(xac nhan|gui(?! lai)|nop|dang nhap|luu|tiep tuc|tiep theo|buoc tiep theo|hoan thanh|dong y)(\s|$)/;
const SUBMIT_CSS = /submit|kt_gui|btn-next|buoc-tiep-theo/i;

/** The words of a form's send or confirm button this step clicks, or "" for its submit selector; undefined when it clicks none. */
export function submitButtonOf(step: Step): string | undefined {
  for (const s of strategies(step)) {
    if (s.css && SUBMIT_CSS.test(s.css)) return '';
    const words = s.role === 'button' ? s.name : s.text;
    if (words && SUBMIT_WORDS.test(fold(words))) return words;
  }
  return undefined;
}

export function tourTargetWarnings(tour: Tour): StyleWarning[] {
  const warnings: StyleWarning[] = [];
  tour.steps.forEach((step, i) => {
    const path = ['steps', i, 'target'];
    if (hingesOnOnePhrase(step)) {
      const [first] = strategies(step);
      warnings.push({
        path,
        message:
          `every strategy needs the exact words "${first.name ?? first.label ?? first.text}", which a page may word differently: add one that survives a rewording, ` +
          `a role within a named dialog, form or region ({"role": "${first.role ?? 'textbox'}", "within": {"role": "dialog", "name": "…"}}) or the distinctive word as partial text ({"text": "…", "partial": true})`,
      });
    }
    const button = step.advance === 'click' && !step.doneWhen ? submitButtonOf(step) : undefined;
    if (button !== undefined) {
      warnings.push({
        path: ['steps', i, 'advance'],
        message:
          `ends on the click of ${button ? `"${button}"` : 'a submit button'}, which the page may refuse (an empty or wrong field): ` +
          'add "doneWhen" with what the page shows once it accepts, such as {"present": {"role": "dialog", "name": "…"}} or {"url": "…"}, so the step waits for the page\'s answer',
      });
    }
  });
  return warnings;
}
