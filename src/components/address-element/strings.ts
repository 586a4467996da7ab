/**
 * `<address-element>`'s words: the shipping and billing address, the phone number and the
 * shipping rates. They live beside the element, not in src/strings.ts, for the reason the card
 * fields' words live in src/frame/strings.ts: they load with the element, only for sessions
 * that collect details, so a shop that collects none does not download them.
 */
const plural = (one: string, many = `${one}s`) => (n: number) => `${n} ${n === 1 ? one : many}`;

export const addressStrings = {
  shipping: 'Shipping address',
  billing: 'Billing address',
  sameAsShipping: 'Billing address is the same as shipping',
  country: 'Country or region',
  name: 'Full name',
  line1: 'Address line 1',
  line2: 'Address line 2',
  phone: 'Phone number',
  optional: (label: string) => `${label} (optional)`,
  choose: 'Choose…',
  /** The city field, by Google's `locality_name_type`. */
  city: { city: 'City', post_town: 'Town or city', district: 'District', suburb: 'Suburb' } as Record<string, string>,
  /** The state field, by `state_name_type`. */
  state: {
    area: 'Area',
    county: 'County',
    department: 'Department',
    district: 'District',
    do_si: 'Province',
    emirate: 'Emirate',
    island: 'Island',
    oblast: 'Region',
    parish: 'Parish',
    prefecture: 'Prefecture',
    province: 'Province',
    state: 'State',
  } as Record<string, string>,
  /** The postal code field, by `zip_name_type`. */
  postal: { postal: 'Postal code', zip: 'ZIP code', pin: 'PIN code', eircode: 'Eircode' } as Record<string, string>,
  shippingRates: 'Shipping method',
  free: 'Free',
  units: {
    hour: plural('hour'),
    day: plural('day'),
    business_day: plural('business day'),
    week: plural('week'),
    month: plural('month'),
  } as Record<string, (n: number) => string>,
  /** A delivery estimate from its two ends, each already in words (`3 business days`). */
  estimate: (min: string | undefined, max: string | undefined) => (min && max ? `${min} to ${max}` : max ? `Up to ${max}` : min ? `At least ${min}` : ''),
  /** Field errors: the field's own name goes in. */
  required: (label: string) => `Enter the ${lowerFirst(label)}.`,
  invalid: (label: string) => `Enter a valid ${lowerFirst(label)}.`,
  invalidPostal: (label: string, example: string | undefined) => `Enter a valid ${lowerFirst(label)}${example ? `, such as ${example}` : ''}.`,
  invalidState: (label: string) => `Choose the ${lowerFirst(label)} from the list.`,
  invalidPhone: 'Enter a valid phone number. Start with + and the country code if it is not in the country of the address.',
  rateFailed: 'This shipping method could not be chosen. Try again.',
};

/** `Postal code` → `postal code`; `ZIP code` and `Eircode`-like names keep their capitals when the next letter is one too. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) && label !== 'Eircode' ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
