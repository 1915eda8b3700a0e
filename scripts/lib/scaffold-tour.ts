import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalText } from '../../engine/tour-check';
import { tourIdProblem, tourTemplate } from '../../engine/tour-template';
import { tourFiles } from './check-tours';
import { isAllowedOrigin } from '../../engine/sites';

/** A failure the CLI prints as is and exits 1 on. */
export class ScaffoldError extends Error {}

function tourIdOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { id?: unknown }).id;
  } catch {
    return undefined; // a broken file is tours:check's to report
  }
}

/**
 * Writes `<folder>/<id>.json`; refuses a bad slug or an id already used by a file or a tour. With
 * `start`, the tour begins on that page of its own site instead of the national portal's home.
 */
export async function scaffoldTour(id: string, folder = 'tours', options: { start?: string } = {}): Promise<string> {
  const problem = tourIdProblem(id);
  if (problem) throw new ScaffoldError(problem);
  const tour = tourTemplate(id);
  if (options.start) startOn(tour, options.start);
  const file = join(folder, `${id}.json`);
  await mkdir(folder, { recursive: true });
  const taken = new ScaffoldError(`Đã có tour "${id}" trong ${folder}/. (A tour with this id exists.)`);
  if (existsSync(file)) throw taken;
  for (const other of await tourFiles(folder)) {
    const text = await readFile(other, 'utf8');
    if (text.includes(`"${id}"`) && tourIdOf(text) === id) throw taken;
  }
  await writeFile(file, canonicalText(tour));
  return file;
}

function startOn(tour: Record<string, unknown>, start: string): void {
  let url: URL;
  try {
    url = new URL(start);
  } catch {
    throw new ScaffoldError(`"${start}" không phải một địa chỉ trang. Ví dụ: --start https://dichvucong.gov.vn/ (Not a page address.)`);
  }
  if (url.protocol !== 'https:' || !isAllowedOrigin(url.origin)) {
    throw new ScaffoldError(`${url.origin} không có trong danh sách trang được phép (engine/sites.ts). (Origin not on the allow-list.)`);
  }
  tour.start = url.href;
  tour.sites = [`${url.origin}/*`];
  const [first] = tour.steps as Array<Record<string, unknown>>;
  first.page = url.href;
}
