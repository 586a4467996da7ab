import type { CardStrings } from '../strings.js';

/** Dutch: the words on Dutch cards and banking apps (Kaartnummer, Vervaldatum, Beveiligingscode (CVC)), „je”. */
const nl: CardStrings = {
  cardNumber: 'Kaartnummer',
  expiry: 'Vervaldatum',
  expiryPlaceholder: 'MM / JJ',
  cvc: 'Beveiligingscode (CVC)',
  cvcHint: { one: '{n} cijfer op je kaart', other: '{n} cijfers op je kaart' },
  name: 'Naam op de kaart',
  brand: 'Kaartsoort:',
  errorIcon: 'Fout:',
  refused: 'Dit betaalformulier kan niet op deze pagina worden gebruikt.',
  'number.incomplete': 'Je kaartnummer is onvolledig.',
  'number.invalid': 'Je kaartnummer is ongeldig.',
  'number.required': 'Vul je kaartnummer in.',
  'expiry.incomplete': 'De vervaldatum is onvolledig.',
  'expiry.invalid_month': 'De maand van de vervaldatum is ongeldig.',
  'expiry.expired': 'De vervaldatum van je kaart ligt in het verleden.',
  'expiry.too_far': 'Het jaar van de vervaldatum ligt te ver in de toekomst.',
  'expiry.required': 'Vul de vervaldatum in.',
  'cvc.incomplete': 'De beveiligingscode is onvolledig.',
  'cvc.invalid': 'De beveiligingscode is ongeldig.',
  'cvc.required': 'Vul de beveiligingscode in.',
  'name.required': 'Vul de naam op je kaart in.',
};

export default nl;
