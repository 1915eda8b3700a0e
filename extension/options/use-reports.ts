import { useCallback, useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import type { ReportList } from '../background/report-store';
import type { OptionsToBackground } from '../messages';

export function useReports() {
  const [reports, setReports] = useState<ReportList | null>(null);
  const ask = useCallback(async (message: OptionsToBackground) => {
    const list = (await browser.runtime.sendMessage(message)) as ReportList;
    // The technical detail is for whoever opens the console; the page says it in Vietnamese.
    if (!list.ok) console.error(`[Dẫn Bước] stored broken-step reports are corrupt: ${list.error}`);
    setReports(list);
  }, []);
  useEffect(() => void ask({ kind: 'options:reports' }), [ask]);
  return { reports, clear: () => void ask({ kind: 'options:clear-reports' }) };
}
