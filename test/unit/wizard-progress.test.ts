import { describe, expect, it } from 'vitest';
import { newDraft } from '../../shared/report/draft-io';
import { fieldMap, isComputed } from '../../shared/report/model';
import { TEMPLATES } from '../../shared/report/templates';
import { missingOnStep, untouchedTables, wizardStructure } from '../../renderer/wizard/structure';

/** A step with a table is done once the clerk entered a number there, a deliberate 0 included. */
describe('progress of the table steps', () => {
  for (const template of TEMPLATES)
    it(`${template.id}: a new report has every table still to fill in, and one 0 fills one in`, () => {
      const draft = newDraft({ template, year: 2026, unit: { name: '柳溪镇人民政府' }, id: 'progress1' });
      const { steps } = wizardStructure(template, draft.variant);
      const fields = fieldMap(template);
      const withTables = steps.filter((s) => untouchedTables(template, draft, s).length > 0);
      expect(withTables.length).toBeGreaterThan(0);
      for (const step of withTables) {
        const [table] = untouchedTables(template, draft, step);
        const field = template.tables
          .find((t) => t.id === table)!
          .rows.flatMap((r) => r.cells.flatMap((c) => ('field' in c ? [c.field] : [])))
          .find((id) => !isComputed(fields.get(id)!))!;
        const entered = { ...draft, values: { ...draft.values, [field]: 0 } };
        expect(untouchedTables(template, entered, step)).not.toContain(table);
        expect(missingOnStep(template, entered, step)).toBe(missingOnStep(template, draft, step) - 1);
      }
    });
});
