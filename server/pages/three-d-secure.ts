/**
 * `/3ds/challenge/:id`: the test bank's 3-D Secure page (reached only through a payment
 * intent's `next_action`) and the shopper's answer. Faults are pages too, never JSON.
 */
import { Hono } from 'hono';
import { RETURN_PARAM_SESSION, RETURN_PARAM_STATUS } from '../../src/api/wire.js';
import { ApiFault, invalidRequest, must } from '../errors.js';
import type { Ctx, Deps, Env } from '../http/context.js';
import { pageLocale, type PageLocale } from '../locales/index.js';
import type { ChallengeFaultCode } from '../locales/strings.js';
import { challengePage, challengeResultPage, messagePage } from '../pages.js';
import { readBodyParams } from '../params.js';
import { html } from './headers.js';

/**
 * Appends the return parameters, keeping the URL's own query and fragment exactly: the session's
 * id, or for a payment intent confirmed without a session, the intent's (as Stripe's redirects).
 */
export function withReturnParams(url: string, owner: string | { payment_intent: string }, status: 'succeeded' | 'failed'): string {
  const u = new URL(url);
  const id = typeof owner === 'string' ? { [RETURN_PARAM_SESSION]: owner } : owner;
  const extra = new URLSearchParams({ ...id, [RETURN_PARAM_STATUS]: status }).toString();
  u.search = u.search.length > 1 ? `${u.search}&${extra}` : `?${extra}`;
  return u.href;
}

/**
 * A request fault as a page, in the shopper's words for its code (the server's English
 * `message` is for developers); anything else is a bug, for the app's error handler.
 */
function faultPage(c: Ctx, l: PageLocale, err: unknown): Response {
  if (!(err instanceof ApiFault)) throw err;
  const { t } = l;
  const title = err.status === 404 ? t.challengeNotFound : t.challengeUnavailable;
  const code: string = err.error.code ?? err.error.type;
  return html(err.status, messagePage(l, c.var.base, title, isFaultCode(code) ? t[code] : t.unexpected, undefined, isFaultCode(code) ? undefined : code));
}

const FAULT_CODES: readonly string[] = ['resource_missing', 'challenge_already_used', 'challenge_superseded', 'session_expired', 'parameter_invalid'] satisfies ChallengeFaultCode[];
const isFaultCode = (code: string): code is ChallengeFaultCode => FAULT_CODES.includes(code);

/**
 * A challenge page's locale: what the kit showing it asks for (`locale`, the locale the
 * shopper's checkout resolved: its `locale` attribute may differ from the session's), else the
 * session's, else the browser's languages.
 */
function challengeLocale(c: Ctx, checkout: Deps['store']['checkout'], asked: unknown, challengeId: string): PageLocale {
  const challenge = checkout.findChallenge(challengeId);
  const session = challenge?.session ? checkout.findSession(challenge.session) : undefined;
  return pageLocale([typeof asked === 'string' ? asked.slice(0, 35) : undefined, session?.locale], c.req.header('accept-language'));
}

export function threeDSecurePages({ store }: Deps): Hono<Env> {
  const { checkout } = store;
  return new Hono<Env>()
    .get('/:id', (c) => {
      const l = challengeLocale(c, checkout, c.req.query('locale'), c.req.param('id'));
      try {
        const challenge = checkout.pendingChallenge(c.req.param('id'));
        const pi = must(checkout.findPaymentIntent(challenge.payment_intent), 'the challenge\'s payment intent');
        return html(200, challengePage(l, c.var.base, challenge.id, pi.amount, pi.currency));
      } catch (err) {
        return faultPage(c, l, err);
      }
    })
    .post('/:id', async (c) => {
      let outcome: unknown;
      let asked: unknown;
      try {
        ({ outcome, locale: asked } = await readBodyParams(c.req.raw));
      } catch (err) {
        return faultPage(c, challengeLocale(c, checkout, undefined, c.req.param('id')), err);
      }
      const l = challengeLocale(c, checkout, asked, c.req.param('id'));
      try {
        if (outcome !== 'complete' && outcome !== 'fail') {
          throw invalidRequest("Choose 'Complete authentication' or 'Fail authentication'.", 'parameter_invalid', 'outcome');
        }
        checkout.sweepExpired(c.var.requestInfo);
        // The page for either outcome, made before anything changes: a return URL that cannot be
        // made is a fault of the server's own (a 500 page), with the challenge still open and the
        // payment untouched, never a payment taken and a shopper stranded.
        const challenge = checkout.pendingChallenge(c.req.param('id'));
        const owner = challenge.session ?? { payment_intent: challenge.payment_intent };
        const result = (status: 'succeeded' | 'failed'): string =>
          challengeResultPage({ l, base: c.var.base, status, sessionId: challenge.session ?? '', paymentIntentId: challenge.payment_intent, returnUrl: withReturnParams(challenge.return_url, owner, status), targetOrigin: challenge.parent_origin });
        const pages = { succeeded: result('succeeded'), failed: result('failed') };
        const { status } = checkout.completeChallenge(challenge.id, outcome, c.var.requestInfo);
        return html(200, pages[status]);
      } catch (err) {
        return faultPage(c, l, err);
      }
    });
}
