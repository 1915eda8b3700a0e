import type { z } from 'zod';
import { Tour } from './schema';
import { refusedCharactersMessage } from './text-hygiene';
import { draftPlaceholders, tourStyleWarnings } from './tour-style';
import { tourTargetWarnings } from './tour-targets';
import { jsonPathOf } from './json-path';

/**
 * Checks one tour file's text and turns every problem into `file: json.path: message`, with the fix
 * where there is an obvious one. Errors fail the check; warnings (style, from WRITING.md; fragile targets, engine/tour-targets.ts) print as
 * `warning: file: json.path: message` and do not. Pure: the CLI, the build hook and the tests share it.
 */
export type Severity = 'error' | 'warning';

export interface TourProblem {
  file: string;
  path: string;
  message: string;
  severity: Severity;
  line: string;
}

/** `$.steps[2].say.vi`: where a problem is (engine/json-path.ts, shared with the pack checks). */
export const jsonPath = jsonPathOf;

function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown key ${keys}: remove it or fix its spelling`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    const name = issue.path[issue.path.length - 1];
    return `required ${typeof name === 'string' ? `"${name}" ` : ''}is missing: add it (${issue.expected})`;
  }
  if (issue.code === 'invalid_value' && issue.path[issue.path.length - 1] === 'schemaVersion') {
    return `unsupported schemaVersion: this version of Dẫn Bước reads schemaVersion ${issue.values.join(', ')}`;
  }
  return issue.message;
}

/**
 * A union (a target is one strategy or a list of them) fails as a bare "Invalid input" at the union's
 * path; report instead the issues of the one branch the value has the shape of, at their full paths.
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const shaped = issue.errors.filter((branch) => !branch.some((e) => e.code === 'invalid_type' && e.path.length === 0));
  if (shaped.length !== 1) return [issue];
  return shaped[0].flatMap((e) => unwrapUnion({ ...e, path: [...issue.path, ...e.path] }));
}

export function canonicalText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Every string and key of the file, not only the text the schema checks: a bidi control in a CSS
 * selector or a URL pattern never reaches the screen, but it can make a reviewer read a different
 * selector or address than the one that runs.
 */
function refusedCharactersAnywhere(value: unknown, path: PropertyKey[], found: Array<[string, string]>): void {
  if (typeof value === 'string') {
    const problem = refusedCharactersMessage(value);
    if (problem) found.push([jsonPath(path), problem]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = refusedCharactersMessage(key);
      if (keyProblem) found.push([jsonPath(path), `in the key ${JSON.stringify(key)}: ${keyProblem}`]);
      refusedCharactersAnywhere(child, [...path, Array.isArray(value) ? Number(key) : key], found);
    }
  }
}

export function checkTourText(file: string, text: string, expectedId?: string): TourProblem[] {
  const problems: TourProblem[] = [];
  const add = (path: string, message: string, severity: Severity = 'error') =>
    problems.push({ file, path, message, severity, line: `${severity === 'warning' ? 'warning: ' : ''}${file}: ${path}: ${message}` });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    add('$', `invalid JSON: ${(error as Error).message}`);
    return problems;
  }
  // reportInput: tells a missing field (input undefined) from one of the wrong type.
  const parsed = Tour.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues.flatMap(unwrapUnion)) add(jsonPath(issue.path), explain(issue));
  }
  const hidden: Array<[string, string]> = [];
  refusedCharactersAnywhere(json, [], hidden);
  for (const [path, message] of hidden) {
    if (!problems.some((p) => p.path === path && p.message === message)) add(path, message);
  }
  const id = (json as { id?: unknown } | null)?.id;
  if (expectedId !== undefined && typeof id === 'string' && id !== expectedId) {
    add('$.id', `id "${id}" must equal the file name "${expectedId}": rename the file or change the id`);
  }
  if (problems.length === 0 && text !== canonicalText(json)) {
    add('$', 'not in canonical form (2-space JSON, final newline): run "npm run tours:check -- --fix"');
  }
  if (parsed.success) {
    for (const placeholder of draftPlaceholders(parsed.data)) add(jsonPath(placeholder.path), placeholder.message);
    for (const warning of [...tourStyleWarnings(parsed.data), ...tourTargetWarnings(parsed.data)]) add(jsonPath(warning.path), warning.message, 'warning');
  }
  return problems;
}
