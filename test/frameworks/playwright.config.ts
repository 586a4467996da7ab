/**
 * The framework fixture apps in Chromium: the mock payment server from the installed tarball's
 * own bin (`checkout-mock-server`, as a user runs it) and serve.mjs, which serves the built apps
 * and creates sessions. Run by scripts/test-frameworks.mjs after it installed and built them.
 */
import { defineConfig } from '@playwright/test';

// scripts/browsers.mjs is plain JS without declarations: import it by URL and state its shape.
const { CHROMIUM_ARGS, requireChromium } = (await import(new URL('../../scripts/browsers.mjs', import.meta.url).href)) as {
  CHROMIUM_ARGS: string[];
  requireChromium: () => string;
};

const appPort = Number(process.env.FRAMEWORKS_APP_PORT ?? 5373);
const mockPort = Number(process.env.FRAMEWORKS_MOCK_PORT ?? 8973);
const mockBase = `http://127.0.0.1:${mockPort}`;
const here = new URL('.', import.meta.url).pathname;

export default defineConfig({
  testDir: '.',
  testMatch: 'frameworks.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  outputDir: '../../test-results/frameworks',
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    browserName: 'chromium',
    launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
  },
  webServer: [
    {
      command: `node_modules/.bin/checkout-mock-server --port ${mockPort}`,
      cwd: here,
      // Any answer means it listens (401: no key).
      url: `${mockBase}/v1/checkout/sessions`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'node serve.mjs',
      cwd: here,
      url: `http://127.0.0.1:${appPort}/api/health`,
      env: { PORT: String(appPort), MOCK_BASE: mockBase },
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
  metadata: { mockBase },
});
