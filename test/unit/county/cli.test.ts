import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliOutput } from '../../../cli/main';
import { serializeDraft } from '../../../shared/report/draft-io';
import { removeDir, tempDir } from '../services/helpers';
import { oldFormReport, unitReport, withBalanceError } from './fixtures';

function capture(): CliOutput & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const dir = tempDir('nianbao-county-cli-');
afterAll(() => removeDir(dir));

describe('nianbao consolidate --deadline --feedback', () => {
  const inbox = join(dir, '收件');
  mkdirSync(inbox);
  const put = (name: string, text: string, when: Date) => {
    const path = join(inbox, name);
    writeFileSync(path, text);
    utimesSync(path, when, when);
  };
  put('甲.json', serializeDraft(unitReport('甲镇人民政府')), new Date(2026, 0, 20, 9));
  put('乙.json', serializeDraft(withBalanceError(unitReport('乙镇人民政府', 2))), new Date(2026, 1, 3, 9));
  put('丙.json', serializeDraft(oldFormReport('丙镇人民政府')), new Date(2026, 0, 25, 9));
  const list = join(dir, '名单.txt');
  writeFileSync(list, '甲镇人民政府\n乙镇人民政府\n丙镇人民政府\n丁镇人民政府\n');

  it('names the late units and writes a letter for each report with something to fix', async () => {
    const out = capture();
    const letters = join(dir, '审核意见');
    const code = await main(
      [
        'consolidate',
        inbox,
        '--expect',
        list,
        '--year',
        '2025',
        '--template',
        'national-2021',
        '--deadline',
        '2026-01-31',
        '--feedback',
        letters,
        '--unit',
        '清溪县人民政府办公室',
        '--json',
      ],
      out,
    );
    expect(code).toBe(1);
    const report = JSON.parse(out.stdout.join('\n')) as {
      late: { unit: string }[];
      feedback: string[];
      missing: string[];
    };
    expect(report.late.map((l) => l.unit)).toEqual(['乙镇人民政府']);
    // A report on the old form is not one of the year's national reports: consolidate counts it as not in.
    expect(report.missing).toEqual(['丙镇人民政府', '丁镇人民政府']);
    expect(readdirSync(letters).sort()).toEqual([
      '关于丙镇人民政府2025年政府信息公开工作年度报告的审核意见.docx',
      '关于乙镇人民政府2025年政府信息公开工作年度报告的审核意见.docx',
    ]);
    const xml = await (
      await JSZip.loadAsync(
        readFileSync(
          join(
            letters,
            readdirSync(letters).find((n) => n.includes('乙镇'))!,
          ),
        ),
      )
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('清溪县人民政府办公室');
    expect(xml).toContain('应相等');
  });

  it('refuses a deadline that is not a date, in words', async () => {
    const out = capture();
    expect(await main(['consolidate', inbox, '--deadline', '2026-02-30'], out)).toBe(2);
    expect(out.stderr.join('\n')).toContain('2026-02-30');
  });

  it('says in text which units came late, against the deadline given', async () => {
    const out = capture();
    await main(['consolidate', inbox, '--year', '2025', '--deadline', '2026-01-31'], out);
    expect(out.stdout.join('\n')).toContain('逾期：乙镇人民政府（2026-02-03 收到，截止日期 2026-01-31）');
  });
});
