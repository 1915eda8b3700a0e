import { writeFile } from 'node:fs/promises';
import { formatReport } from './lib/verify/report';
import { verifyTours } from './lib/verify/run';

/**
 * npm run tours:verify [-- <tour-id>…] [--report <file>] [--base-url <url> | --live] [--strict] [--timeout <ms>] [--no-record]
 * Replays tours in headless Chromium on the replica pages (or a real base), prints per step which
 * strategy matched how many elements, and exits 1 when a step is broken.
 */
const args = process.argv.slice(2);
const valueOf = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const takesValue = new Set(['--report', '--base-url', '--tours', '--inputs', '--timeout']);
const only = args.filter((a, i) => !a.startsWith('--') && !takesValue.has(args[i - 1]));

const reports = await verifyTours({
  only,
  toursDir: valueOf('--tours'),
  inputsFile: valueOf('--inputs'),
  baseUrl: valueOf('--base-url'),
  live: args.includes('--live'),
  strict: args.includes('--strict'),
  stepTimeoutMs: valueOf('--timeout') ? Number(valueOf('--timeout')) : undefined,
  verifiedFile: args.includes('--no-record') ? false : undefined,
});
const table = formatReport(reports);
console.log(table);
const reportFile = valueOf('--report');
if (reportFile) {
  await writeFile(reportFile, `${JSON.stringify(reports, null, 2)}\n`);
  await writeFile(reportFile.replace(/\.json$/, '') + '.txt', `${table}\n`);
  console.log(`\nBáo cáo: ${reportFile} (JSON) và ${reportFile.replace(/\.json$/, '')}.txt (bảng).`);
}
process.exit(reports.every((r) => r.ok) ? 0 : 1);
