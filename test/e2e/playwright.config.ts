import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/web/pdf';

/**
 * End-to-end tests: the built renderer in Debian's Chromium, with the real services behind the
 * browser bridge (the `npm run dev:web` server). The renderer and server are built once
 * (global-setup.ts); each test file starts its own server on a fresh data folder (app.ts).
 * Two cores: two workers at most.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  outputDir: '../../test-results/e2e',
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
  },
});
