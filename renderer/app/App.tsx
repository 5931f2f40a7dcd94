import { lazy, Suspense } from 'react';
import { HomePage } from '../home/HomePage';
import { WizardPage } from '../wizard/WizardPage';
import { PrintPage } from './PrintPage';
import { useRoute } from './route';

// The county's screens are a second app for another user; loaded on demand, they keep their code
// (and the draft reader's zod, which the county needs) out of the clerk's first render.
const CountyPage = lazy(() => import('../county/CountyPage').then((m) => ({ default: m.CountyPage })));
const CountyReportPage = lazy(() =>
  import('../county/CountyReportPage').then((m) => ({ default: m.CountyReportPage })),
);

export function App() {
  const route = useRoute();
  if (route.page === 'print') return <PrintPage id={route.id} size={route.size} final={route.final} />;
  if (route.page === 'county')
    return (
      <Suspense fallback={null}>
        <CountyPage year={route.year} unit={route.unit} />
      </Suspense>
    );
  if (route.page === 'county-report')
    return (
      <Suspense fallback={null}>
        <CountyReportPage year={route.year} />
      </Suspense>
    );
  if (route.page === 'wizard') return <WizardPage key={route.id} id={route.id} step={route.step} />;
  return <HomePage />;
}
