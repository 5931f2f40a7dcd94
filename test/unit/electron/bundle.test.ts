import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/** `npm run build:electron` must give two self-contained CommonJS files; a sandboxed preload can load nothing else. */
const root = fileURLToPath(new URL('../../../', import.meta.url));
let main: string;
let preload: string;

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--quiet'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  main = readFileSync(`${root}dist/electron/main.cjs`, 'utf8');
  preload = readFileSync(`${root}dist/electron/preload.cjs`, 'utf8');
}, 120_000);

/** Modules the code requires at run time (ajv's code generator has require("…") inside strings: not calls). */
const required = (code: string) => [
  ...new Set([...code.matchAll(/(?<![`'"\w.])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!)),
];

describe('the Electron bundles', () => {
  it('the preload is one CommonJS file that requires nothing but electron', () => {
    expect(required(preload)).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('main requires only electron and Node built-ins: the packaged app ships no node_modules', () => {
    const outside = required(main).filter((name) => name !== 'electron' && !name.startsWith('node:'));
    const builtins = new Set(builtinModules);
    expect(outside.filter((name) => !builtins.has(name))).toEqual([]);
  });
});
