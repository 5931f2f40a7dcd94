import { HomePage } from '../home/HomePage';
import { WizardPage } from '../wizard/WizardPage';
import { PrintPage } from './PrintPage';
import { useRoute } from './route';

export function App() {
  const route = useRoute();
  if (route.page === 'print') return <PrintPage id={route.id} size={route.size} final={route.final} />;
  if (route.page === 'wizard') return <WizardPage key={route.id} id={route.id} step={route.step} />;
  return <HomePage />;
}
