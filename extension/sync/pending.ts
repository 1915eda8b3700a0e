import { SESSION_DOC_PREFIX } from '../../sessions';
import type { PouchDb } from './pouch-types';

/** The filter in the province's design document (server/couchdb/filters/for-desk.js). */
export const DESK_FILTER_NAME = 'dan-buoc/for-desk';
const PUSHED_DOC = '_local/dan-buoc-pushed';

/**
 * Sessions of this desk changed in the mirror since the last successful push (deletions included).
 * Withdrawal tombstones are not counted: the status line counts "phiên".
 */
export async function deskPushCount(mirror: PouchDb, deskId: string): Promise<number> {
  let since: number | string;
  try {
    since = (await mirror.get(PUSHED_DOC)).seq as number | string;
  } catch {
    since = 0;
  }
  const { results } = await mirror.changes({ since });
  const ids = results.filter((r) => r.id.startsWith(SESSION_DOC_PREFIX)).map((r) => r.id);
  if (!ids.length) return 0;
  const { rows } = await mirror.allDocs({ include_docs: true, startkey: SESSION_DOC_PREFIX, endkey: `${SESSION_DOC_PREFIX}\uffff` });
  const own = new Set(rows.filter((r) => r.doc?.deskId === deskId).map((r) => r.id));
  // A deleted copy no longer lists in allDocs: it counts when it is not someone else's live record.
  const others = new Set(rows.filter((r) => r.doc?.deskId !== deskId).map((r) => r.id));
  return new Set(ids.filter((id) => own.has(id) || (!others.has(id) && results.some((r) => r.id === id && r.deleted)))).size;
}
