import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { usePrefs } from '../../extension/prefs/use-prefs';
import { DeskConsole } from '../../components/desk/DeskConsole';
import '../../components/desk/desk.css';
import { useDeskModel } from '../../extension/desk/use-desk-model';
import { useDeskSync } from '../../extension/sync/use-desk-sync';
import { TOURS } from '../../tours/catalogue';
import { useTourList } from '../../extension/tour-source/use-tour-list';

function Desk() {
  // Text size and contrast follow the citizen's saved choice on every extension page.
  usePrefs();
  const model = useDeskModel();
  const sync = useDeskSync();
  const tours = useTourList(TOURS);
  return <DeskConsole model={model} tours={tours} onPrint={() => window.print()} sync={sync} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Desk />
  </StrictMode>,
);
