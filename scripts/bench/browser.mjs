// Browser figures, in headless Chromium driven by Playwright (Debian's /usr/bin/chromium or
// whatever scripts/browsers.mjs finds; nothing is downloaded):
// - time to ready: insert <checkout-session><payment-element> → `checkout-ready`, warm page,
//   a fresh session per run, beside one bare fetch of the same session with the same headers;
//   same-origin (the kit's default api-base) and cross-origin (API on another origin: CORS);
// - requests before the form is usable, counted by the server (preflights included) and by
//   Playwright (any origin), both for warm insertions and for cold page loads;
// - keystroke cost in the card number field: synthetic InputEvents + Lit updateComplete
//   (per character, median/p95), and real keyboard typing measured by Chromium's own
//   main-thread task time (CDP Performance.TaskDuration), each beside a bare <input>.
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, INSTALL_HINT, findChromium } from '../browsers.mjs';
import { PUBLISHABLE_KEY, ROOT, SECRET_KEY, createSession, median, startChild, summary } from './util.mjs';
import { join } from 'node:path';

const VISA = '4242424242424242';
const AMEX = '378282246310005';

export async function runBrowser({ cardPath, runs, warmup, coldRuns, keyRounds, log }) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT.chromium);
  const server = await startChild(
    'page-server.mjs',
    { bundlePath: cardPath, pagePath: join(ROOT, 'bench/fixtures/page.html'), secretKey: SECRET_KEY, publishableKey: PUBLISHABLE_KEY },
    { tsx: true },
  );
  const { a: pageOrigin, b: apiOrigin } = server.info;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const result = { chromium: browser.version(), executablePath, pageOrigin, apiOrigin };
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    await page.goto(`${pageOrigin}/bench/page.html`);
    await page.evaluate(() => window.bench.defined());
    result.crossOriginIsolated = await page.evaluate(() => window.bench.isolated());
    const seen = [];
    page.on('request', (r) => seen.push(`${r.method()} ${r.url()}`));

    result.ready = {};
    for (const [mode, apiBase] of [['sameOrigin', ''], ['crossOrigin', apiOrigin]]) {
      log(`  time to ready (${mode}): ${warmup} warm-up + ${runs} runs`);
      const kit = [];
      const usable = [];
      const bare = [];
      const kitRequests = [];
      const bareRequests = [];
      const errors = [];
      let unusable = 0;
      for (let i = 0; i < warmup + runs; i++) {
        // Bounded: a kit that never gets ready costs three timeouts, not a run each.
        if (errors.length >= 3 && kit.length + bare.length === 0) break;
        const { id, secret } = await createSession(pageOrigin);
        const opts = { id, secret, pk: PUBLISHABLE_KEY, apiBase };
        const order = i % 2 === 0 ? ['kit', 'bare'] : ['bare', 'kit'];
        for (const which of order) {
          await server.ask('reset');
          seen.length = 0;
          const out = await page.evaluate(([w, o]) => (w === 'kit' ? window.bench.ready(o) : window.bench.bare(o)), [which, opts]);
          const counts = await server.ask('counts');
          const requests = { server: [...counts.a, ...counts.b], page: [...seen] };
          if (out.error) {
            errors.push(`${which}: ${out.error}`);
            continue;
          }
          if (i < warmup) continue;
          if (which === 'kit') {
            kit.push(out.ms);
            kitRequests.push(requests);
            if (out.usable) usable.push(out.usableMs);
            else unusable++;
          } else {
            bare.push(out.ms);
            bareRequests.push(requests);
          }
        }
        await page.evaluate(() => window.bench.clear());
      }
      // Requests any origin saw from the page (Playwright), plus CORS preflights (server-side only).
      const counted = (list) => list.map((r) => r.page.length + r.server.filter((x) => x.startsWith('OPTIONS ')).length);
      result.ready[mode] = {
        kit: kit.length ? summary(kit) : null,
        bare: bare.length ? summary(bare) : null,
        formUsable: usable.length ? summary(usable) : null,
        samples: { kit, usable, bare },
        deltaMedian: median(kit) - median(bare),
        requestsPerInsert: kitRequests.length ? { median: median(counted(kitRequests)), max: Math.max(...counted(kitRequests)), example: kitRequests[0] } : null,
        requestsPerBareFetch: bareRequests.length ? { median: median(counted(bareRequests)), example: bareRequests[0] } : null,
        formNotUsableAtReady: unusable,
        errors: errors.slice(0, 5),
        errorCount: errors.length,
      };
    }

    // Cold page loads: a fresh browser context each (empty cache), markup inserted at parse
    // time; every request from navigation to checkout-ready. Baseline: the same page without
    // the kit's script, doing one bare fetch of the session. Kit and baseline alternate.
    result.cold = {};
    for (const [mode, apiBase] of [['sameOrigin', ''], ['crossOrigin', apiOrigin]]) {
      log(`  cold loads (${mode}): ${coldRuns} with the kit, ${coldRuns} baseline`);
      const arms = { kit: { times: [], lists: [], errors: [], phases: [] }, bare: { times: [], lists: [], errors: [], phases: [] } };
      for (let i = 0; i < coldRuns * 2; i++) {
        if (arms.kit.errors.length + arms.bare.errors.length >= 3) break;
        const which = i % 2 === 0 ? 'kit' : 'bare';
        const arm = arms[which];
        const { id, secret } = await createSession(pageOrigin);
        const ctx = await browser.newContext();
        const p = await ctx.newPage();
        const urls = [];
        p.on('request', (r) => urls.push(`${r.method()} ${r.url()}`));
        await p.addInitScript((s) => {
          window.__benchSession = s;
        }, { id, secret, pk: PUBLISHABLE_KEY, apiBase, bare: which === 'bare' });
        await server.ask('reset');
        const document = `/bench/${which === 'kit' ? 'page' : 'bare'}.html`;
        await p.goto(`${pageOrigin}${document}`);
        const out = await p.evaluate(() => window.__benchCold);
        const counts = await server.ask('counts');
        await ctx.close();
        if (out?.error || !out) {
          arm.errors.push(out?.error ?? 'no result');
          continue;
        }
        arm.times.push(out.ms);
        if (which === 'kit') arm.phases.push(out);
        const pageRequests = urls.filter((u) => !u.endsWith(document));
        const preflights = [...counts.a, ...counts.b].filter((r) => r.startsWith('OPTIONS '));
        arm.lists.push({ page: pageRequests, preflights, server: [...counts.a, ...counts.b] });
      }
      const figures = (arm) => {
        const sizes = arm.lists.map((l) => l.page.length + l.preflights.length);
        return {
          navigationToReady: arm.times.length ? summary(arm.times) : null,
          requestsAfterDocument: sizes.length ? { median: median(sizes), max: Math.max(...sizes) } : null,
          example: arm.lists[0] ?? null,
          errors: arm.errors,
        };
      };
      const phase = (key) => median(arms.kit.phases.map((p) => p[key]).filter((v) => typeof v === 'number'));
      result.cold[mode] = {
        ...figures(arms.kit),
        phasesMedianMs: {
          scriptDownloaded: phase('scriptResponseEnd'),
          elementsDefined: phase('definedAt'),
          sessionRequestStart: phase('sessionStart'),
          sessionResponseEnd: phase('sessionResponseEnd'),
          ready: phase('ms'),
        },
        baseline: figures(arms.bare),
      };
    }

    // Keystroke cost: synthetic input events, per character, on a freshly loaded form.
    log(`  keystrokes: ${keyRounds} rounds of a Visa and an Amex number, then a bare <input>`);
    const { id, secret } = await createSession(pageOrigin);
    const ready = await page.evaluate((o) => window.bench.ready(o), { id, secret, pk: PUBLISHABLE_KEY, apiBase: '' });
    if (ready.error) throw new Error(`keystroke setup: ${ready.error}`);
    // Kit and bare <input> rounds alternate, so other load on the machine falls on both alike.
    const typed = { kit: { script: [], render: [], finals: [], brandText: null }, bare: { script: [], render: [], finals: [], brandText: null } };
    const plan = [VISA, AMEX, ...Array(keyRounds).fill(VISA), ...Array(Math.ceil(keyRounds / 2)).fill(AMEX)];
    for (const [i, text] of plan.entries()) {
      for (const arm of ['kit', 'bare']) {
        const out = await page.evaluate((o) => window.bench.keys(o), { text, rounds: 1, bare: arm === 'bare' });
        if (out.error) throw new Error(`keystrokes: ${out.error}`);
        if (i < 2) continue; // one discarded warm-up round per number
        typed[arm].script.push(...out.script);
        typed[arm].render.push(...out.render);
        typed[arm].finals[text === VISA ? 0 : 1] ??= out.finals[0];
        typed[arm].brandText ??= out.brandText;
      }
    }
    const keyFigures = (t) => ({ samples: t.script, script: summary(t.script), render: summary(t.render), finalValues: t.finals, brandText: t.brandText });
    result.keys = { kit: keyFigures(typed.kit), bare: keyFigures(typed.bare) };

    // Real keyboard typing: Chromium's renderer main-thread task time per character.
    log('  keystrokes: real keyboard typing, CDP task duration');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];
    const metricSeconds = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(METRICS.map((name) => [name, metrics.find((m) => m.name === name)?.value ?? NaN]));
    };
    const idle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20))));
    const arms = {};
    for (const arm of ['kit', 'bare']) arms[arm] = { perChar: [], parts: Object.fromEntries(METRICS.map((m) => [m, []])) };
    for (let round = 0; round < 1 + Math.max(3, Math.ceil(keyRounds / 2)); round++) {
      const text = round % 2 ? AMEX : VISA;
      for (const arm of ['kit', 'bare']) {
        const bare = arm === 'bare';
        if (!(await page.evaluate((b) => window.bench.focusField(b), bare))) throw new Error('no field to type into');
        await idle();
        const before = await metricSeconds();
        await page.keyboard.type(text);
        await idle();
        const after = await metricSeconds();
        // The idle wait and the two metric calls cost the same in both arms; the bare <input> arm shows that floor.
        if (round === 0) continue;
        for (const m of METRICS) arms[arm].parts[m].push(((after[m] - before[m]) * 1000) / text.length);
        arms[arm].perChar.push(arms[arm].parts.TaskDuration.at(-1));
      }
    }
    const realFigures = (a) => ({
      samples: a.perChar,
      perChar: summary(a.perChar),
      breakdownMedianMs: Object.fromEntries(METRICS.map((m) => [m, median(a.parts[m])])),
    });
    result.realKeys = { kit: realFigures(arms.kit), bare: realFigures(arms.bare) };
    result.pageErrors = pageErrors.slice(0, 10);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  return result;
}
