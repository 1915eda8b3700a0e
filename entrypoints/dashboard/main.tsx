import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Dashboard } from '../../components/reports/Dashboard';
import '../../components/reports/reports.css';
import { useDashboard } from '../../extension/dashboard/use-dashboard';

function DashboardPage() {
  return <Dashboard {...useDashboard()} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardPage />
  </StrictMode>,
);
