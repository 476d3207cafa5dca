import type { Locale } from '@meute/contracts';

/** What the server itself says to people: error messages and e-mails, in French and English. */
const messages = {
  'error.VALIDATION': { fr: 'Champ invalide : {field} — {detail}', en: 'Invalid field: {field} — {detail}' },
  'error.MALFORMED_JSON': {
    fr: "Le corps de la requête n'est pas un JSON valide.",
    en: 'The request body is not valid JSON.',
  },
  'error.UNSUPPORTED_MEDIA_TYPE': {
    fr: 'Type de contenu non pris en charge : envoyez du JSON.',
    en: 'Unsupported content type: send JSON.',
  },
  'error.PAYLOAD_TOO_LARGE': {
    fr: 'La requête est trop volumineuse (1 Mo au plus).',
    en: 'The request is too large (1 MB at most).',
  },
  'error.UNAUTHENTICATED': { fr: 'Veuillez vous connecter.', en: 'Please sign in.' },
  'error.INVALID_CREDENTIALS': {
    fr: 'E-mail ou mot de passe incorrect.',
    en: 'Wrong e-mail or password.',
  },
  'error.ACCOUNT_DISABLED': { fr: 'Ce compte est désactivé.', en: 'This account is disabled.' },
  'error.RATE_LIMITED': {
    fr: 'Trop de tentatives. Réessayez dans une minute.',
    en: 'Too many attempts. Try again in a minute.',
  },
  'error.FORBIDDEN': {
    fr: "Vous n'avez pas le droit de faire cela.",
    en: 'You are not allowed to do this.',
  },
  'error.CSRF': {
    fr: "Requête refusée : elle ne vient pas de l'application Meute.",
    en: 'Request refused: it does not come from the Meute app.',
  },
  'error.NOT_FOUND': { fr: 'Introuvable.', en: 'Not found.' },
  'error.NETWORK_NOT_FOUND': { fr: 'Réseau introuvable.', en: 'Network not found.' },
  'error.INVITATION_INVALID': {
    fr: "Cette invitation n'est plus valable (déjà utilisée, expirée ou révoquée).",
    en: 'This invitation is no longer valid (already used, expired or revoked).',
  },
  'error.INVITATION_WRONG_ACCOUNT': {
    fr: 'Cette invitation est destinée à une autre adresse e-mail.',
    en: 'This invitation is for another e-mail address.',
  },
  'error.ALREADY_MEMBER': {
    fr: 'Cette personne a déjà ce rôle dans le réseau.',
    en: 'This person already has this role in the network.',
  },
  'error.ROLE_NOT_INVITABLE': {
    fr: 'Vous ne pouvez pas inviter à ce rôle dans ce réseau.',
    en: 'You cannot invite people to this role in this network.',
  },
  'error.RESET_INVALID': {
    fr: 'Ce lien de réinitialisation est invalide ou expiré.',
    en: 'This reset link is invalid or has expired.',
  },
  'error.NOT_AVAILABLE': {
    fr: "Cette fonction n'est pas disponible sur cette installation.",
    en: 'This feature is not available on this installation.',
  },
  'error.APPLICATION_PENDING': {
    fr: 'Une demande d’adhésion de cette entreprise est déjà en attente.',
    en: 'A membership application of this company is already pending.',
  },
  'error.APPLICATION_DECIDED': {
    fr: 'Cette demande a déjà été traitée.',
    en: 'This application has already been decided.',
  },
  'error.CHARTER_NOT_ACCEPTED': {
    fr: 'Acceptez la version en vigueur de la charte du réseau pour adhérer.',
    en: 'Accept the current version of the network’s charter to join.',
  },
  'error.ALREADY_EXISTS': { fr: 'Cet élément existe déjà.', en: 'This already exists.' },
  'error.COMMITMENTS_CLOSED': {
    fr: 'Les engagements de cette campagne sont clos depuis le {deadline} : ils ne peuvent plus être modifiés.',
    en: 'Commitments to this campaign closed on {deadline}: they can no longer be changed.',
  },
  'error.NOT_A_MEMBER_ORGANISATION': {
    fr: 'Seule une entreprise adhérente du réseau peut s’engager, par l’un de ses dirigeants ou collaborateurs.',
    en: 'Only a member company of the network can commit, through one of its leaders or employees.',
  },
  'error.CAMPAIGN_STILL_OPEN': {
    fr: 'Attendez la date limite des engagements ({deadline}) pour attribuer la campagne.',
    en: 'Wait for the commitment deadline ({deadline}) to award the campaign.',
  },
  'error.CAMPAIGN_AWARDED': {
    fr: 'Cette campagne est déjà attribuée.',
    en: 'This campaign has already been awarded.',
  },
  'error.PURCHASE_ORDERS_NOT_READY': {
    fr: 'Cette campagne n’est pas encore attribuée : il n’y a pas encore de bon de commande.',
    en: 'This campaign has not been awarded yet: there is no purchase order yet.',
  },
  'error.NOTHING_TO_AWARD': {
    fr: 'Aucune entreprise ne s’est engagée : il n’y a rien à attribuer.',
    en: 'No company has committed: there is nothing to award.',
  },
  'error.OFFER_NOT_AWARDABLE': {
    fr: 'Cette offre ne peut pas être attribuée : {detail}',
    en: 'This offer cannot be awarded: {detail}',
  },
  'error.NOT_ELIGIBLE': {
    fr: 'Cette campagne est réservée par le réseau ; {organisation} ne remplit pas la condition : {criteria}.',
    en: 'The network reserved this campaign; {organisation} does not meet the condition: {criteria}.',
  },
  'error.OPT_OUT_CLOSED': {
    fr: 'Le délai pour se retirer de cette campagne a pris fin le {deadline} : la répartition est définitive.',
    en: 'The time to opt out of this campaign ended on {deadline}: the split is final.',
  },
  'error.CAMPAIGN_NOT_AWARDED': {
    fr: 'Cette campagne n’est pas encore attribuée : il n’y a pas encore de prix dont se retirer.',
    en: 'This campaign is not awarded yet: there is no price to opt out of yet.',
  },
  'error.COMPUTATION_TIMEOUT': {
    fr: 'Le calcul de la répartition a dépassé le temps imparti. Réessayez ou choisissez une règle plus simple.',
    en: 'Computing the split took too long. Try again or choose a simpler rule.',
  },
  'error.NOT_A_NEED_POSTER': {
    fr: 'Seule une entreprise adhérente du réseau dépose des besoins, par l’un de ses dirigeants ou collaborateurs.',
    en: 'Only a member company of the network posts needs, through one of its leaders or employees.',
  },
  'error.NEED_WITHDRAWN': {
    fr: 'Ce besoin a été retiré : il ne peut plus être modifié.',
    en: 'This need has been withdrawn: it can no longer be changed.',
  },
  'error.TENDER_XML_INVALID': {
    fr: 'Le fichier XML est illisible, ligne {line}, colonne {column} : {detail}. Rien n’a été importé.',
    en: 'The XML file cannot be read, line {line}, column {column}: {detail}. Nothing was imported.',
  },
  'error.TENDER_NOTICE_INVALID': {
    fr: 'Ce n’est pas un avis eForms utilisable : {path} — {detail}. Rien n’a été importé.',
    en: 'This is not a usable eForms notice: {path} — {detail}. Nothing was imported.',
  },
  'error.RFQ_LINK_UNKNOWN': {
    fr: 'Ce lien de demande de prix est inconnu. Vérifiez qu’il est complet, ou demandez-en un nouveau au réseau.',
    en: 'This request-for-quotation link is unknown. Check that it is complete, or ask the network for a new one.',
  },
  'error.RFQ_LINK_EXPIRED': {
    fr: 'Ce lien de demande de prix a expiré le {date}. Demandez un nouveau lien au réseau qui vous l’a envoyé.',
    en: 'This request-for-quotation link expired on {date}. Ask the network that sent it for a new link.',
  },
  'error.RFQ_LINK_REVOKED': {
    fr: 'Ce lien de demande de prix a été révoqué par le réseau. Contactez-le si vous pensez qu’il s’agit d’une erreur.',
    en: 'This request-for-quotation link was revoked by the network. Contact it if you think this is a mistake.',
  },
  'error.RFQ_CLOSED': {
    fr: 'La consultation est close : la campagne a été attribuée, les offres ne peuvent plus être envoyées ni modifiées.',
    en: 'The request is closed: the campaign has been awarded, offers can no longer be sent or changed.',
  },
  'error.RFQ_CAMPAIGN_AWARDED': {
    fr: 'Cette campagne est déjà attribuée : on ne peut plus consulter de fournisseur.',
    en: 'This campaign has already been awarded: suppliers can no longer be consulted.',
  },
  'detail.EXPIRY_PAST': {
    fr: 'la date d’expiration doit être dans le futur',
    en: 'the expiry date must be in the future',
  },
  'detail.EXPIRY_TOO_FAR': {
    fr: 'un lien vaut au plus un an',
    en: 'a link is valid for one year at most',
  },
  'detail.VALID_UNTIL_PAST': {
    fr: 'la date de validité ne peut pas être passée',
    en: 'the validity date cannot be in the past',
  },
  'detail.UNKNOWN_COMPETENCE': {
    fr: 'une compétence n’existe pas dans ce réseau',
    en: 'a competence does not exist in this network',
  },
  'detail.NOT_A_MEMBER': {
    fr: 'une entreprise n’est pas adhérente du réseau',
    en: 'an organisation is not a member of the network',
  },
  'detail.DEADLINE_PAST': {
    fr: 'la date limite doit être dans le futur',
    en: 'the deadline must be in the future',
  },
  'detail.CATEGORY_UNKNOWN': {
    fr: 'catégorie d’entreprise inconnue (TPE, PME, ETI ou GE)',
    en: 'unknown company category (TPE, PME, ETI or GE)',
  },
  'detail.NAF_SECTION_UNKNOWN': {
    fr: 'section NAF inconnue (une lettre de A à U)',
    en: 'unknown NAF section (a letter from A to U)',
  },
  'detail.DEPARTEMENT_UNKNOWN': {
    fr: 'code de département inconnu (01 à 95, 2A, 2B, 971 à 976)',
    en: 'unknown département code (01 to 95, 2A, 2B, 971 to 976)',
  },
  'detail.OPT_OUT_DEADLINE_INVALID': {
    fr: 'la fin du délai de retrait doit être dans le futur, dans les 60 jours',
    en: 'the end of the opt-out period must be in the future, within 60 days',
  },
  'criterion.category': { fr: 'catégorie d’entreprise', en: 'company category' },
  'criterion.naf-section': { fr: 'secteur d’activité (section NAF)', en: 'line of business (NAF section)' },
  'criterion.departement': { fr: 'département', en: 'département' },
  'detail.ORGANISATION_REQUIRED': {
    fr: 'précisez pour quelle entreprise vous vous engagez',
    en: 'say which company you commit for',
  },
  'detail.NO_TIERS': { fr: 'ajoutez au moins un palier', en: 'add at least one tier' },
  'detail.FIRST_TIER_NOT_AT_ZERO': {
    fr: 'le premier palier doit commencer à 0',
    en: 'the first tier must start at 0',
  },
  'detail.TIER_START_INVALID': {
    fr: 'le seuil du palier doit être un nombre positif',
    en: 'the tier threshold must be a positive number',
  },
  'detail.TIERS_NOT_ASCENDING': {
    fr: 'les seuils des paliers doivent être strictement croissants',
    en: 'tier thresholds must be strictly increasing',
  },
  'detail.UNIT_PRICE_INVALID': {
    fr: 'le prix unitaire doit être un nombre positif ou nul',
    en: 'the unit price must be zero or more',
  },
  'detail.FIXED_COST_INVALID': {
    fr: 'les frais fixes sont un nombre entier de centimes, positif ou nul',
    en: 'fixed costs are a whole number of cents, zero or more',
  },
  'detail.PRICING_KIND_UNKNOWN': {
    fr: 'type de tarif inconnu',
    en: 'unknown pricing kind',
  },
  'detail.NUL': { fr: 'le caractère NUL est interdit', en: 'the NUL character is not allowed' },
  'detail.SIRET_FORMAT': {
    fr: 'un SIRET compte 14 chiffres',
    en: 'a SIRET has 14 digits',
  },
  'detail.SIRET_CHECKSUM': {
    fr: 'ce SIRET n’existe pas (clé de contrôle fausse) : vérifiez les chiffres',
    en: 'this SIRET does not exist (wrong check digit): check the digits',
  },
  'error.INTERNAL': {
    fr: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, donnez ce numéro au support : {requestId}.',
    en: 'Something unexpected went wrong. Try again; if it persists, give this number to support: {requestId}.',
  },
  'mail.invitation.subject': {
    fr: 'Invitation à rejoindre {network} sur Meute',
    en: 'Invitation to join {network} on Meute',
  },
  'mail.invitation.body': {
    fr: 'Bonjour,\n\n{inviter} vous invite à rejoindre {network} sur Meute, en tant que {role}.\n\nPour accepter, ouvrez ce lien (valable 14 jours) :\n{link}\n\nSi vous ne vous attendiez pas à cette invitation, ignorez ce message.\n\n— Meute',
    en: 'Hello,\n\n{inviter} invites you to join {network} on Meute, as {role}.\n\nTo accept, open this link (valid for 14 days):\n{link}\n\nIf you did not expect this invitation, ignore this message.\n\n— Meute',
  },
  'mail.rfq.subject': {
    fr: 'Demande de prix : {campaign} ({network})',
    en: 'Request for quotation: {campaign} ({network})',
  },
  'mail.rfq.body': {
    fr: 'Bonjour,\n\n{network} regroupe les achats de ses entreprises adhérentes et vous invite à chiffrer « {campaign} » ({unit}).\n\nPour lire la demande et proposer vos paliers de prix, ouvrez ce lien (valable jusqu’au {expires}, sans compte à créer) :\n{link}\n\nCe lien vous est personnel : ne le transférez pas.\n\n— Meute',
    en: 'Hello,\n\n{network} pools the purchases of its member companies and invites you to quote for “{campaign}” ({unit}).\n\nTo read the request and propose your price tiers, open this link (valid until {expires}, no account needed):\n{link}\n\nThis link is personal to you: do not forward it.\n\n— Meute',
  },
  'mail.reset.subject': { fr: 'Réinitialiser votre mot de passe Meute', en: 'Reset your Meute password' },
  'mail.reset.body': {
    fr: 'Bonjour {name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure) :\n{link}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n\n— Meute',
    en: 'Hello {name},\n\nTo choose a new password, open this link (valid for 1 hour):\n{link}\n\nIf you did not ask for this, ignore this message: your password stays the same.\n\n— Meute',
  },
  'mail.application.subject': {
    fr: 'Nouvelle demande d’adhésion à {network} : {organisation}',
    en: 'New membership application to {network}: {organisation}',
  },
  'mail.application.body': {
    fr: 'Bonjour,\n\n{organisation} demande à adhérer à {network}.\n\nPour étudier la demande :\n{link}\n\n— Meute',
    en: 'Hello,\n\n{organisation} applies to join {network}.\n\nTo review the application:\n{link}\n\n— Meute',
  },
  'mail.approved.subject': { fr: 'Bienvenue dans {network}', en: 'Welcome to {network}' },
  'mail.approved.body': {
    fr: 'Bonjour,\n\nVotre demande d’adhésion à {network} est acceptée. Bienvenue !\n\n{link}\n\n— Meute',
    en: 'Hello,\n\nYour application to join {network} is approved. Welcome!\n\n{link}\n\n— Meute',
  },
  'mail.rejected.subject': {
    fr: 'Votre demande d’adhésion à {network}',
    en: 'Your application to {network}',
  },
  'mail.rejected.body': {
    fr: 'Bonjour,\n\nVotre demande d’adhésion à {network} n’a pas été retenue.\n\nMotif : {reason}\n\n— Meute',
    en: 'Hello,\n\nYour application to join {network} was not accepted.\n\nReason: {reason}\n\n— Meute',
  },
  'role.staff': { fr: 'animateur·rice', en: 'staff' },
  'role.board': { fr: 'membre du bureau', en: 'board member' },
  'role.member_leader': { fr: 'dirigeant·e adhérent·e', en: 'member leader' },
  'role.member_employee': { fr: 'collaborateur·rice adhérent·e', en: 'member employee' },
  'role.partner_delegate': { fr: 'délégué·e partenaire', en: 'partner delegate' },
  'role.federation_staff': { fr: 'équipe de la fédération', en: 'federation staff' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

export function translate(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export function hasMessage(key: string): key is MessageKey {
  return key in messages;
}

/** The caller's language: their explicit choice (cookie), else the browser's first French or English. */
export function pickLocale(cookieValue: string | undefined, acceptLanguage: string | undefined): Locale {
  if (cookieValue === 'fr' || cookieValue === 'en') return cookieValue;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'fr';
}
