import { describe, expect, it } from 'vitest';
import { resolveSections } from '../../shared/report/model';
import { TEMPLATES, findTemplate } from '../../shared/report/templates';
import { parseRoute, routeHash } from '../../renderer/app/route';
import { insertPhrase } from '../../renderer/wizard/ProseEditor';
import { ATTACHMENTS, BASIC, EXPORT, stepOfFinding, wizardStructure } from '../../renderer/wizard/structure';

/** The wizard is read from the template alone: every template gets a complete set of steps. */
describe('wizard steps', () => {
  for (const template of TEMPLATES)
    for (const variant of template.variants)
      it(`${template.id} / ${variant.id}: 基本信息, one step per printed section, 附件 when needed, export`, () => {
        const { steps, stepOfField } = wizardStructure(template, variant.id);
        const sections = resolveSections(template, { variant: variant.id });
        expect(steps[0]!.id).toBe(BASIC);
        expect(steps.at(-1)!.id).toBe(EXPORT);
        expect(steps.filter((s) => s.kind === 'section').map((s) => s.id)).toEqual(sections.map((s) => s.id));
        const inSections = new Set(
          sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []))),
        );
        expect(steps.some((s) => s.id === ATTACHMENTS)).toBe(
          template.attachments.some((t) => !inSections.has(t)),
        );
        // Every number a clerk types has a step where it is typed.
        const printed = new Set([...inSections, ...template.attachments]);
        for (const table of template.tables.filter((t) => printed.has(t.id)))
          for (const row of table.rows)
            for (const cell of row.cells)
              if ('field' in cell) expect(stepOfField.has(cell.field), cell.field).toBe(true);
      });

  it('puts a number that is in no table beside the sentence that quotes it (本年收取信息处理费 in 六)', () => {
    const national = findTemplate('national-2021')!;
    const { looseFieldsBySlot, stepOfField } = wizardStructure(national, 'default');
    expect(looseFieldsBySlot.get('s6.other')?.map((f) => f.id)).toEqual(['fees.processing']);
    expect(stepOfField.get('fees.processing')).toBe('s6');
  });

  it('keeps its own steps apart from a template section named like one (township 基本工作情况 is `basic`)', () => {
    const township = findTemplate('township-2012')!;
    const structure = wizardStructure(township, 'liaobu');
    expect(structure.steps.filter((s) => s.id === 'basic').map((s) => s.kind)).toEqual(['section']);
    expect(stepOfFinding(structure, { slot: 'basic.overview' })).toBe('basic');
    expect(stepOfFinding(structure, { field: 'unit.name' })).toBe(BASIC);
    expect(stepOfFinding(structure, { table: 'indicators', field: 'request.total' })).toBe(ATTACHMENTS);
  });

  it('sends a finding in table 三 to its section (R1 at 四、结转 / 自然人)', () => {
    const structure = wizardStructure(findTemplate('national-2021')!, 'default');
    expect(stepOfFinding(structure, { section: 's3', table: 't3', field: 't3.carryOut.natural' })).toBe('s3');
    expect(stepOfFinding(structure, { slot: 'preface' })).toBe(BASIC);
  });
});

describe('routes', () => {
  it('reads the print route the shell opens', () => {
    expect(parseRoute('#/print/abcdef123?size=a3&final=1')).toEqual({
      page: 'print',
      id: 'abcdef123',
      size: 'a3',
      final: true,
    });
    expect(parseRoute('#/print/abcdef123?size=huge')).toEqual({
      page: 'print',
      id: 'abcdef123',
      size: 'a4',
      final: false,
    });
  });
  it('round-trips a wizard step, including the wizard’s own @ steps', () => {
    const route = { page: 'wizard', id: 'abcdef123', step: EXPORT } as const;
    expect(routeHash(route)).toBe('#/draft/abcdef123/@export');
    expect(parseRoute(routeHash(route))).toEqual(route);
    expect(parseRoute('#/draft/../../etc')).toEqual({ page: 'home' });
  });
});

describe('inserting a standard phrase', () => {
  it('puts it on a line of its own at the cursor', () => {
    expect(insertPhrase('甲。乙。', 2, '丙。')).toEqual({ text: '甲。\n丙。\n乙。', caret: 5 });
    expect(insertPhrase('', 0, '丙。')).toEqual({ text: '丙。', caret: 2 });
    expect(insertPhrase('甲。\n', 3, '丙。')).toEqual({ text: '甲。\n丙。', caret: 5 });
  });
});
