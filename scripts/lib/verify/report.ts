import type { Target, TargetStrategy } from '../../../engine/schema';
import { strategiesOf } from '../../../engine/resolve';

/**
 * What tours:verify found, per step:
 * - ok: the first strategy matched exactly one element;
 * - ambiguous: the strategy in use matched several (the player takes the first): check it is the right one;
 * - fallback: the first strategy matched nothing, a later one found the element (broken with --strict);
 * - missing: no strategy matched; failed: the page or the step's end never came;
 * - skipped (skipIf/onlyIf), stopped (needs the citizen), not-reached (after a broken or stopped step).
 */
export type StepStatus = 'ok' | 'ambiguous' | 'fallback' | 'missing' | 'failed' | 'skipped' | 'stopped' | 'not-reached';

export interface StepReport {
  index: number;
  id: string;
  advance: string;
  status: StepStatus;
  broken: boolean;
  /** each strategy in words, with how many visible elements it matched (null: not probed) */
  strategies: Array<{ strategy: string; matches: number | null }>;
  /** index of the strategy the player would use, -1 if none */
  used: number;
  note: string;
}

export interface TourReport {
  tourId: string;
  title: string;
  against: string;
  verifiedAt: string;
  ok: boolean;
  steps: StepReport[];
}

export function describeStrategy(strategy: Omit<TargetStrategy, 'within' | 'nth'> & Partial<Pick<TargetStrategy, 'within' | 'nth'>>): string {
  const parts: string[] = [];
  if (strategy.role) parts.push(`role=${strategy.role}${strategy.name ? ` name="${strategy.name}"` : ''}`);
  if (strategy.label) parts.push(`label="${strategy.label}"`);
  if (strategy.text) parts.push(`text="${strategy.text}"`);
  if (strategy.css) parts.push(`css=${strategy.css}`);
  if (strategy.partial) parts.push('partial');
  if (strategy.within) parts.push(`within(${describeStrategy(strategy.within)})`);
  if (strategy.nth !== undefined) parts.push(`nth=${strategy.nth}`);
  return parts.join(' ');
}

export function describeTarget(target: Target | undefined): string[] {
  return target ? strategiesOf(target).map((s) => describeStrategy(s)) : [];
}

const STATUS_WORDS: Record<StepStatus, string> = {
  ok: 'khớp đúng 1',
  ambiguous: 'khớp nhiều chỗ',
  fallback: 'nhờ dự phòng',
  missing: 'KHÔNG THẤY',
  failed: 'HỎNG',
  skipped: 'bỏ qua',
  stopped: 'dừng',
  'not-reached': 'chưa tới',
};

/** The readable table: one block per tour, one row per step, each strategy with its match count. */
export function formatReport(reports: readonly TourReport[]): string {
  const lines: string[] = [];
  for (const tour of reports) {
    lines.push(`${tour.ok ? 'ĐẠT' : 'HỎNG'}  ${tour.tourId} — ${tour.title} (${tour.against}, ${tour.verifiedAt})`);
    for (const step of tour.steps) {
      const mark = step.broken ? '✗' : step.status === 'ok' ? '✓' : '·';
      lines.push(`  ${mark} ${String(step.index + 1).padStart(2)}. ${step.id.padEnd(28)} ${step.advance.padEnd(8)} ${STATUS_WORDS[step.status].padEnd(15)} ${step.note}`);
      step.strategies.forEach((s, i) => {
        const count = s.matches === null ? '–' : String(s.matches);
        lines.push(`        ${i === step.used ? '→' : ' '} [${i + 1}] ${count.padStart(2)} × ${s.strategy}`);
      });
    }
    lines.push('');
  }
  const broken = reports.filter((t) => !t.ok).length;
  lines.push(broken ? `${broken}/${reports.length} tour có bước hỏng. (${broken} of ${reports.length} tours have a broken step.)` : `Tất cả ${reports.length} tour đều chạy được. (Every tour replayed: ${reports.length}.)`);
  return lines.join('\n');
}
