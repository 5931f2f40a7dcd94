/** The Debian packages the tests need, as scripts/install-system-deps.sh lists them (see check-system-deps.mjs). */
export function requiredPackages(installer?: string): string[];
/** The programs the tests run, checked where there is no dpkg. */
export const REQUIRED_PROGRAMS: string[];
/** What `npm test` does about missing system packages (see check-system-deps.mjs). */
export function decide(machine: {
  missing: string[];
  debian: boolean;
  root: boolean;
}): { action: 'run' } | { action: 'install'; command: string } | { action: 'stop'; command: string };
