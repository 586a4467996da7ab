// Compiled by `tsc`, never bundled: what the generated JSX types must refuse. Each
// expected error below fails the type-check if the types stop catching it.
import type {} from 'checkout-elements/react';

export const refused = [
  // @ts-expect-error three-ds is 'modal' or 'redirect'
  <checkout-session three-ds="sideways" />,
  // @ts-expect-error the confirm event's detail has a session, not an amount
  <checkout-session oncheckout-confirm={(e) => e.detail.amount} />,
  // @ts-expect-error heading-level is a number
  <checkout-summary heading-level="two" />,
];
