// Bundles the CLI and the benchmark with esbuild: shared/ is TypeScript, and Node 20 cannot run it directly.
import { build } from 'esbuild';

const quiet = process.argv.includes('--quiet');
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: quiet ? 'warning' : 'info',
  sourcemap: 'linked',
};
await build({
  ...common,
  entryPoints: { 'cli/main': 'cli/main.ts', bench: 'scripts/bench.ts' },
  outdir: 'dist',
});
