import { readFileSync } from 'node:fs';

/**
 * Prints the mutation score per folder and for the files issue 8 set goals for, from Stryker's JSON
 * report (mutation-testing-report-schema). Score = detected / (detected + undetected), where
 * detected = Killed + Timeout and undetected = Survived + NoCoverage (Stryker's own definition).
 */
interface Mutant { status: string }
interface Report { files: Record<string, { mutants: Mutant[] }> }

export const GOAL_FILES = [
  'engine/step-guards.ts',
  'engine/placement.ts',
  'engine/overlay.ts',
  'sessions/merge.ts',
  'sessions/consent.ts',
  'sessions/csv.ts',
  'sessions/retention.ts',
];
const GOAL = 85;

interface Tally { detected: number; undetected: number }

function tally(mutants: Mutant[], into: Tally = { detected: 0, undetected: 0 }): Tally {
  for (const { status } of mutants) {
    if (status === 'Killed' || status === 'Timeout') into.detected++;
    else if (status === 'Survived' || status === 'NoCoverage') into.undetected++;
  }
  return into;
}

const score = (t: Tally) => (t.detected + t.undetected ? (100 * t.detected) / (t.detected + t.undetected) : 100);

const path = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
const byFolder = new Map<string, Tally>();
const byFile = new Map<string, Tally>();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const rel = file.replace(/^.*?(engine|sessions)\//, '$1/');
  byFile.set(rel, tally(mutants));
  const folder = rel.split('/')[0];
  byFolder.set(folder, tally(mutants, byFolder.get(folder)));
}

console.log('\nMutation score (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage)');
for (const [folder, t] of byFolder) console.log(`  ${folder}/`.padEnd(28), `${score(t).toFixed(1)} %`.padStart(8), `(${t.detected}/${t.detected + t.undetected})`);
let missed = 0;
for (const file of GOAL_FILES) {
  const t = byFile.get(file);
  if (!t) continue;
  const s = score(t);
  if (s < GOAL) missed++;
  console.log(`  ${file}`.padEnd(28), `${s.toFixed(1)} %`.padStart(8), `(${t.detected}/${t.detected + t.undetected})`, s >= GOAL ? 'ok' : `below ${GOAL} %`);
}
if (missed) console.log(`${missed} goal file(s) below ${GOAL} %`);
