import { useTranslation } from 'react-i18next';
import type { Unfinished } from './unfinished';

/**
 * The entries the draft does not hold because they were refused, each a way back to its field.
 * Shown wherever the app would otherwise speak for the whole report (the export step, the checks):
 * "no problems" about the saved figures must not read as "nothing left to do".
 */
export function UnfinishedBanner(props: {
  entries: readonly Unfinished[];
  onShow(entry: Unfinished): void;
  className: string;
}) {
  const { t } = useTranslation();
  if (props.entries.length === 0) return null;
  return (
    <div className={`banner error unfinished-banner ${props.className}`} role="alert">
      <p>{t('ui.unfinished.list', { count: props.entries.length })}</p>
      <ul>
        {props.entries.map((entry) => (
          <li key={entry.key}>
            <button type="button" className="link" onClick={() => props.onShow(entry)}>
              {t('ui.unfinished.item', { name: entry.name, text: entry.text })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
