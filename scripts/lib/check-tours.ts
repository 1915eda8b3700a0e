import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { canonicalText, checkTourText, type TourProblem } from '../../engine/tour-check';

export const SCHEMA_FILE = 'tour.schema.json';

export async function tourFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names.filter((n) => n.endsWith('.json') && n !== SCHEMA_FILE).sort().map((n) => join(folder, n));
}

/**
 * Checks every tour file in a folder; with `fix`, rewrites valid files into canonical form first.
 * Style warnings are left out unless asked for, so the build hook, which fails on any problem it
 * gets, fails on errors only.
 */
export async function checkTourFolder(folder: string, { fix = false, warnings = false } = {}): Promise<TourProblem[]> {
  const problems: TourProblem[] = [];
  for (const file of await tourFiles(folder)) {
    let text = await readFile(file, 'utf8');
    if (fix) {
      try {
        const canonical = canonicalText(JSON.parse(text));
        if (canonical !== text) await writeFile(file, (text = canonical));
      } catch {
        // invalid JSON is reported below
      }
    }
    problems.push(...checkTourText(file, text, basename(file, '.json')).filter((p) => warnings || p.severity === 'error'));
  }
  return problems;
}
