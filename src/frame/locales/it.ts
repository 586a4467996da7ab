import type { CardStrings } from '../strings.js';

/** Italian: the words on Italian cards and banking apps (Numero della carta, Data di scadenza, Codice di sicurezza (CVV)), «tu». */
const it: CardStrings = {
  cardNumber: 'Numero della carta',
  expiry: 'Data di scadenza',
  expiryPlaceholder: 'MM / AA',
  cvc: 'Codice di sicurezza (CVV)',
  cvcHint: { one: '{n} cifra riportata sulla carta', many: '{n} cifre riportate sulla carta', other: '{n} cifre riportate sulla carta' },
  name: 'Nome del titolare',
  brand: 'Circuito:',
  errorIcon: 'Errore:',
  refused: 'Questo modulo di pagamento non può essere usato su questa pagina.',
  'number.incomplete': 'Il numero della carta è incompleto.',
  'number.invalid': 'Il numero della carta non è valido.',
  'number.required': 'Inserisci il numero della carta.',
  'expiry.incomplete': 'La data di scadenza è incompleta.',
  'expiry.invalid_month': 'Il mese di scadenza non è valido.',
  'expiry.expired': 'La data di scadenza della carta è già passata.',
  'expiry.too_far': 'L’anno di scadenza è troppo lontano nel tempo.',
  'expiry.required': 'Inserisci la data di scadenza.',
  'cvc.incomplete': 'Il codice di sicurezza è incompleto.',
  'cvc.invalid': 'Il codice di sicurezza non è valido.',
  'cvc.required': 'Inserisci il codice di sicurezza.',
  'name.required': 'Inserisci il nome del titolare della carta.',
};

export default it;
