import type { Pack } from './schema';
import { PACK_ID_PATTERN, PACK_LIMITS } from './format';
import { jsonPathOf } from '../json-path';
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
/** Checks one value at its path; a problem is thrown as [path, message] and caught by checkPackShape. */
type Check = (value: unknown, path: Path) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: unknown, key: string) => (Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined);

function need(ok: boolean, path: Path, message: string): void {
  if (!ok) throw [path, message];
}

const optional = (check: Check): Check => (v, path) => v === undefined || check(v, path);
const text: Check = (v, path) => need(typeof v === 'string' && v.length > 0 && v.length <= 2000, path, 'must be non-empty text');
const whole = (min: number, max: number): Check => (v, path) => need(Number.isInteger(v) && (v as number) >= min && (v as number) <= max, path, `must be a whole number from ${min} to ${max}`);

/** The listed fields of an object; others pass, as the schema strips them. */
const fields = (spec: Record<string, Check>): Check => (v, path) => {
  need(isObject(v), path, 'must be an object');
  for (const key in spec) spec[key](own(v, key), [...path, key]);
};

const list = (check: Check, min: number, max: number): Check => (v, path) => {
  need(Array.isArray(v) && v.length >= min && v.length <= max, path, `must be a list of ${min} to ${max}`);
  (v as unknown[]).forEach((item, i) => check(item, [...path, i]));
};

const localText: Check = (v, path) => {
  need(isObject(v), path, 'must be an object with "vi"');
  text(own(v, 'vi'), [...path, 'vi']);
  for (const key of Object.keys(v as object)) text(own(v, key), [...path, key]);
};

/** One strategy; inside `within` (scope) no `within` or `nth` again. */
const strategy = (scope: boolean): Check => (v, path) => {
  fields({
    ...Object.fromEntries([...STRATEGY_KINDS, 'name'].map((key) => [key, optional(text)])),
    partial: optional((p, at) => need(typeof p === 'boolean', at, 'must be true or false')),
    nth: optional(whole(0, 1e9)),
    within: optional(strategy(true)),
  })(v, path);
  for (const key of Object.keys(v as object)) need(STRATEGY_KEYS.has(key) && !(scope && (key === 'within' || key === 'nth')), [...path, key], 'unknown key');
  need(STRATEGY_KINDS.filter((k) => own(v, k) !== undefined).length === 1, path, 'needs exactly one of role, label, text, css');
};

const target: Check = (v, path) => (Array.isArray(v) ? list(strategy(false), 1, 6) : strategy(false))(v, path);

const condition: Check = (v, path) => {
  need(isObject(v), path, 'must be an object');
  const kinds = CONDITION_KINDS.filter((k) => own(v, k) !== undefined);
  need(kinds.length === 1 && Object.keys(v as object).length === 1, path, 'needs exactly one of present, absent, url');
  (kinds[0] === 'url' ? text : target)(own(v, kinds[0]), [...path, kinds[0]]);
};

const errorWatches = optional(list(fields({ target, text: optional(text), explain: optional(localText) }), 0, 10));

const stepFields = fields({
  id: text,
  say: localText,
  title: optional(localText),
  advance: optional((v, path) => need((RUNTIME_ADVANCE_KINDS as readonly unknown[]).includes(v), path, 'unknown advance kind')),
  ...Object.fromEntries(['page', 'to', 'frame', 'completes'].map((key) => [key, optional(text)])),
  timeoutMs: optional(whole(1000, 120000)),
  ...Object.fromEntries(['skipIf', 'doneWhen', 'onlyIf'].map((key) => [key, optional(condition)])),
  errors: errorWatches,
});

const step: Check = (v, path) => {
  stepFields(v, path);
  const advance = own(v, 'advance') ?? 'next';
  (advance === 'next' || advance === 'navigate' ? optional(target) : target)(own(v, 'target'), [...path, 'target']);
  need(advance !== 'navigate' || typeof own(v, 'to') === 'string', [...path, 'to'], 'advance "navigate" needs "to"');
};

const packFields = fields({
  packId: (v, path) => need(typeof v === 'string' && PACK_ID_PATTERN.test(v), path, 'must be a slug'),
  version: whole(1, Number.MAX_SAFE_INTEGER),
  publishedAt: (v, path) => need(typeof v === 'string', path, 'must be an ISO date'),
  tours: list(
    fields({
      id: text,
      title: localText,
      sites: list((v, path) => need(typeof v === 'string' && v.startsWith('https://'), path, 'must be an absolute https:// site'), 1, 1e9),
      steps: list(step, 1, 80),
      errors: errorWatches,
    }),
    1,
    PACK_LIMITS.maxTours,
  ),
});

/** What the schema would fill in: a step without `advance` is a "next" step. The input is not changed. */
function withDefaults(pack: Pack): Pack {
  return {
    ...pack,
    tours: pack.tours.map((tour) => ({ ...tour, steps: tour.steps.map((step) => (step.advance ? step : { ...step, advance: 'next' as const })) })),
  };
}

export function checkPackShape(value: unknown): RuntimePackCheck {
  try {
    packFields(value, []);
    const foreign = foreignOrigins(value);
    if (foreign.length) return { ok: false, path: foreign[0].split(': ')[0], message: foreign[0] };
    return { ok: true, pack: withDefaults(value as Pack) };
  } catch (error) {
    const [path, message] = Array.isArray(error) ? (error as [Path, string]) : [[], 'not a pack'];
    return { ok: false, path: jsonPathOf(path), message };
  }
}
