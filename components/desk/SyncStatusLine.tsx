import type { SyncStatus } from '../../extension/sync/controller';
import { statusLine } from '../../extension/sync/strings';

/** One line saying when the desk last synced with the province and how many sessions wait. */
export function SyncStatusLine({ status }: { status: SyncStatus | undefined }) {
  if (!status) return null;
  return (
    <p className="meta sync-status" role="status" data-state={status.state}>
      {statusLine(status)}
    </p>
  );
}
