import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/bridge';
import { messageText } from './errors';

/** What the services need the clerk to know (a damaged file moved aside, a backup restored), in words, until dismissed. */
export function Notices(props: { notices: Notice[]; onDismiss(index: number): void }) {
  const { t } = useTranslation();
  if (props.notices.length === 0) return null;
  return (
    <div className="notices">
      {props.notices.map((notice, i) => (
        <div
          key={`${notice.key}-${i}`}
          className={`banner ${notice.severity === 'info' ? '' : notice.severity}`}
          role={notice.severity === 'error' ? 'alert' : 'status'}
        >
          <p>{messageText(t, notice)}</p>
          <button type="button" onClick={() => props.onDismiss(i)}>
            {t('ui.common.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
