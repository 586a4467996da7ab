/**
 * End-to-end flows in Chromium against the real demo: `scripts/start.mjs` starts the mock
 * payment server, the merchant backend and the built pages on test ports, exactly as
 * `npm start` does. The browser is the system's Chromium (scripts/browsers.mjs), never a
 * download. Two workers at most: the machines have two cores.
 */
import { defineConfig } from '@playwright/test';

// scripts/browsers.mjs is plain JS without declarations: import it by URL and state its shape.
const { CHROMIUM_ARGS, requireChromium } = (await import(new URL('./scripts/browsers.mjs', import.meta.url).href)) as {
  CHROMIUM_ARGS: string[];
  requireChromium: () => string;
};

const demoPort = Number(process.env.E2E_DEMO_PORT ?? 5273);
const mockPort = Number(process.env.E2E_MOCK_PORT ?? 8873);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: `http://127.0.0.1:${demoPort}`,
    browserName: 'chromium',
    launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  webServer: {
    command: 'node scripts/start.mjs',
    url: `http://127.0.0.1:${demoPort}/api/health`,
    env: { DEMO_PORT: String(demoPort), MOCK_PORT: String(mockPort) },
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
  metadata: { mockApiBase: `http://127.0.0.1:${mockPort}` },
});
