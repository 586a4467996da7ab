import type { Strings } from '../strings.js';

/**
 * Dutch. Shoppers are addressed as „je”, as Dutch webshops and banks do; a balance that is too
 * low is „onvoldoende saldo”, as Dutch banking apps say it.
 */
const nl: Strings = {
  loading: 'Afrekenen wordt geladen…',
  cardFrameTitle: 'Kaartgegevens',
  email: 'E-mailadres',
  'email.required': 'Vul je e-mailadres in.',
  'email.invalid': 'Vul een geldig e-mailadres in.',
  pay: '{amount} betalen',
  paying: 'Bezig met verwerken…',
  paid: 'Betaling voltooid. Bedankt!',
  tryAgain: 'Opnieuw proberen',
  hostedButton: 'Verder naar veilig betalen',
  hostedNote: 'Je rondt je betaling af op een beveiligde pagina.',
  summary: 'Besteloverzicht',
  items: { one: '{n} artikel', other: '{n} artikelen' },
  quantity: 'Aantal: {n}',
  total: 'Totaal',
  errorIcon: 'Fout:',
  challengeTitle: 'Bevestig je betaling',
  challengeFrame: 'Kaartverificatie door je bank',
  challengeClose: 'Verificatie annuleren',
  card_declined: 'Je kaart is geweigerd. Probeer een andere kaart.',
  insufficient_funds: 'Er staat onvoldoende saldo op je kaart. Probeer een andere kaart.',
  incorrect_cvc: 'De beveiligingscode van je kaart is onjuist.',
  expired_card: 'Je kaart is verlopen. Probeer een andere kaart.',
  processing_error: 'We konden je kaart niet verwerken. Probeer het zo nog eens.',
  authentication_required: 'Je bank moet deze betaling verifiëren. Probeer het opnieuw.',
  payment_intent_authentication_failure: 'Je bank kon deze betaling niet verifiëren. Probeer het opnieuw of gebruik een andere kaart.',
  authentication_canceled: 'De verificatie is geannuleerd. Je kunt het opnieuw proberen.',
  redirect_canceled: 'Je bank moet deze betaling op een eigen pagina verifiëren. Probeer het opnieuw om daarheen te gaan.',
  network_error: 'We kunnen de betaaldienst niet bereiken. Controleer je internetverbinding en probeer het opnieuw.',
  frame_unavailable: 'Het beveiligde kaartformulier kon niet worden geladen. Controleer je internetverbinding en probeer het opnieuw.',
  session_expired: 'Deze betaalsessie is verlopen. Begin opnieuw in de webwinkel.',
  session_completed: 'Deze bestelling is al betaald.',
  resource_missing: 'Deze betaalsessie is niet gevonden.',
  validation_failed: 'Controleer de gemarkeerde velden.',
  integration_error: 'Deze betaling is niet goed ingesteld.',
  unexpected: 'Er is iets misgegaan. Probeer het opnieuw.',
};

export default nl;
