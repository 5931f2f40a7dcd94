import { useTranslation } from 'react-i18next';
import type { Draft } from '../../shared/report/draft';
import { SECTION_TITLE_MAX } from '../../shared/report/limits';
import { variantOf } from '../../shared/report/model';
import type { TemplateDef } from '../../shared/report/template';
import { ImeInput } from '../app/ime';
import type { Step } from './structure';
import { UnprintedText } from './UnprintedText';

type SectionStep = Extract<Step, { kind: 'section' }>;

/** The draft's override of one section, without the parts that say nothing (an empty title, omit false). */
function withOverride(draft: Draft, id: string, change: { title?: string; omit?: boolean }): Draft {
  const { [id]: old, ...rest } = draft.sections;
  const next = { ...old, ...change };
  const title = next.title?.trim() ? next.title : undefined;
  const override = { ...(title !== undefined ? { title } : {}), ...(next.omit ? { omit: true } : {}) };
  return { ...draft, sections: Object.keys(override).length > 0 ? { ...rest, [id]: override } : rest };
}

/**
 * The unit's own wording of a section of a legacy template: its title as the unit writes it
 * (永昌: 一、概述) and a switch to leave the section out, with the numbering still generated. A
 * template whose titles are prescribed offers neither; a draft that carries a change anyway (an
 * imported file) gets a finding, and here a button to put the prescribed title back.
 */
export function SectionWording(props: {
  template: TemplateDef;
  draft: Draft;
  step: SectionStep;
  onChange(update: (d: Draft) => Draft): void;
}) {
  const { t } = useTranslation();
  const { template, draft, step } = props;
  const override = draft.sections[step.id];
  const entry = variantOf(template, draft.variant).sections.find((e) => e.id === step.id);
  const standard = entry?.title ?? template.sections.find((s) => s.id === step.id)?.title ?? '';
  if (template.fixedTitles)
    return override ? (
      <div className="banner warning section-wording">
        <p>{t('ui.wording.fixed')}</p>
        <button
          type="button"
          onClick={() =>
            props.onChange((d) => {
              const { [step.id]: _old, ...rest } = d.sections;
              return { ...d, sections: rest };
            })
          }
        >
          {t('ui.wording.restore', { title: standard })}
        </button>
      </div>
    ) : null;
  const titleId = `section-title-${step.id}`;
  return (
    <div className="section-wording">
      <div className="field">
        <label htmlFor={titleId}>{t('ui.wording.title')}</label>
        <ImeInput
          id={titleId}
          value={override?.title ?? ''}
          placeholder={standard}
          maxLength={SECTION_TITLE_MAX}
          onCommit={(title) => props.onChange((d) => withOverride(d, step.id, { title }))}
        />
        <p className="muted">{t('ui.wording.titleHint')}</p>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={Boolean(override?.omit)}
          onChange={(e) => props.onChange((d) => withOverride(d, step.id, { omit: e.target.checked }))}
        />
        {t('ui.wording.omit')}
      </label>
      {step.omitted && (
        <>
          <p className="muted">{t('ui.wording.omitted')}</p>
          <UnprintedText template={template} draft={draft} section={step.id} onChange={props.onChange} />
        </>
      )}
    </div>
  );
}
