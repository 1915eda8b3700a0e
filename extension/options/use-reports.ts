import { useCallback, useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import type { ReportList } from '../background/report-store';
import type { OptionsToBackground } from '../messages';

export function useReports() {
  const [reports, setReports] = useState<ReportList | null>(null);
  const ask = useCallback(async (message: OptionsToBackground) => {
    setReports((await browser.runtime.sendMessage(message)) as ReportList);
  }, []);
  useEffect(() => void ask({ kind: 'options:reports' }), [ask]);
  return { reports, clear: () => void ask({ kind: 'options:clear-reports' }) };
}
