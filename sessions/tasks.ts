import { z } from 'zod';
import defaultCatalogueJson from './task-catalogue.json';
import { pathText, plainText, type Message } from './schema';

/**
 * The task catalogue: what a desk can help with. Tasks with a tour share the tour's `task` id;
 * the rest are tallied by hand. A province extends the default with its own file of the same
 * format; ids are never reused with another meaning, because sessions refer to them forever.
 */
export const CATALOGUE_FORMAT = 'dan-buoc-task-catalogue';
export const CATALOGUE_VERSION = 1;
export const TASK_GROUPS = ['dich-vu-cong', 'thanh-toan', 'an-toan', 'vneid'] as const;

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_HINT_VI = 'chỉ dùng chữ thường không dấu a-z, số 0-9 và dấu gạch nối đơn, ví dụ “thanh-toan-tien-dien”';

export const TaskGroup = z.enum(TASK_GROUPS);

export const CatalogueTask = z.strictObject({
  id: z.string().max(64).regex(SLUG_RE, 'must be a slug: lower-case a-z, 0-9 and single hyphens'),
  group: TaskGroup,
  title: z.strictObject({ vi: plainText(160), en: plainText(160) }),
  retired: z.boolean().optional().describe('no longer offered in the picker; old sessions still show its title'),
});

export const TaskCatalogue = z.strictObject({
  $schema: z.string().max(200).optional(),
  format: z.literal(CATALOGUE_FORMAT),
  version: z.literal(CATALOGUE_VERSION),
  province: plainText(120).optional().describe('who maintains this file (provincial catalogues)'),
  tasks: z.array(CatalogueTask).max(500),
});

export type TaskGroup = z.infer<typeof TaskGroup>;
export type CatalogueTask = z.infer<typeof CatalogueTask>;
export type TaskCatalogue = z.infer<typeof TaskCatalogue>;

export const TASK_GROUP_LABELS: Record<TaskGroup, Message> = {
  'dich-vu-cong': { vi: 'Dịch vụ công', en: 'Public services' },
  'thanh-toan': { vi: 'Thanh toán', en: 'Payments' },
  'an-toan': { vi: 'An toàn trên mạng', en: 'Online safety' },
  vneid: { vi: 'VNeID', en: 'VNeID' },
};

export type CatalogueResult = { ok: true; catalogue: TaskCatalogue } | { ok: false; errors: Message[] };

function duplicateErrors(tasks: readonly CatalogueTask[], where: string): Message[] {
  const errors: Message[] = [];
  const first = new Map<string, number>();
  tasks.forEach((task, i) => {
    const j = first.get(task.id);
    if (j === undefined) first.set(task.id, i);
    else
      errors.push({
        vi: `${where}: mã việc “${task.id}” bị trùng (tasks[${j}] và tasks[${i}]).`,
        en: `${where}: duplicate task id "${task.id}" (tasks[${j}] and tasks[${i}]).`,
      });
  });
  return errors;
}

/** Validates a catalogue file's parsed JSON; every problem is reported with its path. */
export function parseCatalogue(raw: unknown, where = 'catalogue'): CatalogueResult {
  const parsed = TaskCatalogue.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 20).map((issue) => {
        const path = pathText(issue.path);
        const isId = issue.path[issue.path.length - 1] === 'id' && issue.code === 'invalid_format';
        const value = isId ? idAt(raw, issue.path) : undefined;
        return isId
          ? { vi: `${where}: ${path}: mã việc “${value}” không hợp lệ — ${SLUG_HINT_VI}.`, en: `${where}: ${path}: bad task id "${value}": ${issue.message}.` }
          : { vi: `${where}: ${path || '(gốc)'}: ${issue.message}`, en: `${where}: ${path || '(root)'}: ${issue.message}` };
      }),
    };
  }
  const dupes = duplicateErrors(parsed.data.tasks, where);
  return dupes.length ? { ok: false, errors: dupes } : { ok: true, catalogue: parsed.data };
}

function idAt(raw: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = raw;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return '';
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return typeof node === 'string' ? node : '';
}

const defaultParse = parseCatalogue(defaultCatalogueJson, 'task-catalogue.json');
if (!defaultParse.ok) throw new Error(defaultParse.errors.map((e) => e.en).join('\n'));

/** The built-in catalogue (sessions/task-catalogue.json), validated at load. */
export const DEFAULT_CATALOGUE: TaskCatalogue = defaultParse.catalogue;

/**
 * Adds a province's tasks to the base catalogue. The provincial file is untrusted input: it is
 * validated in full, may only add new ids (changing the meaning of an existing id would rewrite
 * history in every report), and any error rejects the whole file.
 */
export function mergeCatalogues(base: TaskCatalogue, provincial: unknown): CatalogueResult {
  const parsed = parseCatalogue(provincial, 'provincial catalogue');
  if (!parsed.ok) return parsed;
  const baseIds = new Set(base.tasks.map((t) => t.id));
  const errors: Message[] = [];
  parsed.catalogue.tasks.forEach((task, i) => {
    if (baseIds.has(task.id)) {
      errors.push({
        vi: `provincial catalogue: tasks[${i}]: mã việc “${task.id}” đã có trong danh mục chung; hãy đặt mã khác.`,
        en: `provincial catalogue: tasks[${i}]: task id "${task.id}" already exists in the base catalogue; choose another id.`,
      });
    }
  });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    catalogue: {
      format: CATALOGUE_FORMAT,
      version: CATALOGUE_VERSION,
      ...(parsed.catalogue.province ? { province: parsed.catalogue.province } : {}),
      tasks: [...base.tasks, ...parsed.catalogue.tasks],
    },
  };
}

/** Title of a task id; unknown ids (another province's, or retired and removed) show the id itself. */
export function taskTitle(catalogue: TaskCatalogue, taskId: string): Message {
  const task = catalogue.tasks.find((t) => t.id === taskId);
  return task ? task.title : { vi: taskId, en: taskId };
}

/** A lookup table for hot loops (exports of 100,000 sessions). */
export function taskTitleIndex(catalogue: TaskCatalogue): Map<string, Message> {
  return new Map(catalogue.tasks.map((t) => [t.id, t.title]));
}

/** Offered tasks by group, for the picker (retired tasks left out), each group sorted by title. */
export function tasksByGroup(catalogue: TaskCatalogue): Record<TaskGroup, CatalogueTask[]> {
  const out: Record<TaskGroup, CatalogueTask[]> = { 'dich-vu-cong': [], 'thanh-toan': [], 'an-toan': [], vneid: [] };
  for (const task of catalogue.tasks) if (!task.retired) out[task.group].push(task);
  for (const group of TASK_GROUPS) out[group].sort((a, b) => a.title.vi.localeCompare(b.title.vi, 'vi'));
  return out;
}

/** Tour task ids missing from the catalogue: a tour that completes an unknown task is a bug. */
export function missingTourTasks(catalogue: TaskCatalogue, tours: ReadonlyArray<{ id: string; task?: string; steps?: ReadonlyArray<{ completes?: string }> }>): string[] {
  const known = new Set(catalogue.tasks.map((t) => t.id));
  const missing = new Set<string>();
  for (const tour of tours) {
    if (tour.task && !known.has(tour.task)) missing.add(tour.task);
    for (const step of tour.steps ?? []) if (step.completes && !known.has(step.completes)) missing.add(step.completes);
  }
  return [...missing].sort();
}
