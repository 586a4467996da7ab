/** The Luhn (mod 10) checksum every card number carries in its last digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length, double = false; i--; double = !double) {
    const d = (digits.charCodeAt(i) - 48) * (double ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return /^\d+$/.test(digits) && sum % 10 == 0;
}
