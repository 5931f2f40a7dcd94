import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/office/**/*.test.ts'],
    environment: 'node',
    // Two cores: office tests run LibreOffice, which is heavy; keep files in few workers.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: {
      // `require('electron')` outside Electron downloads the binary; a missing dist path makes it return a string instead.
      ELECTRON_OVERRIDE_DIST_PATH: resolve('test/.no-electron'),
    },
  },
});
