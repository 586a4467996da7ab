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
// faster, so the run usually lasts about `seconds`). The measured loads run in five
// interleaved slices each, so a busy machine weighs on the kit's server and the baseline alike.
import autocannon from 'autocannon';
import { PUBLISHABLE_KEY, SECRET_KEY, confirmBody, percentile, sessionBody, startChild } from './util.mjs';

// autocannon's own histogram keeps whole milliseconds; its 'response' event carries the float
// time, which gives microsecond percentiles (2xx only, like autocannon's). Its start/finish
// times are whole ticks of its 1 s timer, so the elapsed time is taken from the responses
// instead: from the first request's start to the last response.
const run = (opts) =>
  new Promise((resolve, reject) => {
    const times = [];
    let first = Infinity;
    let last = -Infinity;
    const instance = autocannon({ timeout: 10, ...opts }, (err, result) =>
      err ? reject(err) : resolve({ ...result, times, elapsedSeconds: (last - first) / 1000 }),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      const now = performance.now();
      first = Math.min(first, now - responseTime);
      last = now;
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

/** Figures over several autocannon runs (slices) of one target, as if one run. */
function figures(runs) {
  const times = runs.flatMap((r) => r.times);
  const requests = runs.reduce((n, r) => n + r.requests.total, 0);
  const seconds = runs.reduce((n, r) => n + r.elapsedSeconds, 0);
  const statusCodes = {};
  for (const r of runs) {
    for (const [code, { count }] of Object.entries(r.statusCodeStats)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  return {
    requests,
    seconds,
    perSecond: requests / seconds,
    slices: runs.map((r) => Math.round(r.requests.total / r.elapsedSeconds)),
    latency: {
      p50: percentile(times, 50),
      p90: percentile(times, 90),
      p99: percentile(times, 99),
      max: times.reduce((a, b) => Math.max(a, b), 0),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
    },
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    timeouts: runs.reduce((n, r) => n + r.timeouts, 0),
    statusCodes,
  };
}

/** Each connection creates a session (merchant API), then confirms it (browser API). */
function flowRequests(failures) {
  return [
    {
      method: 'POST',
      path: '/v1/checkout/sessions',
      headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
      body: sessionBody(),
      onResponse: (status, body, context) => {
        if (status !== 200) return void failures.count++;
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
        if (status !== 200) failures.count++;
      },
    },
  ];
}

/**
 * The three loads run in interleaved slices (confirms, flow, baseline, confirms, …), so that
 * whatever else the machine is doing falls on all of them alike and the ratios hold.
 */
export async function runLoad({ seconds, connections, log }) {
  const SLICES = 5;
  const keys = { secretKey: SECRET_KEY, publishableKey: PUBLISHABLE_KEY };
  const out = { connections, seconds, slices: SLICES, pipelining: 1 };
  const mock = await startChild('mock-server.mjs', keys, { tsx: true });
  let bare;
  try {
    const url = mock.info.url;
    // Warm-up: 1000 confirms, checked one by one, which also sizes the measured run.
    log('  server: warm-up (1000 sessions, 1000 confirms, every answer checked)');
    const warmPool = await createSessions(url, 1000 + connections * 2, connections);
    const problems = [];
    let sampleBody = null;
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
    const warmRate = figures([warm]).perSecond;
    const perSlice = Math.max(200, Math.min(12_000, Math.round((warmRate * seconds * 1.5) / SLICES)));
    log(`  server: creating ${perSlice * SLICES} sessions (1.5 × ${seconds} s at the warm-up rate of ${warmRate.toFixed(0)}/s)`);
    const pool = await createSessions(url, perSlice * SLICES + connections * 2 * SLICES, connections);

    bare = await startChild('bare-server.mjs', { body: sampleBody });
    const bareUrl = bare.info.url;
    const bareRequest = {
      method: 'POST',
      path: '/v1/checkout/sessions/cs_bench/confirm',
      headers: { authorization: `Bearer ${PUBLISHABLE_KEY}`, 'content-type': 'application/json', 'idempotency-key': 'bench' },
      body: confirmBody('cs_bench_secret_xxxxxxxxxxxxxxxxxxxxxxxx'),
    };
    await run({ url: bareUrl, connections, duration: 1, requests: [bareRequest] });
    await run({ url, connections, duration: 1, requests: flowRequests({ count: 0 }) });

    log(`  server: ${SLICES} interleaved slices of ${perSlice} confirms, ${seconds / SLICES} s of create-then-confirm, ${seconds / SLICES} s of the bare server`);
    const confirms = confirmRequests(pool);
    const flowFailures = { count: 0 };
    const runs = { mock: [], flow: [], bare: [] };
    for (let i = 0; i < SLICES; i++) {
      runs.mock.push(await run({ url, connections, amount: perSlice, requests: confirms }));
      runs.flow.push(await run({ url, connections, duration: seconds / SLICES, requests: flowRequests(flowFailures) }));
      runs.bare.push(await run({ url: bareUrl, connections, duration: seconds / SLICES, requests: [bareRequest] }));
    }
    out.mock = {
      ...figures(runs.mock),
      mode: 'fresh session per confirm (4242 card, unique Idempotency-Key), all sessions created beforehand',
      openSessionsAtStart: pool.length,
      warmupPerSecond: warmRate,
    };
    const flow = figures(runs.flow);
    out.mockFlow = {
      ...flow,
      confirmsPerSecond: flow.perSecond / 2,
      failures: flowFailures.count,
      mode: 'each connection: create a session, then confirm it (latency mixes both requests)',
    };
    out.bare = { ...figures(runs.bare), mode: `fixed ${Buffer.byteLength(sampleBody)}-byte JSON body, same request` };
  } finally {
    await mock.stop();
    await bare?.stop();
  }
  return out;
}
