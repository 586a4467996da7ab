/**
 * Reformats an input's value after an edit and keeps the caret beside the same digit.
 *
 * `format` gets the edited text as it is, not only its digits: the formatters here keep just
 * the digits anyway, and the expiry one needs the separators to tell "1/25" from "12/5" and to
 * let Backspace remove the " / " it added.
 *
 * At the end of the value the caret goes to the end, past any separator the format added
 * ("12" → "12 / "). Mid-value it goes right after the same number of digits as before, so
 * Backspace just after a space moves the caret over the space, and the next one removes the
 * digit before it, instead of getting stuck re-adding the space.
 */
export function reformat(
  value: string,
  caret: number,
  format: (digits: string) => string,
): { value: string; caret: number; digits: string } {
  const formatted = format(value);
  let before = value.slice(0, caret).replace(/\D/g, '').length;
  let at = 0;
  if (caret >= value.length) at = formatted.length;
  else while (before > 0 && at < formatted.length) if (/\d/.test(formatted[at++] ?? '')) before--;
  return { value: formatted, caret: at, digits: formatted.replace(/\D/g, '') };
}
