import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliOutput } from '../../../cli/main';
import { exportDocx } from '../../../shared/export/docx';
import { readDraft } from '../../../shared/report/draft-io';
import { findTemplate } from '../../../shared/report/templates';

function capture(): CliOutput & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
const dir = () => mkdtempSync(join(tmpdir(), 'nianbao-import-'));
const DOCX = 'test/fixtures/import/published/xjnlk-town-2023.docx';

describe('nianbao import', () => {
  it('writes the draft and the import report, and says what it read', async () => {
    const d = dir();
    const out = capture();
    const code = await main(
      ['import', DOCX, '-o', join(d, 'draft.json'), '--report', join(d, 'report.json')],
      out,
    );
    expect(code).toBe(0);
    const read = readDraft(readFileSync(join(d, 'draft.json'), 'utf8'));
    expect(read.ok && read.draft.values['t2.rules.current']).toBe(6);
    const report = JSON.parse(readFileSync(join(d, 'report.json'), 'utf8'));
    expect(report.template).toBe('national-2021');
    expect(out.stdout.join('\n')).toContain('2023年度');
  });

  it('refuses to replace an existing draft unless --force', async () => {
    const d = dir();
    const target = join(d, 'draft.json');
    writeFileSync(target, 'mine');
    const out = capture();
    expect(await main(['import', DOCX, '-o', target], out)).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('mine');
    expect(out.stderr.join('\n')).toContain('--force');
    expect(await main(['import', DOCX, '-o', target, '--force'], capture())).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('"t2.rules.current": 6');
  });

  it('a .doc gets the “另存为 .docx” message, in the language asked for', async () => {
    const d = dir();
    const doc = join(d, '报告.doc');
    writeFileSync(doc, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const zh = capture();
    expect(await main(['import', doc, '-o', join(d, 'x.json')], zh)).toBe(2);
    expect(zh.stderr.join('\n')).toContain('请在 WPS 或 Word 中“另存为” .docx 后再导入');
    const en = capture();
    expect(await main(['import', doc, '-o', join(d, 'x.json'), '--lang', 'en'], en)).toBe(2);
    expect(en.stderr.join('\n')).toContain('Save as');
    expect(existsSync(join(d, 'x.json'))).toBe(false);
  });
});

describe('nianbao consolidate reads Word files beside drafts', () => {
  it('adds up a unit that sent its .docx with one that sent its draft', async () => {
    const d = dir();
    copyFileSync('examples/national-2021-township-2025.json', join(d, '云岭镇.json'));
    const read = readDraft(readFileSync('examples/national-2021-township-2025.json', 'utf8'));
    if (!read.ok) throw new Error();
    const other = {
      ...read.draft,
      id: 'other-unit-2025',
      unit: { ...read.draft.unit, name: '白沙镇人民政府' },
    };
    writeFileSync(join(d, '白沙镇.docx'), await exportDocx(findTemplate(other.template)!, other));
    const out = capture();
    const code = await main(['consolidate', d, '--json'], out);
    expect(code).not.toBe(2);
    const text = out.stdout.join('\n');
    expect(text).toContain('白沙镇人民政府');
    expect(text).toContain('白沙镇.docx');
  });
});
