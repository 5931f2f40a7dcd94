import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startFromPrevious } from '../../shared/report/carry-forward';
import { newDraft, readDraft } from '../../shared/report/draft-io';
import { fieldMap, isComputed } from '../../shared/report/model';
import { findTemplate, TEMPLATES } from '../../shared/report/templates';
import { confirmCarried } from '../../shared/report/carried';
import {
  carriedOnStep,
  missingOnStep,
  untouchedTables,
  wizardStructure,
} from '../../renderer/wizard/structure';

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

const national = findTemplate('national-2021')!;

/** A 2026 report started from the bundled 2025 sample, as 从上年报告开始 makes it. */
function startedFromSample() {
  const read = readDraft(
    readFileSync(new URL('../../examples/national-2021-township-2025.json', import.meta.url), 'utf8'),
  );
  if (!read.ok) throw new Error(read.error.key);
  return startFromPrevious(read.draft, national, national, 2026);
}

describe('progress of a report started from last year’s', () => {
  it('does not tick a table that holds only what was carried in (上年结转, 现行有效件数)', () => {
    const { draft } = startedFromSample();
    // Carried in: last year's 结转 as this year's 上年结转, last year's 现行有效件数 as this year's.
    expect(draft.values['t3.carried.natural']).toBe(1);
    expect(draft.values['t2.normative.current']).toBe(9);
    const { steps } = wizardStructure(national, draft.variant);
    const step = (id: string) => steps.find((s) => s.id === id)!;
    expect(untouchedTables(national, draft, step('s2'))).toContain('t2');
    expect(untouchedTables(national, draft, step('s3'))).toContain('t3');

    // Changing a carried figure is an entry of this year's; so is any other number, a 0 included.
    const corrected = { ...draft, values: { ...draft.values, 't2.normative.current': 10 } };
    expect(untouchedTables(national, corrected, step('s2'))).not.toContain('t2');
    const entered = { ...draft, values: { ...draft.values, 't3.new.natural': 0 } };
    expect(untouchedTables(national, entered, step('s3'))).not.toContain('t3');
  });

  it('counts the paragraphs still as carried on each step, until each is confirmed', () => {
    let { draft } = startedFromSample();
    const { steps } = wizardStructure(national, draft.variant);
    const s5 = steps.find((s) => s.id === 's5')!;
    const carried = [...(draft.carried['s5.problems'] ?? []), ...(draft.carried['s5.improvements'] ?? [])];
    expect(carried.length).toBeGreaterThan(0);
    expect(carriedOnStep(national, draft, s5)).toBe(carried.length);
    for (const slot of ['s5.problems', 's5.improvements'])
      for (const p of draft.carried[slot] ?? []) draft = confirmCarried(draft, slot, p);
    expect(carriedOnStep(national, draft, s5)).toBe(0);
  });
});
