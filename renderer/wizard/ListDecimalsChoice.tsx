import { useTranslation } from 'react-i18next';
import type { Draft } from '../../shared/report/draft';
import { listDecimals } from '../../shared/report/model';
import type { ListDef } from '../../shared/report/template';

/**
 * The precision of a list's printed shares, beside the list: units print 5/57/39 of 101 either as
 * 5%/56%/39% or as 5.0%/56.4%/38.6%, and the share check follows the choice. Choosing the
 * template's own precision removes the draft's entry, so the file says only what differs.
 */
export function ListDecimalsChoice(props: {
  list: ListDef;
  draft: Draft;
  onChange(update: (d: Draft) => Draft): void;
}) {
  const { t } = useTranslation();
  const { list } = props;
  const id = `list-decimals-${list.id}`;
  const choose = (decimals: 0 | 1) =>
    props.onChange((d) => {
      const { [list.id]: _old, ...rest } = d.listDecimals;
      return { ...d, listDecimals: decimals === list.decimals ? rest : { ...rest, [list.id]: decimals } };
    });
  return (
    <div className="field list-decimals">
      <label htmlFor={id}>{t('ui.list.decimals', { label: list.label })}</label>
      <select
        id={id}
        value={listDecimals(list, props.draft)}
        onChange={(e) => choose(e.target.value === '1' ? 1 : 0)}
      >
        <option value={0}>{t('ui.list.decimals0')}</option>
        <option value={1}>{t('ui.list.decimals1')}</option>
      </select>
    </div>
  );
}
