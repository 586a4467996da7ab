import type { Strings } from '../strings.js';

/**
 * Polish. Shoppers are addressed in the second person singular, as Polish shops and banking apps
 * do; the security code is „kod CVC” (Visa cards print CVV2, but Polish forms say CVC for both);
 * counts take the one/few/many forms (1 produkt, 2 produkty, 5 produktów).
 */
const pl: Strings = {
  loading: 'Ładowanie płatności…',
  cardFrameTitle: 'Dane karty',
  email: 'Adres e-mail',
  'email.required': 'Podaj adres e-mail.',
  'email.invalid': 'Podaj prawidłowy adres e-mail.',
  pay: 'Zapłać {amount}',
  paying: 'Przetwarzanie…',
  paid: 'Płatność zakończona. Dziękujemy!',
  tryAgain: 'Spróbuj ponownie',
  hostedButton: 'Przejdź do bezpiecznej płatności',
  hostedNote: 'Płatność dokończysz na bezpiecznej stronie.',
  summary: 'Podsumowanie zamówienia',
  items: { one: '{n} produkt', few: '{n} produkty', many: '{n} produktów', other: '{n} produktu' },
  quantity: 'Ilość: {n}',
  total: 'Razem',
  errorIcon: 'Błąd:',
  challengeTitle: 'Potwierdź płatność',
  challengeFrame: 'Weryfikacja karty przez Twój bank',
  challengeClose: 'Anuluj weryfikację',
  'saved.legend': 'Metoda płatności',
  'saved.endingIn': 'kończąca się na',
  'saved.expires': 'Ważna do {date}',
  'saved.expired': 'Wygasła {date}',
  'saved.newCard': 'Użyj nowej karty',
  'saved.save': 'Zapisz tę kartę do przyszłych płatności',
  'saved.saveHint': 'Bezpiecznie przechowywana przez naszego operatora płatności. Następnym razem zapłacisz nią tutaj bez ponownego wpisywania danych karty.',
  'saved.willSave': 'Ta karta zostanie zapisana do Twoich przyszłych płatności w tym sklepie.',
  'saved.willSaveOffSession': 'Ta karta zostanie zapisana. Płacąc, zgadzasz się, aby ten sklep obciążał ją przyszłymi płatnościami zgodnie ze swoim regulaminem.',
  'saved.mayCharge': 'Płacąc, zgadzasz się, aby ten sklep obciążał tę kartę przyszłymi płatnościami zgodnie ze swoim regulaminem.',
  'saved.card': 'Karta',
  card_declined: 'Karta została odrzucona. Użyj innej karty.',
  insufficient_funds: 'Brak wystarczających środków na karcie. Użyj innej karty.',
  incorrect_cvc: 'Kod CVC karty jest nieprawidłowy.',
  expired_card: 'Karta utraciła ważność. Użyj innej karty.',
  processing_error: 'Nie udało się przetworzyć karty. Spróbuj ponownie za chwilę.',
  authentication_required: 'Twój bank musi zweryfikować tę płatność. Spróbuj ponownie.',
  payment_intent_authentication_failure: 'Twój bank nie mógł zweryfikować tej płatności. Spróbuj ponownie lub użyj innej karty.',
  authentication_canceled: 'Weryfikacja została anulowana. Możesz spróbować ponownie.',
  redirect_canceled: 'Twój bank musi zweryfikować tę płatność na swojej stronie. Spróbuj ponownie, aby do niej przejść.',
  server_error: 'Wystąpił problem z usługą płatności. Spróbuj ponownie za chwilę.',
  network_error: 'Nie udało się połączyć z usługą płatności. Sprawdź połączenie z internetem i spróbuj ponownie.',
  frame_unavailable: 'Nie udało się wczytać bezpiecznego formularza karty. Sprawdź połączenie z internetem i spróbuj ponownie.',
  session_expired: 'Sesja płatności wygasła. Zacznij od nowa w sklepie.',
  session_completed: 'To zamówienie zostało już opłacone.',
  resource_missing: 'Nie znaleziono tej sesji płatności.',
  validation_failed: 'Sprawdź zaznaczone pola.',
  integration_error: 'Ta płatność nie jest poprawnie skonfigurowana.',
  unexpected: 'Coś poszło nie tak. Spróbuj ponownie.',
};

export default pl;
