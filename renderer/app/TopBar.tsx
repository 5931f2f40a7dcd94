import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsDialog } from '../settings/SettingsDialog';
import { navigate } from './route';

/** The bar across the top: the way home, what is open, and the settings. */
export function TopBar(props: { children?: ReactNode; onHome?: () => void }) {
  const { t } = useTranslation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <header className="topbar">
      <button type="button" className="brand" onClick={props.onHome ?? (() => navigate({ page: 'home' }))}>
        <span aria-hidden="true" className="brand-mark">
          年
        </span>
        {t('ui.app.name')}
      </button>
      <div className="topbar-context">{props.children}</div>
      <button type="button" onClick={() => setSettingsOpen(true)}>
        {t('ui.settings.open')}
      </button>
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </header>
  );
}
