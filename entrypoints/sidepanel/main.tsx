import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { usePrefs } from '../../extension/prefs/use-prefs';
import { DeskConsole } from '../../components/desk/DeskConsole';
import '../../components/desk/desk.css';
import { useDeskModel } from '../../extension/desk/use-desk-model';
import { TOURS } from '../../tours/catalogue';

function Desk() {
  // Text size and contrast follow the citizen's saved choice on every extension page.
  usePrefs();
  const model = useDeskModel();
  return <DeskConsole model={model} tours={TOURS} onPrint={() => window.print()} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Desk />
  </StrictMode>,
);
