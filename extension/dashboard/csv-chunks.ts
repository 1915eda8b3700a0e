import { sessionLogCsvLines, type ExportOptions, type Session } from '../../sessions';

/**
 * The session log CSV built a slice of sessions at a time, letting the page paint between slices
 * and saying how far it got: the same text as `sessionLogCsv` (header and BOM once), as the parts
 * of a Blob, one per slice. The formula guard is the domain's (sessions/csv.ts), applied to every
 * cell.
 */
export const CSV_SLICE = 5_000;

export async function sessionLogCsvParts(
  sessions: readonly Session[],
  options: ExportOptions,
  progress: (fraction: number) => void,
  pause: () => Promise<void>,
): Promise<string[]> {
  const parts: string[] = [];
  for (let start = 0; start === 0 || start < sessions.length; start += CSV_SLICE) {
    const lines = sessionLogCsvLines(sessions.slice(start, start + CSV_SLICE), { ...options, bom: start === 0 });
    // Every slice starts with the header line: keep the first one only. One string per slice: a
    // Blob of ~170,000 small parts costs far more to build (and to collect) than one of twenty.
    parts.push((start === 0 ? lines : lines.slice(1)).join(''));
    progress(Math.min(1, (start + CSV_SLICE) / Math.max(1, sessions.length)));
    await pause();
  }
  return parts;
}
