import { checkTourFolder, tourFiles } from './lib/check-tours';

/**
 * npm run tours:check [-- --fix] [folder]: prints `file: json.path: message` per error and
 * `warning: file: json.path: message` per style warning. Only errors make it exit non-zero.
 */
const args = process.argv.slice(2);
const fix = args.includes('--fix');
const folder = args.find((a) => !a.startsWith('--')) ?? 'tours';

const problems = await checkTourFolder(folder, { fix, warnings: true });
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
