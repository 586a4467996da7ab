// `npm run screenshot`: regenerates docs/playground.png, the README's picture of the
// playground, from the real demo (started here on spare ports, stopped at the end) in the
// system's Chromium. Never edit the picture by hand.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, requireChromium } from './browsers.mjs';

/** The default ports when free, so the picture shows what `npm start` shows; else spare ones. */
const free = (port) =>
  new Promise((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
const defaultsFree = (await free(5173)) && (await free(8787));
const demoPort = Number(process.env.SCREENSHOT_DEMO_PORT ?? (defaultsFree ? 5173 : 5293));
const mockPort = Number(process.env.SCREENSHOT_MOCK_PORT ?? (defaultsFree ? 8787 : 8893));
const base = `http://127.0.0.1:${demoPort}`;
const output = 'docs/playground.png';

const executablePath = requireChromium();
const demo = spawn(process.execPath, ['scripts/start.mjs'], {
  env: { ...process.env, DEMO_PORT: String(demoPort), MOCK_PORT: String(mockPort) },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});
const stopDemo = () => {
  try {
    process.kill(-demo.pid, 'SIGTERM');
  } catch {
    /* already stopped */
  }
};
process.on('exit', stopDemo);

async function waitForDemo(timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (demo.exitCode !== null) throw new Error('The demo exited before it was ready.');
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The demo did not start in time.');
}

async function fillCard(page, number) {
  const form = page.locator('#stage payment-element');
  await form.getByLabel('Card number').fill(number);
  await form.getByLabel('Expiration date').fill('12 / 34');
  await form.getByLabel('Security code').fill('123');
  await form.getByLabel('Name on card').fill('Ada Lovelace');
  const email = form.getByLabel('Email', { exact: true });
  if (await email.count()) await email.fill('ada@example.com');
}

try {
  await waitForDemo();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1, colorScheme: 'light' });

  // One payment first, in its own tab, so that webhooks have arrived.
  const earlier = await context.newPage();
  await earlier.goto(`${base}/playground.html`);
  await fillCard(earlier, '4242 4242 4242 4242');
  await earlier.locator('#stage payment-element').getByRole('button', { name: /^Pay / }).click();
  await earlier.locator('#stage payment-element').getByText('Payment complete').waitFor();
  await earlier.close();

  // Then a new shopper session in the playground with a 3-D Secure card typed in.
  const page = await context.newPage();
  await page.goto(`${base}/playground.html`);
  await page.getByLabel('Scenario').selectOption('3ds-3184');
  await page.getByRole('button', { name: 'Start scenario' }).click();
  await page.locator('#stage payment-element').getByLabel('Card number').waitFor();
  await fillCard(page, '4000 0027 6000 3184');
  await page.locator('#webhooks li', { hasText: 'checkout.session.completed' }).first().waitFor();
  await page.locator('#events details').first().evaluate((d) => (d.open = true));
  await page.getByRole('heading', { name: 'Checkout', exact: true }).click();
  await page.mouse.move(0, 0);
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: output, fullPage: false });
  await browser.close();
  console.log(`screenshot: wrote ${output}`);
} finally {
  stopDemo();
}
