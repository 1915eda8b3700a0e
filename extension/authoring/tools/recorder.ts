import { isTextField, pickTarget, preferredTargets, proposeTargets, screenWords } from '../../../engine/authoring/propose';
import type { CapturedAdvance } from '../../../engine/authoring/draft';
import type { TargetStrategy } from '../../../engine/schema';
import { isRendered } from '../../../engine/visibility';
import { deepTarget } from './picker';
import type { AuthorUi } from './ui';

/**
 * The recorder in one frame: each click the author makes and each field they fill becomes a draft
 * step. A filled field is recorded as "filled" (`input`), from the `input` event alone: the value is
 * never read, so nothing typed can reach the draft (a test types a sentinel and searches storage).
 */
export interface RecordedStep {
  targets: TargetStrategy[];
  advance: CapturedAdvance;
  label?: string;
}

/** The step for an element the author clicked or filled: targets from the proposals, words from the screen. */
export function captureStep(element: Element, advance: CapturedAdvance, isVisible: (el: Element) => boolean): RecordedStep | undefined {
  const proposals = proposeTargets(element, { isVisible });
  if (!proposals.length) return undefined;
  const label = screenWords(proposals);
  return { targets: preferredTargets(proposals), advance, ...(label ? { label } : {}) };
}

export function startRecorder(ui: AuthorUi, record: (step: RecordedStep) => void): () => void {
  const lifetime = new AbortController();
  const on = { capture: true, passive: true, signal: lifetime.signal };
  const notOurs = (node: Element) => node.getRootNode() !== ui.root && node !== ui.host && isRendered(node);
  const filled = new WeakSet<Element>();

  window.addEventListener('click', (event) => {
    if (!event.isTrusted || ui.owns(event)) return;
    const target = deepTarget(event);
    if (!target) return;
    const element = pickTarget(target);
    // A click into a text field is where filling starts; the filling is the step.
    if (isTextField(element)) return;
    const step = captureStep(element, 'click', notOurs);
    if (step) record(step);
  }, on);
  window.addEventListener('input', (event) => {
    if (!event.isTrusted || ui.owns(event)) return;
    const target = deepTarget(event);
    const field = target && pickTarget(target);
    if (!field || !isTextField(field) || filled.has(field)) return;
    filled.add(field);
    const step = captureStep(field, 'input', notOurs);
    if (step) record(step);
  }, on);
  return () => lifetime.abort();
}
