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
  // The minifier writes a string literal in backticks or in double quotes: the anchor may be either.
  const styles = [(s: string) => `\`${s}\``, (s: string) => JSON.stringify(s)];
  const replace = (anchor: (q: (s: string) => string) => string, replacement: (q: (s: string) => string) => string) => {
    for (const q of styles) {
      const at = code.indexOf(anchor(q));
      if (at < 0) continue;
      if (code.indexOf(anchor(q), at + 1) >= 0) break;
      code = code.replace(anchor(q), () => replacement(q));
      return;
    }
    throw new Error(`anchor not found exactly once in ${name}: ${anchor(styles[0]).slice(0, 80)}`);
  };
  const [first, second] = tour.steps;
  replace((q) => `summary:{vi:${q(tour.summary.vi)}`, () => `summary:{vi:${JSON.stringify(text.summary)}`);
  replace((q) => `title:{vi:${q(first.title!.vi)}`, () => `title:{vi:${JSON.stringify(text.stepTitle)}`);
  replace((q) => `say:{vi:${q(first.say.vi)}`, () => `say:{vi:${JSON.stringify(text.stepSay)}`);
  replace((q) => `say:{vi:${q(second.say.vi)}`, () => `say:{vi:${JSON.stringify(text.secondSay)}`);
  replace(
    (q) => `advance:${q('input')}},{id:${q(second.id)}`,
    (q) => `advance:${q('input')},errors:[{target:{role:${q('alert')}}}]},{id:${q(second.id)}`,
  );
  await writeFile(join(chunks, name), code);
  return dir;
}
