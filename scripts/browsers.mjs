// Finds the browsers the tests drive. Order: an environment variable, the usual system
// install paths, then Playwright's own cache. Never downloads anything.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const firstExisting = (paths) => paths.find((p) => p && existsSync(p));

function playwrightCache(prefix, relative) {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return undefined;
  const dirs = readdirSync(root).filter((d) => d.startsWith(prefix)).sort().reverse();
  return firstExisting(dirs.map((d) => join(root, d, relative)));
}

export function findChromium() {
  return firstExisting([
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    playwrightCache('chromium-', 'chrome-linux/chrome'),
    playwrightCache('chromium-', 'chrome-linux64/chrome'),
  ]);
}

export function findFirefox() {
  return firstExisting([
    process.env.FIREFOX_PATH,
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ]);
}

/** WebKitGTK's WebDriver and MiniBrowser (Debian: webkit2gtk-driver), run under Xvfb. */
export function findWebKit() {
  const driver = firstExisting([process.env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver']);
  const miniBrowser = firstExisting([
    process.env.WEBKIT_MINIBROWSER_PATH,
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  ]);
  const xvfbRun = firstExisting(['/usr/bin/xvfb-run']);
  return driver && miniBrowser && xvfbRun ? { driver, miniBrowser, xvfbRun } : undefined;
}

export const INSTALL_HINT = {
  chromium:
    'No Chromium found: install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome/Chromium binary.',
  firefox:
    'No Firefox found: install one (Debian: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH.',
  webkit:
    'No WebKit found: install WebKitGTK\'s driver and Xvfb (Debian: `sudo apt-get install webkit2gtk-driver xvfb xauth`).',
};

/** Chromium flags that keep a headless run quiet on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium or a clear one-sentence failure. */
export function requireChromium() {
  const path = findChromium();
  if (!path) {
    console.error(INSTALL_HINT.chromium);
    process.exit(1);
  }
  return path;
}
