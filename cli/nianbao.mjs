#!/usr/bin/env node
// The installed `nianbao` command: runs the bundled CLI (built by `npm run build:cli`, also on npm install).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(bundle)) {
  console.error(
    'nianbao: 尚未构建命令行工具，请先运行 npm run build:cli (the CLI is not built yet: run npm run build:cli)',
  );
  process.exit(2);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
