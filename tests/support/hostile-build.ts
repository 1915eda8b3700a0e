import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './browser';

/**
 * A test-only copy of the shipped Chrome build whose "Tìm thủ tục" tour carries hostile text, so
 * the payloads travel the real path: bundled catalogue → background → snapshot → the real content
 * script → the real overlay. Only the tour data in the catalogue chunk is changed; the code is the
 * shipped code. Each replacement must find its anchor, so a changed build fails loudly here.
 *
 * The strings must pass the tour schema (it rejects "<tag"), because the catalogue parses every tour
 * at start-up; payloads with real tags travel the page-text path instead (an `alert` watch whose
 * text comes from the page), added to the first step here.
 */
export interface HostileTour {
  summary: string;
  stepTitle: string;
  stepSay: string;
  secondSay: string;
}

const SOURCE = 'tours/dvcqg-tim-thu-tuc.json';

export async function buildWithHostileTour(text: HostileTour): Promise<string> {
  const tour = JSON.parse(await readFile(SOURCE, 'utf8')) as {
    summary: { vi: string };
    steps: Array<{ id: string; title?: { vi: string }; say: { vi: string } }>;
  };
  const dir = await mkdtemp(join(tmpdir(), 'danbuoc-hostile-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const chunks = join(dir, 'chunks');
  const name = (await readdir(chunks)).find((file) => file.startsWith('catalogue-'));
  if (!name) throw new Error('no catalogue chunk in the build');
  let code = await readFile(join(chunks, name), 'utf8');
  const literal = (s: string) => `\`${s}\``;
  const replace = (anchor: string, replacement: string) => {
    const at = code.indexOf(anchor);
    if (at < 0 || code.indexOf(anchor, at + 1) >= 0) throw new Error(`anchor not found exactly once in ${name}: ${anchor.slice(0, 80)}`);
    code = code.replace(anchor, () => replacement);
  };
  const [first, second] = tour.steps;
  replace(`summary:{vi:${literal(tour.summary.vi)}`, `summary:{vi:${JSON.stringify(text.summary)}`);
  replace(`title:{vi:${literal(first.title!.vi)}`, `title:{vi:${JSON.stringify(text.stepTitle)}`);
  replace(`say:{vi:${literal(first.say.vi)}`, `say:{vi:${JSON.stringify(text.stepSay)}`);
  replace(`say:{vi:${literal(second.say.vi)}`, `say:{vi:${JSON.stringify(text.secondSay)}`);
  replace(`advance:\`input\`},{id:\`${second.id}\``, `advance:\`input\`,errors:[{target:{role:\`alert\`}}]},{id:\`${second.id}\``);
  await writeFile(join(chunks, name), code);
  return dir;
}
