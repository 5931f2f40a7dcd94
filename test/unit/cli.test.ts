import { mkdtempSync, readFileSync, existsSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { main, type CliOutput } from '../../cli/main';
import { readDraft } from '../../shared/report/draft-io';

function capture(): CliOutput & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
const dir = () => mkdtempSync(join(tmpdir(), 'nianbao-cli-'));

async function docxXml(file: string, part: RegExp): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => part.test(n));
  return (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('\n');
}

describe('nianbao new', () => {
  it('writes an empty draft that reads back with its template, unit and year', async () => {
    const out = join(dir(), 'draft.json');
    const io = capture();
    const code = await main(
      ['new', '--template', 'national-2021', '--unit', '寮步镇人民政府', '--year', '2025', '-o', out],
      io,
    );
    expect(code).toBe(0);
    const read = readDraft(readFileSync(out, 'utf8'));
    expect(read.ok && [read.draft.template, read.draft.unit.name, read.draft.year]).toEqual([
      'national-2021',
      '寮步镇人民政府',
      2025,
    ]);
    expect(io.stdout.join('\n')).toContain('已新建草稿');
  });

  it('refuses an unknown template and a bad year with a message, writing nothing', async () => {
    const d = dir();
    const io = capture();
    expect(
      await main(['new', '--template', 'nope', '--unit', 'x', '--year', '2025', '-o', join(d, 'a.json')], io),
    ).toBe(2);
    expect(io.stderr.join('\n')).toContain('没有名为“nope”的模板');
    expect(await main(['new', '--unit', 'x', '--year', '二〇二五', '-o', join(d, 'b.json')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('报告年度');
    expect(await main(['new', '--unit', 'x', '--year', '2025.5', '-o', join(d, 'b.json')], io)).toBe(2);
    expect(await main(['new', '--unit', '\u0000\u202E', '--year', '2025', '-o', join(d, 'b.json')], io)).toBe(
      2,
    );
    expect(readdirSync(d)).toEqual([]);
  });

  it('reads the year as a clerk types it, and keeps control and bidi characters out of the unit name', async () => {
    const out = join(dir(), 'draft.json');
    const io = capture();
    expect(
      await main(['new', '--unit', '某镇\u202Excod.exe\u001B', '--year', '２０２５年', '-o', out], io),
    ).toBe(0);
    const read = readDraft(readFileSync(out, 'utf8'));
    expect(read.ok && [read.draft.unit.name, read.draft.year]).toEqual(['某镇xcod.exe', 2025]);
  });
});

describe('nianbao check', () => {
  it('exits 0 on the complete national example', async () => {
    const io = capture();
    expect(await main(['check', 'examples/national-2021-township-2025.json'], io)).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/^共 0 个错误/);
  });

  it('exits 1 and names the rule and the row when 一+二 ≠ 七+四 (R1)', async () => {
    const draft = JSON.parse(readFileSync('examples/national-2021-township-2025.json', 'utf8'));
    draft.values['t3.new.natural'] = (draft.values['t3.new.natural'] ?? 0) + 5;
    const file = join(dir(), 'broken.json');
    writeFileSync(file, JSON.stringify(draft));
    const io = capture();
    expect(await main(['check', file], io)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/错误 R1 三、收到和处理政府信息公开申请情况/);
    expect(text).toContain('自然人');
  });

  it('speaks English with --lang en', async () => {
    const io = capture();
    await main(['check', 'examples/liaobu-2012.json', '--lang', 'en'], io);
    expect(io.stdout.at(-1)).toMatch(/error\(s\)/);
  });

  it('reports an unreadable or malformed file without a stack trace', async () => {
    const file = join(dir(), 'bad.json');
    writeFileSync(file, '{"formatVersion": 2, "id": ');
    const io = capture();
    expect(await main(['check', file], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/无法打开草稿 .*JSON/);
    expect(await main(['check', join(dir(), 'missing.json')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('ENOENT');
  });
});

describe('nianbao export', () => {
  it('writes the Word and Excel files of the national example, unmarked', async () => {
    const d = dir();
    const io = capture();
    const args = [
      'export',
      'examples/national-2021-township-2025.json',
      '--docx',
      join(d, 'r.docx'),
      '--xlsx',
      join(d, 't.xlsx'),
    ];
    expect(await main(args, io)).toBe(0);
    expect(existsSync(join(d, 'r.docx')) && existsSync(join(d, 't.xlsx'))).toBe(true);
    expect(await docxXml(join(d, 'r.docx'), /word\/header\d*\.xml/)).not.toContain('草稿');
  });

  it('refuses a draft with errors, and with --allow-errors marks the files 草稿', async () => {
    const d = dir();
    const io = capture();
    const docx = join(d, 'r.docx');
    expect(await main(['export', 'examples/guangzhou-chengguan-2012.json', '--docx', docx], io)).toBe(1);
    expect(existsSync(docx)).toBe(false);
    expect(io.stderr.join('\n')).toContain('未导出');
    expect(
      await main(['export', 'examples/guangzhou-chengguan-2012.json', '--docx', docx, '--allow-errors'], io),
    ).toBe(0);
    expect(await docxXml(docx, /word\/header\d*\.xml/)).toContain('草稿');
    expect(io.stdout.join('\n')).toContain('已标注“草稿”');
  });

  it('reports a target it cannot write and leaves no temporary file behind', async () => {
    const d = dir();
    const io = capture();
    // A target inside a path whose parent is a regular file cannot be created, even by root.
    writeFileSync(join(d, 'file'), 'x');
    const target = join(d, 'file', 'r.docx');
    expect(await main(['export', 'examples/national-2021-township-2025.json', '--docx', target], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('无法写入文件');
    expect(readdirSync(d)).toEqual(['file']);
  });
});
