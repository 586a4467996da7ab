/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- tests read JSON replies as untyped data */
/**
 * Every merchant route answers `expand[]` and unknown parameters alike. Hand-copied routes had
 * drifted: GET /v1/webhook_endpoints/:id and GET /v1/events/:id took any `expand[]` value with
 * a 200, and DELETE /v1/webhook_endpoints/:id took any parameter (and deleted).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GOOD_CARD, createHarness, type Harness } from './harness.test.js';

/** One of everything, paid and refunded, so that every route has a real id to answer for. */
async function everything(h: Harness): Promise<Record<string, string>> {
  const product = (await h.merchant('POST', '/v1/products', { name: 'Mug' })).body;
  const price = (await h.merchant('POST', '/v1/prices', { currency: 'usd', unit_amount: 500, product: product.id })).body;
  const endpoint = (await h.merchant('POST', '/v1/webhook_endpoints', { url: 'https://hooks.example/x', enabled_events: ['*'] })).body;
  const session = await h.createSession();
  assert.equal((await h.confirm(session, GOOD_CARD)).status, 200);
  const paid = (await h.merchant('GET', `/v1/checkout/sessions/${session.id}`)).body;
  const refund = (await h.merchant('POST', '/v1/refunds', { payment_intent: paid.payment_intent, amount: 100 })).body;
  const event = (await h.merchant('GET', '/v1/events?limit=1')).body.data[0];
  return { product: product.id, price: price.id, endpoint: endpoint.id, session: session.id, intent: paid.payment_intent, refund: refund.id, event: event.id };
}

void describe('route drift', () => {
  const retrieves = [
    ['/v1/webhook_endpoints/:id', 'endpoint', 'secret'],
    ['/v1/events/:id', 'event', 'data.object'],
  ] as const;
  for (const [route, idOf, bad] of retrieves) {
    void it(`GET ${route} refuses an unknown expand[] value (400, expand[0])`, async () => {
      const h = createHarness();
      const path = route.replace(':id', (await everything(h))[idOf] ?? '');
      assert.equal((await h.merchant('GET', path)).status, 200);
      const r = await h.merchant('GET', `${path}?expand[]=${bad}`);
      assert.equal(r.status, 400, r.text);
      assert.equal(r.body.error.code, 'parameter_invalid');
      assert.equal(r.body.error.param, 'expand[0]');
    });
  }

  void it('DELETE /v1/webhook_endpoints/:id?foo=1 is 400 parameter_unknown and deletes nothing', async () => {
    const h = createHarness();
    const { endpoint } = await everything(h);
    const r = await h.merchant('DELETE', `/v1/webhook_endpoints/${endpoint}?foo=1`);
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.code, 'parameter_unknown');
    assert.equal(r.body.error.param, 'foo');
    assert.equal((await h.merchant('GET', `/v1/webhook_endpoints/${endpoint}`)).status, 200, 'still there');
    const deleted = await h.merchant('DELETE', `/v1/webhook_endpoints/${endpoint}`);
    assert.deepEqual(deleted.body, { id: endpoint, object: 'webhook_endpoint', deleted: true });
    assert.equal((await h.merchant('GET', `/v1/webhook_endpoints/${endpoint}`)).status, 404, 'gone');
  });

  void it('every GET route: unknown expand[] → 400 expand[0]; unknown parameter → 400 parameter_unknown', async () => {
    const h = createHarness();
    const ids = await everything(h);
    const retrieves = [
      `/v1/products/${ids.product}`,
      `/v1/prices/${ids.price}`,
      `/v1/checkout/sessions/${ids.session}`,
      `/v1/payment_intents/${ids.intent}`,
      `/v1/refunds/${ids.refund}`,
      `/v1/webhook_endpoints/${ids.endpoint}`,
      `/v1/events/${ids.event}`,
    ];
    const lists = ['/v1/products', '/v1/prices', '/v1/checkout/sessions', `/v1/checkout/sessions/${ids.session}/line_items`, '/v1/payment_intents', '/v1/refunds', '/v1/webhook_endpoints', '/v1/events'];
    const cases: [string, string, string][] = [
      ...retrieves.flatMap((path): [string, string, string][] => [
        [`${path}?expand[]=nope`, 'parameter_invalid', 'expand[0]'],
        [`${path}?foo=1`, 'parameter_unknown', 'foo'],
      ]),
      ...lists.flatMap((path): [string, string, string][] => [
        [`${path}?expand[]=data.nope`, 'parameter_invalid', 'expand[0]'],
        [`${path}?foo=1`, 'parameter_unknown', 'foo'],
      ]),
    ];
    for (const [path, code, param] of cases) {
      const r: any = await h.merchant('GET', path);
      assert.equal(r.status, 400, `${path}: ${r.text}`);
      assert.equal(r.body.error.code, code, path);
      assert.equal(r.body.error.param, param, path);
    }
    for (const path of [...retrieves, ...lists]) assert.equal((await h.merchant('GET', path)).status, 200, path);
  });
});
