const formatter = (currency: string, locale?: string) => new Intl.NumberFormat(locale, { style: 'currency', currency });

/** Digits after the decimal point in the currency's minor unit: JPY 0, USD 2, KWD 3. */
export function minorUnitDigits(currency: string): number {
  return formatter(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An integer amount in minor units, divided once, shown in the locale's currency style. */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  const f = formatter(currency, locale);
  return f.format(amountMinor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
}
