import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the renderer and the browser-mode server once for the whole run. */
export default function globalSetup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/dev-web.mjs', '--build-only'], { cwd: root, stdio: 'inherit' });
}
