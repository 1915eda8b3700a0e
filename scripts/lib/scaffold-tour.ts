import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DRAFT_MARKER } from '../../engine/pack/format';
import { canonicalText } from '../../engine/tour-check';
import { tourFiles } from './check-tours';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A failure the CLI prints as is and exits 1 on. */
export class ScaffoldError extends Error {}

/** The starting point of a new tour: valid, canonical, every text a draft to rewrite before it is packed. */
export function tourTemplate(id: string): unknown {
  const draft = (text: string) => `${DRAFT_MARKER} ${text}`;
  return {
    $schema: './tour.schema.json',
    schemaVersion: 1,
    id,
    title: { vi: draft('Tên việc người dân cần làm, như trên Cổng') },
    start: 'https://dichvucong.gov.vn/',
    sites: ['https://dichvucong.gov.vn/*'],
    steps: [
      {
        id: 'buoc-dau-tien',
        page: 'https://dichvucong.gov.vn/',
        target: [{ role: 'link', name: draft('chữ đúng như trên liên kết') }, { text: draft('chữ đúng như trên liên kết') }],
        say: { vi: draft('Bấm “…” (chữ đúng như trên màn hình). Một việc cho một bước.') },
        advance: 'click',
      },
    ],
  };
}

function tourIdOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { id?: unknown }).id;
  } catch {
    return undefined; // a broken file is tours:check's to report
  }
}

/** Writes `<folder>/<id>.json`; refuses a bad slug or an id already used by a file or a tour. */
export async function scaffoldTour(id: string, folder = 'tours'): Promise<string> {
  if (!SLUG.test(id) || id.length > 80) {
    throw new ScaffoldError(`"${id}" không dùng được làm mã tour: chỉ chữ thường a-z, số 0-9 và dấu gạch ngang đơn, ví dụ dvcqg-tra-cuu-ho-so. (The id must be a slug.)`);
  }
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
