import { jsonPathOf } from '../../engine/json-path';
import { checkTourText, canonicalText, type TourProblem } from '../../engine/tour-check';
import { stepTemplate } from '../../engine/tour-template';

/**
 * The editor's model: pure edits on a draft tour's JSON. A draft may be incomplete or wrong, so it is
 * kept as plain JSON (never forced through the schema) and every edit returns a new value; the
 * checks are exactly `tours:check`'s (engine/tour-check.ts), run on the canonical text.
 */
export type Json = unknown;
export type Key = string | number;
export type Path = readonly Key[];
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

export function getAt(json: Json, path: Path): unknown {
  let node = json;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isObject(node) && typeof key === 'string') node = node[key];
    else return undefined;
  }
  return node;
}

/** `json` with the value at `path` replaced; `undefined` removes an object key. Missing objects on the way are created. */
export function setAt(json: Json, path: Path, value: unknown): Json {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (typeof key === 'number') {
    const list = Array.isArray(json) ? [...(json as unknown[])] : [];
    list[key] = setAt(list[key], rest, value);
    return list;
  }
  const object: JsonObject = isObject(json) ? { ...json } : {};
  const next = setAt(object[key], rest, value);
  if (next === undefined) delete object[key];
  else object[key] = next;
  return object;
}

function listAt(json: Json, path: Path): unknown[] {
  const value = getAt(json, path);
  return Array.isArray(value) ? value : [];
}

/** Moves item `index` of the list at `path` by `delta` places; unchanged at either end. */
export function moveItem(json: Json, path: Path, index: number, delta: -1 | 1): Json {
  const list = [...listAt(json, path)];
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return json;
  [list[index], list[to]] = [list[to], list[index]];
  return setAt(json, path, list);
}

/** Inserts `item` into the list at `path` after `after` (-1: first; omitted: last). */
export function insertItem(json: Json, path: Path, item: unknown, after?: number): Json {
  const list = [...listAt(json, path)];
  list.splice(after === undefined ? list.length : after + 1, 0, item);
  return setAt(json, path, list);
}

/** Removes item `index`; an optional list left empty is removed whole (`keepEmpty` for required lists such as steps). */
export function removeItem(json: Json, path: Path, index: number, { keepEmpty = false } = {}): Json {
  const list = listAt(json, path).filter((_, i) => i !== index);
  return setAt(json, path, list.length || keepEmpty ? list : undefined);
}

export const STEPS: Path = ['steps'];

export function stepCount(json: Json): number {
  return listAt(json, STEPS).length;
}

/** A step id not used yet in the tour: buoc-2, buoc-3… */
export function freshStepId(json: Json): string {
  const used = new Set(listAt(json, STEPS).map((s) => (isObject(s) ? s.id : undefined)));
  let n = stepCount(json) + 1;
  while (used.has(`buoc-${n}`)) n++;
  return `buoc-${n}`;
}

export function addStep(json: Json, after: number): Json {
  return insertItem(json, STEPS, stepTemplate(freshStepId(json)), after);
}

export function removeStep(json: Json, index: number): Json {
  return removeItem(json, STEPS, index, { keepEmpty: true });
}

export function moveStep(json: Json, index: number, delta: -1 | 1): Json {
  return moveItem(json, STEPS, index, delta);
}

/** A plain text field: an empty optional field is removed, a required one kept empty so the check names it. */
export function setString(json: Json, path: Path, value: string, { required = false } = {}): Json {
  return setAt(json, path, value === '' && !required ? undefined : value);
}

/**
 * One language of a LocalText (title, say, explain…). An empty language is removed; "vi" stays
 * (empty, so the check says it is required) unless the whole optional text is now empty.
 */
export function setLocalText(json: Json, path: Path, lang: string, value: string, { required = false } = {}): Json {
  const current = getAt(json, path);
  const text: JsonObject = isObject(current) ? { ...current } : {};
  if (value === '' && lang !== 'vi') delete text[lang];
  else text[lang] = value;
  const empty = Object.values(text).every((v) => v === '');
  return setAt(json, path, empty && !required ? undefined : text);
}

const LOCAL_TEXT_KEYS = new Set(['title', 'summary', 'say', 'explain']);

/** The languages the tour is written in: "vi" first, then every other code any of its texts uses. */
export function tourLanguages(json: Json): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key?: string) => {
    if (key && LOCAL_TEXT_KEYS.has(key) && isObject(value)) for (const lang of Object.keys(value)) found.add(lang);
    if (Array.isArray(value)) value.forEach((v) => visit(v));
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(json);
  found.delete('vi');
  return ['vi', ...[...found].sort()];
}

/** A target as the editor shows it: a list of alternatives, tried in order (one strategy is a list of one). */
export function alternatives(target: unknown): unknown[] {
  if (Array.isArray(target)) return target;
  return target === undefined ? [] : [target];
}

/** The file a draft is saved as: its id, like the tours/ folder. */
export function fileNameOf(json: Json): string {
  const id = getAt(json, ['id']);
  return typeof id === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) ? `${id}.json` : 'ban-nhap.json';
}

/** What "Lưu tệp" writes: exactly what `tours:check --fix` writes for the same tour. */
export function savedText(json: Json): string {
  return canonicalText(json);
}

/** `tours:check` on the draft as it would be saved: errors and WRITING.md warnings, each with its JSON path. */
export function checkDraft(json: Json): TourProblem[] {
  return checkTourText(fileNameOf(json), savedText(json));
}

export const pathOf = jsonPathOf;

/** Problems at exactly this field. */
export function problemsAt(problems: readonly TourProblem[], path: Path): TourProblem[] {
  const at = jsonPathOf(path);
  return problems.filter((p) => p.path === at);
}

/** Problems at this path or inside it (`$.steps[1]` holds `$.steps[1].say.vi`, not `$.steps[10]`). */
export function problemsWithin(problems: readonly TourProblem[], path: Path): TourProblem[] {
  const at = jsonPathOf(path);
  return problems.filter((p) => p.path === at || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`));
}

export type LoadedFile = { ok: true; json: Json } | { ok: false; file: string; path: string; message: string; fix: string };

/** Line and column (from 1) of a character offset, for a JSON syntax error. */
function lineColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

/**
 * A tour file from disk. A file that is not JSON, or not a JSON object, is refused with where and
 * how to fix it (the draft open in the editor stays as it was); any JSON object loads, and the
 * checks say what is wrong with it.
 */
export function parseTourFile(file: string, text: string): LoadedFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = `invalid JSON: ${(error as Error).message}`;
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const where = lineCol ? [Number(lineCol[1]), Number(lineCol[2])] : position ? lineColumn(text, Number(position[1])) : undefined;
    const fix = where
      ? `Sửa tệp ở dòng ${where[0]}, cột ${where[1]} (thường là thiếu hoặc thừa dấu phẩy, dấu ngoặc kép hay dấu ngoặc), rồi mở lại.`
      : 'Tệp không phải JSON. Mở tệp bằng trình soạn thảo văn bản, sửa theo thông báo, rồi mở lại.';
    return { ok: false, file, path: '$', message, fix };
  }
  if (!isObject(json)) {
    return { ok: false, file, path: '$', message: 'a tour file holds one JSON object', fix: 'Chọn tệp của một hướng dẫn: bắt đầu bằng { và có "id", "title", "steps".' };
  }
  return { ok: true, json };
}
