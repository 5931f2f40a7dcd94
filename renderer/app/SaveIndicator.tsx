import { useTranslation } from 'react-i18next';
import type { UserMessage } from '../../shared/bridge';
import type { SaveState } from './draft-session';
import { messageText } from './errors';

/**
 * A quiet word about the autosave: 已保存, 正在保存, or 保存失败 with the reason and a way to try
 * again. The services name a refused property by its path in the draft (issuedOn); `inWords`
 * names it as the clerk knows it (成文日期), in the language shown at the time it is read.
 */
export function SaveIndicator(props: {
  state: SaveState;
  onRetry(): void;
  inWords?: (reason: UserMessage) => UserMessage;
}) {
  const { t } = useTranslation();
  const { state } = props;
  if (state.kind === 'failed' || state.kind === 'partial')
    return (
      <div className="save-state failed" role="alert">
        <span>
          {t(state.kind === 'failed' ? 'ui.save.failed' : 'ui.save.partial', {
            reason: messageText(t, props.inWords ? props.inWords(state.reason) : state.reason),
          })}
        </span>
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
