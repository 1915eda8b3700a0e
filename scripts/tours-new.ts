import { scaffoldTour, ScaffoldError } from './lib/scaffold-tour';

/** npm run tours:new -- <id> [folder]: writes tours/<id>.json, a valid tour whose texts are drafts to rewrite. */
const [id, folder] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!id) {
  console.error('Cách dùng: npm run tours:new -- <mã-tour>   (Usage: npm run tours:new -- <tour-id>)');
  process.exit(1);
}
try {
  const file = await scaffoldTour(id, folder);
  console.log(`Đã tạo ${file}. Viết lại mọi chỗ "[BẢN NHÁP]" theo tours/README.md, rồi chạy "npm run tours:check" và "npm run tours:verify -- ${id}".`);
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  console.error(error.message);
  process.exit(1);
}
