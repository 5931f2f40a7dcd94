import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, requiredPackages } from '../../../scripts/check-system-deps.mjs';
import { removeDir, tempDir } from '../services/helpers';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm test on a machine without the system packages the tests need', () => {
  it('runs the tests when nothing is missing', () => {
    expect(decide({ missing: [], debian: true, root: false })).toEqual({ action: 'run' });
    expect(decide({ missing: [], debian: false, root: false })).toEqual({ action: 'run' });
  });

  it('installs them as root on Debian, with the script CI runs', () => {
    expect(decide({ missing: ['chromium'], debian: true, root: true })).toEqual({
      action: 'install',
      command: 'bash scripts/install-system-deps.sh',
    });
  });

  it('otherwise stops with the one command to run', () => {
    expect(decide({ missing: ['libreoffice-writer'], debian: true, root: false })).toEqual({
      action: 'stop',
      command: 'sudo bash scripts/install-system-deps.sh',
    });
    expect(decide({ missing: ['soffice'], debian: false, root: true })).toEqual({
      action: 'stop',
      command: 'bash scripts/install-system-deps.sh',
    });
  });

  it('checks the packages the installer installs: LibreOffice, poppler, xmllint, the fonts and Chromium', () => {
    const packages = requiredPackages();
    for (const p of [
      'libreoffice-writer',
      'libreoffice-calc',
      'poppler-utils',
      'libxml2-utils',
      'fonts-noto-cjk',
      'chromium',
    ])
      expect(packages).toContain(p);
    expect(requiredPackages('set -e\npkgs=(a b\n  c)\n')).toEqual(['a', 'b', 'c']);
  });

  it('stops at once, in one message naming what is missing and the command, where nothing can be installed', () => {
    // A PATH with nothing on it: no dpkg, no LibreOffice, no Chromium.
    const empty = tempDir();
    const run = spawnSync(process.execPath, ['scripts/check-system-deps.mjs'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: empty },
      timeout: 10_000,
    });
    removeDir(empty);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('soffice');
    expect(run.stderr).toContain('chromium');
    expect(run.stderr).toContain('bash scripts/install-system-deps.sh');
    expect(run.stderr).toContain('测试需要的系统软件包没有安装');
    expect(run.stdout).toBe('');
  });

  it('lets the tests run on this machine, where everything is installed', () => {
    const run = spawnSync(process.execPath, ['scripts/check-system-deps.mjs'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
