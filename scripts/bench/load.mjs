// Server throughput: confirms per second and latency of the real mock server (server/node.ts
// `startServer`, in its own process) under autocannon on loopback, beside the same load against
// a bare node:http server answering a fixed JSON body of the same size (also its own process).
//
// Every confirm pays a fresh session: the sessions are created beforehand (also with
// autocannon, through the merchant API), and each confirm request takes the next one, with
// its own Idempotency-Key and a succeeding test card (4242…). No idempotent replays, no
// 4xx fast paths: each request walks validation, the card table, the state machine and the
// idempotency store. The run is fixed in requests rather than seconds (so the session pool
// cannot run dry); its size is 1.5 × `seconds` at the warm-up rate (the warmed-up server is
// faster, so the run usually lasts about `seconds`).
import autocannon from 'autocannon';
import { PUBLISHABLE_KEY, SECRET_KEY, confirmBody, percentile, sessionBody, startChild } from './util.mjs';

// autocannon's own histogram keeps whole milliseconds; its 'response' event carries the float
// time, which gives microsecond percentiles (2xx only, like autocannon's).
const run = (opts) =>
  new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon({ timeout: 10, ...opts }, (err, result) => (err ? reject(err) : resolve({ ...result, times })));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) times.push(responseTime);
    });
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false, outputStream: { write() {} } });
  });

async function createSessions(url, count, connections) {
  const pool = [];
  let failures = 0;
  const result = await run({
    url,
    connections,
    amount: count,
    requests: [
      {
        method: 'POST',
        path: '/v1/checkout/sessions',
        headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
        body: sessionBody(),
        onResponse: (status, body) => {
          if (status !== 200) return void failures++;
          const s = JSON.parse(body);
          pool.push({ id: s.id, secret: s.client_secret });
        },
      },
    ],
  });
  if (failures || pool.length < count) {
    throw new Error(`creating ${count} sessions: ${pool.length} created, ${failures} failed (${JSON.stringify(result.statusCodeStats)})`);
  }
  return pool;
}

function confirmRequests(pool, { check } = {}) {
  let next = 0;
  const request = {
    method: 'POST',
    setupRequest: (req) => {
      const s = pool[next++];
      if (!s) return null;
      return {
        ...req,
        path: `/v1/checkout/sessions/${encodeURIComponent(s.id)}/confirm`,
        headers: {
          authorization: `Bearer ${PUBLISHABLE_KEY}`,
          'content-type': 'application/json',
          'idempotency-key': `bench-${s.id}`,
        },
        body: confirmBody(s.secret),
      };
    },
  };
  if (check) request.onResponse = check;
  return [request];
}

const figures = (r) => ({
  requests: r.requests.total,
  seconds: (new Date(r.finish) - new Date(r.start)) / 1000,
  perSecond: r.requests.total / ((new Date(r.finish) - new Date(r.start)) / 1000),
  latency: {
    p50: percentile(r.times, 50),
    p90: percentile(r.times, 90),
    p99: percentile(r.times, 99),
    max: r.times.reduce((a, b) => Math.max(a, b), 0),
    mean: r.times.reduce((a, b) => a + b, 0) / r.times.length,
  },
  autocannonLatencyMs: { p50: r.latency.p50, p99: r.latency.p99 },
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
  statusCodes: r.statusCodeStats,
});

export async function runLoad({ seconds, connections, log }) {
  const keys = { secretKey: SECRET_KEY, publishableKey: PUBLISHABLE_KEY };
  const out = { connections, seconds, pipelining: 1 };
  const mock = await startChild('mock-server.mjs', keys, { tsx: true });
  let sampleBody = null;
  try {
    const url = mock.info.url;
    // Warm-up: 1000 confirms, checked one by one, which also sizes the measured run.
    log('  server: warm-up (1000 sessions, 1000 confirms, every answer checked)');
    const warmPool = await createSessions(url, 1000 + connections * 2, connections);
    const problems = [];
    const warm = await run({
      url,
      connections,
      amount: 1000,
      requests: confirmRequests(warmPool, {
        check: (status, body) => {
          let ok = false;
          try {
            const parsed = JSON.parse(body);
            ok = status === 200 && parsed.payment_intent?.status === 'succeeded' && parsed.session?.status === 'complete';
          } catch {
            // not JSON: reported below as a problem
          }
          if (ok) sampleBody ??= body;
          else if (problems.length < 3) problems.push(`${status} ${String(body).slice(0, 200)}`);
        },
      }),
    });
    if (problems.length) throw new Error(`confirms did not succeed during warm-up: ${problems.join(' | ')}`);
    const warmRate = figures(warm).perSecond;
    const amount = Math.max(1000, Math.min(60_000, Math.round(warmRate * seconds * 1.5)));
    log(`  server: creating ${amount} sessions, then ${amount} confirms (1.5 × ${seconds} s at the warm-up rate of ${warmRate.toFixed(0)}/s)`);
    const pool = await createSessions(url, amount + connections * 2, connections);
    const measured = await run({ url, connections, amount, requests: confirmRequests(pool) });
    out.mock = {
      ...figures(measured),
      mode: 'fresh session per confirm (4242 card, unique Idempotency-Key), all sessions created beforehand',
      openSessionsAtStart: pool.length,
      warmupPerSecond: warmRate,
    };

    // The same confirms with few open sessions: each connection creates a session (merchant
    // API) and then confirms it (browser API), so at most `connections` are open at a time.
    log(`  server: create-then-confirm flow, ${seconds} s`);
    let flowFailures = 0;
    const flow = await run({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/v1/checkout/sessions',
          headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
          body: sessionBody(),
          onResponse: (status, body, context) => {
            if (status !== 200) return void flowFailures++;
            const s = JSON.parse(body);
            context.session = { id: s.id, secret: s.client_secret };
          },
        },
        {
          method: 'POST',
          setupRequest: (req, context) => {
            const s = context.session;
            if (!s) return null;
            return {
              ...req,
              path: `/v1/checkout/sessions/${encodeURIComponent(s.id)}/confirm`,
              headers: { authorization: `Bearer ${PUBLISHABLE_KEY}`, 'content-type': 'application/json', 'idempotency-key': `flow-${s.id}` },
              body: confirmBody(s.secret),
            };
          },
          onResponse: (status) => {
            if (status !== 200) flowFailures++;
          },
        },
      ],
    });
    const flowFigures = figures(flow);
    out.mockFlow = {
      ...flowFigures,
      confirmsPerSecond: flowFigures.perSecond / 2,
      failures: flowFailures,
      mode: 'each connection: create a session, then confirm it (latency mixes both requests)',
    };
  } finally {
    await mock.stop();
  }

  const bare = await startChild('bare-server.mjs', { body: sampleBody });
  try {
    const url = bare.info.url;
    const body = confirmBody('cs_bench_secret_xxxxxxxxxxxxxxxxxxxxxxxx');
    const request = {
      method: 'POST',
      path: '/v1/checkout/sessions/cs_bench/confirm',
      headers: { authorization: `Bearer ${PUBLISHABLE_KEY}`, 'content-type': 'application/json', 'idempotency-key': 'bench' },
      body,
    };
    log(`  server: bare node:http baseline, 1 s warm-up + ${seconds} s`);
    await run({ url, connections, duration: 1, requests: [request] });
    const measured = await run({ url, connections, duration: seconds, requests: [request] });
    out.bare = { ...figures(measured), mode: `fixed ${Buffer.byteLength(sampleBody)}-byte JSON body, same request` };
  } finally {
    await bare.stop();
  }
  return out;
}
