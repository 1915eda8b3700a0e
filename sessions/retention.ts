import type { Session } from './schema';
import { DEFAULT_TIME_ZONE, formatDate, subtractMonths, type TimeZone } from './time';

/**
 * Retention: a session is purged once it started more than `months` calendar months before now
 * (Vietnam wall-clock, day clamped to the month's length: 12 months before 29 Feb 2024 is
 * 28 Feb 2023). The age of a session is its `startedAt`, so a report period is purged whole and
 * later corrections do not extend a record's life.
 */
export const DEFAULT_RETENTION_MONTHS = 12;

/** Sessions that started before this instant are purged. */
export function retentionCutoff(now: number, months: number = DEFAULT_RETENTION_MONTHS, timeZone: TimeZone = DEFAULT_TIME_ZONE): number {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`retention months must be a whole number ≥ 1, got ${months}`);
  return subtractMonths(now, months, timeZone);
}

export interface RetentionPartition<T> {
  keep: T[];
  purge: T[];
  cutoff: number;
}

export function partitionForRetention<T extends Pick<Session, 'startedAt'>>(
  sessions: Iterable<T>,
  now: number,
  months: number = DEFAULT_RETENTION_MONTHS,
  timeZone: TimeZone = DEFAULT_TIME_ZONE,
): RetentionPartition<T> {
  const cutoff = retentionCutoff(now, months, timeZone);
  const keep: T[] = [];
  const purge: T[] = [];
  for (const s of sessions) (s.startedAt < cutoff ? purge : keep).push(s);
  return { keep, purge, cutoff };
}

/** What the "purge old records" prompt says before offering to export them first. */
export function retentionNotice(purgeCount: number, cutoff: number, timeZone: TimeZone = DEFAULT_TIME_ZONE): { vi: string; en: string } {
  const date = formatDate(cutoff, timeZone);
  return purgeCount
    ? {
        vi: `Có ${purgeCount} phiên bắt đầu trước ngày ${date} đã quá thời hạn lưu và sẽ bị xóa. Nên xuất ra tệp trước khi xóa.`,
        en: `${purgeCount} session(s) started before ${date} are past the retention period and will be deleted. Export them first?`,
      }
    : { vi: `Không có phiên nào trước ngày ${date} cần xóa.`, en: `No sessions before ${date} to delete.` };
}
