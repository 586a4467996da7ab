/**
 * lazy.ts for the self-contained file: the modules are files beside it (`locales/<tag>.js`,
 * `challenge-dialog.js`, built by vite.config.ts's `lazy` mode), imported by URL.
 */
import type { loadChallenge as LoadChallenge, loadExtra as LoadExtra } from './lazy.js';
import { SHIPPED } from './locales/shipped.js';
import type { Strings } from './strings.js';

// Not `new URL(`…`, import.meta.url)`: Vite would take that for an asset of this build.
const beside = <T>(file: string): Promise<T> => import(/* @vite-ignore */ new URL(file, import.meta.url).href) as Promise<T>;

export const loadStrings = (tag: string): Promise<{ default: Strings }> | undefined =>
  (SHIPPED as readonly string[]).includes(tag) ? beside('locales/' + tag + '.js') : undefined;

export const loadExtra: typeof LoadExtra = () => beside('locales/en-extra.js');

export const loadChallenge: typeof LoadChallenge = () => beside('challenge-dialog.js');
