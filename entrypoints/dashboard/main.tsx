import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { usePrefs } from '../../extension/prefs/use-prefs';
import { Dashboard } from '../../components/reports/Dashboard';
import '../../components/reports/reports.css';
import { useDashboard } from '../../extension/dashboard/use-dashboard';

function DashboardPage() {
  // Text size and contrast follow the citizen's saved choice on every extension page.
  usePrefs();
  return <Dashboard {...useDashboard()} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardPage />
  </StrictMode>,
);
