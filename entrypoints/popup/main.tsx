import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TourPicker } from '../../components/TourPicker';
import '../../components/popup.css';
import { usePopupModel } from '../../extension/popup/use-popup-model';

function Popup() {
  const model = usePopupModel();
  return <TourPicker {...model} onStart={model.start} onResume={model.resume} onStop={model.stop} onOpenDesk={model.openDesk} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Popup />
  </StrictMode>,
);
