import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../shared/report/draft';
import { moveProse, printedSlots, unprintedSlots } from '../../shared/report/model';
import type { TemplateDef } from '../../shared/report/template';

/**
 * Text that the Word file would leave out (checks/unprinted.ts), each with the offer to move it to
 * a place that prints. `section` limits the list to one section's slots (on that section's step);
 * without it, the slots of sections the draft's variant does not have are listed.
 */
export function UnprintedText(props: {
  template: TemplateDef;
  draft: Draft;
  section?: string;
  onChange(update: (d: Draft) => Draft): void;
}) {
  const { t } = useTranslation();
  const { template, draft } = props;
  const targets = printedSlots(template, draft);
  const waiting = unprintedSlots(template, draft).filter(
    (u) =>
      (props.section === undefined ? !u.omitted : u.section === props.section) &&
      (draft.prose[u.slot.id] ?? '').trim() !== '',
  );
  const [chosen, setChosen] = useState<Record<string, string>>({});
  if (waiting.length === 0 || targets.length === 0) return null;
  return (
    <div className="banner warning unprinted-text" role="group" aria-label={t('ui.wording.unprinted')}>
      {waiting.map(({ slot, place }) => {
        const target = chosen[slot.id] ?? targets.at(-1)!.slot.id;
        const selectId = `move-${slot.id}`;
        return (
          <div key={slot.id} className="unprinted-slot">
            <p>{t('ui.wording.unprintedSlot', { place, text: draft.prose[slot.id]!.trim().slice(0, 60) })}</p>
            <label htmlFor={selectId}>{t('ui.wording.moveTo')}</label>
            <select
              id={selectId}
              value={target}
              onChange={(e) => setChosen({ ...chosen, [slot.id]: e.target.value })}
            >
              {targets.map((x) => (
                <option key={x.slot.id} value={x.slot.id}>
                  {x.place}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => props.onChange((d) => moveProse(d, slot.id, target))}>
              {t('ui.wording.move')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
