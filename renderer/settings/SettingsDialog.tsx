import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/i18n-languages';
import { Dialog } from '../app/Dialog';
import { messageText } from '../app/errors';
import { useSettings } from '../app/settings';

const TEXT_SIZES = [100, 125, 150] as const;
const LINE_SPACINGS = [28, 29] as const;

/** Language, text size and the Word layout choices; each takes effect the moment it is chosen. */
export function SettingsDialog(props: { onClose(): void }) {
  const { t } = useTranslation();
  const { settings, update, problem } = useSettings();
  const [dataDir, setDataDir] = useState('');
  useEffect(() => {
    void window.nianbao.app.info().then((info) => setDataDir(info.dataDir));
  }, []);

  return (
    <Dialog title={t('ui.settings.title')} onClose={props.onClose}>
      <div className="settings">
        <fieldset>
          <legend>{t('ui.settings.language')}</legend>
          {LANGUAGES.map((language) => (
            <label key={language} className="choice">
              <input
                type="radio"
                name="language"
                checked={settings.language === language}
                onChange={() => void update({ language })}
              />
              {/* Each language names itself, so a clerk who switched by mistake can find the way back. */}
              <span lang={language}>{t(`ui.settings.languageName.${language}`, { lng: language })}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('ui.settings.textSize')}</legend>
          {TEXT_SIZES.map((size) => (
            <label key={size} className="choice">
              <input
                type="radio"
                name="textSize"
                checked={settings.textSize === size}
                onChange={() => void update({ textSize: size })}
              />
              {t(`ui.settings.textSizeName.${size}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('ui.settings.document')}</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={settings.boldHeadings}
              onChange={(e) => void update({ boldHeadings: e.target.checked })}
            />
            {t('ui.settings.boldHeadings')}
          </label>
          <p className="hint">{t('ui.settings.boldHeadingsHint')}</p>
          {LINE_SPACINGS.map((spacing) => (
            <label key={spacing} className="choice">
              <input
                type="radio"
                name="lineSpacing"
                checked={settings.lineSpacing === spacing}
                onChange={() => void update({ lineSpacing: spacing })}
              />
              {t('ui.settings.lineSpacing', { points: spacing })}
            </label>
          ))}
        </fieldset>
        {problem && (
          <p className="banner error" role="alert">
            {t('ui.settings.notSaved', { reason: messageText(t, problem) })}
          </p>
        )}
        {dataDir && (
          <p className="hint data-dir">
            {t('ui.settings.dataDir')} <code>{dataDir}</code>
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={props.onClose}>
          {t('ui.common.close')}
        </button>
      </div>
    </Dialog>
  );
}
