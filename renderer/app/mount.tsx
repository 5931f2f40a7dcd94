import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Settings } from '../../shared/bridge';
import { App } from './App';
import { createUiI18n } from './i18n';
import { applySettings, SettingsProvider } from './settings';

/** Draws the app in the clerk's language and text size into #root. */
export async function mount(settings: Settings): Promise<void> {
  const i18n = await createUiI18n(settings.language);
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
