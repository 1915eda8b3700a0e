import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DeskConsole } from '../../components/desk/DeskConsole';
import '../../components/desk/desk.css';
import { useDeskModel } from '../../extension/desk/use-desk-model';
import { TOURS } from '../../tours/catalogue';

function Desk() {
  const model = useDeskModel();
  return <DeskConsole model={model} tours={TOURS} onPrint={() => window.print()} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Desk />
  </StrictMode>,
);
