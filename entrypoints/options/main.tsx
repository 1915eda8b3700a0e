import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrokenStepReports } from '../../components/BrokenStepReports';
import { AuthorModeSection } from '../../components/authoring/AuthorModeSection';
import { useAuthorMode } from '../../extension/authoring/use-author-mode';
import { downloadJson } from '../../components/download';
import { PackSettings } from '../../components/packs/PackSettings';
import { PrefsPanelFor } from '../../components/PrefsPanel';
import '../../components/page.css';
import { DASHBOARD_TEXT } from '../../extension/dashboard/strings';
import { OPTIONS_TEXT as T } from '../../extension/options/strings';
import { useReports } from '../../extension/options/use-reports';
import { tourLanguages } from '../../extension/prefs/languages';
import { usePrefs } from '../../extension/prefs/use-prefs';
import { findTour, TOURS } from '../../tours/catalogue';

const LANGUAGES = tourLanguages(TOURS);

function Options() {
  const { reports, clear } = useReports();
  const settings = usePrefs();
  return (
    <main className="page" lang="vi">
      <p>
        <a href="/dashboard.html" target="_blank" rel="noopener">
          {DASHBOARD_TEXT.linkFromOptions}
        </a>
      </p>
      <p><a href="/editor.html" target="_blank" rel="noopener">Soạn hướng dẫn (khi đã bật “Chế độ soạn hướng dẫn”)</a></p>
      <h1>{T.title}</h1>
      <AuthorModeSection {...useAuthorMode()} />
      {settings.prefs && (
        <div lang={settings.prefs.lang}>
          <PrefsPanelFor model={settings} languages={LANGUAGES} />
        </div>
      )}
      <PackSettings />
      <BrokenStepReports
        reports={reports}
        tourTitle={(id) => findTour(id)?.title.vi ?? id}
        onClear={() => window.confirm(T.confirmClear) && clear()}
        onDownload={(items) => downloadJson('dan-buoc-bao-cao-buoc-hong.json', { format: 'dan-buoc-broken-steps', version: 1, items })}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
