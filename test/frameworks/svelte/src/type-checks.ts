// Checked by svelte-check, never bundled: what the generated Svelte types must refuse (markup
// has no expect-error comment, so the checks use the same element types in TypeScript). Each
// expected error below fails the type-check if the types stop catching it.
import type {} from 'checkout-elements/svelte';

type Session = svelteHTML.IntrinsicElements['checkout-session'];

export const refused: Session[] = [
  // @ts-expect-error three-ds is 'modal' or 'redirect'
  { 'three-ds': 'sideways' },
  // @ts-expect-error the confirm event's detail has a session, not an amount
  { 'oncheckout-confirm': (e) => e.detail.amount },
];
