// Component and unit tests in real browsers: Chromium (Playwright), Firefox (WebDriver BiDi
// through Puppeteer) and WebKit (WebKitGTK's WebDriver under Xvfb), against the real mock
// payment server mounted in the test server. Run with `npm run test:unit`.
//
// BROWSERS=chromium,firefox,webkit picks engines (default: every one found; CI requires all three).
// In tests, browser commands come from '@web/test-runner-commands' (sendKeys, setViewport, …).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { getRequestListener } from '@hono/node-server';
import { build } from 'vite';
import { CHROMIUM_ARGS, INSTALL_HINT, findChromium, findFirefox, findWebKit } from './scripts/browsers.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { createTestBackend, withFaults } from './test/support/backend.ts';

const wanted = (process.env.BROWSERS ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim());
const strict = process.env.CI === 'true' || process.env.BROWSERS !== undefined;

function unavailable(name) {
  if (strict) throw new Error(INSTALL_HINT[name]);
  console.warn(`Skipping ${name}: ${INSTALL_HINT[name]}`);
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`WebKitWebDriver did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

async function startWebKitDriver({ driver, xvfbRun }) {
  const port = 4444 + Math.floor(Math.random() * 1000);
  const child = spawn(xvfbRun, ['-a', driver, `--port=${port}`], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', stop);
  await waitForPort(port, 20_000);
  return port;
}

const browsers = [];
if (wanted.includes('chromium')) {
  const executablePath = findChromium();
  if (executablePath) {
    browsers.push(playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } }));
  } else {
    // Chromium is the one engine every run needs.
    throw new Error(INSTALL_HINT.chromium);
  }
}
if (wanted.includes('firefox')) {
  const executablePath = findFirefox();
  if (executablePath) {
    browsers.push(puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath, headless: true } }));
  } else unavailable('firefox');
}
if (wanted.includes('webkit')) {
  const webkit = findWebKit();
  if (webkit) {
    const port = await startWebKitDriver(webkit);
    browsers.push(
      webdriverLauncher({
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: webkit.miniBrowser, args: ['--automation'] },
        },
      }),
    );
  } else unavailable('webkit');
}

// The card frame the mock server serves, built from src/ as `npm run build` builds it (a second).
const frameDir = '.tmp/wtr-frame';
await build({ mode: 'frame', logLevel: 'warn', build: { outDir: frameDir, sourcemap: 'inline' } });

// One mock server for the whole run, reachable on the test page's own origin (middleware)
// and on a second origin, so cross-origin behaviour (CORS, card and 3-D Secure frames) is real.
const backend = createTestBackend({ frameScriptPath: `${frameDir}/card-frame.js` });
const listener = withFaults(backend, getRequestListener(backend.fetch));
const listen = async (handler) => {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return `http://127.0.0.1:${server.address().port}`;
};
backend.setBases({ crossOrigin: await listen(listener), restricted: await listen(getRequestListener(backend.restrictedFetch)) });

export default {
  files: ['src/**/*.test.ts', 'test/components/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 3,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 10_000 } },
  browsers,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  middleware: [
    (ctx, next) => {
      if (!backend.handles(ctx.path)) return next();
      // The mock server writes the real status; this only keeps Koa from logging a 404.
      ctx.status = 200;
      ctx.respond = false;
      listener(ctx.req, ctx.res);
      return undefined;
    },
  ],
  reporters: [defaultReporter(), countReporter('wtr')],
};
