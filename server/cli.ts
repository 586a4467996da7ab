#!/usr/bin/env node
/**
 * `checkout-mock-server [--port 8787] [--host 127.0.0.1] [--webhook-allow <origin>]… [--frame-allow <origin>]…`
 * Keys: CHECKOUT_SECRET_KEY (default sk_test_checkout_mock) and CHECKOUT_PUBLISHABLE_KEY
 * (default pk_test_checkout_mock). Webhook URLs may point anywhere unless origins are listed
 * with --webhook-allow (repeatable) or CHECKOUT_WEBHOOK_ALLOW (comma-separated); both add up.
 * Likewise any page may embed the card frame unless origins are listed with --frame-allow or
 * CHECKOUT_FRAME_ALLOW.
 * Prints the URL and both keys; Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PUBLISHABLE_KEY, DEFAULT_SECRET_KEY } from './index.js';
import { startServer } from './node.js';
import { allowedOrigin } from './webhooks.js';

const USAGE =
  'usage: checkout-mock-server [--port <1-65535, default 8787>] [--host <address, default 127.0.0.1>] [--webhook-allow <origin, repeatable>] [--frame-allow <origin, repeatable>]';

function fail(message: string): never {
  process.stderr.write(`checkout-mock-server: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values: { port?: string | undefined; host?: string | undefined; 'webhook-allow'?: string[] | undefined; 'frame-allow'?: string[] | undefined; help?: boolean | undefined };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string', short: 'H' },
      'webhook-allow': { type: 'string', multiple: true },
      'frame-allow': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (values.help) {
  process.stdout.write(`${USAGE}\nEnv: CHECKOUT_SECRET_KEY (sk_test_…), CHECKOUT_PUBLISHABLE_KEY (pk_test_…), CHECKOUT_WEBHOOK_ALLOW and CHECKOUT_FRAME_ALLOW (origins, comma-separated).\n`);
  process.exit(0);
}
const portText = values.port ?? '8787';
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) fail(`--port must be a number from 0 to 65535, got '${portText}'.`);
const host = values.host ?? '127.0.0.1';
if (host.trim() === '') fail('--host must not be empty.');
const secretKey = process.env.CHECKOUT_SECRET_KEY || DEFAULT_SECRET_KEY;
const publishableKey = process.env.CHECKOUT_PUBLISHABLE_KEY || DEFAULT_PUBLISHABLE_KEY;
/** Origins from a repeatable flag and a comma-separated variable, or undefined for "any". */
function origins(flag: string[] | undefined, env: string | undefined): string[] | undefined {
  const entries = [...(flag ?? []), ...(env ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '')];
  if (entries.length === 0) return undefined;
  try {
    return [...new Set(entries.map(allowedOrigin))];
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
}
const webhookUrlAllowList = origins(values['webhook-allow'], process.env.CHECKOUT_WEBHOOK_ALLOW);
const allowedOrigins = origins(values['frame-allow'], process.env.CHECKOUT_FRAME_ALLOW);

let running: Awaited<ReturnType<typeof startServer>>;
try {
  running = await startServer({
    port: Number(portText),
    host,
    secretKey,
    publishableKey,
    webhookUrlAllowList,
    ...(allowedOrigins ? { allowedOrigins } : {}),
    logger: {
      info: (m) => process.stdout.write(`${m}\n`),
      warn: (m) => process.stderr.write(`warn: ${m}\n`),
      error: (m, e) => process.stderr.write(`error: ${m} ${e instanceof Error ? (e.stack ?? e.message) : e === undefined ? '' : JSON.stringify(e)}\n`),
    },
  });
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`checkout-mock-server: ${message}\n`);
  process.exit(/Invalid (secret|publishable) key/.test(message) ? 2 : 1);
}

process.stdout.write(
  `Checkout mock payment server listening on ${running.url}\n` +
    `  secret key:      ${secretKey}\n` +
    `  publishable key: ${publishableKey}\n` +
    (webhookUrlAllowList ? `  webhooks only to ${webhookUrlAllowList.join(', ')}\n` : '') +
    (allowedOrigins ? `  card frame only on ${allowedOrigins.join(', ')}\n` : '') +
    `  test card:       4242 4242 4242 4242, any future expiry, any CVC\n`,
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void running.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
