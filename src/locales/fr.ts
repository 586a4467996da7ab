import type { Strings } from '../strings.js';

/**
 * French. Shoppers are addressed as « vous »; the security code is the « cryptogramme », as on
 * French bank cards and banking apps. Typography: a non-breaking space before « : » and a narrow
 * one before « ! » and « ? », the typographic apostrophe.
 */
const fr: Strings = {
  loading: 'Chargement du paiement…',
  cardFrameTitle: 'Informations de la carte',
  email: 'Adresse e-mail',
  'email.required': 'Saisissez votre adresse e-mail.',
  'email.invalid': 'Saisissez une adresse e-mail valide.',
  pay: 'Payer {amount}',
  paying: 'Traitement en cours…',
  paid: 'Paiement effectué. Merci\u202f!',
  tryAgain: 'Réessayer',
  hostedButton: 'Continuer vers le paiement sécurisé',
  hostedNote: 'Vous finaliserez votre paiement sur une page sécurisée.',
  summary: 'Récapitulatif de la commande',
  items: { one: '{n} article', many: '{n} articles', other: '{n} articles' },
  quantity: 'Qté\u00a0: {n}',
  total: 'Total',
  errorIcon: 'Erreur\u00a0:',
  challengeTitle: 'Confirmez votre paiement',
  challengeFrame: 'Vérification de la carte par votre banque',
  challengeClose: 'Annuler la vérification',
  'saved.legend': 'Moyen de paiement',
  'saved.endingIn': 'se terminant par',
  'saved.expires': 'Expire fin {date}',
  'saved.expired': 'Expirée depuis {date}',
  'saved.newCard': 'Utiliser une nouvelle carte',
  'saved.save': 'Enregistrer cette carte pour mes prochains paiements',
  'saved.saveHint': 'Enregistrée en toute sécurité par notre prestataire de paiement. La prochaine fois, vous pourrez payer ici avec cette carte sans ressaisir ses informations.',
  'saved.willSave': 'Cette carte sera enregistrée pour vos prochains paiements ici.',
  'saved.willSaveOffSession': 'Cette carte sera enregistrée. En payant, vous autorisez ce marchand à la débiter lors de vos prochains paiements, conformément à ses conditions.',
  'saved.mayCharge': 'En payant, vous autorisez ce marchand à débiter cette carte lors de vos prochains paiements, conformément à ses conditions.',
  'saved.card': 'Carte',
  card_declined: 'Votre carte a été refusée. Essayez une autre carte.',
  insufficient_funds: 'Le solde de votre carte est insuffisant. Essayez une autre carte.',
  incorrect_cvc: 'Le cryptogramme de votre carte est incorrect.',
  expired_card: 'Votre carte a expiré. Essayez une autre carte.',
  processing_error: 'Nous n’avons pas pu traiter votre carte. Réessayez dans quelques instants.',
  authentication_required: 'Votre banque doit authentifier ce paiement. Réessayez.',
  payment_intent_authentication_failure: 'Votre banque n’a pas pu authentifier ce paiement. Réessayez ou utilisez une autre carte.',
  authentication_canceled: 'La vérification a été annulée. Vous pouvez réessayer.',
  redirect_canceled: 'Votre banque doit authentifier ce paiement sur sa propre page. Réessayez pour y accéder.',
  server_error: 'Le service de paiement a rencontré un problème. Réessayez dans quelques instants.',
  network_error: 'Impossible de joindre le service de paiement. Vérifiez votre connexion et réessayez.',
  frame_unavailable: 'Le formulaire de carte sécurisé n’a pas pu être chargé. Vérifiez votre connexion et réessayez.',
  session_expired: 'Cette session de paiement a expiré. Recommencez depuis la boutique.',
  session_completed: 'Cette commande a déjà été payée.',
  resource_missing: 'Cette session de paiement est introuvable.',
  validation_failed: 'Vérifiez les champs signalés.',
  integration_error: 'Ce paiement n’est pas configuré correctement.',
  unexpected: 'Une erreur s’est produite. Veuillez réessayer.',
};

export default fr;
