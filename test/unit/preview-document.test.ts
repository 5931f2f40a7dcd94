import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDraft } from '../../shared/report/draft-io';
import type { Draft } from '../../shared/report/draft';
import type { TemplateDef } from '../../shared/report/template';
import { documentRuns, type Block } from '../../renderer/preview/document';

function example(name: string): { template: TemplateDef; draft: Draft } {
  const read = readDraft(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
  if (!read.ok) throw new Error(`${name}: ${read.error.key}`);
  return read;
}

const national = example('national-2021-township-2025.json');
const text = (b: Block) =>
  'text' in b ? b.text : 'lines' in b && Array.isArray(b.lines) ? b.lines.join('|') : b.kind;

describe('the preview document mirrors the Word file', () => {
  const runs = documentRuns(national.template, national.draft);
  const blocks = runs.flatMap((r) => r.blocks);

  it('keeps table 四 on the portrait pages, between the sentence of section 四 and the heading of 五', () => {
    expect(runs.map((r) => r.orientation)).toEqual(['portrait']);
    const at = blocks.findIndex((b) => b.key === 'table:t4');
    expect(blocks[at - 1]).toMatchObject({ kind: 'para', level: 0 });
    expect(text(blocks[at - 1]!)).toMatch(/行政复议/);
    expect(blocks[at + 1]).toMatchObject({ kind: 'para', level: 1, text: '五、存在的主要问题及改进情况' });
  });

  it('puts a table a template declares landscape on pages of its own, between portrait runs', () => {
    const landscape: TemplateDef = {
      ...national.template,
      tables: national.template.tables.map((t) => (t.id === 't4' ? { ...t, orientation: 'landscape' } : t)),
    };
    const turned = documentRuns(landscape, national.draft);
    expect(turned.map((r) => r.orientation)).toEqual(['portrait', 'landscape', 'portrait']);
    expect(turned[1]!.blocks.map((b) => b.key)).toEqual(['table:t4']);
    expect(turned[2]!.blocks[0]).toMatchObject({
      kind: 'para',
      level: 1,
      text: '五、存在的主要问题及改进情况',
    });
  });

  it('opens with the title broken after the unit name, then an empty line and the preface', () => {
    expect(blocks[0]).toMatchObject({
      kind: 'title',
      lines: ['清溪县云岭镇人民政府', '2025年政府信息公开工作年度报告'],
    });
    expect(blocks[1]!.kind).toBe('empty');
    expect(text(blocks[2]!)).toMatch(/^本报告是根据《中华人民共和国政府信息公开条例》/);
  });

  it('numbers the section headings from their position and sets slot headings at level 2', () => {
    const headings = blocks.filter((b) => b.kind === 'para' && b.level === 1).map(text);
    expect(headings).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(blocks.find((b) => b.key === 's1.active#h')).toMatchObject({ level: 2, text: '（一）主动公开' });
  });

  it('prints a table with its computed totals as the Word file does', () => {
    const t3 = blocks.find((b) => b.key === 'table:t3');
    if (t3?.kind !== 'table') throw new Error('no table 三');
    const values = national.draft.values;
    const newTotal = ['natural', 'business', 'research', 'public', 'legal', 'other'].reduce(
      (sum, c) => sum + (values[`t3.new.${c}`] ?? 0),
      0,
    );
    expect(t3.texts['t3.new.total']).toBe(String(newTotal));
    expect(t3.texts['t3.carryOut.natural']).toBe(String(values['t3.carryOut.natural'] ?? 0));
  });

  it('ends with the signature centred over the Arabic date, four characters in from the right', () => {
    const signature = blocks.at(-1);
    expect(signature).toMatchObject({
      kind: 'signature',
      lines: [
        // 2026年1月20日 is 6.5 ems wide (digits are half-width), the name 10.
        { text: '清溪县云岭镇人民政府', rightEms: 4 + (6.5 - 10) / 2 },
        { text: '2026年1月20日', rightEms: 4 },
      ],
    });
  });

  it('detects typed sub-headings and run-in headings in prose', () => {
    const draft = {
      ...national.draft,
      prose: {
        ...national.draft.prose,
        's5.improvements': '（一）加强培训\n1.压实工作责任。进一步明确职责。\n普通段落。',
      },
    };
    const slot = documentRuns(national.template, draft)
      .flatMap((r) => r.blocks)
      .filter((b) => b.key.startsWith('s5.improvements#'));
    expect(slot.map((b) => (b.kind === 'para' ? [b.level, b.text, b.runIn?.head ?? ''] : b.kind))).toEqual([
      [2, '（二）改进情况', ''],
      [2, '（一）加强培训', ''],
      [0, '进一步明确职责。', '1.压实工作责任。'],
      [0, '普通段落。', ''],
    ]);
  });

  it('changes the signature of only the blocks a keystroke touched', () => {
    const edited = {
      ...national.draft,
      prose: { ...national.draft.prose, 's1.intro': `${national.draft.prose['s1.intro']}再加一句。` },
      values: {
        ...national.draft.values,
        't3.new.natural': (national.draft.values['t3.new.natural'] ?? 0) + 1,
      },
    };
    const after = documentRuns(national.template, edited).flatMap((r) => r.blocks);
    const changed = after.filter((b, i) => b.sig !== blocks[i]!.sig).map((b) => b.key);
    expect(after.map((b) => b.key)).toEqual(blocks.map((b) => b.key));
    // The intro's last paragraph, table 三, and the generated sentence of 依申请公开 is prose the clerk owns: unchanged.
    expect(changed).toEqual([
      `s1.intro#${national.draft.prose['s1.intro']!.split('\n').filter((l) => l.trim()).length - 1}`,
      'table:t3',
    ]);
  });

  it('announces attachments after the body and starts each on a new page', () => {
    const liaobu = example('liaobu-2012.json');
    const runs = documentRuns(liaobu.template, liaobu.draft);
    const body = runs.flatMap((r) => r.blocks);
    const note = body.find((b) => b.kind === 'attachment-note');
    expect(note).toMatchObject({ items: [{ lead: '附件：' }] });
    const last = runs.at(-1)!;
    expect(last.blocks.map((b) => b.kind)).toEqual([
      'attachment-label',
      'empty',
      'attachment-title',
      'table',
    ]);
    expect(last.blocks[0]).toMatchObject({ text: '附件' });
    expect(runs.length).toBeGreaterThan(1);
  });
});
