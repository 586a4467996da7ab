/**
 * What a translation of the kit's page-side words is: the `Strings` type every locale module in
 * src/locales/ must satisfy (a missing or misspelt key, or a message without its `{placeholder}`,
 * fails the typecheck), and the error codes it must answer. Types only: nothing here reaches a
 * bundle. The card fields' words are the card frame's own (src/frame/strings.ts); how to add a
 * string or a locale: docs/i18n.md.
 */

/** A message with a `{name}` placeholder (each kept by the typecheck), filled in at render time. */
export type Msg<Name extends string> = `${string}{${Name}}${string}`;

/** A message with two placeholders, both kept. */
export type Msg2<A extends string, B extends string> = Msg<A> & Msg<B>;

/**
 * A count, in each plural category the language has (`Intl.PluralRules`: `one`, `few`, …;
 * `other` always), with `{n}` for the number, formatted for the locale.
 */
export type Plural = { [Category in Intl.LDMLPluralRule]?: Msg<'n'> } & { other: Msg<'n'> };

/** Every `code` the payment server answers with (server/errors.ts takes no other). */
export type ServerErrorCode =
  // Requests (mostly the merchant's, or a misconfigured checkout)
  | 'request_too_large'
  | 'request_failed'
  | 'body_unreadable'
  | 'body_malformed'
  | 'unsupported_content_type'
  | 'unrecognized_url'
  | 'too_many_parameters'
  | 'parameter_invalid'
  | 'parameter_invalid_integer'
  | 'parameter_duplicate'
  | 'parameter_unknown'
  | 'parameter_missing'
  | 'resource_missing'
  | 'api_key_missing'
  | 'api_key_invalid'
  | 'secret_key_required'
  | 'client_secret_in_url'
  | 'origin_not_allowed'
  | 'idempotency_key_invalid'
  | 'idempotency_key_in_use'
  | 'url_not_allowed'
  // The catalogue and refunds (merchant API only)
  | 'lookup_key_exists'
  | 'price_inactive'
  | 'product_inactive'
  | 'currency_mismatch'
  | 'amount_too_large'
  | 'amount_too_small'
  | 'charge_already_refunded'
  // Details collected on the session (addresses, phone, shipping rates)
  | 'postal_code_invalid'
  | 'amount_mismatch'
  // Sessions, payments, customers
  | 'session_expired'
  | 'session_completed'
  | 'payment_intent_unexpected_state'
  | 'payment_intent_authentication_failure'
  | 'payment_method_unexpected_state'
  | 'payment_method_customer_mismatch'
  | 'customer_deleted'
  | 'challenge_already_used'
  | 'challenge_superseded'
  // Cards
  | 'card_declined'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'incorrect_number'
  | 'invalid_cvc'
  | 'invalid_number'
  | 'invalid_expiry_month'
  | 'invalid_expiry_year'
  | 'processing_error'
  | 'authentication_required';

/** Every `decline_code` the payment server gives a declined card. */
export type DeclineCode =
  | 'generic_decline'
  | 'insufficient_funds'
  | 'lost_card'
  | 'stolen_card'
  | 'fraudulent'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'processing_error'
  | 'authentication_required'
  | 'test_mode_live_card';

/** The codes only the kit produces (its own checks, the network, the card frame, 3-D Secure). */
export type KitErrorCode =
  | 'network_error'
  | 'server_error'
  | 'unexpected'
  | 'validation_failed'
  | 'frame_unavailable'
  | 'not_ready'
  | 'no_session'
  | 'duplicate_payment_element'
  | 'no_payment_element'
  | 'duplicate_address_element'
  | 'no_address_element'
  | 'missing_attribute'
  | 'invalid_publishable_key'
  | 'invalid_api_base'
  | 'invalid_return_url'
  | 'authentication_canceled'
  | 'redirect_canceled'
  | 'session_expired'
  | 'session_completed';

export type ErrorCode = ServerErrorCode | DeclineCode | KitErrorCode;

/**
 * Codes the shopper is told in their error type's general words rather than words of their own
 * (see `errorText` in src/localize.ts): a checkout set up wrong or a request the kit never sends
 * gets `integration_error`'s words ("not set up correctly"); a decline whose reason banks do
 * not tell shoppers, or a card detail the card frame has checked already, gets `card_declined`'s;
 * a conflict that trying again resolves, `unexpected`'s.
 * Every other code needs its own words in every locale.
 */
export type GeneralErrorCode = Codes<
  // integration_error, invalid_request_error, authentication_error, permission_error: what a
  // shopper cannot fix (the code tells the developer, in the `checkout-error` event)
  | 'no_session'
  | 'duplicate_payment_element'
  | 'duplicate_address_element'
  | 'no_address_element'
  | 'not_ready'
  | 'missing_attribute'
  | 'invalid_publishable_key'
  | 'invalid_api_base'
  | 'invalid_return_url'
  | 'no_payment_element'
  | 'request_too_large'
  | 'request_failed'
  | 'body_unreadable'
  | 'body_malformed'
  | 'unsupported_content_type'
  | 'unrecognized_url'
  | 'too_many_parameters'
  | 'parameter_invalid'
  | 'parameter_invalid_integer'
  | 'parameter_duplicate'
  | 'parameter_unknown'
  | 'parameter_missing'
  | 'api_key_missing'
  | 'api_key_invalid'
  | 'secret_key_required'
  | 'client_secret_in_url'
  | 'origin_not_allowed'
  | 'idempotency_key_invalid'
  | 'url_not_allowed'
  | 'lookup_key_exists'
  | 'price_inactive'
  | 'product_inactive'
  | 'currency_mismatch'
  | 'amount_too_large'
  | 'amount_too_small'
  | 'charge_already_refunded'
  // A refused address: the address element shows it at its field (the error's `param`)
  | 'postal_code_invalid'
  | 'payment_intent_unexpected_state'
  | 'payment_method_unexpected_state'
  | 'payment_method_customer_mismatch'
  | 'customer_deleted'
  // Only on the payment server's own 3-D Secure pages, which word them themselves (server/locales/).
  | 'challenge_already_used'
  | 'challenge_superseded'
  // card_error: a number, expiry or CVC the card frame refuses before anything is sent (by the
  // server's very rules), so only a request that did not come through it gets these
  | 'invalid_number'
  | 'incorrect_number'
  | 'invalid_expiry_month'
  | 'invalid_expiry_year'
  | 'invalid_cvc'
  // card_error: declined, reason not told
  | 'generic_decline'
  | 'lost_card'
  | 'stolen_card'
  | 'fraudulent'
  | 'test_mode_live_card'
  // idempotency_error: another attempt is in flight
  | 'idempotency_key_in_use'
>;

/** Only codes that exist: a code dropped from the server must leave the list above too. */
type Codes<Code extends ErrorCode> = Code;

/** The codes with words of their own, plus the general words of `integration_error`. */
export type WordedErrorCode = Exclude<ErrorCode, GeneralErrorCode> | 'integration_error';

/**
 * The words only shown off the card path: the 3-D Secure dialog (itself loaded when a payment
 * needs it) and how it ended, a returning customer's saved cards, a hosted session's button, a
 * session that cannot be paid (expired, paid already, not found). Their English is a module of
 * its own (src/locales/en-extra.ts), loaded before what shows them, so that a shopper paying
 * with a new card downloads none of it; every other locale has them in its own module. An
 * error shown before they are in (they failed to load) is told in its type's general words.
 */
export type ExtraKey =
  | 'payment_intent_authentication_failure'
  | 'authentication_canceled'
  | 'redirect_canceled'
  | 'session_expired'
  | 'session_completed'
  | 'resource_missing'
  | 'challengeTitle'
  | 'challengeFrame'
  | 'challengeClose'
  | 'hostedButton'
  | 'hostedNote'
  | 'saved.legend'
  | 'saved.endingIn'
  | 'saved.expires'
  | 'saved.expired'
  | 'saved.newCard'
  | 'saved.save'
  | 'saved.saveHint'
  | 'saved.willSave'
  | 'saved.willSaveOffSession'
  | 'saved.mayCharge'
  | 'saved.card'
  | 'amount_mismatch'
  | Extract<keyof Strings, `address.${string}`>;

/** Every word the shopper reads on the merchant's page. */
export type Strings = {
  [Code in WordedErrorCode]: string;
} & {
  /** `<checkout-session>` while the session loads. */
  loading: string;
  /** The card frame's title: what a screen reader announces on entering it. */
  cardFrameTitle: string;
  email: string;
  'email.required': string;
  'email.invalid': string;
  /** The pay button; `{amount}` is formatted by `Intl.NumberFormat` and kept left-to-right. */
  pay: Msg<'amount'>;
  paying: string;
  paid: string;
  tryAgain: string;
  hostedButton: string;
  hostedNote: string;
  /** `<checkout-summary>`'s heading. */
  summary: string;
  /** A line item's quantity. */
  quantity: Msg<'n'>;
  total: string;
  /** The summary's shipping line; `{rate}` is the rate's name as the merchant gave it. */
  shipping: Msg<'rate'>;
  /** Read before an error message by screen readers (the icon says it to everyone else). */
  errorIcon: string;
  challengeTitle: string;
  challengeFrame: string;
  challengeClose: string;

  // Saved cards: a returning customer's cards, or a new one, and saving a card.
  /** The radio group's legend. */
  'saved.legend': string;
  /** Read by screen readers in place of the dots before the last four digits ("Visa ending in 4242"). */
  'saved.endingIn': string;
  /** `{date}` is the card's expiry, month and year formatted by `Intl.DateTimeFormat` for the locale. */
  'saved.expires': Msg<'date'>;
  'saved.expired': Msg<'date'>;
  'saved.newCard': string;
  /** The shopper's choice, a checkbox, unticked until they tick it. */
  'saved.save': string;
  'saved.saveHint': string;
  /** The merchant saves every card of this checkout (`setup_future_usage`): said plainly, no box to tick. */
  'saved.willSave': string;
  'saved.willSaveOffSession': string;
  /** A saved card paying a checkout that keeps it for charges without the shopper (`off_session`). */
  'saved.mayCharge': string;
  /** A saved card whose brand has no name of its own (brand names are not translated). */
  'saved.card': string;

  // <address-element> (issue 12): the shipping and billing address, the phone number, the
  // shipping rate. Loaded with the element, only for sessions that collect them.
  'address.shipping': string;
  'address.billing': string;
  /** A checkbox: the billing address is the shipping address. */
  'address.sameAsShipping': string;
  'address.country': string;
  /** The recipient's full name. */
  'address.name': string;
  'address.line1': string;
  'address.line2': string;
  'address.phone': string;
  /** A field's label when it may be left empty. */
  'address.optional': Msg<'label'>;
  /** The empty first choice of a list of states or provinces. */
  'address.choose': string;
  /** The city field, named as the country names it (Google's `locality_name_type`). */
  'address.city.city': string;
  'address.city.post_town': string;
  'address.city.district': string;
  'address.city.suburb': string;
  /** The state field, named as the country names it (`state_name_type`). */
  'address.state.area': string;
  'address.state.county': string;
  'address.state.department': string;
  'address.state.district': string;
  /** South Korea's 도/시. */
  'address.state.do_si': string;
  'address.state.emirate': string;
  'address.state.island': string;
  'address.state.oblast': string;
  'address.state.parish': string;
  'address.state.prefecture': string;
  'address.state.province': string;
  'address.state.state': string;
  /** The postal code field, named as the country names it (`zip_name_type`). */
  'address.postal.postal': string;
  'address.postal.zip': string;
  'address.postal.pin': string;
  'address.postal.eircode': string;
  /** The shipping rates' legend, and a rate that costs nothing. */
  'address.shippingRates': string;
  'address.free': string;
  /** A delivery estimate's ends, counted. */
  'address.hour': Plural;
  'address.day': Plural;
  'address.business_day': Plural;
  'address.week': Plural;
  'address.month': Plural;
  /** A delivery estimate from its two ends (each a count above), or from one. */
  'address.estimate': Msg2<'min', 'max'>;
  'address.estimateMax': Msg<'max'>;
  'address.estimateMin': Msg<'min'>;
  /**
   * Field errors. `{label}` is the field's label as shown (`Postal code`, `ZIP code`): English
   * lowers its first letter (`Enter the postal code.`), every other language gets it as is, so
   * word the sentence so that the label fits unchanged (`{label}: bitte angeben.`).
   */
  'address.required': Msg<'label'>;
  'address.invalid': Msg<'label'>;
  'address.invalidPostal': Msg<'label'>;
  /** With an example of a valid code (`{example}`: `94043`). */
  'address.invalidPostalExample': Msg2<'label', 'example'>;
  'address.invalidState': Msg<'label'>;
  'address.invalidPhone': string;
  'address.rateFailed': string;
};
