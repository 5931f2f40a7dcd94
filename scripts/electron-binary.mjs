import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The executable the `electron` package would start, or null when it is not on disk: the lookup of
 * node_modules/electron/index.js, including its ELECTRON_OVERRIDE_DIST_PATH, without its side
 * effect. Asked for a binary that is missing, electron ≥ 42 downloads it, and without internet
 * that fails with a stack trace; `npm start` and the end-to-end test ask here first.
 *
 * @param {Record<string, string | undefined>} [env] the environment to read the override from
 * @returns {string | null}
 */
export function electronBinary(env = process.env) {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? join(override, relative || 'electron')
    : relative && join(packageDir, 'dist', relative);
  return binary && existsSync(binary) ? binary : null;
}
