import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { luhnValid } from '../src/card/luhn.js';
import { checkCard, TEST_CARDS } from './cards.js';

const NOW = new Date(Date.UTC(2030, 5, 15));
const card = (number: string, over: Partial<{ exp_month: number; exp_year: number; cvc: string }> = {}) => ({
  number,
  exp_month: 12,
  exp_year: 2031,
  cvc: number.replace(/\D/g, '').length === 15 ? '1234' : '123',
  ...over,
});

void describe('cards', () => {
  void it('every number in the test table passes Luhn', () => {
    for (const number of TEST_CARDS.keys()) assert.ok(luhnValid(number), number);
  });

  void it('every number in the test table passes the card checks', () => {
    for (const number of TEST_CARDS.keys()) assert.ok(checkCard(card(number), NOW).ok, number);
  });

  const brands: [string, string][] = [
    ['4242424242424242', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['3056930009020004', 'diners'],
    ['3566002020360505', 'jcb'],
    ['6200000000000005', 'unionpay'],
  ];
  for (const [number, brand] of brands) {
    void it(`keeps brand ${brand} and last4 of ${number}`, () => {
      const result = checkCard(card(number), NOW);
      assert.ok(result.ok);
      assert.deepEqual([result.summary.brand, result.summary.last4], [brand, number.slice(-4)]);
    });
  }

  const faults: [string, ReturnType<typeof card>, string, string][] = [
    ['letters', card('4242abcd42424242'), 'invalid_number', 'payment_method[card][number]'],
    ['too short', card('42424242'), 'invalid_number', 'payment_method[card][number]'],
    ['too long', card('42424242424242424242'), 'invalid_number', 'payment_method[card][number]'],
    ['bad Luhn', card('4242424242424241'), 'incorrect_number', 'payment_method[card][number]'],
    ['month 0', card('4242424242424242', { exp_month: 0 }), 'invalid_expiry_month', 'payment_method[card][exp_month]'],
    ['month 13', card('4242424242424242', { exp_month: 13 }), 'invalid_expiry_month', 'payment_method[card][exp_month]'],
    ['last year', card('4242424242424242', { exp_year: 2029 }), 'invalid_expiry_year', 'payment_method[card][exp_year]'],
    ['earlier this year', card('4242424242424242', { exp_year: 2030, exp_month: 5 }), 'invalid_expiry_month', 'payment_method[card][exp_month]'],
    ['absurd year', card('4242424242424242', { exp_year: 2099 }), 'invalid_expiry_year', 'payment_method[card][exp_year]'],
    ['2-digit CVC', card('4242424242424242', { cvc: '12' }), 'invalid_cvc', 'payment_method[card][cvc]'],
    ['4-digit CVC on Visa', card('4242424242424242', { cvc: '1234' }), 'invalid_cvc', 'payment_method[card][cvc]'],
    ['3-digit CVC on Amex', card('378282246310005', { cvc: '123' }), 'invalid_cvc', 'payment_method[card][cvc]'],
    ['letters in CVC', card('4242424242424242', { cvc: '1a3' }), 'invalid_cvc', 'payment_method[card][cvc]'],
  ];
  for (const [name, input, code, param] of faults) {
    void it(`refuses ${name} with ${code}`, () => {
      const result = checkCard(input, NOW);
      if (result.ok) return assert.fail('expected a refusal');
      assert.equal(result.fault.status, 402);
      assert.equal(result.fault.error.type, 'card_error');
      assert.equal(result.fault.error.code, code);
      assert.equal(result.fault.error.param, param);
    });
  }

  void it('accepts this month (valid through its end) and two-digit years', () => {
    assert.equal(checkCard(card('4242424242424242', { exp_year: 2030, exp_month: 6 }), NOW).ok, true);
    const r = checkCard(card('4242424242424242', { exp_year: 31 }), NOW);
    assert.ok(r.ok && r.summary.exp_year === 2031);
  });

  void it('keeps only brand, last4 and expiry', () => {
    const r = checkCard(card('4242 4242 4242 4242'), NOW);
    assert.ok(r.ok);
    assert.deepEqual(Object.keys(r.summary).sort(), ['brand', 'country', 'exp_month', 'exp_year', 'funding', 'last4']);
    assert.equal(r.summary.last4, '4242');
    assert.ok(!JSON.stringify(r.summary).includes('424242424242'));
  });

  void it('declines a valid number that is not a test card', () => {
    const r = checkCard(card('4111111111111111'), NOW);
    assert.ok(r.ok);
    assert.deepEqual(r.behaviour, { kind: 'decline', code: 'card_declined', declineCode: 'test_mode_live_card', message: r.behaviour.kind === 'decline' ? r.behaviour.message : '' });
  });
});
