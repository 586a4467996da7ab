import type { Strings } from '../strings.js';

/**
 * German. Shoppers are addressed as „Sie“, as German shops and banks do; the security code is
 * the „Prüfnummer“ and an insufficient balance is „nicht ausreichend gedeckt“, as German banks
 * say; a trailing ellipsis after a whole word takes a (non-breaking) space, as Duden has it.
 */
const de: Strings = {
  loading: 'Kasse wird geladen\u00a0…',
  cardFrameTitle: 'Kartendaten',
  email: 'E-Mail-Adresse',
  'email.required': 'Geben Sie Ihre E-Mail-Adresse ein.',
  'email.invalid': 'Geben Sie eine gültige E-Mail-Adresse ein.',
  pay: '{amount} bezahlen',
  paying: 'Zahlung wird verarbeitet\u00a0…',
  paid: 'Zahlung erfolgreich. Vielen Dank!',
  tryAgain: 'Erneut versuchen',
  hostedButton: 'Weiter zur sicheren Zahlung',
  hostedNote: 'Sie schließen Ihre Zahlung auf einer sicheren Seite ab.',
  summary: 'Bestellübersicht',
  items: { one: '{n} Artikel', other: '{n} Artikel' },
  quantity: 'Menge: {n}',
  total: 'Gesamtbetrag',
  errorIcon: 'Fehler:',
  challengeTitle: 'Zahlung bestätigen',
  challengeFrame: 'Bestätigung der Karte durch Ihre Bank',
  challengeClose: 'Bestätigung abbrechen',
  'saved.legend': 'Zahlungsmethode',
  'saved.endingIn': 'endet auf',
  'saved.expires': 'Gültig bis {date}',
  'saved.expired': 'Abgelaufen seit {date}',
  'saved.newCard': 'Neue Karte verwenden',
  'saved.save': 'Karte für zukünftige Zahlungen speichern',
  'saved.saveHint': 'Sicher gespeichert bei unserem Zahlungsdienstleister. Beim nächsten Mal können Sie hier damit bezahlen, ohne Ihre Kartendaten erneut einzugeben.',
  'saved.willSave': 'Diese Karte wird für Ihre zukünftigen Zahlungen hier gespeichert.',
  'saved.willSaveOffSession': 'Diese Karte wird gespeichert. Mit Ihrer Zahlung erlauben Sie diesem Shop, sie gemäß seinen Bedingungen für zukünftige Zahlungen zu belasten.',
  'saved.mayCharge': 'Mit Ihrer Zahlung erlauben Sie diesem Shop, diese Karte gemäß seinen Bedingungen für zukünftige Zahlungen zu belasten.',
  'saved.card': 'Karte',
  card_declined: 'Ihre Karte wurde abgelehnt. Bitte verwenden Sie eine andere Karte.',
  insufficient_funds: 'Ihre Karte ist nicht ausreichend gedeckt. Bitte verwenden Sie eine andere Karte.',
  incorrect_cvc: 'Die Prüfnummer Ihrer Karte ist falsch.',
  expired_card: 'Ihre Karte ist abgelaufen. Bitte verwenden Sie eine andere Karte.',
  processing_error: 'Ihre Karte konnte nicht verarbeitet werden. Bitte versuchen Sie es gleich noch einmal.',
  authentication_required: 'Ihre Bank muss diese Zahlung bestätigen. Bitte versuchen Sie es erneut.',
  payment_intent_authentication_failure: 'Ihre Bank konnte diese Zahlung nicht bestätigen. Versuchen Sie es erneut oder verwenden Sie eine andere Karte.',
  authentication_canceled: 'Die Bestätigung wurde abgebrochen. Sie können es erneut versuchen.',
  redirect_canceled: 'Ihre Bank muss diese Zahlung auf ihrer eigenen Seite bestätigen. Versuchen Sie es erneut, um dorthin zu gelangen.',
  server_error: 'Beim Zahlungsdienst ist ein Problem aufgetreten. Bitte versuchen Sie es gleich noch einmal.',
  network_error: 'Der Zahlungsdienst ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  frame_unavailable: 'Das sichere Kartenformular konnte nicht geladen werden. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  session_expired: 'Dieser Bezahlvorgang ist abgelaufen. Bitte beginnen Sie erneut im Shop.',
  session_completed: 'Diese Bestellung wurde bereits bezahlt.',
  resource_missing: 'Dieser Bezahlvorgang wurde nicht gefunden.',
  validation_failed: 'Bitte prüfen Sie die markierten Felder.',
  integration_error: 'Dieser Bezahlvorgang ist nicht richtig eingerichtet.',
  unexpected: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
};

export default de;
