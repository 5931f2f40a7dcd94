import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../shared/county/roster';
import type { ReceivedFile } from '../../shared/county/workspace';

/**
 * Files whose unit name is not on the 名单 as written: a renamed unit, a typo, another way of
 * writing it. The closest names are offered first; any listed unit can be chosen, or none.
 */
export function PendingChoices(props: {
  pending: ReceivedFile[];
  roster: RosterEntry[];
  onAssign(fileId: string, unit: string): void;
}) {
  const { t } = useTranslation();
  return (
    <section className="county-pending" aria-label={t('county.ui.pending.title')}>
      <h2>{t('county.ui.pending.title')}</h2>
      <ul>
        {props.pending.map((f) => (
          <PendingItem key={f.id} file={f} roster={props.roster} onAssign={props.onAssign} />
        ))}
      </ul>
    </section>
  );
}

function PendingItem(props: {
  file: ReceivedFile;
  roster: RosterEntry[];
  onAssign(fileId: string, unit: string): void;
}) {
  const { t } = useTranslation();
  const { file } = props;
  const [other, setOther] = useState('');
  return (
    <li className="county-pending-item">
      <p>
        {t('county.ui.pending.question', {
          file: file.fileName,
          name: file.ownName || t('county.ui.pending.noName'),
        })}
      </p>
      <div className="county-pending-actions">
        {file.candidates.map((unit) => (
          <button key={unit} type="button" className="primary" onClick={() => props.onAssign(file.id, unit)}>
            {t('county.ui.pending.is', { unit })}
          </button>
        ))}
        <label>
          {t('county.ui.pending.other')}
          <select value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="">—</option>
            {props.roster.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={other === ''} onClick={() => props.onAssign(file.id, other)}>
          {t('county.ui.pending.choose')}
        </button>
        <button type="button" onClick={() => props.onAssign(file.id, '')}>
          {t('county.ui.pending.unlisted')}
        </button>
      </div>
    </li>
  );
}
