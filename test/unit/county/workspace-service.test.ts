import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeApi } from '../../../shared/bridge';
import { serializeDraft } from '../../../shared/report/draft-io';
import { exportDocx } from '../../../shared/export/docx';
import { national2021 } from '../../../shared/report/templates/national-2021';
import { buildServicesChild, harness, open, removeDir, tempDir, told } from '../services/helpers';
import { oldFormReport, unitReport, withBalanceError } from './fixtures';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const add = (api: BridgeApi, name: string, draft = unitReport(name), receivedOn = '2026-01-21') =>
  api.county.addFile({ year: 2025, fileName: `${name}.json`, data: b64(serializeDraft(draft)), receivedOn });

describe('the county workspace through the bridge', () => {
  let dir: string;
  let api: BridgeApi;
  const h = () => harness(dir);
  beforeAll(async () => {
    dir = tempDir('nianbao-county-');
    api = await open(h());
  });
  afterAll(() => removeDir(dir));

  it('keeps the 名单, the deadline and every received file, and survives a restart', async () => {
    await api.county.setRoster(2025, [
      { name: '甲镇人民政府', kind: 'township', contact: '' },
      { name: '乙镇人民政府', kind: 'township', contact: '' },
      { name: '丙镇人民政府', kind: 'township', contact: '' },
    ]);
    await api.county.setDetails(2025, { deadline: '2026-01-25', issuer: '清溪县人民政府办公室' });
    expect((await add(api, '甲镇人民政府', unitReport('甲镇人民政府'), '2026-01-20')).ok).toBe(true);
    expect(
      (await add(api, '乙镇人民政府', withBalanceError(unitReport('乙镇人民政府')), '2026-01-28')).ok,
    ).toBe(true);
    const before = await api.county.open(2025);
    const again = await (await open(h())).county.open(2025);
    expect(again.rows).toEqual(before.rows);
    expect(again).toMatchObject({ deadline: '2026-01-25', issuer: '清溪县人民政府办公室' });
    expect(again.rows.map((r) => r.status)).toEqual(['submitted', 'late', 'missing']);
    expect(again.report.withErrors).toEqual(['乙镇人民政府']);
  });

  it('offers a choice for a name not on the 名单 and remembers it', async () => {
    const added = await add(api, '丙镇政府');
    expect(added.ok && added.file).toMatchObject({ match: 'pending', candidates: ['丙镇人民政府'] });
    const view = await api.county.assign(2025, added.ok ? added.file.id : '', '丙镇人民政府');
    expect(view.pending).toEqual([]);
    expect(view.rows.find((r) => r.unit === '丙镇人民政府')!.status).toBe('submitted');
    // The next file under that name goes to the same unit by itself.
    const next = await add(api, '丙镇政府', unitReport('丙镇政府', 2, '2026-01-22T00:00:00.000Z'));
    expect(next.ok && next.file).toMatchObject({ match: 'auto', unit: '丙镇人民政府' });
  });

  it('replaces a unit’s report with a newer one, keeping the older in its history', async () => {
    const newer = withBalanceError(unitReport('乙镇人民政府', 1, '2026-02-02T00:00:00.000Z'));
    newer.values['t3.new.natural'] = (newer.values['t3.new.natural'] ?? 0) - 1;
    await add(api, '乙镇人民政府', newer, '2026-02-02');
    const row = (await api.county.open(2025)).rows.find((r) => r.unit === '乙镇人民政府')!;
    expect(row.errors).toBe(0);
    expect(row.history).toHaveLength(2);
    // Still late: the county first had its report after the deadline.
    expect(row.status).toBe('late');
    const files = await api.county.unit(2025, '乙镇人民政府');
    expect(files.map((f) => f.draft.meta.updatedAt)).toEqual([
      '2026-02-02T00:00:00.000Z',
      '2026-01-20T02:00:00.000Z',
    ]);
  });

  it('refuses a file that is not a report, in words, and keeps nothing of it', async () => {
    const result = await api.county.addFile({
      year: 2025,
      fileName: '通知.json',
      data: b64('{"not":"a draft"}'),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(told(result.error)).toMatch(/./);
    const wrongKind = await api.county.addFile({ year: 2025, fileName: '报告.pdf', data: b64('%PDF') });
    expect(!wrongKind.ok && told(wrongKind.error)).toContain('报告.pdf');
  });

  it('restores a damaged workspace.json from its newest backup and says so', async () => {
    const path = join(dir, 'county', '2025', 'workspace.json');
    const good = JSON.parse(readFileSync(path, 'utf8')) as { files: unknown[] };
    writeFileSync(path, '{"formatVersion":1,"year":20');
    const view = await (await open(h())).county.open(2025);
    expect(view.notices.map((n) => n.key)).toContain('county.notice.restored');
    expect(view.rows.filter((r) => r.file).length).toBe(3);
    expect(readdirSync(join(dir, 'county', '2025', 'corrupt')).length).toBe(1);
    expect(good.files.length).toBeGreaterThan(0);
  });

  it('flags a report on the old form and leaves it out of the totals', async () => {
    await api.county.setRoster(2025, [
      ...(await api.county.open(2025)).roster,
      { name: '丁镇人民政府', kind: 'township', contact: '' },
    ]);
    await add(api, '丁镇人民政府', oldFormReport('丁镇人民政府'));
    const view = await api.county.open(2025);
    expect(view.rows.find((r) => r.unit === '丁镇人民政府')!.oldFormat).toBe(true);
    expect(view.totals.units).not.toContain('丁镇人民政府');
  });
  it('reads a unit’s Word file through the importer and measures its text against its own last year', async () => {
    await api.county.setRoster(2025, [
      ...(await api.county.open(2025)).roster,
      { name: '戊镇人民政府', kind: 'township', contact: '' },
      { name: '己镇人民政府', kind: 'township', contact: '' },
    ]);
    const word = await exportDocx(national2021, unitReport('戊镇人民政府', 2));
    const added = await api.county.addFile({
      year: 2025,
      fileName: '戊镇年报.docx',
      data: Buffer.from(word).toString('base64'),
      receivedOn: '2026-01-21',
    });
    expect(added.ok && added.file).toMatchObject({
      unit: '戊镇人民政府',
      template: 'national-2021',
      year: 2025,
    });
    const copied = unitReport('己镇人民政府');
    copied.prose = {
      's1.intro': '我镇坚持以人民为中心的发展思想，全面推进政务公开工作。全年召开专题会议研究部署公开工作。',
    };
    copied.previous = { year: 2024, values: {}, prose: { 's1.intro': copied.prose['s1.intro']! } };
    await add(api, '己镇人民政府', copied);
    const view = await api.county.open(2025);
    expect(view.rows.find((r) => r.unit === '己镇人民政府')!.repeatShare).toBe(1);
    expect(view.rows.find((r) => r.unit === '戊镇人民政府')!.repeatShare).toBeNull();
  });

  it('writes a letter per unit with problems and one workbook of all findings', async () => {
    const h2 = harness(dir);
    mkdirSync(join(dir, 'out'));
    h2.answer = join(dir, 'out', '审核意见.xlsx');
    const api2 = await open(h2);
    const before = await api2.county.open(2025);
    const written = await api2.county.exportFeedback(2025, null);
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    const withProblems = before.rows.filter(
      (r) => r.file && (r.errors > 0 || r.warnings > 0 || r.oldFormat || r.wrongYear),
    );
    expect(written.files).toHaveLength(withProblems.length);
    for (const f of written.files) expect(existsSync(f)).toBe(true);
    expect(existsSync(written.path)).toBe(true);
  });
});

describe('an import killed halfway', () => {
  let work: string;
  let child: string;
  beforeAll(async () => {
    work = tempDir('nianbao-county-kill-');
    child = await buildServicesChild(
      new URL('./fixtures/import-burst.ts', import.meta.url),
      join(work, 'import-burst.cjs'),
    );
  });
  afterAll(() => removeDir(work));

  /** Runs the child until it reported `atLeast` files added, waits `ms`, kills it; returns the names it reported. */
  const burstAndKill = (dataDir: string, atLeast: number, ms: number) =>
    new Promise<string[]>((resolve, reject) => {
      const proc = spawn(process.execPath, [child, dataDir, '40'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const done: string[] = [];
      let out = '';
      let killing = false;
      proc.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const lines = out.split('\n');
        out = lines.pop() ?? '';
        for (const line of lines)
          if (line.startsWith('FAILED')) reject(new Error(line));
          else if (line !== 'DONE') done.push(line);
        if (done.length >= atLeast && !killing) {
          killing = true;
          setTimeout(() => proc.kill('SIGKILL'), ms);
        }
      });
      proc.on('exit', () => resolve(done));
    });

  it('loses no file the import had taken in, kill after kill', async () => {
    const dir = tempDir();
    try {
      let reported: string[] = [];
      for (const [atLeast, ms] of [
        [3, 0],
        [6, 7],
        [9, 23],
      ] as const) {
        reported = await burstAndKill(dir, atLeast, ms);
        const view = await (await open(harness(dir))).county.open(2025);
        const submitted = view.rows.filter((r) => r.status !== 'missing').map((r) => r.unit);
        // Every file the child finished is there; at most the one it was writing came in too.
        for (const name of reported) expect(submitted).toContain(name);
        expect(view.rows).toHaveLength(40);
        expect(view.notices.filter((n) => n.severity === 'error')).toEqual([]);
        const folder = join(dir, 'county', '2025', 'files');
        expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      }
      expect(reported.length).toBeGreaterThan(0);
    } finally {
      removeDir(dir);
    }
  });
});
