import { useTranslation } from 'react-i18next';
import type { Draft } from '../../shared/report/draft';
import { documentTitle, titleOrderOf, variantOf } from '../../shared/report/model';
import type { TemplateDef } from '../../shared/report/template';

/**
 * The order of unit and year in the document title, for templates that leave the wording to the
 * unit (永昌县2014年… or 2014年永昌县…). Each option shows the title it gives; choosing the
 * variant's own order removes the draft's entry.
 */
export function TitleOrderChoice(props: {
  template: TemplateDef;
  draft: Draft;
  onChange(update: (d: Draft) => Draft): void;
}) {
  const { t } = useTranslation();
  const { template, draft } = props;
  const own = titleOrderOf(variantOf(template, draft.variant).title);
  if (template.fixedTitles || !own) return null;
  const current = draft.titleOrder ?? own;
  const choose = (order: 'unit-first' | 'year-first') =>
    props.onChange((d) => {
      const { titleOrder: _old, ...rest } = d;
      return order === own ? rest : { ...rest, titleOrder: order };
    });
  return (
    <fieldset className="title-order">
      <legend>{t('ui.wording.titleOrder')}</legend>
      {(['unit-first', 'year-first'] as const).map((order) => (
        <label key={order} className="choice">
          <input type="radio" name="title-order" checked={current === order} onChange={() => choose(order)} />
          {documentTitle(template, { ...draft, titleOrder: order })}
        </label>
      ))}
    </fieldset>
  );
}
