import { useTranslation } from 'react-i18next';
import './checks.css';

export interface CheckStatusProps {
  /** Open errors (they keep the report a 草稿). */
  errors: number;
  /** Open warnings (not yet accepted). */
  warnings: number;
  /** Entries refused at their field on this machine: not in the draft, so no check counted them. */
  unsaved?: number;
}

/** A small badge for the drafts list: refused entries, n errors, n warnings, or all clear; a mark and words, not colour alone. */
export function CheckStatus({ errors, warnings, unsaved = 0 }: CheckStatusProps) {
  const { t } = useTranslation();
  const label = t('sheet.status.label', { errors, warnings });
  if (errors === 0 && warnings === 0 && unsaved === 0)
    return (
      <span className="check-status is-ok" title={label}>
        <span aria-hidden="true">✓ </span>
        {t('sheet.status.ok')}
      </span>
    );
  return (
    <span className="check-status" title={label}>
      {unsaved > 0 && (
        <span className="check-status-part is-error">
          <span aria-hidden="true">✕ </span>
          {t('sheet.status.unsaved', { count: unsaved })}
        </span>
      )}
      {errors > 0 && (
        <span className="check-status-part is-error">
          <span aria-hidden="true">✕ </span>
          {t('sheet.status.errors', { count: errors })}
        </span>
      )}
      {warnings > 0 && (
        <span className="check-status-part is-warning">
          <span aria-hidden="true">! </span>
          {t('sheet.status.warnings', { count: warnings })}
        </span>
      )}
    </span>
  );
}
