/**
 * The widget's one way of complaining: a single console error, Vietnamese first, English after,
 * for the developer of the host page. Nothing is thrown into the page.
 */
export const WIDGET_ERROR_PREFIX = 'Dẫn Bước';

export function reportError(vi: string, en: string): void {
  reportLine(`${vi} (${en})`);
}

/** A message that already says it in both languages, as pack problems do (engine/pack/format.ts). */
export function reportLine(message: string): void {
  console.error(`${WIDGET_ERROR_PREFIX}: ${message}`);
}

export function reportConfigProblem(problem: string): void {
  reportError('Cấu hình tiện ích hướng dẫn chưa đúng, nên không hiện nút “Hướng dẫn”.', `Widget configuration is not valid: ${problem}`);
}
