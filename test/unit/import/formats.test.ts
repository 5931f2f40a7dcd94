import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n';
import { importDocument, importText } from '../../../shared/import';
import { runChecks } from '../../../shared/report/checks';
import type { Draft } from '../../../shared/report/draft';
import { findTemplate } from '../../../shared/report/templates';

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/import/published/${name}`));
const bytes = (text: string) => new TextEncoder().encode(text);

async function imported(data: Uint8Array, name: string) {
  const result = await importDocument(data, name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

describe('Word files and web pages, as LibreOffice and the portals wrote them', () => {
  it('a .docx LibreOffice made from the page: merged captions, a split year, 商业/企业 on two lines, 现行有效件', async () => {
    const { draft, report } = await imported(fixture('xjnlk-town-2023.docx'), 'xjnlk-town-2023.docx');
    expect(report.format).toBe('docx');
    expect(draft.template).toBe('national-2021');
    expect(draft.year).toBe(2023);
    expect(draft.values['t2.rules.current']).toBe(6);
    expect(draft.values['t2.licensing']).toBe(0);
    expect(draft.values['t2.fees']).toBe(0);
    for (const row of ['new', 'carried', 'open', 'partial', 'deny.secret', 'deny.law'])
      for (const col of ['natural', 'business', 'research', 'public', 'legal', 'other'])
        expect(draft.values[`t3.${row}.${col}`], `${row}.${col}`).toBe(0);
    expect(draft.declared['t3.new.total']).toBe(0);
    // Read by the headers printed over them, so every cell is sure of its column.
    expect(report.cells.filter((c) => c.field.startsWith('t3.')).every((c) => c.confidence === 'high')).toBe(
      true,
    );
    expect(report.cells.find((c) => c.field === 't2.rules.current')?.origin).toEqual({
      kind: 'cell',
      table: 1,
      row: 3,
      col: 4,
    });
  });

  it('the same report as a saved page: numbers split over <span>s read whole', async () => {
    const { draft, report } = await imported(fixture('xjnlk-town-2023.html'), 'xjnlk-town-2023.html');
    expect(report.format).toBe('html');
    expect(draft.year).toBe(2023);
    expect(draft.values['t2.rules.current']).toBe(6);
    expect(draft.declared['t3.open.total']).toBe(0);
  });

  it('a GBK page that declares charset=gb2312, full-width digits in its cells', async () => {
    const { draft } = await imported(fixture('erlang-subdistrict-2022.htm'), 'erlang-subdistrict-2022.htm');
    expect(draft.unit.name).toBe('重庆市九龙坡区二郎街道办事处');
    expect(draft.year).toBe(2022);
    expect(draft.values['t2.normative.issued']).toBe(4);
    expect(draft.values['t2.normative.current']).toBe(4);
  });

  it('the GBK page converted to .docx by LibreOffice: the title year in a run of its own', async () => {
    const { draft } = await imported(fixture('erlang-subdistrict-2022.docx'), 'erlang-subdistrict-2022.docx');
    expect(draft.unit.name).toBe('重庆市九龙坡区二郎街道办事处');
    expect(draft.year).toBe(2022);
    expect(draft.values['t2.normative.current']).toBe(4);
  });
});

describe('a Word file that still holds tracked changes (修订)', () => {
  /** 二郎街道's .docx, as a unit might send it: its 4 corrected to 5 and a sentence moved, all still tracked. */
  async function revised(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(fixture('erlang-subdistrict-2022.docx'));
    let xml = await zip.file('word/document.xml')!.async('string');
    const at = xml.indexOf('行政规范性文件');
    const four = '<w:r><w:rPr></w:rPr><w:t>４</w:t></w:r>';
    const cell = xml.indexOf(four, at);
    const change = (id: number) => `w:id="${id}" w:author="李四" w:date="2023-01-10T09:00:00Z"`;
    xml =
      xml.slice(0, cell) +
      `<w:del ${change(1)}><w:r><w:delText>４</w:delText></w:r></w:del>` +
      `<w:ins ${change(2)}><w:r><w:t>5</w:t></w:r></w:ins>` +
      xml.slice(cell + four.length);
    const body = xml.indexOf('<w:body>') + '<w:body>'.length;
    xml =
      xml.slice(0, body) +
      `<w:p><w:moveFrom ${change(3)}><w:r><w:t>这句话已移到别处。</w:t></w:r></w:moveFrom></w:p>` +
      xml.slice(body);
    zip.file('word/document.xml', xml);
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('reads the text as it stands with every change accepted, and the report counts the changes', async () => {
    const { draft, report } = await imported(await revised(), 'erlang-revised.docx');
    expect(draft.values).toMatchObject({ 't2.normative.issued': 5, 't2.normative.current': 4 });
    expect(Object.values(draft.prose).join('\n')).not.toContain('这句话已移到别处');
    expect(report.trackedChanges).toBe(3);
  });

  it('a file without them says none', async () => {
    const { report } = await imported(fixture('erlang-subdistrict-2022.docx'), 'erlang.docx');
    expect(report.trackedChanges).toBe(0);
  });
});

describe('text copied from a PDF viewer', () => {
  it('leaves the page numbers it carries out of the prose, and lists them as skipped', async () => {
    const text = [
      '某镇人民政府2024年政府信息公开工作年度报告',
      '一、总体情况',
      '2024年，我镇坚持以人民为中心，全面推进政务公开。',
      '- 1 -',
      '全年共主动公开政府信息120条。',
      '—2—',
      '第3页 共8页',
      '二、主动公开政府信息情况',
    ].join('\n');
    const { draft, report } = await imported(bytes(text), '报告.txt');
    expect(draft.prose['s1.intro']).toBe(
      '2024年，我镇坚持以人民为中心，全面推进政务公开。\n全年共主动公开政府信息120条。',
    );
    expect(report.skipped.filter((s) => s.reason === 'pageNumber').map((s) => s.text)).toEqual([
      '- 1 -',
      '—2—',
      '第3页 共8页',
    ]);
  });
});

describe('cells printed blank, "/", "—" or 无 are not zeros', () => {
  const text = [
    '某某镇2024年政府信息公开工作年度报告',
    '本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
    '二、主动公开政府信息情况',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '规章 | / | / | / |',
    '行政规范性文件 | 1,2 | — | 无 |',
    '行政许可 | １，２３４ |',
  ].join('\n');

  it('keeps them blank, counts them per table, and reads 1,234 in full-width digits', async () => {
    const result = await importText(text);
    if (!result.ok) throw new Error();
    const { draft, report } = result;
    expect(draft.values).toEqual({ 't2.licensing': 1234 });
    expect(report.blankCount).toEqual({ t2: 5 });
    expect(report.cells.filter((c) => c.value === null).map((c) => c.printed)).toEqual([
      '/',
      '/',
      '/',
      '—',
      '无',
    ]);
    // "1,2" is no number a table prints: listed, not guessed.
    expect(report.notPlaced).toContainEqual(expect.objectContaining({ reason: 'unreadableNumber' }));
  });

  it('the checks then say how many cells of the table are still blank, until the clerk fills them', async () => {
    const result = await importText(text);
    if (!result.ok) throw new Error();
    const template = findTemplate('national-2021')!;
    const blankCells = (d: Draft) => runChecks(template, d).filter((f) => f.rule === 'BLANKCELL');
    expect(result.draft.blanks).toHaveLength(5);
    const [finding] = blankCells(result.draft);
    expect(finding).toMatchObject({ severity: 'warning', params: { count: 5 } });
    expect(createI18n('zh-CN').t(finding!.key, finding!.params)).toContain('有 5 个格子原文空着');
    const filled = { ...result.draft, values: { ...result.draft.values, 't2.rules.issued': 0 } };
    expect(blankCells(filled)[0]!.params.count).toBe(4);
  });
});

describe('files that are not a report the import can read get a message saying what to do', () => {
  it.each([
    [
      '报告.doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'import.error.oldWord',
    ],
    [
      '报告.wps',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'import.error.oldWord',
    ],
    ['报告.pdf', bytes('%PDF-1.7\n%âãÏÓ\n'), 'import.error.pdf'],
    ['报告.rtf', bytes('{\\rtf1\\ansi hello}'), 'import.error.rtf'],
    ['报告.mht', bytes('MIME-Version: 1.0\nContent-Type: multipart/related\n'), 'import.error.mht'],
    ['空.docx', new Uint8Array(), 'import.error.empty'],
    ['坏.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'import.error.damaged'],
    [
      '图片.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(64).fill(0)]),
      'import.error.unknown',
    ],
  ])('%s', async (name, data, key) => {
    const result = await importDocument(data, name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ key, params: { name } });
  });
});
