import type { BrandInfo } from './brands.js';

export type CvcError = 'incomplete' | 'invalid';

/** Exactly the brand's CVC length; 3 or 4 digits while the brand is unknown. */
export function validateCvc(cvc: string, brand: BrandInfo): CvcError | null {
  const max = brand.brand == 'unknown' ? 4 : brand.cvcLength;
  return /\D/.test(cvc) || cvc.length > max ? 'invalid' : cvc.length < brand.cvcLength ? 'incomplete' : null;
}
