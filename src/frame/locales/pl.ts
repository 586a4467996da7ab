import type { CardStrings } from '../strings.js';

/** Polish: the words on Polish checkouts and banking apps (Numer karty, Data ważności, Kod CVC), second person singular. */
const pl: CardStrings = {
  cardNumber: 'Numer karty',
  expiry: 'Data ważności',
  expiryPlaceholder: 'MM / RR',
  cvc: 'Kod CVC',
  cvcHint: { one: '{n} cyfra na karcie', few: '{n} cyfry na karcie', many: '{n} cyfr na karcie', other: '{n} cyfry na karcie' },
  name: 'Imię i nazwisko na karcie',
  brand: 'Rodzaj karty:',
  errorIcon: 'Błąd:',
  refused: 'Tego formularza płatności nie można użyć na tej stronie.',
  'number.incomplete': 'Numer karty jest niepełny.',
  'number.invalid': 'Numer karty jest nieprawidłowy.',
  'number.required': 'Podaj numer karty.',
  'expiry.incomplete': 'Data ważności jest niepełna.',
  'expiry.invalid_month': 'Miesiąc ważności jest nieprawidłowy.',
  'expiry.expired': 'Data ważności karty już minęła.',
  'expiry.too_far': 'Rok ważności jest zbyt odległy.',
  'expiry.required': 'Podaj datę ważności.',
  'cvc.incomplete': 'Kod CVC jest niepełny.',
  'cvc.invalid': 'Kod CVC jest nieprawidłowy.',
  'cvc.required': 'Podaj kod CVC.',
  'name.required': 'Podaj imię i nazwisko widoczne na karcie.',
};

export default pl;
