import { describe, expect, it } from 'vitest';
import { fixTarget, involvedFields } from '../../renderer/checks/involved';
import { runChecks } from '../../shared/report/checks/index';
import { readDraft } from '../../shared/report/draft-io';
import { findTemplate } from '../../shared/report/templates';
import { readFileSync } from 'node:fs';

const template = findTemplate('national-2021')!;
const sample = readDraft(
  readFileSync(new URL('../../examples/national-2021-township-2025.json', import.meta.url), 'utf8'),
);

describe('the cell a broken rule leads to', () => {
  if (!sample.ok) throw new Error('the sample report does not read');
  // 自然人: 予以公开 2 → 3 makes （七）总计 6, and 5 + 1 ≠ 6 + 1 (R1, placed at 四、结转下年度).
  const broken = { ...sample.draft, values: { ...sample.draft.values, 't3.open.natural': 3 } };
  const r1 = runChecks(template, broken).find((f) => f.id === 'R1:t3.carryOut.natural')!;

  it('knows every entered cell the rule adds up, totals opened into their parts', () => {
    const fields = involvedFields(template, r1);
    expect(fields).toContain('t3.new.natural');
    expect(fields).toContain('t3.carried.natural');
    expect(fields).toContain('t3.open.natural');
    expect(fields).toContain('t3.carryOut.natural');
    expect(fields).not.toContain('t3.total.natural');
    expect(fields).not.toContain('t3.open.business');
  });

  it('is the one the clerk changed last, else where the finding points', () => {
    expect(
      fixTarget(
        template,
        r1,
        new Map([
          ['t3.open.natural', 2],
          ['t2.penalty', 3],
        ]),
      ),
    ).toEqual({
      field: 't3.open.natural',
    });
    expect(fixTarget(template, r1, new Map()).field).toBe('t3.carryOut.natural');
  });
});
