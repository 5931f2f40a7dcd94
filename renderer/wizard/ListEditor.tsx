import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/report/checks/finding';
import type { ListItem } from '../../shared/report/draft';
import { LIST_LABEL_MAX } from '../../shared/report/limits';
import { formatShare, largestRemainder } from '../../shared/report/percent';
import type { FieldDef, ListDef } from '../../shared/report/template';
import { messageText } from '../app/errors';
import { ImeInput } from '../app/ime';
import { NumberInput } from './NumberInput';
import { listRowKey, useUnfinished } from './unfinished';

/**
 * A category breakdown (主动公开 by category, by channel): label and count per row, with the shares
 * the report will print, computed as the clerk types by the largest-remainder method so they add
 * to exactly 100%.
 */
export function ListEditor(props: {
  list: ListDef;
  items: ListItem[];
  /** The total the list adds up to, when the template has one; it decides what a count may be. */
  total: FieldDef | undefined;
  findings: Finding[];
  /** Decimals of the printed shares: the draft's choice, else the template's. */
  decimals: 0 | 1;
  onItems(items: ListItem[]): void;
}) {
  const { t } = useTranslation();
  const { list, items, onItems } = props;
  const shares = largestRemainder(
    items.map((i) => i.value),
    props.decimals,
  );
  const sum = items.reduce((a, i) => a + i.value, 0);
  const kind = props.total ?? { kind: 'count' as const };
  const rows = useRef<HTMLTableSectionElement>(null);
  const added = useRef(false);
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    rows.current?.querySelector<HTMLInputElement>('tr:last-child input')?.focus();
  }, [items.length]);

  const unfinished = useUnfinished();
  const rowKey = (i: number) => listRowKey(list.id, i);
  const set = (index: number, item: ListItem) => onItems(items.map((old, i) => (i === index ? item : old)));
  const remove = (index: number) => {
    // The rows below move up: a text left unfinished in one of them would land on the wrong row.
    for (let j = index; j < items.length; j++) unfinished.report(rowKey(j), null);
    onItems(items.filter((_, j) => j !== index));
  };
  const open = props.findings.filter((f) => !f.acknowledged);
  const id = `list-${list.id}`;

  return (
    <section className="list-editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('ui.list.title', { label: list.label, unit: list.unit })}</h3>
      <table className="list-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.list.label')}</th>
            <th scope="col">{t('ui.list.value', { unit: list.unit })}</th>
            <th scope="col">{t('ui.list.share')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('ui.list.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody ref={rows}>
          {items.map((item, i) => (
            <tr key={i}>
              <td>
                <ImeInput
                  value={item.label}
                  onCommit={(label) => set(i, { ...item, label })}
                  maxLength={LIST_LABEL_MAX}
                  aria-label={t('ui.list.labelOf', { n: i + 1 })}
                />
              </td>
              <td className="list-value">
                <NumberInput
                  field={kind}
                  value={item.value}
                  onValue={(value) => set(i, { ...item, value: value ?? 0 })}
                  required
                  entry={{
                    key: rowKey(i),
                    name: t('ui.list.entryName', { list: list.label, label: item.label || i + 1 }),
                  }}
                  problemId={`${id}-${i}-problem`}
                  aria-label={t('ui.list.valueOf', { label: item.label || i + 1 })}
                />
              </td>
              <td className="list-share">{sum > 0 ? `${formatShare(shares[i]!, props.decimals)}%` : '—'}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => remove(i)}
                  aria-label={t('ui.list.removeOf', { label: item.label || i + 1 })}
                >
                  {t('ui.list.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('ui.list.sum')}</th>
            <td className="list-value">{t('ui.list.sumValue', { sum, unit: list.unit })}</td>
            <td className="list-share">{sum > 0 ? '100%' : '—'}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <button
        type="button"
        onClick={() => {
          added.current = true;
          onItems([...items, { label: '', value: 0 }]);
        }}
      >
        {t('ui.list.add')}
      </button>
      {open.length > 0 && (
        <ul className="slot-findings">
          {open.map((f) => (
            <li key={f.id} className={f.severity}>
              {messageText(t, f)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
