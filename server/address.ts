/**
 * The shopper's shipping and billing addresses and phone number, judged as a real provider
 * would before it lets a payment go: the country, the lines its format requires, the postal
 * code's pattern and the state (src/address/, Google's address data), the phone number with
 * libphonenumber's full metadata (exact digit patterns, not only lengths: the page checks
 * lengths, this has the last word) and stored in E.164. Every refusal names the parameter at
 * fault, in bracket notation.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { addressProblems, formatFor, normalizePostalCode, regionCode, rowsOf, type AddressLine } from '../src/address/format.js';
import { FORMATS } from '../src/address/formats.data.js';
import { REGIONS } from '../src/address/regions.data.js';
import type { Address } from '../src/api/wire.js';
import { invalidRequest } from './errors.js';

export type AddressInput = Partial<Record<AddressLine, string | undefined>> & { country: string };

/**
 * The address, judged for its country and normalised (trimmed; empty lines null; the postal code
 * in capitals with single spaces; the state as its region code), or a 400 naming the first
 * field at fault. `allowed`: the countries the session ships to.
 */
export function judgeAddress(input: AddressInput, param: string, allowed?: readonly string[], name?: string): Address {
  const country = input.country;
  if (allowed && !allowed.includes(country)) {
    throw invalidRequest(`This checkout does not ship to ${country}: the countries allowed are ${allowed.join(', ')}.`, 'parameter_invalid', `${param}[country]`);
  }
  const format = formatFor(FORMATS, country);
  const regions = REGIONS[country];
  const problems = addressProblems(format, regions, { ...input, ...(name === undefined ? {} : { name }) }, name !== undefined);
  const [field, problem] = Object.entries(problems)[0] ?? [];
  if (field === 'name') throw invalidRequest('The shipping name is required.', 'parameter_missing', param.replace(/\[address\]$/, '[name]'));
  if (field !== undefined) {
    const at = `${param}[${field}]`;
    if (problem === 'required') throw invalidRequest(`The address in ${country} needs its ${field}.`, 'parameter_missing', at);
    if (field === 'postal_code') {
      throw invalidRequest(`'${input.postal_code ?? ''}' is not a postal code of ${country}${format.zipex ? ` (such as ${format.zipex})` : ''}.`, 'postal_code_invalid', at);
    }
    throw invalidRequest(`'${input.state ?? ''}' is not a state or region of ${country}.`, 'parameter_invalid', at);
  }
  // Lines the country's form does not show are dropped: they would be printed on no label.
  const shown = new Set<string>(rowsOf(format).flat());
  const line = (key: AddressLine): string | null => {
    const value = input[key]?.trim() ?? '';
    return value && shown.has(key) ? value : null;
  };
  const state = line('state');
  const postal = line('postal_code');
  const address: Address = { line1: line('line1') ?? '', line2: line('line2'), city: line('city'), state: state && regions ? (regionCode(regions, state) ?? state) : state, postal_code: postal && normalizePostalCode(postal), country };
  return address;
}

/** A phone number in E.164 (`+442071838750`), read as dialled in `country` unless it starts with `+`; or a 400. */
export function judgePhone(value: string, country: string | undefined, param: string): string {
  const phone = parsePhoneNumberFromString(value, country as CountryCode | undefined);
  if (!phone?.isValid()) {
    throw invalidRequest(`'${value}' is not a valid phone number${country ? ` (read as dialled in ${country} unless it starts with +)` : ''}.`, 'parameter_invalid', param);
  }
  return phone.number;
}
