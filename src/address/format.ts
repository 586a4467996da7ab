/**
 * Postal addresses per country, from Google's Address Data Service (the generated tables in
 * formats.data.ts and regions.data.ts): which fields a form shows and in which order, which are
 * required, what a postal code looks like, what the fields are called, which states or
 * provinces there are. Pure rules with no DOM, shared by `<address-element>` and the mock
 * server, so the page and the server judge an address alike.
 *
 * The address is Stripe's: `line1`, `line2`, `city`, `state`, `postal_code`, `country`. Google's
 * dependent locality, sorting code and organisation are never required anywhere in its data
 * and have no place in that shape, so no form shows them.
 */

/** One country's entry, as Google's data names its parts (`fmt`: `%N` name, `%A` lines, `%C` city, `%S` state, `%Z` postal code, `%n` a new line). */
export interface CountryFormat {
  fmt?: string;
  /** The letters of the required fields. */
  require?: string;
  /** The postal code's pattern (a regular expression, unanchored). */
  zip?: string;
  zipex?: string;
  zip_name_type?: string;
  state_name_type?: string;
  locality_name_type?: string;
  /** The country's subdivisions are in the regions table. */
  regions?: boolean;
}

/** A subdivision: its ISO 3166-2 code (without the country) where it has one, and its name. */
export type Region = [code: string, name: string];

export type AddressLine = 'line1' | 'line2' | 'city' | 'state' | 'postal_code';
export type AddressField = 'name' | AddressLine;

const FIELD_OF: Record<string, AddressField[]> = { N: ['name'], A: ['line1', 'line2'], C: ['city'], S: ['state'], Z: ['postal_code'] };
const LETTER_OF: Record<AddressField, string> = { name: 'N', line1: 'A', line2: '', city: 'C', state: 'S', postal_code: 'Z' };

/** A country's format, the data's defaults (`ZZ`) filled in. */
export function formatFor(formats: Record<string, CountryFormat>, country: string): CountryFormat {
  return { ...formats.ZZ, ...formats[country] };
}

/** The form's rows, in the country's order: each row the fields that share a line on an envelope. */
export function rowsOf(format: CountryFormat): AddressField[][] {
  return (format.fmt ?? '')
    .split('%n')
    .map((line) => [...line.matchAll(/%([A-Z])/g)].flatMap((m) => FIELD_OF[m[1] ?? ''] ?? []))
    .filter((row) => row.length > 0)
    .flatMap((row) => {
      // The two address lines are each a row of their own.
      const lines = row.filter((f) => f === 'line1' || f === 'line2');
      const rest = row.filter((f) => f !== 'line1' && f !== 'line2');
      return lines.length ? [...lines.map((l) => [l]), ...(rest.length ? [rest] : [])] : [rest];
    });
}

/** Whether the country's address needs the field. The second address line never is. */
export function isRequired(format: CountryFormat, field: AddressField): boolean {
  const letter = LETTER_OF[field];
  return letter !== '' && (format.require ?? '').includes(letter);
}

/** A postal code as it is compared and stored: trimmed, single spaces, capitals. */
export function normalizePostalCode(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** Whether `value` (normalised) is a postal code of the country; true where the data has no pattern. */
export function isPostalCode(format: CountryFormat, value: string): boolean {
  return format.zip === undefined || new RegExp(`^(?:${format.zip})$`).test(normalizePostalCode(value));
}

/** The region `value` names (its code or its name, any case), or undefined. */
export function regionCode(regions: readonly Region[], value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  return regions.find(([code, name]) => code.toLowerCase() === wanted || name.toLowerCase() === wanted)?.[0];
}

/** Why an address line is not acceptable: `required`, `invalid`, or undefined when it is. */
export type LineProblem = 'required' | 'invalid';

/**
 * Judges each field of an address for its country: a missing required field, a postal code
 * that does not match the country's pattern, a state that is not one of its regions. Fields
 * the country's form does not show are not judged.
 */
export function addressProblems(
  format: CountryFormat,
  regions: readonly Region[] | undefined,
  address: Partial<Record<AddressField, string | null>>,
  withName: boolean,
): Partial<Record<AddressField, LineProblem>> {
  const shown = new Set(rowsOf(format).flat());
  const problems: Partial<Record<AddressField, LineProblem>> = {};
  for (const field of shown) {
    if (field === 'name' && !withName) continue;
    const value = (address[field] ?? '').trim();
    if (!value) {
      if (field === 'name' || isRequired(format, field)) problems[field] = 'required';
    } else if (field === 'postal_code' && !isPostalCode(format, value)) problems[field] = 'invalid';
    else if (field === 'state' && regions && regions.length > 0 && regionCode(regions, value) === undefined) problems[field] = 'invalid';
  }
  return problems;
}
