import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/export/docx';
import { runChecks } from '../../shared/report/checks';
import type { Draft } from '../../shared/report/draft';
import { newDraft, readDraft, serializeDraft } from '../../shared/report/draft-io';
import { documentTitle, moveProse, resolveSections } from '../../shared/report/model';
import { applyGenerated } from '../../shared/report/prose';
import { national2021 } from '../../shared/report/templates/national-2021';
import { township2012 } from '../../shared/report/templates/township-2012';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = (file: string): Draft => {
  const read = readDraft(readFileSync(resolve(root, 'examples', file), 'utf8'));
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.draft;
};

const unit = { name: '苏州工业园区管理委员会', kind: 'county-department' as const };

async function documentText(draft: Draft, template = township2012): Promise<string> {
  const zip = await JSZip.loadAsync(await exportDocx(template, draft));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('a legacy draft words its own sections (#8.6)', () => {
  const liaobu = example('liaobu-2012.json');

  it('prints the unit’s own title and leaves an omitted section out, numbering the rest without a gap', () => {
    const draft: Draft = {
      ...liaobu,
      sections: {
        basic: { title: '概述' },
        fees: { omit: true },
        problems: { title: '工作存在的主要问题和改进措施' },
      },
    };
    expect(resolveSections(township2012, draft).map((s) => s.heading)).toEqual([
      '一、概述',
      '二、主动公开政府信息情况',
      '三、依申请公开政府信息情况',
      '四、申请行政复议、提起行政诉讼情况',
      '五、工作存在的主要问题和改进措施',
    ]);
  });

  it('keeps the variant’s title where the override is blank', () => {
    const draft: Draft = { ...liaobu, sections: { basic: { title: '  ' } } };
    expect(resolveSections(township2012, draft)[0]!.heading).toBe('一、基本工作情况');
  });

  it('turns the document title round when the unit writes the year first or the unit first', () => {
    const haiyan = {
      ...liaobu,
      variant: 'haiyan',
      unit: { ...liaobu.unit, name: '永昌县人民政府' },
      year: 2014,
    };
    expect(documentTitle(township2012, haiyan)).toBe('永昌县人民政府2014年度政府信息公开工作报告');
    expect(documentTitle(township2012, { ...haiyan, titleOrder: 'year-first' })).toBe(
      '2014年度永昌县人民政府政府信息公开工作报告',
    );
    expect(documentTitle(township2012, { ...liaobu, titleOrder: 'unit-first' })).toBe(
      '寮步镇2012年政府信息公开工作年度报告',
    );
    expect(documentTitle(township2012, { ...liaobu, titleOrder: 'year-first' })).toBe(
      documentTitle(township2012, liaobu),
    );
  });

  it('keeps the wording in the file it saves, and reads it back', () => {
    const draft: Draft = { ...liaobu, sections: { fees: { omit: true } }, titleOrder: 'unit-first' };
    const read = readDraft(serializeDraft(draft));
    expect(read.ok && read.draft.sections).toEqual({ fees: { omit: true } });
    expect(read.ok && read.draft.titleOrder).toBe('unit-first');
  });

  it('raises no title finding for a legacy template', () => {
    const draft: Draft = { ...liaobu, sections: { basic: { title: '概述' } }, titleOrder: 'unit-first' };
    expect(runChecks(township2012, draft).filter((f) => f.rule === 'TITLE')).toEqual([]);
  });
});

describe('the national titles are fixed (#8.6)', () => {
  const national = example('national-2021-township-2025.json');

  it('is marked fixed, and the township template is not', () => {
    expect(national2021.fixedTitles).toBe(true);
    expect(township2012.fixedTitles).toBeFalsy();
  });

  it('finds a reworded, an omitted section and a turned title in an imported national draft', () => {
    const draft: Draft = {
      ...national,
      sections: { s1: { title: '概述' }, s6: { omit: true } },
      titleOrder: 'year-first',
    };
    const found = runChecks(national2021, draft).filter((f) => f.rule === 'TITLE');
    expect(found.map((f) => [f.key, f.params.expected, f.params.found])).toEqual([
      [
        'checks.titleOrder',
        '清溪县云岭镇人民政府2025年政府信息公开工作年度报告',
        '2025年清溪县云岭镇人民政府政府信息公开工作年度报告',
      ],
      ['checks.titleChanged', '一、总体情况', '概述'],
      ['checks.sectionOmitted', '六、其他需要报告的事项', undefined],
    ]);
  });

  it('finds nothing when the override repeats the prescribed title', () => {
    const draft: Draft = { ...national, sections: { s1: { title: '总体情况' } } };
    expect(runChecks(national2021, draft).filter((f) => f.rule === 'TITLE')).toEqual([]);
  });
});

describe('text in a slot that does not print (#7.12)', () => {
  const liaobu = example('liaobu-2012.json');
  const unprinted = (draft: Draft) => runChecks(township2012, draft).filter((f) => f.rule === 'UNPRINTED');

  it('warns about 工作措施 typed into a 寮步 draft, which has no such part, naming it', async () => {
    const draft: Draft = { ...liaobu, prose: { ...liaobu.prose, 'measures.body': '建立健全工作机制。' } };
    expect(unprinted(draft)).toMatchObject([
      {
        severity: 'warning',
        key: 'checks.unprintedVariant',
        params: { place: '完成政府信息公开工作所采取的工作措施', chars: 9, variant: '六部分（寮步镇式）' },
        at: { section: 'measures', slot: 'measures.body' },
      },
    ]);
    expect(await documentText(draft)).not.toContain('建立健全工作机制');
  });

  it('warns about 基本工作情况 in a 海盐 draft', () => {
    const draft: Draft = { ...liaobu, variant: 'haiyan' };
    expect(unprinted(draft).map((f) => f.params.place)).toEqual(['基本工作情况']);
  });

  it('warns about the text of a section the clerk left out, by the clerk’s own title', () => {
    const draft: Draft = { ...liaobu, sections: { basic: { title: '概述', omit: true } } };
    expect(unprinted(draft)).toMatchObject([
      { key: 'checks.unprintedOmitted', params: { place: '概述' }, at: { slot: 'basic.overview' } },
    ]);
  });

  it('moves the text to the end of a slot that prints, and the warning goes', async () => {
    const draft: Draft = { ...liaobu, prose: { ...liaobu.prose, 'measures.body': '建立健全工作机制。' } };
    const moved = moveProse(draft, 'measures.body', 'problems.improvements');
    expect(moved.prose['measures.body']).toBeUndefined();
    expect(moved.prose['problems.improvements']).toBe(
      `${liaobu.prose['problems.improvements']!.trimEnd()}\n建立健全工作机制。`,
    );
    expect(unprinted(moved)).toEqual([]);
    expect(await documentText(moved)).toContain('建立健全工作机制。');
  });

  it('is silent for an empty slot and for the example as it is', () => {
    expect(unprinted({ ...liaobu, prose: { ...liaobu.prose, 'other.body': '  \n' } })).toEqual([]);
    expect(unprinted(liaobu)).toEqual([]);
  });
});

describe('shares at the precision the unit uses (#8.5)', () => {
  /** 苏州工业园区: 5/57/39 of 101, published as 5.0%/56.4%/38.6%. */
  const sip = (decimals?: 0 | 1): Draft => {
    const draft = newDraft({ template: township2012, year: 2012, unit, variant: 'liaobu', id: 'sip2012a' });
    return {
      ...draft,
      lists: {
        ...draft.lists,
        'active.categories': [
          { label: '政策文件类', value: 5 },
          { label: '业务工作类', value: 57 },
          { label: '其他类', value: 39 },
        ],
      },
      listDecimals: decimals === undefined ? {} : { 'active.categories': decimals },
    };
  };
  const published =
    '其中，政策文件类的信息5条，占总体的比例为5.0%；业务工作类的信息57条，占总体的比例为56.4%；其他类的信息39条，占总体的比例为38.6%。';
  const pct = (draft: Draft) => runChecks(township2012, draft).filter((f) => f.rule === 'PCT');

  it('flags the published 56.4% and 38.6% when the draft prints whole percents, the template’s default', () => {
    for (const draft of [sip(), sip(0)]) {
      const found = pct({ ...draft, prose: { 'active.summary': published } });
      expect(found.map((f) => [f.params.printed, f.params.expected])).toEqual([
        ['56.4%', '56%'],
        ['38.6%', '39%'],
      ]);
    }
  });

  it('accepts them when the draft chooses one decimal', () => {
    expect(pct({ ...sip(1), prose: { 'active.summary': published } })).toEqual([]);
  });

  it('prints the chosen precision in the Word file', async () => {
    const one = await documentText(applyGenerated(township2012, sip(1)));
    expect(one).toContain(
      '政策文件类的信息5条，占总体的比例为5.0%；业务工作类的信息57条，占总体的比例为56.4%；',
    );
    expect(one).toContain('其他类的信息39条，占总体的比例为38.6%。');
    const whole = await documentText(applyGenerated(township2012, sip(0)));
    expect(whole).toContain(
      '占总体的比例为5%；业务工作类的信息57条，占总体的比例为56%；其他类的信息39条，占总体的比例为39%。',
    );
  });
});
