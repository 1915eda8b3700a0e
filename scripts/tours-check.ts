import { checkTourFolder, tourFiles } from './lib/check-tours';

/** npm run tours:check [-- --fix] [folder]: prints `file: json.path: message` per problem. */
const args = process.argv.slice(2);
const fix = args.includes('--fix');
const folder = args.find((a) => !a.startsWith('--')) ?? 'tours';

const problems = await checkTourFolder(folder, { fix });
for (const problem of problems) console.error(problem.line);
const count = (await tourFiles(folder)).length;
if (problems.length) {
  console.error(`\n${problems.length} problem(s) in ${folder}/ — Tour có lỗi, xem từng dòng ở trên.`);
  process.exit(1);
}
console.log(`${count} tour file(s) in ${folder}/ are valid.`);
