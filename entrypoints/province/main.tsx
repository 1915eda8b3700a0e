import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ProvinceView } from '../../components/province/ProvinceView';
import '../../components/page.css';
import { usePrefs } from '../../extension/prefs/use-prefs';

function Province() {
  usePrefs();
  return <ProvinceView />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Province />
  </StrictMode>,
);
