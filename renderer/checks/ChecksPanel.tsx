import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/report/checks/finding';
import { ISSUED_ON, UNIT_NAME } from '../../shared/report/checks/locate';
import { findingPlace } from '../../shared/report/checks/place';
import type { TemplateDef } from '../../shared/report/template';
import './checks.css';

export interface ChecksPanelProps {
  template: TemplateDef;
  /** runChecks(template, draft): errors first, then in print order; acknowledged warnings are marked. */
  findings: Finding[];
  /** The clerk chose a finding (click or Enter): go to its cell or paragraph. */
  onJump(f: Finding): void;
  /**
   * The clerk accepted a warning after checking it (its id goes into draft.acknowledged). Absent
   * where the report is someone else's to answer for (the county reading a unit's report): no
   * 确认无误 button then.
   */
  onAcknowledge?(id: string): void;
  /** The draft's variant, so places are named with its section headings; the template's first variant when absent. */
  variant?: string;
  /**
   * How many entries the clerk typed were refused and are not in the draft: the findings speak
   * only for what is saved, so the panel then claims no all-clear.
   */
  unsaved?: number;
}

/** Open errors, then open warnings, then accepted warnings; the engine's order within each. */
export function orderFindings(findings: readonly Finding[]): { open: Finding[]; accepted: Finding[] } {
  const open = findings.filter((f) => f.severity === 'error' || !f.acknowledged);
  return {
    open: [...open.filter((f) => f.severity === 'error'), ...open.filter((f) => f.severity === 'warning')],
    accepted: findings.filter((f) => f.severity === 'warning' && f.acknowledged),
  };
}

/**
 * Every finding of the checks, errors first. Each says how serious it is in a word and a mark (not
 * colour alone), which rule it is, what is wrong in plain words, and where; choosing it jumps
 * there. A warning can be accepted once the clerk has checked it ("warnings explain and can be
 * overridden"); accepted ones are folded away at the end.
 */
export function ChecksPanel({
  template,
  findings,
  onJump,
  onAcknowledge,
  variant,
  unsaved = 0,
}: ChecksPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { open, accepted } = useMemo(() => orderFindings(findings), [findings]);
  const errors = open.filter((f) => f.severity === 'error').length;
  const draftVariant = { variant: variant ?? template.variants[0]!.id };

  // The unit name and 成文日期 are not in the template: they are entered on the 基本信息 step.
  const basicInfoPlace = (f: Finding): string =>
    f.at.field === UNIT_NAME
      ? t('sheet.checks.places.unitName')
      : f.at.field === ISSUED_ON
        ? t('sheet.checks.places.issuedOn')
        : '';

  const item = (f: Finding) => {
    const place = findingPlace(template, draftVariant, f) || basicInfoPlace(f);
    const rule = t(`checks.name.${f.rule}`, { defaultValue: f.rule });
    const message = t(f.key, f.params);
    return (
      <li key={f.id} className={`checks-item is-${f.severity}${f.acknowledged ? ' is-accepted' : ''}`}>
        <button
          type="button"
          className="checks-jump"
          onClick={() => onJump(f)}
          title={t('sheet.checks.jumpHint')}
        >
          <span className="checks-head">
            <span className="checks-severity">
              <span className="checks-icon" aria-hidden="true">
                {f.severity === 'error' ? '✕' : '!'}
              </span>
              {t(f.severity === 'error' ? 'sheet.severity.error' : 'sheet.severity.warning')}
            </span>
            <span className="checks-rule">{rule}</span>
          </span>
          <span className="checks-message">{message}</span>
          {place && <span className="checks-place">{t('sheet.checks.where', { place })}</span>}
        </button>
        {f.severity === 'warning' && !f.acknowledged && onAcknowledge && (
          <button
            type="button"
            className="checks-accept"
            onClick={() => onAcknowledge(f.id)}
            aria-label={t('sheet.checks.acknowledgeLabel', { rule, place })}
          >
            {t('sheet.checks.acknowledge')}
          </button>
        )}
      </li>
    );
  };

  return (
    <section className="checks-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="checks-title">
        {t('sheet.checks.title')}
      </h2>
      <p className="checks-summary" role="status">
        {open.length === 0 && unsaved > 0 ? (
          t('sheet.checks.noneSaved')
        ) : open.length === 0 ? (
          <>
            <span className="checks-ok-icon" aria-hidden="true">
              ✓
            </span>
            {t('sheet.checks.none')}
          </>
        ) : (
          t('sheet.checks.summary', { errors, warnings: open.length - errors })
        )}
      </p>
      {open.length > 0 && <p className="checks-help">{t('sheet.checks.help')}</p>}
      {open.length > 0 && <ul className="checks-list">{open.map(item)}</ul>}
      {accepted.length > 0 && (
        <details className="checks-accepted">
          <summary>{t('sheet.checks.accepted', { count: accepted.length })}</summary>
          <ul className="checks-list">{accepted.map(item)}</ul>
        </details>
      )}
    </section>
  );
}
