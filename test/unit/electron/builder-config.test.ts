import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Packaging downloads Electron, so it cannot run here: this reads electron-builder.yml the way
 * electron-builder does and asserts what the clerks' installers depend on.
 */
const file = fileURLToPath(new URL('../../../electron-builder.yml', import.meta.url));
const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown> & {
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: { target: string; arch: string[] }[]; category: string; icon: string };
};

describe('electron-builder.yml', () => {
  it('is valid for the electron-builder installed here (its own schema check)', async () => {
    // electron-builder's own validator, from app-builder-lib (installed with electron-builder, same version).
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('has a stable app id and the Chinese product name', () => {
    expect(config.appId).toBe('cn.nianbao.app');
    expect(config.productName).toBe('政务公开年报助手');
  });

  it('builds a Chinese NSIS installer for Windows x64 with a choosable folder, keeping user data on uninstall', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
    });
  });

  it('builds deb and AppImage for x64 and arm64 (UOS, Kylin), filed under Office', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux.category).toBe('Office');
  });

  it('gives both installers an icon large enough for Windows (at least 256 px)', () => {
    for (const icon of [config.win.icon, config.linux.icon]) {
      const png = readFileSync(fileURLToPath(new URL(`../../../${icon}`, import.meta.url)));
      // PNG header: width and height are big-endian 32-bit integers at bytes 16 and 20.
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(256);
    }
  });

  it('ships only the bundles, the built renderer, the sample report and package.json', () => {
    const included = config.files.filter((f) => !f.startsWith('!'));
    expect(included.sort()).toEqual(
      [
        'dist/electron/**',
        'dist/renderer/**',
        'examples/national-2021-township-2025.json',
        'package.json',
      ].sort(),
    );
    expect(config.files).toContain('!node_modules/**');
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS or --inspect, app only from a checked asar, encrypted cookies', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
