import { readFile } from 'node:fs/promises';
import { checkTourFolder, tourFiles } from './lib/check-tours';

/**
 * npm run tours:check [-- --fix] [folder]: prints `file: json.path: message` per error and
 * `warning: file: json.path: message` per style warning. Only errors make it exit non-zero.
 */
const args = process.argv.slice(2);
const fix = args.includes('--fix');
const folder = args.find((a) => !a.startsWith('--')) ?? 'tours';

const problems = await checkTourFolder(folder, { fix, warnings: true });
problems.push(...(await missingMetadata(folder)));
for (const problem of problems) console.error(problem.line);
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
const count = (await tourFiles(folder)).length;
const warned = warnings ? ` ${warnings} warning(s) — xem từng dòng “warning:” ở trên, nên sửa theo shared/WRITING.md.` : '';
if (errors) {
  console.error(`\n${errors} problem(s) in ${folder}/ — Tour có lỗi, xem từng dòng ở trên.${warned}`);
  process.exit(1);
}
console.log(`${count} tour file(s) in ${folder}/ are valid.${warned}`);

/**
 * What the popup and the desk console need before a citizen starts (tests/unit/tour-metadata.test.ts
 * fails without it), which a fresh `tours:new` draft does not have yet: said here, while writing.
 */
async function missingMetadata(dir: string) {
  const catalogue = JSON.parse(await readFile('sessions/task-catalogue.json', 'utf8')) as { tasks: Array<{ id: string }> };
  const tasks = catalogue.tasks.map((t) => t.id);
  const out = [];
  for (const file of await tourFiles(dir)) {
    let tour: { topic?: unknown; minutes?: unknown; task?: unknown };
    try {
      tour = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      continue; // reported above
    }
    const missing = [
      tour.topic === undefined && '"topic" (dich-vu-cong, thanh-toan or an-toan)',
      tour.minutes === undefined && '"minutes" (estimate for a first-time citizen)',
      (typeof tour.task !== 'string' || !tasks.includes(tour.task)) && `"task", one of sessions/task-catalogue.json (${tasks.slice(0, 3).join(', ')}…)`,
    ].filter(Boolean);
    if (!missing.length) continue;
    const message = `the popup and the desk console need ${missing.join(', ')}`;
    out.push({ file, path: '$', message, severity: 'warning' as const, line: `warning: ${file}: $: ${message}` });
  }
  return out;
}
