import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSummary, OpenedDraft } from '../../shared/bridge';
import { Dialog } from '../app/Dialog';
import { describeError } from '../app/errors';
import { formatMoment } from '../app/format';

/** 回收站: deleted reports, each one click from coming back. */
export function TrashDialog(props: { onClose(): void; onRestored(opened: OpenedDraft): void }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<DraftSummary[] | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    window.nianbao.drafts
      .listTrash()
      .then(setItems)
      .catch((error: unknown) => setProblem(describeError(t, error)));
  }, [t]);

  const restore = async (id: string) => {
    try {
      props.onRestored(await window.nianbao.drafts.restoreFromTrash(id));
    } catch (error) {
      setProblem(describeError(t, error));
    }
  };

  return (
    <Dialog title={t('ui.trash.title')} onClose={props.onClose} wide>
      {problem && (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
      {items?.length === 0 && <p className="dialog-text">{t('ui.trash.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="plain-list">
          {items.map((d) => (
            <li key={d.id} className="list-row">
              <div>
                <strong>{d.unitName || t('ui.home.unnamed')}</strong>
                <span className="muted">
                  {' '}
                  {t('ui.home.yearLabel', { year: d.year })} · {formatMoment(d.updatedAt, i18n.language)}
                </span>
              </div>
              <button type="button" onClick={() => void restore(d.id)}>
                {t('ui.trash.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t('ui.common.close')}
        </button>
      </div>
    </Dialog>
  );
}
