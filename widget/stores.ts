import { DEFAULT_PREFS, PREFS_VERSION, TEXT_SIZES, type GuidePrefs } from '../engine/prefs';
import { RUN_STATE_VERSION, type RunState } from '../engine/runner';

/**
 * The widget's storage on the host's origin, every read checked by hand (no zod): the run in
 * sessionStorage (this tab only, gone when it closes), the citizen's choices in localStorage.
 * Storage may be disabled or full (private mode, sandboxed frames): reads then give nothing and
 * writes are dropped, and the widget still works for this page.
 */
const RUN_KEY = 'danbuoc-widget:run';
const PREFS_KEY = 'danbuoc-widget:prefs';
const STATUSES = ['active', 'away', 'closed', 'finished'];

export interface StoredRun {
  packId: string;
  run: RunState;
}

function read(storage: () => Storage, key: string): unknown {
  try {
    const raw = storage().getItem(key);
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: () => Storage, key: string, value: unknown): void {
  try {
    if (value === undefined) storage().removeItem(key);
    else storage().setItem(key, JSON.stringify(value));
  } catch {
    /* storage disabled or full */
  }
}

const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

export function isRunState(v: unknown): v is RunState {
  const r = v as RunState | null;
  return (
    typeof r === 'object' && r !== null && r.v === RUN_STATE_VERSION && typeof r.tourId === 'string' && r.tourId.length <= 80 &&
    isCount(r.stepIndex) && r.stepIndex <= 200 && STATUSES.includes(r.status) && isCount(r.startedAt) && isCount(r.updatedAt)
  );
}

export function readRun(): StoredRun | undefined {
  const stored = read(() => sessionStorage, RUN_KEY) as StoredRun | undefined;
  return stored && typeof stored.packId === 'string' && isRunState(stored.run) ? stored : undefined;
}

export function writeRun(stored: StoredRun | undefined): void {
  write(() => sessionStorage, RUN_KEY, stored);
}

/** Any field that is missing or wrong falls back to its default; the others are kept. */
export function checkPrefs(v: unknown): GuidePrefs {
  const p = (typeof v === 'object' && v !== null ? v : {}) as Partial<Record<keyof GuidePrefs, unknown>>;
  return {
    v: PREFS_VERSION,
    textSize: (TEXT_SIZES as readonly unknown[]).includes(p.textSize) ? (p.textSize as GuidePrefs['textSize']) : DEFAULT_PREFS.textSize,
    contrast: p.contrast === 'high' ? 'high' : 'normal',
    lang: typeof p.lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(p.lang) ? p.lang : DEFAULT_PREFS.lang,
    alwaysRead: p.alwaysRead === true,
    rate: p.rate === 'slow' ? 'slow' : 'normal',
  };
}

export function readPrefs(): GuidePrefs {
  return checkPrefs(read(() => localStorage, PREFS_KEY));
}

export function writePrefs(prefs: GuidePrefs): void {
  write(() => localStorage, PREFS_KEY, prefs);
}
