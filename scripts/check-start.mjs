// Proves the README's start command as a newcomer runs it: `npm start`, exactly (default ports,
// no DEMO_PORT/MOCK_PORT), builds what is stale and starts the demo and the mock server. Waits
// for the URLs it prints, checks that the shop page, the shop's catalogue (its backend talks to
// the mock server) and the mock server itself answer, then stops it with Ctrl-C's signal and
// checks that it exited cleanly and freed both ports. Run by .ci/run before `npm test`.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';

const STARTUP_MS = 120_000;
const env = { ...process.env };
delete env.DEMO_PORT;
delete env.MOCK_PORT;
delete env.DEMO_HOST;

// Its own process group, so that the signal reaches npm, scripts/start.mjs and the server, as
// Ctrl-C in a terminal does.
const child = spawn('npm', ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

function fail(message) {
  console.error(`start check: ${message}\n── npm start said ──\n${output.trim()}`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  process.exit(1);
}

const started = performance.now();
const urls = await new Promise((resolve) => {
  const timer = setInterval(() => {
    const shop = /Open\s+(http:\/\/\S+?)\/?\s/.exec(output)?.[1];
    const mock = /Mock payment server (http:\/\/\S+)/.exec(output)?.[1];
    if (shop && mock) {
      clearInterval(timer);
      resolve({ shop, mock });
    } else if (performance.now() - started > STARTUP_MS || child.exitCode !== null) {
      clearInterval(timer);
      resolve(null);
    }
  }, 200);
});
if (!urls) fail(child.exitCode !== null ? `npm start exited (${child.exitCode}) before printing its URLs` : `no shop and mock server URLs printed within ${STARTUP_MS / 1000} s`);
console.log(`start check: npm start printed ${urls.shop}/ and ${urls.mock} after ${((performance.now() - started) / 1000).toFixed(1)} s`);

async function expectAnswer(url, status, check) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    fail(`GET ${url} failed: ${String(error)}`);
  }
  const body = await response.text();
  if (response.status !== status || !check(body, response)) fail(`GET ${url} → ${response.status}: ${body.slice(0, 200)}`);
  console.log(`start check: GET ${url} → ${response.status}`);
}

// The shop page, served as the README promises: HTML under the strict CSP.
await expectAnswer(`${urls.shop}/`, 200, (body, response) => body.includes('<html') && response.headers.has('content-security-policy'));
await expectAnswer(`${urls.shop}/api/products`, 200, (body) => JSON.parse(body).data.length > 0);
// The mock server's own answer to a request without a key: its precise 401.
await expectAnswer(`${urls.mock}/v1/checkout/sessions`, 401, (body) => JSON.parse(body).error?.code === 'api_key_missing');

process.kill(-child.pid, 'SIGINT');
const stopped = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(null), 10_000).unref())]);
if (!stopped) fail('still running 10 s after SIGINT');
if (stopped.code !== 0 && stopped.signal !== 'SIGINT') fail(`exited with ${stopped.code ?? stopped.signal} after SIGINT`);

const listening = (url) =>
  new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
for (const url of [urls.shop, urls.mock]) if (await listening(url)) fail(`${url} still accepts connections after npm start stopped`);
console.log(`start check: stopped cleanly (${stopped.code ?? stopped.signal}), ports free; ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
