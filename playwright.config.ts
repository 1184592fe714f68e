import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.playwright';

/** The projects named with `--project`, none when every project runs. */
const selectedProjects = process.argv.flatMap((arg, index, args) => {
  if (arg === '--project') return [args[index + 1]];
  if (arg.startsWith('--project=')) return [arg.slice('--project='.length)];
  return [];
});
const runs = (project: string) =>
  selectedProjects.length === 0 || selectedProjects.includes(project);

/**
 * Browser tests: Debian's Chromium (never a downloaded browser) against the demo apps,
 * which the test command starts: backend on :7007 (SQLite, demo catalog), the legacy
 * frontend system's app on :3000 (project `chromium`), the new frontend system's
 * app-next on :3001 (project `app-next`). Each app starts only when its project runs;
 * outside CI, servers already running (`yarn start`) are reused.
 *
 * The apps are built for production and served by scripts/serve-app.mjs: the tests open the
 * app afresh many times (new browsers, page.goto), and on 2 cores the dev server's bundle
 * (unminified, eval source maps, React in development mode) made that the bulk of the run
 * (617 s with dev servers, 266-296 s built, with the search collator also down from a minute to
 * 10 s); the builds are ready about as soon as the dev servers were (~40 s).
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  webServer: [
    {
      command: 'yarn workspace backend start',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...(runs('chromium')
      ? [
          {
            command: 'node scripts/serve-app.mjs app 3000',
            url: 'http://localhost:3000',
            reuseExistingServer: !process.env.CI,
            timeout: 300_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
    ...(runs('app-next')
      ? [
          {
            command: 'node scripts/serve-app.mjs app-next 3001',
            url: 'http://localhost:3001',
            reuseExistingServer: !process.env.CI,
            timeout: 300_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
  use: {
    baseURL: 'http://localhost:3000',
    viewport: { width: 1440, height: 1000 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  outputDir: 'e2e-test-results',
  projects: [
    // the legacy frontend system's demo app (packages/app)
    { name: 'chromium', use: { browserName: 'chromium' } },
    // the new frontend system's demo app (packages/app-next), same backend
    {
      name: 'app-next',
      testDir: 'packages/app-next/e2e-tests',
      use: { browserName: 'chromium', baseURL: 'http://localhost:3001' },
    },
  ],
});
