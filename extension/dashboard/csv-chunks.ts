import { sessionLogCsvWriter, type ExportOptions, type Session } from '../../sessions';

/**
 * The session log CSV built a slice of sessions at a time, letting the page paint between slices
 * and saying how far it got: the bytes of `sessionLogCsv` as UTF-8 (header and BOM once), as the
 * parts of a Blob (a few buffers of 1 MiB, written by sessions/csv-bytes.ts: no string per line,
 * no text to encode at the end). The formula guard is the domain's (sessions/csv.ts), applied to
 * every cell.
 */
export const CSV_SLICE = 5_000;

export async function sessionLogCsvParts(
  sessions: readonly Session[],
  options: ExportOptions,
  progress: (fraction: number) => void,
  pause: () => Promise<void>,
): Promise<Uint8Array<ArrayBuffer>[]> {
  const writer = sessionLogCsvWriter(options);
  writer.header();
  for (let start = 0; start === 0 || start < sessions.length; start += CSV_SLICE) {
    writer.sessions(sessions.slice(start, start + CSV_SLICE));
    progress(Math.min(1, (start + CSV_SLICE) / Math.max(1, sessions.length)));
    await pause();
  }
  return writer.take();
}
