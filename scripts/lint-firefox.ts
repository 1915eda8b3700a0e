import { execFileSync } from 'node:child_process';

/**
 * npm run lint:firefox — Mozilla's add-on linter (what AMO review runs) over the Firefox build.
 * Any error, warning or notice fails: the build is meant to be clean, not "mostly clean".
 */
interface Finding {
  code: string;
  message: string;
  file?: string;
}
interface Report {
  summary: { errors: number; warnings: number; notices: number };
  errors: Finding[];
  warnings: Finding[];
  notices: Finding[];
}

let output: string;
try {
  output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
} catch (error) {
  output = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output) as Report;
const findings = [...report.errors, ...report.warnings, ...report.notices];
for (const f of findings) console.error(`${f.file ?? 'manifest'}: ${f.code}: ${f.message}`);
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(findings.length ? 1 : 0);
