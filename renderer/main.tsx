import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../shared/i18n';
import { App } from './app/App';
import { prefetch } from './app/prefetch';
import { parseRoute } from './app/route';
import { applySettings, SettingsProvider } from './app/settings';
import { installWebBridge } from './bridge-web';
import './styles/base.css';
import './styles/layout.css';
import './styles/wizard.css';

async function start() {
  installWebBridge();
  const route = parseRoute(location.hash);
  if (route.page === 'wizard') prefetch(`draft:${route.id}`, () => window.nianbao.drafts.open(route.id));
  if (route.page === 'home') prefetch('drafts', () => window.nianbao.drafts.list());
  const settings = await window.nianbao.settings.get();
  const i18n = createI18n(settings.language);
  applySettings(settings, i18n);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SettingsProvider initial={settings} i18n={i18n}>
          <App />
        </SettingsProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
