import { scaffoldTour, ScaffoldError } from './lib/scaffold-tour';

/**
 * npm run tours:new -- <id> [folder] [--start <url>]: writes tours/<id>.json, a valid tour whose texts
 * are drafts to rewrite; --start begins it on that page (and its site) instead of the portal's home.
 */
const args = process.argv.slice(2);
const startAt = args.indexOf('--start');
const start = startAt >= 0 ? args[startAt + 1] : undefined;
const [id, folder] = args.filter((a, i) => !a.startsWith('--') && (startAt < 0 || i !== startAt + 1));
if (!id) {
  console.error('Cách dùng: npm run tours:new -- <mã-tour>   (Usage: npm run tours:new -- <tour-id>)');
  process.exit(1);
}
try {
  const file = await scaffoldTour(id, folder, { start });
  console.log(`Đã tạo ${file}. Viết lại mọi chỗ "[BẢN NHÁP]" theo tours/README.md, rồi chạy "npm run tours:check" và "npm run tours:verify -- ${id}".`);
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  console.error(error.message);
  process.exit(1);
}
