import { useCallback, useState } from 'react';
import { MAX_BACKUP_BYTES, type Message, type StorageAdapter } from '../../sessions';
import { withdrawConsent } from '../desk/session-store';
import { notifySessionsChanged } from '../sessions-db/changes';
import { applyImport, eraseEverything, expiredSessions, purge, saveRetention, SETTINGS_DAMAGED, type ImportCounts, type ImportPlan, type LocalRecords } from './actions';
import { beforeSuffix, downloadBackup, type ExportMeta } from './exports';
import type { AskRecords } from './use-records';

/** The import panel: nothing yet, a rejected file, a preview waiting for "Nhập", or the outcome. */
export type ImportState =
  | { stage: 'idle' }
  | { stage: 'reading' }
  | { stage: 'planned'; plan: ImportPlan }
  | { stage: 'done'; counts: ImportCounts }
  | { stage: 'cancelled' }
  | { stage: 'failed'; error: Message };

/** The outcome of the last write from a panel, shown next to it. */
export type Outcome = { ok: true; text: string } | { ok: false; error: Message } | null;

const tooLarge = (): Message => ({
  vi: `Tệp quá lớn (giới hạn ${MAX_BACKUP_BYTES / 1024 / 1024} MB). Hãy xuất theo từng khoảng thời gian.`,
  en: `File too large (limit ${MAX_BACKUP_BYTES / 1024 / 1024} MB). Export smaller date ranges.`,
});

export interface ActionDeps {
  storage: () => Promise<StorageAdapter>;
  reload: () => Promise<void>;
  /** The records worker: import previews and withdrawal codes are judged against the records it holds. */
  ask: AskRecords;
  /** What an import is judged against; `settingsDamaged` refuses every import. */
  local: Omit<LocalRecords, 'sessions'> & { settingsDamaged: boolean };
  exportMeta: () => ExportMeta;
  text: { purged(n: number): string; retentionSaved: string; deleteAllDone: string; withdrawDone(n: number): string; withdrawNotFound: Message };
}

/** Every write the dashboard makes: awaited, announced to other pages, then read back. */
export function useActions({ storage, reload, ask, local, exportMeta, text }: ActionDeps) {
  const [importState, setImportState] = useState<ImportState>({ stage: 'idle' });
  const [retentionOutcome, setRetentionOutcome] = useState<Outcome>(null);
  const [deleteOutcome, setDeleteOutcome] = useState<Outcome>(null);
  const [withdrawOutcome, setWithdrawOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  /** Runs one action at a time; an unexpected failure (storage gone, a bug) is shown, not swallowed. */
  const run = useCallback(async (work: () => Promise<void>, fail: (error: Message) => void) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      fail({ vi: 'Có lỗi không mong đợi; dữ liệu không thay đổi.', en: `Unexpected error: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  }, []);
  const failImport = useCallback((error: Message) => setImportState({ stage: 'failed', error }), []);
  const failRetention = useCallback((error: Message) => setRetentionOutcome({ ok: false, error }), []);
  const failDelete = useCallback((error: Message) => setDeleteOutcome({ ok: false, error }), []);
  const failWithdraw = useCallback((error: Message) => setWithdrawOutcome({ ok: false, error }), []);

  const chooseFile = useCallback(
    (file: File) =>
      run(async () => {
        setImportState({ stage: 'reading' });
        if (file.size > MAX_BACKUP_BYTES) {
          setImportState({ stage: 'planned', plan: { ok: false, fileName: file.name, error: tooLarge() } });
          return;
        }
        const content = await file.text().catch(() => null);
        const plan: ImportPlan =
          content === null
            ? { ok: false, fileName: file.name, error: { vi: 'Không đọc được tệp.', en: 'The file could not be read.' } }
            : local.settingsDamaged
              ? { ok: false, fileName: file.name, error: SETTINGS_DAMAGED }
              : await ask({ kind: 'plan', fileName: file.name, content, settings: local.settings, withdrawn: [...local.withdrawn], now: Date.now() });
        setImportState({ stage: 'planned', plan });
      }, failImport),
    [run, ask, local, failImport],
  );

  const confirmImport = useCallback(
    (plan: Extract<ImportPlan, { ok: true }>) =>
      run(async () => {
        const result = await applyImport(await storage(), plan, Date.now());
        if (!result.ok) {
          setImportState({ stage: 'failed', error: result.error });
          return;
        }
        notifySessionsChanged();
        await reload();
        setImportState({ stage: 'done', counts: result.counts ?? plan.counts });
      }, failImport),
    [run, storage, reload, failImport],
  );

  const cancelImport = useCallback(() => setImportState({ stage: 'cancelled' }), []);

  const purgeExpired = useCallback(
    (months: number, exportFirst: boolean) =>
      run(async () => {
        const adapter = await storage();
        const meta = exportMeta();
        const { purge: expired, cutoff } = await expiredSessions(adapter, meta.now, months);
        if (!expired.length) return;
        // The backup holds exactly the records about to be deleted, and is saved before they are.
        if (exportFirst) downloadBackup(expired, meta, beforeSuffix(cutoff));
        const result = await purge(adapter, expired);
        setRetentionOutcome(result.ok ? { ok: true, text: text.purged(expired.length) } : result);
        if (result.ok) notifySessionsChanged();
        await reload();
      }, failRetention),
    [run, storage, exportMeta, reload, text, failRetention],
  );

  const changeRetention = useCallback(
    (months: number) =>
      run(async () => {
        const result = await saveRetention(await storage(), months);
        setRetentionOutcome(result.ok ? { ok: true, text: text.retentionSaved } : result);
        if (result.ok) notifySessionsChanged();
        await reload();
      }, failRetention),
    [run, storage, reload, text, failRetention],
  );

  const deleteAll = useCallback(
    () =>
      run(async () => {
        const result = await eraseEverything(await storage());
        setDeleteOutcome(result.ok ? { ok: true, text: text.deleteAllDone } : result);
        setImportState({ stage: 'idle' });
        if (result.ok) notifySessionsChanged();
        await reload();
      }, failDelete),
    [run, storage, reload, text, failDelete],
  );

  /** Withdrawal of consent by the code the citizen was given: the record (and any tied to it) is deleted. */
  const withdraw = useCallback(
    (code: string) =>
      run(async () => {
        const [match, ...others] = await ask({ kind: 'withdrawal', code });
        if (!match || others.length) {
          setWithdrawOutcome({ ok: false, error: text.withdrawNotFound });
          return;
        }
        const result = await withdrawConsent(await storage(), match, Date.now());
        setWithdrawOutcome(result.ok ? { ok: true, text: text.withdrawDone(result.value) } : result);
        await reload();
      }, failWithdraw),
    [run, ask, storage, reload, text, failWithdraw],
  );

  return {
    busy,
    importState,
    chooseFile,
    confirmImport,
    cancelImport,
    retentionOutcome,
    purgeExpired,
    changeRetention,
    deleteOutcome,
    deleteAll,
    withdrawOutcome,
    withdraw,
  };
}
