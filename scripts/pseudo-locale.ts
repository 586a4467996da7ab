// `npm run pseudo-locale`: writes the pseudo-locale `en-XA` from English (src/locales/pseudo.ts
// says what it is): the page's words, the card frame's and the payment server's pages'.
import { writeFileSync } from 'node:fs';
import { pseudo } from '../src/locales/pseudo.js';

export interface PseudoModule {
  path: string;
  from: string;
  type: string;
  typeFrom: string;
  words: object;
}

/** The source text of a pseudo-locale module. */
export function pseudoModule({ from, type, typeFrom, words }: PseudoModule): string {
  return `// Made from ${from} by scripts/pseudo-locale.ts (npm run pseudo-locale): do not edit.
import type { ${type} } from '${typeFrom}';

/** The pseudo-locale: every letter accented, every message a third longer, in brackets. */
const enXA: ${type} = ${JSON.stringify(pseudo(words), null, 2)};

export default enXA;
`;
}

export async function pseudoModules(): Promise<PseudoModule[]> {
  return [
    { path: 'src/locales/en-XA.ts', from: 'src/locales/en.ts', type: 'Strings', typeFrom: '../strings.js', words: { ...(await import('../src/locales/en.js')).default, ...(await import('../src/locales/en-extra.js')).default } },
    { path: 'src/frame/locales/en-XA.ts', from: 'src/frame/locales/en.ts', type: 'CardStrings', typeFrom: '../strings.js', words: (await import('../src/frame/locales/en.js')).default },
    { path: 'server/locales/en-XA.ts', from: 'server/locales/en.ts', type: 'PageStrings', typeFrom: './strings.js', words: (await import('../server/locales/en.js')).default },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const module of await pseudoModules()) {
    writeFileSync(module.path, pseudoModule(module));
    console.log(`pseudo-locale: wrote ${module.path}`);
  }
}
