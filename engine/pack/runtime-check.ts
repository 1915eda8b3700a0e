import type { Pack } from './schema';
import { PACK_ID_PATTERN, PACK_LIMITS } from './format';
import { jsonPathOf } from './json-path';
import { foreignOrigins } from './origins';

/**
 * A cheap structural check of a pack for readers that carry no zod (the widget): the fields the
 * player reads have the types it expects, and every URL is on the allow-list. It never throws. It
 * is not the full schema: run `verifyPack` where zod is available; this guards a reader that got
 * a pack by another, already trusted, route.
 */
export type RuntimePackCheck = { ok: true; pack: Pack } | { ok: false; path: string; message: string };

// Kept equal to engine/schema.ts (which carries zod) by tests/unit/pack-runtime-check.test.ts.
export const RUNTIME_ADVANCE_KINDS = ['next', 'click', 'choose', 'input', 'navigate', 'visible', 'wait'] as const;
const STRATEGY_KINDS = ['role', 'label', 'text', 'css'] as const;
const STRATEGY_KEYS = new Set([...STRATEGY_KINDS, 'name', 'partial', 'within', 'nth']);
const CONDITION_KINDS = ['present', 'absent', 'url'] as const;

type Path = (string | number)[];
class Bad {
  constructor(readonly path: Path, readonly message: string) {}
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, key: string) => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

function need(ok: boolean, path: Path, message: string): void {
  if (!ok) throw new Bad(path, message);
}

function text(value: unknown, path: Path, required = true): void {
  if (value === undefined && !required) return;
  need(typeof value === 'string' && value.length > 0 && value.length <= 2000, path, 'must be non-empty text');
}

function localText(value: unknown, path: Path, required = true): void {
  if (value === undefined && !required) return;
  need(isObject(value), path, 'must be an object with "vi"');
  const o = value as Record<string, unknown>;
  text(own(o, 'vi'), [...path, 'vi']);
  for (const key of Object.keys(o)) if (key !== 'vi') text(o[key], [...path, key]);
}

function strategy(value: unknown, path: Path, scope: boolean): void {
  need(isObject(value), path, 'must be an object');
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) need(STRATEGY_KEYS.has(key) && !(scope && (key === 'within' || key === 'nth')), [...path, key], 'unknown key');
  const kinds = STRATEGY_KINDS.filter((k) => own(o, k) !== undefined);
  need(kinds.length === 1, path, 'needs exactly one of role, label, text, css');
  for (const key of [...STRATEGY_KINDS, 'name'] as const) text(own(o, key), [...path, key], false);
  need(own(o, 'partial') === undefined || typeof own(o, 'partial') === 'boolean', [...path, 'partial'], 'must be true or false');
  const nth = own(o, 'nth');
  need(nth === undefined || (Number.isInteger(nth) && (nth as number) >= 0), [...path, 'nth'], 'must be a whole number ≥ 0');
  if (own(o, 'within') !== undefined) strategy(own(o, 'within'), [...path, 'within'], true);
}

function target(value: unknown, path: Path, required: boolean): void {
  if (value === undefined && !required) return;
  if (Array.isArray(value)) {
    need(value.length >= 1 && value.length <= 6, path, 'needs 1 to 6 strategies');
    value.forEach((s, i) => strategy(s, [...path, i], false));
  } else {
    strategy(value, path, false);
  }
}

function condition(value: unknown, path: Path): void {
  if (value === undefined) return;
  need(isObject(value), path, 'must be an object');
  const o = value as Record<string, unknown>;
  const kinds = CONDITION_KINDS.filter((k) => own(o, k) !== undefined);
  need(kinds.length === 1 && Object.keys(o).length === 1, path, 'needs exactly one of present, absent, url');
  if (kinds[0] === 'url') text(o.url, [...path, 'url']);
  else target(o[kinds[0]], [...path, kinds[0]], true);
}

function errorWatches(value: unknown, path: Path): void {
  if (value === undefined) return;
  need(Array.isArray(value) && value.length <= 10, path, 'must be a list of at most 10');
  (value as unknown[]).forEach((watch, i) => {
    need(isObject(watch), [...path, i], 'must be an object');
    const w = watch as Record<string, unknown>;
    target(own(w, 'target'), [...path, i, 'target'], true);
    text(own(w, 'text'), [...path, i, 'text'], false);
    localText(own(w, 'explain'), [...path, i, 'explain'], false);
  });
}

function step(value: unknown, path: Path): void {
  need(isObject(value), path, 'must be an object');
  const s = value as Record<string, unknown>;
  text(own(s, 'id'), [...path, 'id']);
  localText(own(s, 'say'), [...path, 'say']);
  localText(own(s, 'title'), [...path, 'title'], false);
  const advance = own(s, 'advance') ?? 'next';
  need((RUNTIME_ADVANCE_KINDS as readonly unknown[]).includes(advance), [...path, 'advance'], 'unknown advance kind');
  target(own(s, 'target'), [...path, 'target'], advance !== 'next' && advance !== 'navigate');
  for (const key of ['page', 'to', 'frame', 'completes']) text(own(s, key), [...path, key], false);
  need(advance !== 'navigate' || typeof own(s, 'to') === 'string', [...path, 'to'], 'advance "navigate" needs "to"');
  const timeout = own(s, 'timeoutMs');
  need(timeout === undefined || (Number.isInteger(timeout) && (timeout as number) >= 1000 && (timeout as number) <= 120000), [...path, 'timeoutMs'], 'must be 1000 to 120000');
  for (const key of ['skipIf', 'doneWhen', 'onlyIf']) condition(own(s, key), [...path, key]);
  errorWatches(own(s, 'errors'), [...path, 'errors']);
}

function tour(value: unknown, path: Path): void {
  need(isObject(value), path, 'must be an object');
  const t = value as Record<string, unknown>;
  text(own(t, 'id'), [...path, 'id']);
  localText(own(t, 'title'), [...path, 'title']);
  const sites = own(t, 'sites');
  need(Array.isArray(sites) && sites.length >= 1 && sites.every((s) => typeof s === 'string' && s.startsWith('https://')), [...path, 'sites'], 'must list absolute https:// sites');
  const steps = own(t, 'steps');
  need(Array.isArray(steps) && steps.length >= 1 && steps.length <= 80, [...path, 'steps'], 'needs 1 to 80 steps');
  (steps as unknown[]).forEach((s, i) => step(s, [...path, 'steps', i]));
  errorWatches(own(t, 'errors'), [...path, 'errors']);
}

/** What the schema would fill in: a step without `advance` is a "next" step. The input is not changed. */
function withDefaults(pack: Pack): Pack {
  return {
    ...pack,
    tours: pack.tours.map((tour) => ({ ...tour, steps: tour.steps.map((step) => (step.advance ? step : { ...step, advance: 'next' as const })) })),
  };
}

export function checkPackShape(value: unknown): RuntimePackCheck {
  try {
    need(isObject(value), [], 'a pack must be an object');
    const p = value as Record<string, unknown>;
    const packId = own(p, 'packId');
    need(typeof packId === 'string' && PACK_ID_PATTERN.test(packId), ['packId'], 'must be a slug');
    const version = own(p, 'version');
    need(Number.isSafeInteger(version) && (version as number) > 0, ['version'], 'must be a positive whole number');
    need(typeof own(p, 'publishedAt') === 'string', ['publishedAt'], 'must be an ISO date');
    const tours = own(p, 'tours');
    need(Array.isArray(tours) && tours.length >= 1 && tours.length <= PACK_LIMITS.maxTours, ['tours'], `needs 1 to ${PACK_LIMITS.maxTours} tours`);
    (tours as unknown[]).forEach((t, i) => tour(t, ['tours', i]));
    const foreign = foreignOrigins(value);
    if (foreign.length) return { ok: false, path: foreign[0].split(': ')[0], message: foreign[0] };
    return { ok: true, pack: withDefaults(value as unknown as Pack) };
  } catch (error) {
    if (error instanceof Bad) return { ok: false, path: jsonPathOf(error.path), message: error.message };
    return { ok: false, path: '$', message: 'not a pack' };
  }
}
