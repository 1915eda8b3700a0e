import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalText } from '../../engine/tour-check';
import { tourIdProblem, tourTemplate } from '../../engine/tour-template';
import { tourFiles } from './check-tours';

/** A failure the CLI prints as is and exits 1 on. */
export class ScaffoldError extends Error {}

function tourIdOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { id?: unknown }).id;
  } catch {
    return undefined; // a broken file is tours:check's to report
  }
}

/** Writes `<folder>/<id>.json`; refuses a bad slug or an id already used by a file or a tour. */
export async function scaffoldTour(id: string, folder = 'tours'): Promise<string> {
  const problem = tourIdProblem(id);
  if (problem) throw new ScaffoldError(problem);
  const file = join(folder, `${id}.json`);
  await mkdir(folder, { recursive: true });
  const taken = new ScaffoldError(`Đã có tour "${id}" trong ${folder}/. (A tour with this id exists.)`);
  if (existsSync(file)) throw taken;
  for (const other of await tourFiles(folder)) {
    const text = await readFile(other, 'utf8');
    if (text.includes(`"${id}"`) && tourIdOf(text) === id) throw taken;
  }
  await writeFile(file, canonicalText(tourTemplate(id)));
  return file;
}
