import type { Kysely } from 'kysely';
import type { DB, NeedKindColumn, NeedVisibilityColumn } from '../schema.ts';

/**
 * Needs, offers and unfinished ideas posted by the demo networks' companies, in the words company
 * leaders use, so that the staff's shared-need board has something real to show: the same need
 * said in different words by several companies (they sit next to each other in the lists below,
 * so that they go to different companies), among many needs that stand alone. The demo leaders'
 * own companies post nothing, and the Club ETI Normandie none at all (its board starts empty).
 */

export interface DemoNeed {
  title: string;
  description: string;
  kind?: NeedKindColumn;
  /** 'network' unless said; 'named' shares the need with the next two companies of the list. */
  visibility?: NeedVisibilityColumn;
  naf?: string;
  quantity?: string;
  deadline?: string;
}

const need = (title: string, description: string, extra: Omit<DemoNeed, 'title' | 'description'> = {}) => ({
  title,
  description,
  ...extra,
});
const offer = (title: string, description: string, extra: Omit<DemoNeed, 'title' | 'description'> = {}) =>
  need(title, description, { kind: 'offer', ...extra });
const idea = (title: string, description: string, extra: Omit<DemoNeed, 'title' | 'description'> = {}) =>
  need(title, description, { kind: 'idea', ...extra });

/** The building cluster: the board the demo test checks (groups of 3 and 2 companies). */
const BATIMENT: DemoNeed[] = [
  need(
    'Audit de cybersécurité mutualisé',
    'Faire auditer la sécurité de notre système d’information, à plusieurs pour payer moins.',
  ),
  need('Pentest commun', 'Organiser un test d’intrusion groupé de nos réseaux informatiques.'),
  need(
    'Tester la sécurité de notre SI',
    'Un test d’intrusion pour vérifier nos protections après une tentative de rançongiciel.',
  ),
  need(
    'Achat groupé d’électricité',
    'Mutualiser nos contrats d’électricité pour 2027, sites de chantier et dépôts.',
  ),
  need(
    'Mutualiser nos contrats d’énergie',
    'Négocier ensemble la fourniture d’électricité et de gaz de nos ateliers.',
  ),
  idea(
    'Une plateforme de réemploi des matériaux',
    'Idée : reprendre les chutes de chantier des uns pour les chantiers des autres.',
  ),
];

/** S10: the intercommunality's firms — a shared welder, CACES training, local subcontracting. */
const CRAON: DemoNeed[] = [
  // A welder shared by several firms (employer group).
  need(
    'Soudeur à temps partagé',
    'On a besoin d’un soudeur deux jours par semaine, pas assez pour un temps plein. Partants pour un groupement d’employeurs.',
    { naf: '25.62B' },
  ),
  need(
    'Recruter un soudeur à plusieurs',
    'Impossible de trouver un soudeur qualifié tout seuls ; à trois entreprises on pourrait lui proposer un vrai CDI.',
    { deadline: '2027-03-01' },
  ),
  need(
    'Groupement d’employeurs pour un poste de soudeur',
    'Mutualiser un soudeur TIG/MIG entre plusieurs ateliers du Pays de Craon, avec un planning partagé.',
    { visibility: 'staff' },
  ),
  need(
    'Partager un soudeur qualifié',
    'Nos besoins en soudure sont irréguliers : un soudeur partagé entre voisins nous irait très bien.',
    { naf: '28.30Z' },
  ),
  // Forklift licence training (CACES) for about 40 people.
  need(
    'Formation CACES chariots élévateurs',
    'Une quinzaine de caristes à former ou recycler avant l’été, on cherche à grouper la session avec d’autres.',
    { quantity: '15 personnes', deadline: '2027-06-30' },
  ),
  need(
    'Session CACES groupée',
    'Former nos préparateurs de commandes à la conduite de chariots (CACES R489) avec d’autres entreprises du coin.',
    { quantity: '8 personnes' },
  ),
  need(
    'Recyclage CACES de nos caristes',
    'Les CACES chariots élévateurs de dix caristes expirent début 2027 : une formation commune sur place coûterait moins cher.',
    { quantity: '10 salariés', deadline: '2027-01-31', visibility: 'staff' },
  ),
  need(
    'Former nos magasiniers aux chariots élévateurs',
    'Nos magasiniers conduisent des chariots élévateurs sans CACES à jour ; on cherche un organisme pour une session inter-entreprises.',
    { quantity: '7 personnes' },
  ),
  need(
    'CACES chariot élévateur pour nos livreurs',
    'Nos livreurs déchargent eux-mêmes au chariot élévateur : il leur faut le CACES, idéalement en formation groupée.',
    { quantity: '6 chauffeurs', naf: '49.41A' },
  ),
  // Local subcontracting replacing suppliers from outside.
  need(
    'Trouver de la sous-traitance locale',
    'Nous achetons nos pièces usinées près de Lyon ; nous préférerions des sous-traitants locaux, du territoire.',
    { naf: '28.30Z' },
  ),
  need(
    'Relocaliser notre sous-traitance',
    'Remplacer nos fournisseurs hors région par de la sous-traitance locale, au Pays de Craon, pour les délais comme pour l’emploi.',
  ),
  need(
    'Sous-traitance locale en tôlerie',
    'Cherche un sous-traitant local en tôlerie et pliage : nos fournisseurs actuels sont hors région, à 300 km.',
    { visibility: 'staff', naf: '25.62B' },
  ),
  need(
    'Acheter local plutôt qu’à l’autre bout de la France',
    'Nos pièces mécaniques viennent de fournisseurs lointains : on cherche de la sous-traitance locale, même un peu plus chère.',
  ),
  offer(
    'Capacité d’usinage pour la sous-traitance locale',
    'Notre atelier peut prendre de la sous-traitance locale en usinage et en tournage pour les entreprises du territoire.',
    { quantity: '200 heures / mois' },
  ),
  // Smaller shared needs.
  need(
    'Mutualiser nos tournées de transport',
    'Nos camions repartent souvent à vide vers Angers et Rennes : partager les tournées de livraison avec d’autres.',
  ),
  need(
    'Transport groupé vers Rennes',
    'Regrouper nos expéditions vers Rennes pour remplir les camions, deux fois par semaine.',
  ),
  need(
    'Achat groupé d’électricité',
    'Notre contrat d’électricité se termine fin 2026 ; acheter avec d’autres pour négocier le prix.',
  ),
  need(
    'Négocier l’énergie ensemble',
    'Regrouper nos volumes d’électricité et de gaz pour peser face aux fournisseurs.',
    { visibility: 'staff' },
  ),
  need(
    'Collecte commune des palettes et cartons',
    'Organiser une collecte des déchets d’emballage (palettes, cartons, films) sur la zone d’activités.',
  ),
  need(
    'Valoriser nos déchets de bois',
    'Nos chutes de bois et palettes cassées partent en benne ; cherche une filière de valorisation des déchets à plusieurs.',
    { naf: '16.23Z' },
  ),
  need(
    'Loger nos apprentis et saisonniers',
    'Nos apprentis ne trouvent pas de logement à Craon : une solution de logement partagée entre entreprises ?',
  ),
  need(
    'Hébergement des jeunes en alternance',
    'Trouver un logement pour les alternants qui viennent de Laval ou d’Angers, à plusieurs entreprises.',
  ),
  need(
    'Crèche inter-entreprises',
    'Réserver des places en crèche pour nos salariés, avec d’autres employeurs du territoire.',
  ),
  idea(
    'Places de crèche partagées',
    'Idée à creuser : une micro-crèche financée par plusieurs employeurs près de la zone d’activités.',
  ),
  need(
    'Des secouristes dans chaque atelier',
    'Former aux premiers secours une personne par équipe ; une session commune avec nos voisins serait plus simple.',
    { quantity: '6 personnes' },
  ),
  need(
    'Habilitations électriques pour nos techniciens',
    'Renouveler les habilitations électriques B1V/BR de nos techniciens de maintenance.',
    { quantity: '4 techniciens' },
  ),
  // Needs, offers and ideas that stand alone.
  offer(
    'Chariot télescopique disponible',
    'Notre chariot télescopique est libre en juillet-août, location possible à un adhérent.',
  ),
  offer(
    'Chambre froide à louer',
    'Nous avons 40 m² de chambre froide positive inoccupés, disponibles pour un adhérent.',
    { naf: '10.13A' },
  ),
  need(
    'Comptable à temps partiel',
    'Nous cherchons un comptable une journée par semaine, peut-être via un cabinet du secteur.',
  ),
  need('Aide pour le document unique', 'Mettre à jour notre DUERP, on ne sait pas par où commencer.', {
    visibility: 'staff',
  }),
  need(
    'Réparer notre presse plieuse',
    'Notre presse plieuse Amada est en panne, cherche un dépanneur qui intervient en Mayenne.',
    { deadline: '2026-12-15' },
  ),
  need('Site internet à refaire', 'Notre site date de 2012 ; cherche une agence ou un indépendant du coin.'),
  need(
    'Cession de l’entreprise dans 3 ans',
    'Je prépare la transmission de mon entreprise : échanger avec des dirigeants qui l’ont vécue.',
    { visibility: 'staff' },
  ),
  offer(
    'Salle de réunion à disposition',
    'Une salle de 20 places avec vidéoprojecteur, prêtée volontiers aux adhérents.',
  ),
  need(
    'Panneaux photovoltaïques sur nos bâtiments',
    'Étudier la pose de panneaux solaires sur 2 000 m² de toiture de nos bâtiments d’élevage.',
    { naf: '01.41Z' },
  ),
  need(
    'Mécanicien poids lourds',
    'Un mécanicien PL pour notre atelier de Craon, CDI, poste ouvert depuis six mois.',
    { naf: '45.20A' },
  ),
  idea(
    'Journée portes ouvertes des entreprises',
    'Faire découvrir nos métiers aux collégiens du territoire le même jour dans toutes les entreprises.',
  ),
  need(
    'Conseil pour une certification ISO 9001',
    'Un grand client nous demande la certification ISO 9001 d’ici 2028.',
    { deadline: '2028-01-01' },
  ),
  offer(
    'Bureau d’études disponible',
    'Notre dessinateur a du temps disponible : plans et modélisation 3D pour les adhérents.',
  ),
  need(
    'Traduction de notre catalogue en anglais',
    'Nous commençons à vendre en Belgique et aux Pays-Bas, notre catalogue est en français seulement.',
  ),
  need('Benne à ferraille', 'Trouver un ferrailleur qui enlève nos chutes d’acier régulièrement.'),
  need(
    'Nettoyage de nos locaux',
    'Entreprise de nettoyage pour 800 m² de bureaux et vestiaires, deux fois par semaine.',
  ),
  offer('Prêt de nacelle', 'Nacelle 12 m disponible les week-ends pour les entreprises du club.'),
  need(
    'Vétérinaire pour notre élevage',
    'Le cabinet vétérinaire de Craon ferme : nous cherchons une solution pour le suivi sanitaire.',
    { naf: '01.41Z' },
  ),
  need(
    'Logiciel de planning d’atelier',
    'Passer du tableau Excel à un vrai logiciel de planification de production.',
  ),
  idea(
    'Un magasin de producteurs à Craon',
    'Idée : vendre ensemble nos produits locaux dans un point de vente commun.',
    { naf: '10.13A' },
  ),
  need(
    'Réparation de moteurs électriques',
    'Cherche un bobinier dans un rayon de 50 km pour nos moteurs de convoyeurs.',
    { naf: '33.12Z' },
  ),
  need(
    'Financement d’une nouvelle ligne',
    'Nous investissons 800 k€ dans une ligne de conditionnement : quelles aides de la Région ?',
    { visibility: 'staff' },
  ),
  offer('Stockage de matériaux', 'Un hangar de 300 m² à moitié vide, loué au mois.'),
  need(
    'Plombier pour la maintenance de nos sites',
    'Contrat d’entretien plomberie et chauffage pour trois sites.',
    { naf: '43.22A' },
  ),
  need(
    'Accompagnement à l’export',
    'Premier salon à l’étranger en 2027 (SIMA Paris puis Agritechnica) : comment s’y prendre ?',
  ),
  need('Découpe laser de pièces', 'Cherche une découpe laser tube pour des petites séries.', {
    visibility: 'named',
  }),
  need(
    'Fidéliser nos chauffeurs',
    'Nos chauffeurs partent chez les concurrents : idées pour les garder (horaires, primes, logement) ?',
    { naf: '49.41A' },
  ),
  need(
    'Gardiennage de la zone la nuit',
    'Plusieurs vols de gasoil ce printemps ; partager une ronde de surveillance nocturne.',
  ),
  need(
    'Covoiturage entre salariés',
    'Beaucoup de nos salariés viennent de Château-Gontier : organiser le covoiturage.',
  ),
  need(
    'Dératisation de nos bâtiments',
    'Un contrat de dératisation pour nos entrepôts, éventuellement avec nos voisins de la zone.',
  ),
  need(
    'Expert pour notre pasteurisateur',
    'Nos températures de pasteurisation dérivent ; besoin d’un regard extérieur sur la ligne.',
    { naf: '10.13A', visibility: 'staff' },
  ),
  offer(
    'Formateur interne en soudure',
    'Notre chef d’atelier peut former des jeunes à la soudure semi-automatique chez vous.',
  ),
];

/** Measurement and metrology around Paris: complete offers, shared tests, trade shows. */
const MESURE: DemoNeed[] = [
  // Shared security testing.
  need(
    'Audit cybersécurité mutualisé',
    'Faire auditer la sécurité de nos bancs connectés et de notre réseau avec d’autres adhérents, pour en partager le coût.',
    { naf: '26.51B' },
  ),
  need(
    'Pentest de nos logiciels de mesure',
    'Un test d’intrusion sur nos logiciels d’acquisition et le portail client, commandé à plusieurs.',
    { naf: '62.01Z' },
  ),
  need(
    'Tester la sécurité de notre SI',
    'Un client de la défense exige un test d’intrusion avant de renouveler notre contrat.',
    { visibility: 'staff', deadline: '2027-02-28' },
  ),
  need(
    'Shared penetration testing',
    'We would like our network and measurement servers tested by ethical hackers, together with other members.',
  ),
  // A joint stand at trade shows.
  need(
    'Stand commun au salon Sensor+Test',
    'Partager un stand à Nuremberg en 2027 : seuls, le salon est trop cher pour nous.',
    { deadline: '2027-01-15' },
  ),
  need(
    'Pavillon collectif sur un salon international',
    'Exposer sous un pavillon régional de la mesure au salon Sensor+Test ou à Measurement World.',
  ),
  need(
    'Exposer à Global Industrie ensemble',
    'Un stand partagé au salon Global Industrie pour présenter une offre complète capteurs + étalonnage.',
  ),
  // A joint tender.
  need(
    'Répondre ensemble à l’appel d’offres d’EDF',
    'Un appel d’offres de maintenance métrologique pour les centrales : il faut capteurs, étalonnage et logiciel. Qui se groupe ?',
    { visibility: 'staff', deadline: '2026-12-20' },
  ),
  need(
    'Groupement pour un marché public',
    'Constituer un groupement momentané d’entreprises pour répondre aux appels d’offres des grands comptes.',
  ),
  need(
    'Joint bid for a large tender',
    'Looking for partners to answer a tender together: we bring sensors, we need calibration and data software.',
  ),
  // Calibration and accreditation.
  need(
    'Préparer l’accréditation COFRAC',
    'Nous visons l’ISO 17025 en 2027 ; échanger avec des laboratoires déjà accrédités COFRAC.',
    { naf: '71.20B' },
  ),
  need(
    'Accréditation ISO 17025 de notre labo',
    'Un accompagnement pour monter le dossier d’accréditation ISO 17025 de notre laboratoire d’étalonnage.',
    { naf: '71.20B' },
  ),
  offer(
    'Banc d’étalonnage en température disponible',
    'Notre banc d’étalonnage de -40 à 300 °C est libre deux jours par semaine, ouvert aux adhérents.',
    { naf: '71.20B' },
  ),
  need(
    'Étalonnage de nos capteurs de pression',
    'Cherche un laboratoire pour étalonner 120 capteurs de pression par an.',
    { quantity: '120 capteurs / an' },
  ),
  // Hiring metrologists, apprentices, training.
  need(
    'Recruter des techniciens en métrologie',
    'Nous n’arrivons pas à recruter de techniciens métrologues : monter une action commune avec les écoles.',
  ),
  need(
    'Pénurie de métrologues',
    'Les candidats en métrologie sont rares : un job dating commun des adhérents ?',
  ),
  need(
    'Attirer des candidats en mesure',
    'Rendre nos métiers attractifs pour les jeunes ingénieurs : marque employeur commune du cluster.',
    { visibility: 'staff' },
  ),
  need(
    'Apprentis en BTS métrologie',
    'Accueillir des alternants en BTS CIRA ou métrologie, à partager avec une autre entreprise si besoin.',
    { quantity: '2 alternants' },
  ),
  need(
    'Alternance partagée entre deux entreprises',
    'Un apprenti qui passerait six mois chez nous et six mois chez un partenaire.',
  ),
  need(
    'Formation à l’incertitude de mesure',
    'Former nos techniciens au calcul d’incertitude (GUM) en session inter-entreprises.',
    { quantity: '5 techniciens' },
  ),
  need(
    'Session de formation métrologie',
    'Une formation aux bases de la métrologie pour nos commerciaux et nos nouveaux arrivants.',
  ),
  // Shared premises and equipment.
  need(
    'Salle propre à partager',
    'Nous avons besoin d’une salle propre ISO 7 quelques jours par mois pour assembler des capteurs.',
  ),
  offer(
    'Salle propre ISO 7 disponible',
    'Notre salle propre de 60 m² est sous-utilisée : location à la journée aux adhérents.',
    { naf: '26.51A' },
  ),
  need(
    'Chambre climatique pour essais',
    'Louer une enceinte climatique pour des essais de vieillissement de nos capteurs.',
  ),
  // Purchasing.
  need(
    'Achat groupé de gaz étalons',
    'Nos bouteilles de gaz étalons coûtent cher : acheter à plusieurs chez le même fournisseur.',
    { quantity: '40 bouteilles / an' },
  ),
  need(
    'Achat groupé de composants électroniques',
    'Regrouper nos commandes de composants (microcontrôleurs, capteurs MEMS) pour les prix et les délais.',
  ),
  need(
    'Assurance responsabilité civile professionnelle',
    'Notre assurance RC pro augmente de 30 % : négocier un contrat groupe entre adhérents.',
  ),
  need(
    'Contrat d’assurance mutualisé',
    'Mutualiser nos assurances (RC, multirisque, flotte) pour obtenir de meilleures garanties.',
  ),
  // CSR.
  need(
    'Bilan carbone à plusieurs',
    'Faire notre bilan carbone avec un même cabinet que d’autres adhérents pour en réduire le coût.',
  ),
  need(
    'Mesurer nos émissions de CO2',
    'Un grand client nous demande nos émissions de gaz à effet de serre scope 1, 2 et 3.',
  ),
  need(
    'Démarche RSE pour les petites entreprises',
    'Construire notre politique RSE sans y passer des mois : méthode commune aux TPE du cluster.',
  ),
  // Innovation.
  need(
    'Partenaire pour un projet européen',
    'Monter un consortium Horizon Europe sur la mesure de la qualité de l’air.',
  ),
  need(
    'Crédit d’impôt recherche',
    'Faire valoir notre CIR pour le développement d’un nouveau capteur, sans se faire rattraper au contrôle.',
    { visibility: 'staff' },
  ),
  idea(
    'Un démonstrateur commun de jumeau numérique',
    'Idée : une ligne de démonstration qui montre les capteurs, l’étalonnage et les logiciels des adhérents ensemble.',
  ),
  // Standing alone.
  offer(
    'Développement de firmware embarqué',
    'Notre équipe de quatre développeurs peut prendre des projets de firmware pour capteurs.',
    { naf: '62.01Z' },
  ),
  offer(
    'Tomographe industriel disponible',
    'Contrôle non destructif par tomographie sur rendez-vous, tarif adhérent.',
  ),
  need(
    'Distributeur en Allemagne',
    'Trouver un distributeur pour nos débitmètres en Allemagne et en Autriche.',
    { naf: '46.69B' },
  ),
  need(
    'Traduction technique anglais-allemand',
    'Traduire nos notices d’instruments en allemand avant la fin de l’année.',
  ),
  need('Bureaux à Saclay', 'Nous cherchons 150 m² de bureaux et atelier sur le plateau de Saclay.'),
  need(
    'Conformité RGPD de nos données clients',
    'Nos plateformes stockent des mesures de clients : sommes-nous conformes au RGPD ?',
  ),
  need(
    'Levée de fonds en amorçage',
    'Nous préparons une levée de 1,5 M€ ; retours d’expérience de dirigeants bienvenus.',
    { visibility: 'staff' },
  ),
  offer(
    'Analyse de données de mesure',
    'Nos data scientists peuvent exploiter vos séries temporelles et détecter les dérives.',
  ),
  need(
    'Usinage de pièces de précision',
    'Cherche un sous-traitant pour usiner des corps de capteurs en inox, petites séries.',
    { quantity: '500 pièces' },
  ),
  need(
    'Marquage CE de notre nouvel instrument',
    'Besoin d’aide sur la directive CEM et le dossier technique du marquage CE.',
  ),
  need(
    'Cartes électroniques en petite série',
    'Un sous-traitant électronique pour câbler 200 cartes par an.',
    { visibility: 'named' },
  ),
  offer(
    'Formation à la métrologie dimensionnelle',
    'Organisme certifié Qualiopi, nous formons à la mesure tridimensionnelle en intra ou inter.',
    { naf: '85.59A' },
  ),
  need('Commercial export', 'Recruter un VIE pour développer nos ventes en Asie du Sud-Est.'),
  need(
    'Hébergement cloud souverain',
    'Héberger les données de nos capteurs connectés chez un hébergeur français.',
  ),
  idea(
    'Un catalogue commun des compétences du cluster',
    'Idée : que les grands donneurs d’ordre trouvent en une page qui sait mesurer quoi.',
  ),
  need(
    'Maintenance de nos machines à mesurer tridimensionnelles',
    'Contrat de maintenance pour deux MMT Zeiss hors garantie.',
  ),
  need('Photographies de nos produits', 'Un photographe pour les visuels de notre site web, en studio.'),
  need(
    'Expert-comptable spécialisé start-up',
    'Notre jeune entreprise cherche un expert-comptable qui connaît le JEI et le CIR.',
  ),
  offer(
    'Capteurs de vibration en prêt',
    'Nous prêtons des accéléromètres pour des essais de maintenance prédictive sur vos machines.',
    { naf: '26.51B' },
  ),
  need(
    'Vélos de fonction pour nos salariés',
    'Mettre en place le forfait mobilités durables et des vélos électriques.',
  ),
  need(
    'Packaging pour instruments fragiles',
    'Des emballages sur mesure pour expédier nos instruments sans casse.',
  ),
  idea(
    'Un club des utilisateurs de nos instruments',
    'Réunir une fois par an les clients des adhérents autour des nouveautés de la mesure.',
  ),
  need('Avocat propriété intellectuelle', 'Déposer un brevet sur notre procédé de mesure sans contact.', {
    visibility: 'staff',
  }),
  need(
    'Salon Measurement World à frais partagés',
    'Venir à Measurement World avec d’autres adhérents et partager les frais du stand.',
  ),
  need(
    'Mutualiser un responsable qualité',
    'Un responsable qualité ISO 9001 à temps partagé entre deux ou trois petites entreprises.',
  ),
  offer(
    'Mise à disposition d’un technicien d’étalonnage',
    'Notre technicien peut intervenir chez un adhérent deux jours par mois, en prêt de main-d’œuvre.',
    { naf: '71.20B' },
  ),
  need(
    'Cabinet pour un test d’intrusion',
    'Quel prestataire recommandez-vous pour éprouver la sécurité de notre réseau ? On peut commander ensemble.',
  ),
];

/** The Basque club buys its energy together; its other needs follow. */
const BASQUE: DemoNeed[] = [
  need(
    'Achat groupé d’électricité 2027-2029',
    'Notre contrat d’électricité arrive à échéance ; négocier un meilleur prix à plusieurs sur trois ans.',
    { quantity: '2 400 MWh / an', deadline: '2026-12-31' },
  ),
  need(
    'Mutualiser nos contrats d’énergie',
    'Regrouper nos volumes d’électricité et de gaz pour peser face aux fournisseurs.',
    { quantity: '900 MWh / an' },
  ),
  need(
    'Renouvellement du contrat de gaz',
    'Notre contrat de gaz naturel se termine en mars : acheter avec d’autres membres du club.',
    { quantity: '1 500 MWh / an', deadline: '2027-03-31', visibility: 'staff' },
  ),
  need(
    'Group electricity purchase',
    'Our hotel would like to join the other members to buy electricity together for 2027.',
    { naf: '55.10Z' },
  ),
  need(
    'Contrat d’achat d’électricité verte (PPA)',
    'Signer à plusieurs un PPA avec un producteur solaire ou éolien local.',
  ),
  need(
    'PPA avec un parc solaire',
    'Acheter directement la production d’une centrale photovoltaïque des Landes, en consortium.',
  ),
  need(
    'Autoconsommation collective',
    'Partager la production de nos panneaux solaires avec nos voisins de la zone d’activités.',
  ),
  need(
    'Panneaux photovoltaïques en toiture',
    'Équiper 3 000 m² de toiture en solaire et revendre le surplus aux entreprises voisines.',
    { naf: '16.10A' },
  ),
  need(
    'Audit énergétique de nos sites',
    'L’audit énergétique obligatoire est à refaire : le commander avec d’autres pour le même bureau d’études.',
  ),
  need(
    'Réduire notre consommation d’énergie',
    'Trouver où nous perdons de l’énergie (compresseurs, fours, éclairage) et financer les travaux.',
    { naf: '10.85Z' },
  ),
  need(
    'Certification ISO 50001',
    'Nous lançons la norme ISO 50001 : partager un consultant avec d’autres membres.',
  ),
  need(
    'Récupérer la chaleur de nos fours',
    'Valoriser la chaleur fatale de nos fours pour chauffer les bâtiments voisins.',
    { naf: '25.11Z' },
  ),
  need(
    'Bornes de recharge pour véhicules électriques',
    'Installer des bornes de recharge pour nos salariés et nos clients.',
  ),
  need(
    'Recharge électrique mutualisée',
    'Acheter et gérer ensemble des bornes de recharge sur la zone de Bayonne.',
  ),
  need(
    'Covoiturage de nos salariés',
    'Les bouchons vers Bayonne pèsent sur nos équipes : organiser le covoiturage entre entreprises.',
  ),
  need(
    'Plan de mobilité inter-entreprises',
    'Monter un plan de mobilité commun (navettes, vélos, covoiturage) avec l’agglomération.',
  ),
  need(
    'Logement des saisonniers',
    'Nos saisonniers ne trouvent pas à se loger sur la côte : réserver des logements à plusieurs.',
    { naf: '55.10Z' },
  ),
  need(
    'Recrutement de techniciens de maintenance',
    'Trois postes de techniciens de maintenance ouverts, aucun candidat : une campagne commune ?',
    { quantity: '3 postes' },
  ),
  need(
    'Recruter à plusieurs',
    'Un job dating commun des membres du club pour attirer des candidats au Pays basque.',
  ),
  need(
    'Gestion des déchets industriels',
    'Une collecte groupée des déchets industriels banals pour les membres de la zone.',
  ),
  need(
    'Valoriser nos chutes de textile',
    'Nos chutes de toile technique partent à l’enfouissement : cherche une filière de recyclage.',
    { naf: '13.92Z' },
  ),
  need('Prospecter en Espagne', 'Développer nos ventes au Pays basque espagnol : mission commune à Bilbao ?'),
  need('Export vers l’Espagne', 'Trouver des distributeurs en Espagne et traduire nos offres en espagnol.', {
    naf: '46.34Z',
  }),
  offer(
    'Conseil en efficacité énergétique',
    'Notre ingénieur énergie peut faire un pré-diagnostic gratuit pour les membres du club.',
  ),
  need(
    'Suivre nos consommations en temps réel',
    'Poser des compteurs communicants et un tableau de bord de nos consommations.',
  ),
  need(
    'Bilan carbone de notre hôtel',
    'Un client tour-opérateur demande notre empreinte carbone : cabinet à recommander ?',
    { naf: '55.10Z', visibility: 'staff' },
  ),
  need(
    'Sous-traitant en composites',
    'Cherche un sous-traitant en pièces composites pour l’aéronautique, certifié EN 9100.',
    { naf: '30.30Z' },
  ),
  offer(
    'Atelier de peinture disponible',
    'Notre cabine de peinture est libre le week-end, location possible.',
    { naf: '30.30Z' },
  ),
  need(
    'Assurance des risques climatiques',
    'Tempêtes et inondations : nos assureurs augmentent les primes, comparer à plusieurs.',
  ),
  need(
    'Financement de la rénovation de nos bâtiments',
    'Isoler nos entrepôts : quelles aides (CEE, ADEME, Région) et quels artisans ?',
    { visibility: 'named' },
  ),
  idea(
    'Une communauté énergétique basque',
    'Idée : produire et partager notre propre électricité entre membres, comme une coopérative.',
  ),
  need(
    'Groupe électrogène de secours',
    'Louer un groupe électrogène pendant les travaux du poste de transformation.',
    { deadline: '2027-04-15' },
  ),
  need(
    'Formation des équipes aux écogestes',
    'Sensibiliser nos salariés aux économies d’énergie au quotidien.',
  ),
  offer('Chambres froides disponibles', 'Nous louons 200 m² d’entrepôt frigorifique à Anglet.', {
    naf: '10.85Z',
  }),
  need(
    'Emballages compostables',
    'Remplacer nos barquettes plastiques par des emballages compostables, achat groupé bienvenu.',
    { naf: '22.21Z' },
  ),
  need(
    'Traiter nos eaux de process',
    'Notre station de traitement des eaux arrive en fin de vie, cherche retours d’expérience.',
  ),
  need(
    'Responsable QSE à temps partagé',
    'Un responsable qualité-sécurité-environnement deux jours par semaine nous suffirait.',
  ),
  need(
    'Joining the group gas purchase',
    'Our plant would like to join the next gas tender of the club, about 600 MWh a year.',
    { quantity: '600 MWh / an' },
  ),
  offer(
    'Toiture disponible pour du solaire',
    'Nous avons 5 000 m² de toiture bien orientée à mettre à disposition pour une centrale photovoltaïque partagée.',
  ),
  need(
    'Remplacer nos chariots thermiques',
    'Passer nos chariots élévateurs au gaz à l’électrique, en achetant avec d’autres membres.',
    { quantity: '8 chariots' },
  ),
];

/** 17 landscaping firms that buy together and answer national tenders together. */
const PAYSAGE: DemoNeed[] = [
  need(
    'Répondre ensemble à l’appel d’offres de la SNCF',
    'Un marché national d’entretien des emprises ferroviaires : aucun de nous ne couvre seul tout le territoire.',
    { deadline: '2027-01-20', visibility: 'staff' },
  ),
  need(
    'Groupement pour les marchés nationaux',
    'Se grouper pour répondre aux appels d’offres des bailleurs sociaux présents dans plusieurs régions.',
  ),
  need(
    'Appel d’offres Vinci Autoroutes',
    'Le marché d’entretien des aires d’autoroute sort en janvier : qui veut constituer le groupement ?',
  ),
  need(
    'Achat groupé de robots de tonte',
    'Nous voulons équiper nos contrats d’entretien de robots de tonte : acheter à plusieurs pour le prix.',
    { quantity: '30 robots' },
  ),
  need('Robots tondeuses en commun', 'Négocier ensemble l’achat de robots tondeuses et leur maintenance.', {
    quantity: '12 robots',
  }),
  need(
    'Passer au matériel électrique',
    'Souffleurs, taille-haies, débroussailleuses sur batterie : achat groupé pour nos équipes.',
  ),
  need(
    'Outillage à batterie',
    'Remplacer notre petit matériel thermique par de l’outillage électrique, avec d’autres membres.',
    { quantity: '60 machines' },
  ),
  need('Achat groupé de carburant', 'Acheter notre gazole non routier et notre essence alkylate ensemble.'),
  need(
    'Achat de plants en pépinière',
    'Regrouper nos commandes de végétaux auprès des pépinières pour les plantations d’automne.',
    { deadline: '2026-10-01' },
  ),
  need(
    'Commande groupée de végétaux',
    'Acheter arbres et arbustes à plusieurs auprès d’un même pépiniériste, livraison par région.',
  ),
  need(
    'Formation grimpeurs-élagueurs',
    'Former nos jeunes au certificat de spécialisation taille et soins des arbres.',
    { quantity: '6 personnes' },
  ),
  need(
    'Former nos équipes à l’élagage',
    'Une session commune de formation à l’élagage et au travail en hauteur.',
  ),
  need(
    'Recruter des jardiniers paysagistes',
    'Nous manquons de jardiniers qualifiés dans toutes nos agences : campagne de recrutement commune.',
  ),
  need(
    'Pénurie de main-d’œuvre en saison',
    'Trouver des saisonniers pour la tonte d’avril à octobre, avec les autres membres de l’alliance.',
    { quantity: '20 saisonniers' },
  ),
  need(
    'Apprentis paysagistes',
    'Accueillir plus d’alternants en CAP et BTS aménagements paysagers, en lien avec les CFA.',
  ),
  need(
    'Assurance flotte de véhicules',
    'Nos 80 véhicules utilitaires : négocier une assurance flotte commune à l’alliance.',
    { quantity: '80 véhicules' },
  ),
  need(
    'Mutualiser nos assurances',
    'Assurances flotte et RC : faire jouer la concurrence à plusieurs entreprises.',
  ),
  need(
    'Valoriser nos déchets verts',
    'Nos déchets verts coûtent cher en déchetterie : compostage ou méthanisation à plusieurs.',
  ),
  need('Broyat et compost', 'Trouver des débouchés pour le broyat de nos chantiers d’élagage.'),
  need(
    'Bilan carbone de l’alliance',
    'Mesurer les émissions de gaz à effet de serre de nos entreprises avec une méthode commune.',
  ),
  need(
    'Label RSE pour nos appels d’offres',
    'Les acheteurs publics notent la RSE : obtenir ensemble un label reconnu.',
    { visibility: 'staff' },
  ),
  need(
    'Logiciel de gestion de chantiers',
    'Choisir un logiciel de planification des équipes et de suivi des chantiers.',
  ),
  offer(
    'Broyeur de végétaux disponible',
    'Notre gros broyeur est libre en hiver : prêt ou location aux membres.',
  ),
  offer(
    'Équipe d’entretien en renfort',
    'Une équipe de quatre jardiniers disponible en juillet pour un membre débordé.',
  ),
  need(
    'Prêt de personnel en pleine saison',
    'En mai-juin nous manquons de bras : mise à disposition de salariés par un autre membre ?',
  ),
  need(
    'Arrosage automatique connecté',
    'Un fournisseur de programmateurs connectés pour économiser l’eau sur nos contrats.',
  ),
  need(
    'Gestion différenciée des espaces verts',
    'Échanger sur nos pratiques de gestion différenciée avec des collectivités clientes.',
  ),
  idea(
    'Une marque commune de l’alliance',
    'Idée : présenter nos 17 entreprises sous une même bannière aux grands comptes.',
  ),
  need(
    'Formation aux produits sans pesticides',
    'Former les équipes au désherbage alternatif depuis la fin des produits phytosanitaires.',
  ),
  need('Location de mini-pelles', 'Louer des mini-pelles pour les chantiers de création au printemps.', {
    visibility: 'named',
  }),
  need('Vêtements de travail', 'Commander nos tenues et EPI haute visibilité ensemble.', {
    quantity: '400 tenues',
  }),
  need(
    'Renewable fleet',
    'We would like to move our vans to electric or biogas, sharing charging points with other members.',
  ),
  need(
    'Réponse commune aux marchés des collectivités',
    'Les métropoles publient des appels d’offres multi-sites : monter un groupement avec d’autres membres de l’alliance.',
  ),
  need(
    'Achat d’arbres pour un grand chantier',
    'Un projet de 600 arbres en 2027 : regrouper la commande avec d’autres paysagistes chez une pépinière.',
    { quantity: '600 arbres', deadline: '2027-02-15' },
  ),
  idea(
    'Une école de l’alliance',
    'Idée : former nous-mêmes nos futurs chefs d’équipe, avec un parcours commun aux 17 entreprises.',
  ),
];

export const DEMO_NEEDS_BY_NETWORK: Record<string, readonly DemoNeed[]> = {
  'cluster-batiment-rhone': BATIMENT,
  'pays-de-craon-entreprises': CRAON,
  'mesure-metrologie-idf': MESURE,
  'energie-pays-basque': BASQUE,
  'alliance-paysage-france': PAYSAGE,
};

/** The network’s member companies, the demo leaders’ own left out, by name from Z to A. */
function companiesOf(db: Kysely<DB>, networkId: string) {
  return db
    .selectFrom('network_organisations as no')
    .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
    .select('o.id')
    .where('no.network_id', '=', networkId)
    .where('o.kind', '=', 'company')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('person_organisations as po')
            .innerJoin('people as p', 'p.id', 'po.person_id')
            .select('po.person_id')
            .whereRef('po.organisation_id', '=', 'o.id')
            .where('p.is_demo', '=', true),
        ),
      ),
    )
    .orderBy('o.name', 'desc')
    .orderBy('o.id')
    .execute();
}

/**
 * Loads the demo needs of every network named above (deterministic: the n-th need goes to the
 * n-th company, round the list, so that neighbouring needs come from different companies).
 */
export async function loadDemoNeeds(db: Kysely<DB>, networkIds: Map<string, string>): Promise<void> {
  for (const [slug, needs] of Object.entries(DEMO_NEEDS_BY_NETWORK)) {
    const networkId = networkIds.get(slug);
    if (!networkId) continue;
    const companies = await companiesOf(db, networkId);
    if (companies.length < 3) continue;
    const companyAt = (index: number) => companies[index % companies.length]!.id;
    await db
      .insertInto('needs')
      .values(
        needs.map((n, index) => ({
          network_id: networkId,
          organisation_id: companyAt(index),
          kind: n.kind ?? 'need',
          title: n.title,
          description: n.description,
          naf_code: n.naf ?? null,
          quantity: n.quantity ?? '',
          deadline: n.deadline ?? null,
          visibility: n.visibility ?? 'network',
          named_organisation_ids:
            n.visibility === 'named' ? [companyAt(index + 1), companyAt(index + 2)] : [],
        })),
      )
      .execute();
  }
}
