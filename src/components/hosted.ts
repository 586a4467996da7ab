/**
 * Where a hosted session is paid: on its own hosted page only. Anywhere else the elements offer
 * a button to that page instead of a form (and collect no details there: the page does).
 */
import type { ClientSession } from '../api/wire.js';

export function hostedElsewhere(session: ClientSession | undefined): boolean {
  if (session?.ui_mode !== 'hosted') return false;
  if (!session.url) return true;
  const target = new URL(session.url, location.href);
  return target.origin + target.pathname !== location.origin + location.pathname;
}
