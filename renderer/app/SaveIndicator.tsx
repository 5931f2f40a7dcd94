import { useTranslation } from 'react-i18next';
import type { SaveState } from './draft-session';
import { messageText } from './errors';

/** A quiet word about the autosave: 已保存, 正在保存, or 保存失败 with the reason and a way to try again. */
export function SaveIndicator(props: { state: SaveState; onRetry(): void }) {
  const { t } = useTranslation();
  const { state } = props;
  if (state.kind === 'failed')
    return (
      <div className="save-state failed" role="alert">
        <span>{t('ui.save.failed', { reason: messageText(t, state.reason) })}</span>
        <button type="button" onClick={props.onRetry}>
          {t('ui.save.retry')}
        </button>
      </div>
    );
  return (
    <div className={`save-state ${state.kind}`} role="status" data-save-state={state.kind}>
      {state.kind === 'saved' ? t('ui.save.saved') : t('ui.save.saving')}
    </div>
  );
}
