import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImeInput } from '../app/ime';
import { useSettings } from '../app/settings';
import { STANDARD_PHRASES, type PhraseKind } from '../../shared/report/phrases';

/**
 * 常用语: standard sentences for 工作措施, 存在问题 and 改进措施, one click to insert, and the clerk's
 * own sentences kept in the settings so they are there next year too.
 */
export function PhraseLibrary(props: { kind: PhraseKind; onInsert(phrase: string): void }) {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const [open, setOpen] = useState(false);
  const [draftPhrase, setDraftPhrase] = useState('');
  const panelId = useId();
  const own = settings.phrases[props.kind];

  const saveOwn = () => {
    const phrase = draftPhrase.trim();
    if (!phrase || own.includes(phrase)) return;
    void update({ phrases: { ...settings.phrases, [props.kind]: [...own, phrase] } });
    setDraftPhrase('');
  };
  const removeOwn = (phrase: string) =>
    void update({ phrases: { ...settings.phrases, [props.kind]: own.filter((p) => p !== phrase) } });

  const row = (phrase: string, mine: boolean) => (
    <li key={`${mine ? 'own' : 'std'}-${phrase}`} className="phrase">
      <button
        type="button"
        onClick={() => props.onInsert(phrase)}
        aria-label={t('ui.phrases.insertThis', { phrase })}
      >
        {t('ui.phrases.insert')}
      </button>
      <span className="phrase-text">{phrase}</span>
      {mine && (
        <button type="button" className="link" onClick={() => removeOwn(phrase)}>
          {t('ui.phrases.remove')}
        </button>
      )}
    </li>
  );

  return (
    <div className="phrases">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {open ? t('ui.phrases.hide') : t(`ui.phrases.show.${props.kind}`)}
      </button>
      {open && (
        <div id={panelId} className="phrase-panel">
          <ul className="plain-list">
            {STANDARD_PHRASES[props.kind].map((p) => row(p, false))}
            {own.map((p) => row(p, true))}
          </ul>
          <div className="phrase-add">
            <ImeInput
              value={draftPhrase}
              onCommit={setDraftPhrase}
              aria-label={t('ui.phrases.addLabel')}
              placeholder={t('ui.phrases.addPlaceholder')}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) saveOwn();
              }}
            />
            <button type="button" onClick={saveOwn} disabled={draftPhrase.trim() === ''}>
              {t('ui.phrases.add')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
