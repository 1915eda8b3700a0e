import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PrefsPanelFor } from '../../components/PrefsPanel';
import { TourPicker } from '../../components/TourPicker';
import { AuthorToolsPanel } from '../../components/authoring/AuthorToolsPanel';
import { useAuthorTools } from '../../extension/authoring/tools/use-author-tools';
import '../../components/popup.css';
import { DEFAULT_PREFS } from '../../engine/prefs';
import { usePopupModel } from '../../extension/popup/use-popup-model';
import { tourLanguages } from '../../extension/prefs/languages';
import { usePrefs } from '../../extension/prefs/use-prefs';
import { TOURS } from '../../tours/catalogue';

const LANGUAGES = tourLanguages(TOURS);
// Opened from the toolbar (not as a page with ?tab=): the popup window takes the body's width.
if (!new URLSearchParams(location.search).has('tab')) document.documentElement.classList.add('as-popup');

function Popup() {
  const model = usePopupModel();
  const settings = usePrefs();
  const prefs = settings.prefs ?? DEFAULT_PREFS;
  const authorTools = useAuthorTools();
  return (
    <>
      <TourPicker
        {...model}
        lang={prefs.lang}
        onStart={model.start}
        onResume={model.resume}
        onStop={model.stop}
        onOpenDesk={model.openDesk}
        settings={<PrefsPanelFor model={settings} languages={LANGUAGES} />}
      />
      <AuthorToolsPanel {...authorTools} />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Popup />
  </StrictMode>,
);
