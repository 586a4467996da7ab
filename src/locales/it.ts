import type { Strings } from '../strings.js';

/**
 * Italian. Shoppers are addressed as «tu», as Italian shop checkouts and banking apps now do;
 * the security code is the «codice di sicurezza (CVV)» printed on Italian cards; the
 * typographic apostrophe.
 */
const it: Strings = {
  loading: 'Caricamento del pagamento…',
  cardFrameTitle: 'Dati della carta',
  email: 'Indirizzo email',
  'email.required': 'Inserisci il tuo indirizzo email.',
  'email.invalid': 'Inserisci un indirizzo email valido.',
  pay: 'Paga {amount}',
  paying: 'Elaborazione in corso…',
  paid: 'Pagamento completato. Grazie!',
  tryAgain: 'Riprova',
  hostedButton: 'Continua al pagamento sicuro',
  hostedNote: 'Completerai il pagamento su una pagina sicura.',
  summary: 'Riepilogo dell’ordine',
  items: { one: '{n} articolo', many: '{n} articoli', other: '{n} articoli' },
  quantity: 'Qtà: {n}',
  total: 'Totale',
  errorIcon: 'Errore:',
  challengeTitle: 'Conferma il pagamento',
  challengeFrame: 'Verifica della carta da parte della tua banca',
  challengeClose: 'Annulla la verifica',
  'saved.legend': 'Metodo di pagamento',
  'saved.endingIn': 'che termina con',
  'saved.expires': 'Scadenza: {date}',
  'saved.expired': 'Scaduta: {date}',
  'saved.newCard': 'Usa una nuova carta',
  'saved.save': 'Salva questa carta per i pagamenti futuri',
  'saved.saveHint': 'Salvata in modo sicuro dal nostro fornitore di servizi di pagamento. La prossima volta potrai pagare qui senza reinserire i dati della carta.',
  'saved.willSave': 'Questa carta verrà salvata per i tuoi prossimi pagamenti qui.',
  'saved.willSaveOffSession': 'Questa carta verrà salvata. Pagando, autorizzi questo negozio ad addebitare su di essa i pagamenti futuri secondo le sue condizioni.',
  'saved.mayCharge': 'Pagando, autorizzi questo negozio ad addebitare su questa carta i pagamenti futuri secondo le sue condizioni.',
  'saved.card': 'Carta',
  card_declined: 'La carta è stata rifiutata. Prova con un’altra carta.',
  insufficient_funds: 'Fondi insufficienti sulla carta. Prova con un’altra carta.',
  incorrect_cvc: 'Il codice di sicurezza della carta non è corretto.',
  expired_card: 'La carta è scaduta. Prova con un’altra carta.',
  processing_error: 'Non è stato possibile elaborare la carta. Riprova tra qualche istante.',
  authentication_required: 'La tua banca deve verificare questo pagamento. Riprova.',
  payment_intent_authentication_failure: 'La tua banca non è riuscita a verificare questo pagamento. Riprova o usa un’altra carta.',
  authentication_canceled: 'La verifica è stata annullata. Puoi riprovare.',
  redirect_canceled: 'La tua banca deve verificare questo pagamento sulla propria pagina. Riprova per accedervi.',
  server_error: 'Il servizio di pagamento ha riscontrato un problema. Riprova tra qualche istante.',
  network_error: 'Impossibile raggiungere il servizio di pagamento. Controlla la connessione e riprova.',
  frame_unavailable: 'Impossibile caricare il modulo sicuro della carta. Controlla la connessione e riprova.',
  session_expired: 'Questa sessione di pagamento è scaduta. Ricomincia dal negozio.',
  session_completed: 'Questo ordine è già stato pagato.',
  resource_missing: 'Sessione di pagamento non trovata.',
  validation_failed: 'Controlla i campi evidenziati.',
  integration_error: 'Questo pagamento non è configurato correttamente.',
  unexpected: 'Si è verificato un errore. Riprova.',
};

export default it;
