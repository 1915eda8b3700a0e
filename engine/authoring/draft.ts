import type { TargetStrategy } from '../schema';
import { isAllowedOrigin, originOf } from '../sites';

/**
 * Building a draft tour from what an author picked or did on the page. Pure: the background keeps
 * the draft in the draft store and calls these. Every text a draft gets is a placeholder that starts
 * with REWRITE_MARK, which `tours:check` reports as an error, so a recorded draft cannot be
 * published before a person has written its words (WRITING.md).
 */
export const REWRITE_MARK = '[VIẾT LẠI]';

export type CapturedAdvance = 'click' | 'input';

export interface CapturedStep {
  /** the top page's URL when it happened */
  url: string;
  /** the iframe's URL when the element is in an iframe */
  frameUrl?: string;
  targets: TargetStrategy[];
  advance: CapturedAdvance;
  /** what the element is called on screen, for the placeholder text (never a field's value) */
  label?: string;
}

export interface DraftJson {
  schemaVersion: 1;
  id: string;
  title: { vi: string };
  start?: string;
  sites: string[];
  steps: DraftStepJson[];
}

export interface DraftStepJson {
  id: string;
  page: string;
  frame?: string;
  target: TargetStrategy | TargetStrategy[];
  say: { vi: string };
  advance: CapturedAdvance;
}

/** `https://host/path`: the page a step happens on (query and hash are ignored by patterns without them). */
export function pagePattern(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!isAllowedOrigin(parsed.origin)) return undefined;
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

/** A draft id that is a valid tour id: `ban-nhap-<yyyymmdd>-<hhmmss>`. */
export function draftId(now: number): string {
  const iso = new Date(now).toISOString();
  return `ban-nhap-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

export function newDraft(id: string, startUrl: string): DraftJson {
  const origin = originOf(startUrl);
  const start = origin && isAllowedOrigin(origin) ? startUrl.split('#')[0] : undefined;
  return {
    schemaVersion: 1,
    id,
    title: { vi: `${REWRITE_MARK} Hướng dẫn mới` },
    ...(start ? { start } : {}),
    sites: origin && isAllowedOrigin(origin) ? [`${origin}/*`] : [],
    steps: [],
  };
}

function placeholderSay(step: CapturedStep): string {
  const quoted = step.label ? ` “${step.label}”` : '';
  return step.advance === 'input' ? `${REWRITE_MARK} Nhập vào ô${quoted}.` : `${REWRITE_MARK} Bấm${quoted}.`;
}

/** The draft with one more step; its origin joins the tour's sites. Undefined if the page is not on the allow-list. */
export function addStep(draft: DraftJson, step: CapturedStep): DraftJson | undefined {
  const page = pagePattern(step.url);
  const frame = step.frameUrl ? pagePattern(step.frameUrl) : undefined;
  if (!page || (step.frameUrl && !frame) || step.targets.length === 0) return undefined;
  const sites = new Set(draft.sites);
  for (const url of [step.url, step.frameUrl]) {
    const origin = url && originOf(url);
    if (origin) sites.add(`${origin}/*`);
  }
  const used = new Set(draft.steps.map((s) => s.id));
  let n = draft.steps.length + 1;
  while (used.has(`buoc-${n}`)) n++;
  const target = step.targets.length === 1 ? step.targets[0] : step.targets.slice(0, 6);
  const next: DraftStepJson = {
    id: `buoc-${n}`,
    page,
    ...(frame ? { frame } : {}),
    target,
    say: { vi: placeholderSay(step) },
    advance: step.advance,
  };
  return { ...draft, sites: [...sites], steps: [...draft.steps, next] };
}

/**
 * Recording sees a field twice (focus, then the typing): one `input` step for one field on one page.
 * A click on a field that was just recorded as filled, or on the same element again, adds nothing.
 */
export function isRepeat(draft: DraftJson, step: CapturedStep): boolean {
  const last = draft.steps[draft.steps.length - 1];
  if (!last) return false;
  return last.page === pagePattern(step.url) && JSON.stringify(last.target) === JSON.stringify(step.targets.length === 1 ? step.targets[0] : step.targets.slice(0, 6));
}
