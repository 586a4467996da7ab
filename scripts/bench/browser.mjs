// Browser figures, in headless Chromium driven by Playwright (Debian's /usr/bin/chromium or
// whatever scripts/browsers.mjs finds; nothing is downloaded). The card fields live in the
// card frame the mock server serves on the API origin (docs/frame-protocol.md), so every
// baseline has a frame too:
// - time to ready: insert <checkout-session><payment-element> → `checkout-ready` (the session
//   loaded and the card frame answered), warm page, a fresh session per run, beside the bare
//   session fetch and an empty frame from the API origin, loaded in parallel; same-origin (the
//   kit's default api-base) and cross-site (API and frame on another site, as for a real
//   merchant: CORS, and the frame in a renderer process of its own);
// - cold page loads: navigation → ready, beside the same page doing only the bare fetch and the
//   empty frame; whether the session request and the frame's loading overlap (Resource Timing
//   of the page and of the frame); every request, preflights included;
// - keystroke cost in the card number field inside the frame: synthetic InputEvents (same
//   origin, so the harness reaches the frame's document), and real keyboard typing measured by
//   Chromium's own main-thread task time (CDP Performance.TaskDuration) in every renderer
//   process involved, each beside a bare <input>.
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, INSTALL_HINT, findChromium } from '../browsers.mjs';
import { PUBLISHABLE_KEY, ROOT, SECRET_KEY, createSession, median, startChild, summary } from './util.mjs';
import { join } from 'node:path';

const VISA = '4242424242424242';
const AMEX = '378282246310005';
const FRAME_DOCUMENT = '/elements/v1/card-frame.html';

const cardFrameOf = (page) => page.frames().find((f) => f.url().includes(FRAME_DOCUMENT));

/**
 * The card frame's own timeline (its navigation and its script), moved onto the page's
 * (milliseconds from the page's navigation start) through the two documents' `timeOrigin`s.
 */
async function frameTimeline(page, pageTimeOrigin) {
  const frame = cardFrameOf(page);
  if (!frame) return null;
  const t = await frame.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const script = performance.getEntriesByType('resource').find((e) => /\/card-frame\.js(\?|$)/.test(e.name));
    return {
      timeOrigin: performance.timeOrigin,
      nav: nav ? { requestStart: nav.requestStart, responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventStart } : null,
      script: script ? { start: script.startTime, responseEnd: script.responseEnd } : null,
    };
  });
  const shift = t.timeOrigin - pageTimeOrigin;
  const move = (x) => (typeof x === 'number' ? x + shift : null);
  return {
    documentStart: move(0),
    documentRequestStart: move(t.nav?.requestStart),
    documentResponseEnd: move(t.nav?.responseEnd),
    scriptStart: move(t.script?.start),
    scriptResponseEnd: move(t.script?.responseEnd),
    // A module script runs before DOMContentLoaded: by then the fields exist and hello is sent.
    scriptRan: move(t.nav?.domContentLoaded),
  };
}

const SESSION_DELAY_MS = 300;

export async function runBrowser({ cardPath, framePath, runs, warmup, coldRuns, keyRounds, log }) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT.chromium);
  const server = await startChild(
    'page-server.mjs',
    { bundlePath: cardPath, framePath, pagePath: join(ROOT, 'bench/fixtures/page.html'), secretKey: SECRET_KEY, publishableKey: PUBLISHABLE_KEY },
    { tsx: true },
  );
  const { a: pageOrigin, b: apiOrigin, frameHeaders } = server.info;
  // `localhost` (the cross-site API origin) goes straight to 127.0.0.1, where the server listens.
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP localhost 127.0.0.1'], headless: true });
  const result = { chromium: browser.version(), executablePath, pageOrigin, apiOrigin, emptyFrameHeaders: frameHeaders };
  const modes = [['sameOrigin', ''], ['crossSite', apiOrigin]];
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
    for (const [mode, apiBase] of modes) {
      log(`  time to ready (${mode}): ${warmup} warm-up + ${runs} runs`);
      const kit = [];
      const kitSession = [];
      const kitHello = [];
      const bare = [];
      const bareFetch = [];
      const bareFrame = [];
      const kitRequests = [];
      const bareRequests = [];
      const errors = [];
      const fields = {};
      let emptyFrameLoaded = null;
      for (let i = 0; i < warmup + runs; i++) {
        // Bounded: a kit that never gets ready costs three timeouts, not a run each.
        if (errors.length >= 3 && kit.length + bare.length === 0) break;
        const { id, secret } = await createSession(pageOrigin);
        const opts = { id, secret, pk: PUBLISHABLE_KEY, apiBase };
        const order = i % 2 === 0 ? ['kit', 'bare'] : ['bare', 'kit'];
        for (const which of order) {
          await page.evaluate(() => window.bench.clear());
          await server.ask('reset');
          seen.length = 0;
          const out = await page.evaluate(([w, o]) => (w === 'kit' ? window.bench.ready(o) : window.bench.bare(o)), [which, opts]);
          const counts = await server.ask('counts');
          const requests = { server: [...counts.a, ...counts.b], page: [...seen] };
          if (out.error) {
            errors.push(`${which}: ${out.error}`);
            continue;
          }
          // The empty frame really is a document of its own in this cross-origin-isolated page
          // (COEP would replace a frame it may not embed with an error page, which also "loads").
          if (which === 'bare' && emptyFrameLoaded === null) {
            const frame = page.frames().find((f) => f.url().includes('/bench/empty-frame.html'));
            emptyFrameLoaded = Boolean(frame) && (await frame.evaluate(() => document.title).catch(() => '')) === 'Empty frame';
          }
          if (i < warmup) continue;
          if (which === 'kit') {
            kit.push(out.ms);
            kitSession.push(out.sessionMs);
            kitHello.push(out.helloMs);
            kitRequests.push(requests);
            fields[out.field] = (fields[out.field] ?? 0) + 1;
          } else {
            bare.push(out.ms);
            bareFetch.push(out.fetchMs);
            bareFrame.push(out.frameMs);
            bareRequests.push(requests);
          }
        }
      }
      await page.evaluate(() => window.bench.clear());
      // Requests any origin saw from the page and its frames (Playwright), plus CORS preflights (server-side only).
      const counted = (list) => list.map((r) => r.page.length + r.server.filter((x) => x.startsWith('OPTIONS ')).length);
      result.ready[mode] = {
        kit: kit.length ? summary(kit) : null,
        bare: bare.length ? summary(bare) : null,
        bareFetch: bareFetch.length ? summary(bareFetch) : null,
        bareFrame: bareFrame.length ? summary(bareFrame) : null,
        // Inside the kit's runs, from insertion: the session's answer arrived, the frame said hello.
        kitSessionMedianMs: median(kitSession.filter((v) => v !== null)),
        kitHelloMedianMs: median(kitHello.filter((v) => v !== null)),
        samples: { kit, kitSession, kitHello, bare, bareFetch, bareFrame },
        deltaMedian: median(kit) - median(bare),
        // At checkout-ready: 'usable' (same origin, checked in the frame's document), 'cross-origin' (not reachable), 'missing'.
        cardFieldAtReady: fields,
        emptyFrameLoaded,
        requestsPerInsert: kitRequests.length ? { median: median(counted(kitRequests)), max: Math.max(...counted(kitRequests)), example: kitRequests[0] } : null,
        requestsPerBare: bareRequests.length ? { median: median(counted(bareRequests)), max: Math.max(...counted(bareRequests)), example: bareRequests[0] } : null,
        errors: errors.slice(0, 5),
        errorCount: errors.length,
      };
    }

    // Cold page loads: a fresh browser context each (empty cache), markup inserted at parse
    // time; every request from navigation to checkout-ready. Baseline: the same page without
    // the kit's script, doing the bare session fetch and loading the empty frame in parallel.
    // Kit and baseline alternate.
    /** One cold page load in a fresh context (empty cache): what the page, its frame and the server saw. */
    const coldLoad = async (which, apiBase) => {
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
      const frame = which === 'kit' && out && !out.error ? await frameTimeline(p, out.timeOrigin) : null;
      const counts = await server.ask('counts');
      await ctx.close();
      const preflights = [...counts.a, ...counts.b].filter((r) => r.startsWith('OPTIONS '));
      return { out, frame, list: { page: urls.filter((u) => !u.endsWith(document)), preflights, server: [...counts.a, ...counts.b] } };
    };

    // Cold page loads: markup inserted at parse time; every request from navigation to
    // checkout-ready. Baseline: the same page without the kit's script, doing the bare session
    // fetch and loading the empty frame in parallel. Kit and baseline alternate.
    result.cold = {};
    for (const [mode, apiBase] of modes) {
      log(`  cold loads (${mode}): ${coldRuns} with the kit, ${coldRuns} baseline, then 2 with the session held ${SESSION_DELAY_MS} ms`);
      const arms = { kit: { times: [], lists: [], errors: [], phases: [] }, bare: { times: [], lists: [], errors: [], phases: [] } };
      for (let i = 0; i < coldRuns * 2; i++) {
        if (arms.kit.errors.length + arms.bare.errors.length >= 3) break;
        const which = i % 2 === 0 ? 'kit' : 'bare';
        const arm = arms[which];
        const { out, frame, list } = await coldLoad(which, apiBase);
        if (out?.error || !out) {
          arm.errors.push(out?.error ?? 'no result');
          continue;
        }
        arm.times.push(out.ms);
        arm.phases.push({ ...out, frame });
        arm.lists.push(list);
      }
      // Parallel, not one after the other: with the session's answer held back, the frame's
      // document must have been requested before that answer came (one after the other, it
      // could not be). How far the frame got meanwhile (its script downloaded, its hello) and how
      // soon checkout-ready follows the answer are reported beside it.
      await server.ask('delay', { ms: SESSION_DELAY_MS });
      const held = [];
      for (let i = 0; i < 2; i++) {
        const { out, frame } = await coldLoad('kit', apiBase);
        if (out && !out.error && out.session && frame) {
          held.push({
            frameRequestedBeforeSessionAnswer: frame.documentStart < out.session.responseEnd,
            frameScriptBeforeSessionAnswer: frame.scriptResponseEnd < out.session.responseEnd,
            readyAfterSessionAnswerMs: out.ms - out.session.responseEnd,
            helloBeforeSessionAnswer: out.helloAt !== null && out.helloAt < out.session.responseEnd,
            frameLoadMs: frame.scriptRan - frame.documentStart,
            sessionStartToFrameStartMs: frame.documentStart - out.session.start,
          });
        }
      }
      await server.ask('delay', { ms: 0 });
      const figures = (arm) => {
        const sizes = arm.lists.map((l) => l.page.length + l.preflights.length);
        return {
          navigationToReady: arm.times.length ? summary(arm.times) : null,
          requestsAfterDocument: sizes.length ? { median: median(sizes), max: Math.max(...sizes) } : null,
          example: arm.lists[0] ?? null,
          errors: arm.errors,
        };
      };
      const kitPhases = arms.kit.phases;
      const phase = (get) => median(kitPhases.map(get).filter((v) => typeof v === 'number'));
      result.cold[mode] = {
        ...figures(arms.kit),
        cardFieldAtReady: Object.fromEntries(['usable', 'cross-origin', 'missing'].map((f) => [f, kitPhases.filter((p) => p.field === f).length])),
        phasesMedianMs: {
          scriptDownloaded: phase((p) => p.script?.responseEnd),
          elementsDefined: phase((p) => p.definedAt),
          sessionRequestStart: phase((p) => p.session?.start),
          sessionResponseEnd: phase((p) => p.session?.responseEnd),
          frameDocumentStart: phase((p) => p.frame?.documentStart),
          frameDocumentResponseEnd: phase((p) => p.frame?.documentResponseEnd),
          frameScriptStart: phase((p) => p.frame?.scriptStart),
          frameScriptResponseEnd: phase((p) => p.frame?.scriptResponseEnd),
          frameScriptRan: phase((p) => p.frame?.scriptRan),
          helloAtPage: phase((p) => p.helloAt),
          ready: phase((p) => p.ms),
        },
        parallel: {
          sessionDelayMs: SESSION_DELAY_MS,
          runs: held,
          parallel: held.length > 0 && held.every((h) => h.frameRequestedBeforeSessionAnswer),
          // Unheld runs: how long after the session request the frame's navigation began.
          sessionStartToFrameStartMedianMs: phase((p) => (p.frame && p.session ? p.frame.documentStart - p.session.start : undefined)),
        },
        samples: kitPhases,
        baseline: {
          ...figures(arms.bare),
          fetchMedianMs: median(arms.bare.phases.map((p) => p.t0 + p.fetchMs)),
          frameMedianMs: median(arms.bare.phases.map((p) => p.t0 + p.frameMs)),
          samples: arms.bare.phases,
        },
      };
    }

    // Keystroke cost: synthetic input events, per character, in the card number field of a
    // freshly loaded form. Same origin only: the harness has to reach the frame's document.
    log(`  keystrokes: ${keyRounds} rounds of a Visa and an Amex number in the card frame, then a bare <input>`);
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

    // Real keyboard typing: Chromium's renderer main-thread task time per character, in every
    // renderer process involved. A frame on the page's own origin shares the page's process;
    // one on another site is out of process (OOPIF, with site isolation): then the frame has a
    // CDP target of its own, and its metrics are read there and added to the page's.
    log('  keystrokes: real keyboard typing, CDP task duration');
    const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];
    const pageCdp = await context.newCDPSession(page);
    await pageCdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const metricSeconds = async (sessions) => {
      const sum = Object.fromEntries(METRICS.map((name) => [name, 0]));
      for (const cdp of sessions) {
        const { metrics } = await cdp.send('Performance.getMetrics');
        for (const name of METRICS) sum[name] += metrics.find((m) => m.name === name)?.value ?? NaN;
      }
      return sum;
    };
    const idle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20))));
    result.realKeys = {};
    for (const [mode, apiBase] of modes) {
      const session = await createSession(pageOrigin);
      const out = await page.evaluate((o) => window.bench.ready(o), { id: session.id, secret: session.secret, pk: PUBLISHABLE_KEY, apiBase });
      if (out.error) throw new Error(`real typing setup (${mode}): ${out.error}`);
      const frame = cardFrameOf(page);
      if (!frame) throw new Error(`real typing (${mode}): no card frame`);
      // Playwright opens a CDP session on a frame only when it is out of process.
      let frameCdp = null;
      try {
        frameCdp = await context.newCDPSession(frame);
        await frameCdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      } catch {
        frameCdp = null;
      }
      const targets = { kit: frameCdp ? [pageCdp, frameCdp] : [pageCdp], bare: [pageCdp] };
      const arms = {};
      for (const arm of ['kit', 'bare']) arms[arm] = { perChar: [], parts: Object.fromEntries(METRICS.map((m) => [m, []])), shown: [] };
      for (let round = 0; round < 1 + Math.max(3, Math.ceil(keyRounds / 2)); round++) {
        const text = round % 2 ? AMEX : VISA;
        for (const arm of ['kit', 'bare']) {
          const focused =
            arm === 'bare'
              ? await page.evaluate(() => window.bench.focusBare())
              : await frame.evaluate((selector) => {
                  const input = document.querySelector(selector);
                  if (!input) return false;
                  input.value = '';
                  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
                  input.focus();
                  return document.activeElement === input;
                }, 'input[autocomplete="cc-number"]');
          if (!focused) throw new Error(`real typing (${mode}): could not focus the ${arm === 'bare' ? 'bare <input>' : 'card number field'}`);
          await idle();
          const before = await metricSeconds(targets[arm]);
          await page.keyboard.type(text);
          await idle();
          const after = await metricSeconds(targets[arm]);
          const shown = arm === 'bare' ? await page.evaluate(() => window.bench.bareValue()) : await frame.evaluate(() => document.querySelector('input[autocomplete="cc-number"]').value);
          // The keys must have gone where they were meant to: the digits typed, formatted or not.
          if (shown?.replace(/\D/g, '') !== text) throw new Error(`real typing (${mode}, ${arm}): typed ${text}, the field shows "${shown}"`);
          // The idle wait and the metric calls cost the same in both arms; the bare <input> arm shows that floor.
          if (round === 0) continue;
          for (const m of METRICS) arms[arm].parts[m].push(((after[m] - before[m]) * 1000) / text.length);
          arms[arm].perChar.push(arms[arm].parts.TaskDuration.at(-1));
          arms[arm].shown[text === VISA ? 0 : 1] ??= shown;
        }
      }
      await frameCdp?.detach();
      const realFigures = (a) => ({
        samples: a.perChar,
        perChar: summary(a.perChar),
        breakdownMedianMs: Object.fromEntries(METRICS.map((m) => [m, median(a.parts[m])])),
        shown: a.shown,
      });
      result.realKeys[mode] = {
        frameProcess: frameCdp ? 'out of process (its own CDP target, added to the page’s)' : 'in the page’s renderer process (the page’s CDP target)',
        kit: realFigures(arms.kit),
        bare: realFigures(arms.bare),
      };
    }
    await page.evaluate(() => window.bench.clear());
    result.pageErrors = pageErrors.slice(0, 10);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  return result;
}
