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
  'error.NOT_A_RELOCATION_BUYER': {
    fr: 'Seule une entreprise adhérente du réseau liste ses fournisseurs extérieurs, par l’un de ses dirigeants ou collaborateurs.',
    en: 'Only a member company of the network lists its outside suppliers, through one of its leaders or employees.',
  },
  'detail.RELOCATION_ORGANISATION_REQUIRED': {
    fr: 'précisez pour quelle entreprise vous achetez',
    en: 'say which company buys it',
  },
  'detail.RELOCATION_REPLACED_BY_REQUIRED': {
    fr: 'choisissez l’entreprise adhérente qui remplace le fournisseur',
    en: 'choose the member company that replaces the supplier',
  },
  'detail.RELOCATION_AMOUNT_REQUIRED': {
    fr: 'indiquez le montant annuel rapatrié dans le réseau',
    en: 'give the yearly amount brought back into the network',
  },
  'detail.RELOCATION_SELF': {
    fr: 'une entreprise ne se remplace pas elle-même',
    en: 'a company cannot replace itself',
  },
  'error.NEED_WITHDRAWN': {
    fr: 'Ce besoin a été retiré : il ne peut plus être modifié.',
    en: 'This need has been withdrawn: it can no longer be changed.',
  },
  'error.TENDER_XML_INVALID': {
    fr: 'Le fichier XML est illisible, ligne {line}, colonne {column} : {detail}. Rien n’a été importé.',
    en: 'The XML file cannot be read, line {line}, column {column}: {detail}. Nothing was imported.',
  },
  'error.GROUPEMENT_NOT_FORMING': {
    fr: 'Ce groupement n’est plus en constitution : sa composition ne se modifie plus.',
    en: 'This groupement is no longer forming: its make-up can no longer change.',
  },
  'error.GROUPEMENT_STATUS_CHANGE': {
    fr: 'Ce groupement ne peut pas passer de « {from} » à « {to} ».',
    en: 'This groupement cannot go from “{from}” to “{to}”.',
  },
  'error.PRICE_REVISION_CLOSED': {
    fr: 'Ce tour de révision de prix est clos.',
    en: 'This price revision round is closed.',
  },
  'detail.GROUPEMENT_NO_MEMBERS': {
    fr: 'le groupement n’a aucun membre',
    en: 'the groupement has no member',
  },
  'detail.GROUPEMENT_DUPLICATE_MEMBER': {
    fr: 'une entreprise figure deux fois',
    en: 'a company is listed twice',
  },
  'detail.GROUPEMENT_SHARES_NOT_FULL': {
    fr: 'les parts de travail doivent totaliser 100 %',
    en: 'the work shares must add up to 100 %',
  },
  'detail.GROUPEMENT_SHARE_OUT_OF_RANGE': {
    fr: 'une part de travail est entre 0 et 100 %',
    en: 'a work share is between 0 and 100 %',
  },
  'detail.GROUPEMENT_MANDATAIRE_REQUIRED': {
    fr: 'un groupement de plusieurs entreprises ou solidaire désigne un mandataire',
    en: 'a groupement of several companies, or a solidaire one, names a mandataire',
  },
  'detail.GROUPEMENT_MANDATAIRE_NOT_MEMBER': {
    fr: 'le mandataire doit être membre du groupement',
    en: 'the mandataire must be a member of the groupement',
  },
  'detail.GROUPEMENT_UNKNOWN_LOT': {
    fr: 'ce lot n’existe pas dans l’appel d’offres',
    en: 'this lot does not exist in the tender',
  },
  'detail.GROUPEMENT_LOT_NOT_COVERED': {
    fr: 'un lot de l’appel d’offres n’est confié à aucun membre',
    en: 'a lot of the tender is given to no member',
  },
  'detail.GROUPEMENT_MEMBER_WITHOUT_LOT': {
    fr: 'chaque membre prend au moins un lot',
    en: 'each member takes at least one lot',
  },
  'detail.GROUPEMENT_PRICE_OUT_OF_RANGE': {
    fr: 'un prix est un montant positif en centimes',
    en: 'a price is a positive amount in cents',
  },
  'detail.GROUPEMENT_NOT_IN_NETWORK': {
    fr: 'cette entreprise n’est pas membre du réseau',
    en: 'this company is not a member of the network',
  },
  'detail.GROUPEMENT_NO_PROPOSAL': {
    fr: 'aucun groupement proposé à ce rang : relancez la recherche',
    en: 'no proposed grouping at this rank: run the builder again',
  },
  'detail.GROUPEMENT_NO_TOTAL_PRICE': {
    fr: 'une baisse en pourcentage demande le prix de chaque membre',
    en: 'a cut in percent needs every member’s price',
  },
  'detail.GROUPEMENT_CUT_EXCEEDS_PRICE': {
    fr: 'la baisse dépasse le prix total du groupement',
    en: 'the cut is larger than the groupement’s total price',
  },
  'detail.GROUPEMENT_NOT_YOUR_MEMBER': {
    fr: 'vous ne représentez pas cette entreprise du groupement',
    en: 'you do not act for this company of the groupement',
  },
  'detail.GROUPEMENT_VALUE_REQUIRED': {
    fr: 'indiquez le montant du marché gagné',
    en: 'give the value of the contract won',
  },
  'error.TENDER_BOAMP_INVALID': {
    fr: 'Ce n’est pas un avis BOAMP utilisable : {path} — {detail}. Rien n’a été importé.',
    en: 'This is not a usable BOAMP notice: {path} — {detail}. Nothing was imported.',
  },
  'boamp.where': { fr: 'ligne {line}, colonne {column}', en: 'line {line}, column {column}' },
  'boamp.JSON_INVALID': { fr: 'ce n’est pas du JSON valide', en: 'this is not valid JSON' },
  'boamp.NOT_ONE_NOTICE': {
    fr: 'un avis à la fois : le fichier en contient {value}',
    en: 'one notice at a time: the file holds {value}',
  },
  'boamp.NOT_AN_OBJECT': { fr: 'un avis BOAMP est un objet JSON', en: 'a BOAMP notice is a JSON object' },
  'boamp.NO_OBJET': { fr: 'l’avis n’a pas d’objet (objet)', en: 'the notice has no object (objet)' },
  'boamp.NO_ID': {
    fr: 'l’avis n’a pas d’identifiant (idweb ou id)',
    en: 'the notice has no identifier (idweb or id)',
  },
  'boamp.DEPARTEMENT_INVALID': {
    fr: '« {value} » n’est pas un code de département',
    en: '“{value}” is not a département code',
  },
  'boamp.DATE_INVALID': { fr: '« {value} » n’est pas une date', en: '“{value}” is not a date' },
  'boamp.DONNEES_INVALID': {
    fr: 'le champ donnees n’est pas du JSON valide',
    en: 'the donnees field is not valid JSON',
  },
  'error.TENDER_NOTICE_INVALID': {
    fr: 'Ce n’est pas un avis eForms utilisable : {path} — {detail}. Rien n’a été importé.',
    en: 'This is not a usable eForms notice: {path} — {detail}. Nothing was imported.',
  },
  'error.REGISTER_SELECTION_TOO_LARGE': {
    fr: 'Cette recherche trouve plus de {max} établissements : précisez-la (département, nom) pour les ajouter par lots.',
    en: 'This search finds more than {max} establishments: narrow it (département, name) to add them in batches.',
  },
  'error.SHOWCASE_NOT_FOUND': {
    fr: 'Cette vitrine n’existe pas ou n’est pas publiée.',
    en: 'This showcase does not exist or is not published.',
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
  'detail.PERIOD_REVERSED': {
    fr: 'la fin de la période précède son début',
    en: 'the period ends before it starts',
  },
  'detail.ONE_TERRITORY': {
    fr: 'choisissez un département ou une région, pas les deux',
    en: 'choose a département or a région, not both',
  },
  'detail.TERRITORY_UNKNOWN': { fr: 'territoire inconnu', en: 'unknown territory' },
  'detail.SPLIT_OUTSIDE_GROUP': {
    fr: 'un besoin à séparer n’appartient pas au groupe',
    en: 'a need to split off is not in the group',
  },
  'detail.SPLIT_ALL': {
    fr: 'laissez au moins un besoin dans le groupe',
    en: 'leave at least one need in the group',
  },
  'detail.CONCEPT_UNKNOWN': {
    fr: 'ce concept n’existe pas dans le thésaurus',
    en: 'this concept is not in the thesaurus',
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
  'detail.NAF_DIVISION_UNKNOWN': {
    fr: 'division NAF inconnue (deux chiffres, par exemple 62)',
    en: 'unknown NAF division (two digits, e.g. 62)',
  },
  'detail.REGION_UNKNOWN': {
    fr: 'code de région inconnu (code INSEE, par exemple 28 pour la Normandie)',
    en: 'unknown région code (INSEE code, e.g. 28 for Normandie)',
  },
  'detail.STAGE_UNKNOWN': {
    fr: 'étape de projet inconnue (idea, pilot, project, industrial, market)',
    en: 'unknown project stage (idea, pilot, project, industrial, market)',
  },
  'detail.LEVEL_UNKNOWN': {
    fr: 'niveau inconnu (territorial, national ou européen)',
    en: 'unknown level (territorial, national or european)',
  },
  'detail.AMOUNT_NEGATIVE': {
    fr: 'le montant doit être un nombre positif de centimes',
    en: 'the amount must be a positive number of cents',
  },
  'detail.AMOUNT_MIN_ABOVE_MAX': {
    fr: 'le montant minimum dépasse le montant maximum',
    en: 'the minimum amount is above the maximum amount',
  },
  'detail.DATE_INVALID': {
    fr: 'date invalide (AAAA-MM-JJ)',
    en: 'invalid date (YYYY-MM-DD)',
  },
  'detail.CLOSES_BEFORE_OPENS': {
    fr: 'la date de clôture précède la date d’ouverture',
    en: 'the closing date is before the opening date',
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
  'detail.NOT_JOINED': {
    fr: 'cette entreprise n’a pas rejoint le projet',
    en: 'this organisation has not joined the project',
  },
  'detail.NOT_INVITED': {
    fr: 'cette entreprise n’est pas invitée au projet',
    en: 'this organisation is not invited to the project',
  },
  'detail.NOTHING_TO_CHANGE': { fr: 'rien à modifier', en: 'nothing to change' },
  'detail.FUNDER_REQUIRED': {
    fr: 'indiquez le financeur d’une ligne de financement',
    en: 'name the funder of a funding line',
  },
  'detail.FILE_NAME_REQUIRED': { fr: 'le fichier doit avoir un nom', en: 'the file needs a name' },
  'detail.FILE_EMPTY': { fr: 'le fichier est vide', en: 'the file is empty' },
  'detail.FILE_REQUIRED': { fr: 'joignez un fichier', en: 'attach a file' },
  'detail.FILE_TOO_LARGE': {
    fr: 'le fichier dépasse 10 Mo',
    en: 'the file is larger than 10 MB',
  },
  'detail.NETWORK_UNKNOWN': { fr: 'ce réseau n’existe pas', en: 'this network does not exist' },
  'detail.NETWORK_IS_HOME': {
    fr: 'c’est déjà le réseau du projet',
    en: 'this is already the project’s network',
  },
  'detail.NETWORK_NOT_SPANNABLE': {
    fr: 'ajoutez un réseau que vous animez aussi, ou un réseau partenaire de la même fédération',
    en: 'add a network you also run, or a partner network of the same federation',
  },
  // peer-exchange:groups
  'detail.GROUP_NOT_READER': {
    fr: 'cette personne n’est pas membre actif du groupe',
    en: 'this person is not an active member of the group',
  },
  'detail.NETWORK_PERSON_UNKNOWN': {
    fr: 'cette personne n’est pas membre du réseau',
    en: 'this person is not a member of the network',
  },
  'detail.GROUP_NOT_ELIGIBLE': {
    fr: 'le groupe n’est pas ouvert à cette personne (voir à qui il s’adresse)',
    en: 'the group is not open to this person (see whom it is for)',
  },
  'detail.CODIR_ROLES_REQUIRED': {
    fr: 'choisissez au moins un rôle du comité de direction',
    en: 'pick at least one management-team role',
  },
  'detail.CHARTER_OUTDATED': {
    fr: 'la charte a changé depuis que vous l’avez lue : relisez la nouvelle version',
    en: 'the charter changed since you read it: read the new version',
  },
  'detail.REPLY_HAS_NO_TITLE': {
    fr: 'une réponse n’a pas de titre',
    en: 'a reply has no title',
  },
  'detail.CURSOR_INVALID': {
    fr: 'curseur de page invalide',
    en: 'invalid page cursor',
  },
  // peer-exchange:notes-questions
  'error.NOTE_CONFLICT': {
    fr: 'Quelqu’un a enregistré la note depuis que vous l’avez ouverte : rien n’a été écrasé. Rechargez-la et réappliquez vos modifications.',
    en: 'Someone saved the note since you opened it: nothing was overwritten. Reload it and re-apply your changes.',
  },
  'error.NO_BUSINESS': {
    fr: 'Ce réseau a pour règle : pas de commerce entre membres.',
    en: 'This network’s rule: no business between members.',
  },
  'error.QUESTION_ALREADY_ANSWERED': {
    fr: 'Vous avez déjà répondu à cette question ou l’avez déclinée.',
    en: 'You have already answered or declined this question.',
  },
  'detail.NOTE_BASE_UNKNOWN': {
    fr: 'cette version de la note n’existe pas',
    en: 'this version of the note does not exist',
  },
  'detail.QUESTION_NO_RECIPIENT': {
    fr: 'choisissez au moins une personne à qui poser la question',
    en: 'pick at least one person to ask',
  },
  'detail.QUESTION_RECIPIENT_UNKNOWN': {
    fr: 'cette personne n’est pas membre du réseau',
    en: 'this person is not a member of the network',
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
