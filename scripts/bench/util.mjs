// Small helpers shared by the bench sections: statistics, child processes, formatting.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SECRET_KEY = 'sk_test_checkout_bench';
export const PUBLISHABLE_KEY = 'pk_test_checkout_bench';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Nearest-rank percentile of numbers (p in 0..100). */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (values) => percentile(values, 50);

export function summary(values) {
  return { n: values.length, median: median(values), p95: percentile(values, 95), min: values.reduce((a, b) => Math.min(a, b), Infinity), max: values.reduce((a, b) => Math.max(a, b), -Infinity) };
}

/**
 * Starts a child process that announces `{type:'listening', …}` (or another `announces` type)
 * over IPC. `tsx` loads the project's TypeScript server sources directly, so the bench needs no
 * prior build of them.
 */
export function startChild(script, args, { tsx = false, timeoutMs = 30_000, announces = 'listening' } = {}) {
  const child = fork(fileURLToPath(new URL(`./children/${script}`, import.meta.url)), [JSON.stringify(args)], {
    cwd: ROOT,
    // BENCH_CHILD_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=.tmp/prof`) profiles the servers.
    execArgv: [...(tsx ? ['--import', 'tsx'] : []), ...(process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${script} did not start within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before ${announces}\n${stderr}`));
    });
    child.on('message', function onMessage(msg) {
      if (msg?.type !== announces) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      child.removeAllListeners('exit');
      resolve({
        child,
        info: msg,
        /** Sends `{type, ...payload}` and waits for the answer of the same type. */
        ask(type, payload = {}) {
          return new Promise((res) => {
            const on = (m) => {
              if (m?.type === type) {
                child.off('message', on);
                res(m);
              }
            };
            child.on('message', on);
            child.send({ type, ...payload });
          });
        },
        stop() {
          return new Promise((res) => {
            if (child.exitCode !== null || child.signalCode !== null) return res();
            child.once('exit', () => res());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 3000).unref();
          });
        },
      });
    });
  });
}

/** A checkout session created as a merchant's backend would, with the secret key. */
export function sessionBody() {
  return JSON.stringify({
    mode: 'payment',
    ui_mode: 'embedded',
    return_url: 'https://merchant.example/return',
    line_items: [
      { quantity: 1, price_data: { currency: 'usd', unit_amount: 2000, product_data: { name: 'Bench T-shirt' } } },
      { quantity: 2, price_data: { currency: 'usd', unit_amount: 550, product_data: { name: 'Bench socks' } } },
    ],
  });
}

export async function createSession(apiBase) {
  const response = await fetch(`${apiBase}/v1/checkout/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
    body: sessionBody(),
  });
  const body = await response.json();
  if (!response.ok || !body.id || !body.client_secret) {
    throw new Error(`creating a session failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  return { id: body.id, secret: body.client_secret };
}

/** The confirm body the kit sends for a successful test card. */
export function confirmBody(clientSecret) {
  return JSON.stringify({
    client_secret: clientSecret,
    payment_method: {
      type: 'card',
      card: { number: '4242424242424242', exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, cvc: '123' },
      billing_details: { name: 'Bench Shopper', email: 'shopper@example.com' },
    },
  });
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
export const ms = (v, digits = 2) => (Number.isFinite(v) ? `${v.toFixed(digits)} ms` : 'n/a');
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

/** Runs a child process that answers `{type:'result', …}` once (see `startChild`), and stops it. */
export async function childResult(script, args, { tsx = false } = {}) {
  const started = await startChild(script, args, { tsx, announces: 'result' });
  await started.stop();
  return started.info;
}
