import { writeFile } from 'node:fs/promises';
import { formatReport } from './lib/verify/report';
import { verifyTours } from './lib/verify/run';
import { VARIANTS, variantById } from './lib/verify/variants';
import { belowGoal, formatVary, verifyVariants } from './lib/verify/vary-report';

/**
 * npm run tours:verify [-- <tour-id>…] [--report <file>] [--base-url <url> | --live] [--strict] [--timeout <ms>] [--no-record]
 * npm run tours:verify -- --vary [<tour-id>…] [--variant <id>]… [--seed <n>] [--report-only] [--report <file>]
 * Replays tours in headless Chromium on the replica pages (or a real base), prints per step which
 * strategy matched how many elements, and exits 1 when a step is broken. With --vary, replays them
 * on redesigned variants of the replicas and exits 1 when a tour finds fewer than 95% of its steps
 * on a variant (unless --report-only).
 */
const args = process.argv.slice(2);
const valueOf = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const valuesOf = (name: string): string[] => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
const takesValue = new Set(['--report', '--base-url', '--tours', '--inputs', '--timeout', '--variant', '--seed']);
const only = args.filter((a, i) => !a.startsWith('--') && !takesValue.has(args[i - 1]));
const common = {
  only,
  toursDir: valueOf('--tours'),
  inputsFile: valueOf('--inputs'),
  stepTimeoutMs: valueOf('--timeout') ? Number(valueOf('--timeout')) : undefined,
};
const reportFile = valueOf('--report');
const writeReport = async (json: unknown, table: string) => {
  if (!reportFile) return;
  await writeFile(reportFile, `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(reportFile.replace(/\.json$/, '') + '.txt', `${table}\n`);
  console.log(`\nBáo cáo: ${reportFile} (JSON) và ${reportFile.replace(/\.json$/, '')}.txt (bảng).`);
};

if (args.includes('--vary')) {
  const chosen = valuesOf('--variant');
  const result = await verifyVariants({
    ...common,
    seed: valueOf('--seed') ? Number(valueOf('--seed')) : 1,
    variants: chosen.length ? chosen.map(variantById) : VARIANTS,
  });
  const table = formatVary(result);
  console.log(table);
  await writeReport(result, table);
  process.exit(belowGoal(result).length && !args.includes('--report-only') ? 1 : 0);
}

const reports = await verifyTours({
  ...common,
  baseUrl: valueOf('--base-url'),
  live: args.includes('--live'),
  strict: args.includes('--strict'),
  verifiedFile: args.includes('--no-record') ? false : undefined,
});
const table = formatReport(reports);
console.log(table);
await writeReport(reports, table);
process.exit(reports.every((r) => r.ok) ? 0 : 1);
