import type { CardStrings } from '../strings.js';

/** German: the words on German cards and banking apps (Kartennummer, Ablaufdatum, Prüfnummer), „Sie“. */
const de: CardStrings = {
  cardNumber: 'Kartennummer',
  expiry: 'Ablaufdatum',
  expiryPlaceholder: 'MM / JJ',
  cvc: 'Prüfnummer (CVC)',
  cvcHint: { one: '{n} Ziffer auf Ihrer Karte', other: '{n} Ziffern auf Ihrer Karte' },
  name: 'Name des Karteninhabers',
  brand: 'Kartentyp:',
  errorIcon: 'Fehler:',
  refused: 'Dieses Zahlungsformular kann auf dieser Seite nicht verwendet werden.',
  'number.incomplete': 'Ihre Kartennummer ist unvollständig.',
  'number.invalid': 'Ihre Kartennummer ist ungültig.',
  'number.required': 'Geben Sie Ihre Kartennummer ein.',
  'expiry.incomplete': 'Das Ablaufdatum ist unvollständig.',
  'expiry.invalid_month': 'Der Ablaufmonat ist ungültig.',
  'expiry.expired': 'Das Ablaufdatum Ihrer Karte liegt in der Vergangenheit.',
  'expiry.too_far': 'Das Ablaufjahr liegt zu weit in der Zukunft.',
  'expiry.required': 'Geben Sie das Ablaufdatum ein.',
  'cvc.incomplete': 'Die Prüfnummer ist unvollständig.',
  'cvc.invalid': 'Die Prüfnummer ist ungültig.',
  'cvc.required': 'Geben Sie die Prüfnummer ein.',
  'name.required': 'Geben Sie den Namen des Karteninhabers ein.',
};

export default de;
