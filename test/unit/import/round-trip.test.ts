import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../shared/export/docx';
import { importDocument } from '../../../shared/import';
import { readDraft } from '../../../shared/report/draft-io';
import type { Draft } from '../../../shared/report/draft';
import { fieldMap, isComputed, resolveSections } from '../../../shared/report/model';
import { paragraphs } from '../../../shared/report/text';
import { findTemplate } from '../../../shared/report/templates';
import { computeValues } from '../../../shared/report/totals';

const EXAMPLES = readdirSync('examples').filter((f) => f.endsWith('.json'));

function example(name: string): Draft {
  const read = readDraft(readFileSync(`examples/${name}`, 'utf8'));
  if (!read.ok) throw new Error(`examples/${name} does not read`);
  return read.draft;
}

/** The paragraphs of each section in print order: slots of one section without headings of their own print as one run. */
function proseBySection(draft: Draft): Record<string, string[]> {
  const template = findTemplate(draft.template)!;
  const out: Record<string, string[]> = { preface: paragraphs(draft.prose.preface) };
  for (const s of resolveSections(template, draft))
    out[s.id] = s.blocks.flatMap((b) => (b.kind === 'prose' ? paragraphs(draft.prose[b.slot.id]) : []));
  return out;
}

describe('a report exported by the app imports back as it was', () => {
  it.each(EXAMPLES)('%s: template, year, unit, every number and every paragraph', async (name) => {
    const original = example(name);
    const template = findTemplate(original.template)!;
    const bytes = await exportDocx(template, original);
    const result = await importDocument(bytes, name.replace('.json', '.docx'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { draft, report } = result;

    expect(draft.template).toBe(original.template);
    expect(draft.variant).toBe(original.variant);
    expect(draft.year).toBe(original.year);
    expect(draft.unit.name).toBe(original.unit.name);
    expect(draft.issuedOn).toBe(original.issuedOn);

    const before = computeValues(template, original);
    const after = computeValues(template, draft);
    for (const field of template.fields) {
      if (isComputed(field)) continue;
      expect.soft(after.get(field.id), field.id).toBe(before.get(field.id));
    }
    // Every total the Word file printed comes back as printed, for the checks to compare.
    for (const [id, value] of Object.entries(draft.declared))
      expect.soft(value, `declared ${id}`).toBe(before.get(id));
    // A breakdown comes back from the generated sentence that prints it (机构职能类12条，占3.5%…).
    for (const list of template.lists) {
      const sentence = template.sentences.find((x) =>
        JSON.stringify(x.parts).includes(`"each":"${list.id}"`),
      );
      if (sentence && original.generated[sentence.slot])
        expect(draft.lists[list.id], list.id).toEqual(original.lists[list.id]);
    }
    expect(report.notPlaced).toEqual([]);
    expect(proseBySection(draft)).toEqual(proseBySection(original));
    expect(fieldMap(template).size).toBeGreaterThan(0);
  });
});
