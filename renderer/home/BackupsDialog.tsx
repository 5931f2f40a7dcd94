import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, DraftSummary, OpenedDraft } from '../../shared/bridge';
import { ConfirmDialog, Dialog } from '../app/Dialog';
import { describeError } from '../app/errors';
import { formatMoment } from '../app/format';

/**
 * The saved versions of one report, newest first. A damaged file that was moved aside is listed
 * so the clerk knows it is kept, but it cannot be restored: it is what could not be read.
 */
export function BackupsDialog(props: {
  draft: DraftSummary;
  onClose(): void;
  onRestored(opened: OpenedDraft): void;
}) {
  const { t, i18n } = useTranslation();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [problem, setProblem] = useState('');
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const { draft } = props;
  useEffect(() => {
    window.nianbao.drafts
      .listBackups(draft.id)
      .then(setBackups)
      .catch((error: unknown) => setProblem(describeError(t, error)));
  }, [draft.id, t]);

  const restore = async (backup: BackupInfo) => {
    setConfirming(null);
    try {
      props.onRestored(await window.nianbao.drafts.restoreBackup(draft.id, backup.name));
    } catch (error) {
      setProblem(describeError(t, error));
    }
  };

  const when = (b: BackupInfo) => formatMoment(b.savedAt, i18n.language);
  return (
    <Dialog
      title={t('ui.backups.title', { unit: draft.unitName || t('ui.home.unnamed'), year: draft.year })}
      onClose={props.onClose}
      wide
    >
      <p className="dialog-text">{t('ui.backups.explain')}</p>
      {problem && (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
      {backups?.length === 0 && <p className="dialog-text">{t('ui.backups.none')}</p>}
      {backups && backups.length > 0 && (
        <ul className="plain-list backups">
          {backups.map((b) => (
            <li key={b.name} className="list-row">
              <div>
                <strong>{when(b)}</strong>
                <span className="muted"> · {t(`ui.backups.kind.${b.kind}`)}</span>
              </div>
              {b.kind === 'corrupt' ? (
                <span className="muted">{t('ui.backups.corrupt')}</span>
              ) : (
                <button type="button" onClick={() => setConfirming(b)}>
                  {t('ui.backups.restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t('ui.common.close')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('ui.backups.confirmTitle')}
          message={t('ui.backups.confirm', { when: when(confirming) })}
          confirm={t('ui.backups.restore')}
          cancel={t('ui.common.cancel')}
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </Dialog>
  );
}
