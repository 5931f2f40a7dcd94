#!/usr/bin/env node
/**
 * `npm test`'s first step (the `pretest` script): the office tests need LibreOffice, poppler,
 * xmllint and the CJK fonts, the end-to-end tests Debian's Chromium. Where any is missing, this
 * installs them when it can (root on Debian, UOS or Kylin: scripts/install-system-deps.sh, which CI
 * runs too), and otherwise stops at once with the one command to run, instead of a wall of
 * failing tests or a silent skip of the office and browser tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const INSTALLER = 'scripts/install-system-deps.sh';

/** The packages, read from the installer itself so that the two lists cannot drift apart. */
export function requiredPackages(installer = readFileSync(join(root, INSTALLER), 'utf8')) {
  const list = /^pkgs=\(([^)]*)\)/m.exec(installer)?.[1];
  if (!list) throw new Error(`${INSTALLER}: no pkgs=(…) list`);
  return list.trim().split(/\s+/);
}

/** Where there is no dpkg to ask (not Debian): the programs the tests run, by the name they are run under. */
export const REQUIRED_PROGRAMS = ['soffice', 'pdftotext', 'pdftoppm', 'xmllint', 'chromium'];

/**
 * What to do, from what the machine has. Pure, so each case is tested.
 * @param {{ missing: string[], debian: boolean, root: boolean }} machine
 *   `missing`: packages (Debian) or programs (elsewhere) not found; `debian`: apt-get and dpkg exist;
 *   `root`: this process may install packages.
 * @returns {{ action: 'run' } | { action: 'install', command: string } | { action: 'stop', command: string }}
 */
export function decide({ missing, debian, root: isRoot }) {
  if (missing.length === 0) return { action: 'run' };
  const command = `bash ${INSTALLER}`;
  if (debian && isRoot) return { action: 'install', command };
  return { action: 'stop', command: isRoot ? command : `sudo ${command}` };
}

function onPath(program) {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir && existsSync(join(dir, process.platform === 'win32' ? `${program}.exe` : program)));
}

function machine() {
  const debian = onPath('dpkg-query') && onPath('apt-get');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!debian) return { missing: REQUIRED_PROGRAMS.filter((p) => !onPath(p)), debian, root: isRoot };
  const packages = requiredPackages();
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], {
    encoding: 'utf8',
  });
  const installed = new Set(
    (query.stdout ?? '')
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]),
  );
  return { missing: packages.filter((p) => !installed.has(p)), debian, root: isRoot };
}

/** A message in Chinese and English, from the app's locale files (app.json, systemDeps). */
function say(key, params) {
  return ['zh-CN', 'en']
    .map((lang) => {
      const messages = JSON.parse(readFileSync(join(root, 'shared', 'locales', lang, 'app.json'), 'utf8'));
      return Object.entries(params).reduce(
        (text, [name, value]) => text.replaceAll(`{{${name}}}`, value),
        messages.systemDeps[key],
      );
    })
    .join('\n');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const found = machine();
  const decision = decide(found);
  if (decision.action === 'install') {
    process.stdout.write(`${say('installing', { packages: found.missing.join(' ') })}\n`);
    spawnSync('bash', [INSTALLER], { cwd: root, stdio: 'inherit' });
    const after = machine();
    if (after.missing.length > 0) {
      process.stderr.write(
        `${say('missing', { packages: after.missing.join(' '), command: decision.command })}\n`,
      );
      process.exit(1);
    }
  } else if (decision.action === 'stop') {
    process.stderr.write(
      `${say('missing', { packages: found.missing.join(' '), command: decision.command })}\n`,
    );
    process.exit(1);
  }
}
