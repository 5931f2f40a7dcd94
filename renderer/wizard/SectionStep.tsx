import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/report/checks/finding';
import { confirmCarried } from '../../shared/report/carried';
import type { Draft } from '../../shared/report/draft';
import { listDecimals } from '../../shared/report/model';
import type { BlockDef, FieldDef, TemplateDef } from '../../shared/report/template';
import type { Values } from '../../shared/report/totals';
import { TableGrid } from '../grid';
import { ListDecimalsChoice } from './ListDecimalsChoice';
import { ListEditor } from './ListEditor';
import { NumberInput } from './NumberInput';
import { lastYearMarks, ProseEditor, type JumpTarget } from './ProseEditor';
import type { WizardStructure } from './structure';

/** What every block editor of a step needs: the draft, what the engine derived from it, and how to change it. */
export interface StepContext {
  template: TemplateDef;
  draft: Draft;
  structure: WizardStructure;
  computed: Values;
  findings: Finding[];
  generated: Record<string, string>;
  jump: JumpTarget | null;
  onChange(update: (draft: Draft) => Draft): void;
  onRegenerate(slot: string): void;
  wouldOverwrite(slot: string): boolean;
}

export function setValue(draft: Draft, field: string, value: number | null): Draft {
  const { [field]: _old, ...rest } = draft.values;
  return { ...draft, values: value === null ? rest : { ...rest, [field]: value } };
}

function LooseField({ field, ctx }: { field: FieldDef; ctx: StepContext }) {
  const { t } = useTranslation();
  const id = `field-${field.id}`;
  return (
    <div className="field loose-field">
      <label htmlFor={id}>
        {field.unit ? t('ui.prose.fieldWithUnit', { label: field.label, unit: field.unit }) : field.label}
      </label>
      <NumberInput
        id={id}
        field={field}
        value={ctx.draft.values[field.id] ?? null}
        onValue={(value) => ctx.onChange((d) => setValue(d, field.id, value))}
        entry={{ key: field.id, name: field.label }}
        problemId={`${id}-problem`}
        className="number-input"
      />
    </div>
  );
}

/** One block of a section, as the template orders them: prose, a category list, or a table. */
export function Block({
  block,
  ctx,
  fallbackTitle,
}: {
  block: BlockDef;
  ctx: StepContext;
  fallbackTitle: string;
}) {
  const { template, draft, findings } = ctx;
  if (block.kind === 'prose') {
    const slot = block.slot;
    return (
      <>
        {(ctx.structure.looseFieldsBySlot.get(slot.id) ?? []).map((f) => (
          <LooseField key={f.id} field={f} ctx={ctx} />
        ))}
        <ProseEditor
          slot={slot}
          fallbackTitle={fallbackTitle}
          text={draft.prose[slot.id] ?? ''}
          generated={ctx.generated[slot.id]}
          lastGenerated={draft.generated[slot.id]}
          wouldOverwrite={() => ctx.wouldOverwrite(slot.id)}
          findings={findings.filter((f) => f.at.slot === slot.id)}
          jump={ctx.jump}
          onText={(text) => ctx.onChange((d) => ({ ...d, prose: { ...d.prose, [slot.id]: text } }))}
          onRegenerate={() => ctx.onRegenerate(slot.id)}
          {...lastYearMarks(draft, slot.id)}
          onConfirmCarried={(p) => ctx.onChange((d) => confirmCarried(d, slot.id, p))}
        />
      </>
    );
  }
  if (block.kind === 'list') {
    const list = template.lists.find((l) => l.id === block.list);
    if (!list) return null;
    const total = template.fields.find((f) => f.listSum === list.id);
    return (
      <>
        <ListEditor
          list={list}
          items={draft.lists[list.id] ?? []}
          total={total}
          findings={findings.filter((f) => total && f.at.field === total.id)}
          decimals={listDecimals(list, draft)}
          onItems={(items) => ctx.onChange((d) => ({ ...d, lists: { ...d.lists, [list.id]: items } }))}
        />
        <ListDecimalsChoice list={list} draft={draft} onChange={ctx.onChange} />
      </>
    );
  }
  return <TableBlock tableId={block.table} ctx={ctx} />;
}

export function TableBlock({ tableId, ctx }: { tableId: string; ctx: StepContext }) {
  const table = ctx.template.tables.find((tb) => tb.id === tableId);
  if (!table) return null;
  return (
    <section className="table-block" aria-label={table.title ?? table.sheetName}>
      {table.title && <h3>{table.title}</h3>}
      {table.unit && <p className="muted">{table.unit}</p>}
      <TableGrid
        template={ctx.template}
        table={table}
        values={ctx.draft.values}
        computed={ctx.computed}
        findings={ctx.findings}
        onChange={(field, value) => ctx.onChange((d) => setValue(d, field, value))}
        focusField={ctx.jump?.field}
      />
    </section>
  );
}
