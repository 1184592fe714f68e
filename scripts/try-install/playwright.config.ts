import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../chromium.playwright';

/**
 * The browser test of scripts/try-install.sh, against an app made by Backstage's generator that
 * try-install.sh has started (TRY_INSTALL_BASE_URL). Debian's Chromium, never a downloaded browser.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'smoke.spec.ts',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.TRY_INSTALL_BASE_URL ?? 'http://localhost:3100',
    viewport: { width: 1440, height: 1000 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  outputDir: process.env.TRY_INSTALL_RESULTS ?? '/tmp/try-install/test-results',
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
