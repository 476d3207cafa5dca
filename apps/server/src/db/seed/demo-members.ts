import { categoryForHeadcountBand, luhnCheckDigit } from '@meute/domain';
import { type Kysely, sql } from 'kysely';
import { placeColumns } from '../../modules/directory/directory.service.ts';
import { referenceLookups } from '../../modules/directory/reference-lookups.ts';
import { communesWithin, getCommune, getEpci } from '../../reference/reference.ts';
import type { DB } from '../schema.ts';

/**
 * Realistic demo members for the scenario networks: fictional companies in real communes with
 * real NAF codes, sizes, competences and certifications. Deterministic (seeded), so every demo
 * looks the same.
 */

type Weighted<T> = readonly (readonly [T, number])[];

interface Recipe {
  slug: string;
  count: number;
  /** Where members are: around a commune, or in the EPCI of a commune. */
  place: { around: string; km: number } | { epci: string };
  naf: Weighted<string>;
  bands: Weighted<string>;
  words: readonly string[];
  competences: readonly string[];
  certifications: Weighted<string>;
  capacities: readonly string[];
}

const FAMILY_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gérard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Gaillard',
  'Brun',
  'Barbier',
  'Arnaud',
  'Etcheverry',
  'Lacroix',
  'Hoarau',
  'Le Gall',
  'Marchand',
  'Picard',
];

const RECIPES: Recipe[] = [
  {
    slug: 'club-eti-normandie',
    count: 48,
    place: { around: '14118', km: 110 },
    naf: [
      ['22.29A', 3],
      ['25.62B', 3],
      ['28.22Z', 2],
      ['10.51A', 2],
      ['20.59Z', 2],
      ['29.32Z', 3],
      ['33.12Z', 2],
      ['27.11Z', 2],
      ['16.23Z', 1],
      ['46.69B', 1],
    ],
    bands: [
      ['32', 4],
      ['41', 3],
      ['42', 2],
      ['51', 1],
    ],
    words: [
      'Industries',
      'Composites',
      'Mécanique',
      'Plasturgie',
      'Emballages',
      'Équipements',
      'Agroalimentaire',
      'Technologies',
    ],
    competences: [
      'Injection plastique',
      'Usinage de précision',
      'Chaudronnerie',
      'Automatisme industriel',
      'Cybersécurité industrielle',
      'Traitement de surface',
      'Logistique',
      'Maintenance industrielle',
    ],
    certifications: [
      ['ISO 9001', 5],
      ['ISO 14001', 3],
      ['IATF 16949', 1],
      ['ISO 27001', 1],
    ],
    capacities: [
      'Presses à injecter',
      'Centres d’usinage 5 axes',
      'Surface de stockage (m²)',
      'Lignes d’assemblage',
    ],
  },
  {
    slug: 'alliance-paysage-france',
    count: 17,
    place: { around: '45234', km: 420 },
    naf: [['81.30Z', 1]],
    bands: [
      ['22', 3],
      ['31', 3],
      ['32', 2],
      ['41', 1],
    ],
    words: ['Paysage', 'Jardins', 'Espaces Verts', 'Nature', 'Paysagistes'],
    competences: [
      'Entretien d’espaces verts',
      'Élagage',
      'Création paysagère',
      'Gestion différenciée',
      'Arrosage automatique',
    ],
    certifications: [
      ['Qualipaysage', 4],
      ['ISO 14001', 2],
      ['MASE', 1],
    ],
    capacities: ['Robots de tonte', 'Équipes d’entretien', 'Broyeurs de végétaux'],
  },
  {
    slug: 'cluster-batiment-rhone',
    count: 110,
    place: { around: '69266', km: 45 },
    naf: [
      ['43.29A', 3],
      ['43.22B', 3],
      ['43.32A', 3],
      ['43.21A', 3],
      ['43.34Z', 2],
      ['41.20A', 2],
      ['43.91B', 1],
      ['71.12B', 1],
      ['43.31Z', 1],
    ],
    bands: [
      ['01', 2],
      ['02', 3],
      ['03', 3],
      ['11', 3],
      ['12', 2],
      ['21', 1],
      ['22', 1],
    ],
    words: [
      'Bâtiment',
      'Rénovation',
      'Isolation',
      'Menuiserie',
      'Thermique',
      'Électricité',
      'Construction',
      'Habitat',
    ],
    competences: [
      'Isolation thermique',
      'Chauffage et ventilation',
      'Menuiserie extérieure',
      'Électricité générale',
      'Plâtrerie',
      'Peinture',
      'Couverture',
      'Maîtrise d’œuvre',
      'Rénovation énergétique',
    ],
    certifications: [
      ['RGE', 6],
      ['Qualibat', 4],
      ['Qualifelec', 2],
      ['QualiPAC', 2],
    ],
    capacities: ['Compagnons', 'Nacelles', 'Camions-plateaux'],
  },
  {
    slug: 'mesure-metrologie-idf',
    count: 182,
    place: { around: '75056', km: 55 },
    naf: [
      ['26.51B', 3],
      ['26.51A', 2],
      ['71.20B', 3],
      ['62.01Z', 2],
      ['46.69B', 2],
      ['33.13Z', 2],
      ['72.19Z', 1],
      ['85.59A', 1],
    ],
    bands: [
      ['NN', 2],
      ['00', 3],
      ['01', 5],
      ['02', 4],
      ['03', 3],
      ['11', 3],
      ['12', 2],
      ['21', 2],
      ['22', 1],
      ['31', 1],
    ],
    words: ['Mesure', 'Métrologie', 'Capteurs', 'Instruments', 'Étalonnage', 'Data', 'Contrôle', 'Analyses'],
    competences: [
      'Capteurs',
      'Étalonnage',
      'Intégration de données',
      'Formation à la métrologie',
      'Salles propres',
      'Essais et analyses',
      'Logiciels de mesure',
    ],
    certifications: [
      ['ISO 17025 (COFRAC)', 3],
      ['ISO 9001', 4],
      ['Qualiopi', 1],
    ],
    capacities: ['Bancs d’étalonnage', 'Laboratoire (m²)', 'Techniciens de mesure'],
  },
  {
    slug: 'energie-pays-basque',
    count: 21,
    place: { around: '64102', km: 25 },
    naf: [
      ['10.85Z', 2],
      ['25.11Z', 1],
      ['30.30Z', 2],
      ['55.10Z', 2],
      ['46.34Z', 1],
      ['16.10A', 1],
      ['13.92Z', 1],
      ['22.21Z', 1],
    ],
    bands: [
      ['12', 3],
      ['21', 3],
      ['22', 2],
      ['31', 1],
      ['32', 1],
    ],
    words: ['Atlantique', 'Adour', 'Basque', 'Côte', 'Industries', 'Océan'],
    competences: [
      'Efficacité énergétique',
      'Aéronautique',
      'Agroalimentaire',
      'Hôtellerie',
      'Textile technique',
    ],
    certifications: [
      ['ISO 50001', 2],
      ['ISO 9001', 3],
      ['EN 9100', 1],
    ],
    capacities: ['Consommation annuelle (MWh)', 'Puissance souscrite (kVA)'],
  },
  {
    slug: 'pays-de-craon-entreprises',
    count: 62,
    place: { epci: '53084' },
    naf: [
      ['25.62B', 2],
      ['10.13A', 2],
      ['49.41A', 2],
      ['01.41Z', 1],
      ['33.12Z', 1],
      ['28.30Z', 1],
      ['43.22A', 2],
      ['45.20A', 1],
      ['16.23Z', 1],
    ],
    bands: [
      ['01', 2],
      ['02', 2],
      ['03', 2],
      ['11', 3],
      ['12', 2],
      ['21', 2],
      ['22', 1],
    ],
    words: ['Mayenne', 'Craonnais', 'Anjou', 'Services', 'Métallerie', 'Transports', 'Agri'],
    competences: [
      'Soudure',
      'Conduite de chariots élévateurs',
      'Transport frigorifique',
      'Maintenance agricole',
      'Métallerie',
      'Sous-traitance industrielle',
    ],
    certifications: [
      ['ISO 9001', 2],
      ['Qualiopi', 1],
    ],
    capacities: ['Heures de soudure disponibles / mois', 'Chariots élévateurs', 'Camions'],
  },
];

/** A small seeded generator (mulberry32): the same demo every time. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(random: () => number, items: Weighted<T>): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function makeSiret(random: () => number): string {
  const sirenBody = String(Math.floor(random() * 90_000_000) + 10_000_000);
  const siren = sirenBody + luhnCheckDigit(sirenBody);
  const nicBody = siren + String(Math.floor(random() * 9000) + 1);
  const padded = nicBody.padEnd(13, '0');
  return padded + luhnCheckDigit(padded);
}

function communesFor(recipe: Recipe): string[] {
  if ('epci' in recipe.place) {
    const epciCode = getCommune(recipe.place.epci)?.epci?.code;
    const epci = epciCode ? getEpci(epciCode) : null;
    return epci ? [...epci.communeCodes] : [recipe.place.epci];
  }
  const center = getCommune(recipe.place.around)?.point;
  if (!center) return [recipe.place.around];
  // Bigger towns host more companies: keep the communes with some population.
  return communesWithin(center, recipe.place.km)
    .filter((c) => (c.population ?? 0) >= 1500)
    .map((c) => c.code);
}

export interface NamedDemoMember {
  network: string;
  name: string;
  commune: string;
  naf: string;
  band: string;
  leaderEmail: string;
  alsoIn?: string[];
  competences: string[];
  certifications: string[];
  description: string;
}

/** The members the demo accounts lead: the scenarios start from them. */
const NAMED_MEMBERS: NamedDemoMember[] = [
  {
    network: 'club-eti-normandie',
    alsoIn: ['cluster-batiment-rhone'],
    name: 'Plastiflex',
    commune: '61169',
    naf: '22.29A',
    band: '41',
    leaderEmail: 'dirigeant@demo.meute.fr',
    competences: ['Injection plastique', 'Cybersécurité industrielle'],
    certifications: ['ISO 9001', 'ISO 14001'],
    description:
      'Pièces plastiques techniques injectées pour l’automobile et le bâtiment (420 salariés, Flers).',
  },
  {
    network: 'cluster-batiment-rhone',
    name: 'Bâtisseurs Villeurbannais',
    commune: '69266',
    naf: '43.29A',
    band: '12',
    leaderEmail: 'batisseur@demo.meute.fr',
    competences: ['Isolation thermique', 'Rénovation énergétique'],
    certifications: ['RGE', 'Qualibat'],
    description: 'Isolation par l’extérieur et rénovation énergétique des logements collectifs.',
  },
];

/** Territorial partners: they support the networks and appear in their directories. */
const PARTNERS = [
  {
    name: 'CCI Caen Normandie',
    commune: '14118',
    naf: '94.11Z',
    band: '31',
    description:
      'Chambre de commerce et d’industrie : accompagnement des entreprises, formation, international.',
    networks: ['club-eti-normandie'],
  },
  {
    name: 'Communauté de communes du Pays de Craon',
    commune: '53084',
    naf: '84.11Z',
    band: '21',
    description:
      'L’intercommunalité porte le projet économique du territoire et anime le club d’entreprises.',
    networks: ['pays-de-craon-entreprises'],
  },
  {
    name: 'Lyon Métropole Innovation (démo)',
    commune: '69123',
    naf: '70.22Z',
    band: '12',
    description: 'Agence de développement économique : aides à l’innovation et mise en relation.',
    networks: ['cluster-batiment-rhone', 'mesure-metrologie-idf'],
  },
];

/** Adds the demo members to the demo networks; call inside the demo transaction. */
export async function loadDemoMembers(
  db: Kysely<DB>,
  networkIds: Map<string, string>,
  personIds: Map<string, string>,
) {
  const reference = referenceLookups();
  const random = seededRandom(2026);
  const competenceIds = new Map<string, string>();
  const competenceId = async (label: string) => {
    const known = competenceIds.get(label);
    if (known) return known;
    const row = await db
      .insertInto('competences')
      .values({ label, network_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    competenceIds.set(label, row.id);
    return row.id;
  };
  const usedNames = new Set<string>();
  const organisationIds: string[] = [];

  async function addOrganisation(values: {
    kind?: 'company' | 'partner';
    name: string;
    commune: string;
    naf: string;
    band: string;
    description: string;
    competences: string[];
    certifications: string[];
    capacities: { label: string; quantity: number; freePercent: number }[];
    networks: string[];
  }) {
    const commune = reference.commune(values.commune);
    const siret = makeSiret(random);
    const org = await db
      .insertInto('organisations')
      .values({
        kind: values.kind ?? 'company',
        name: values.name,
        siret,
        siren: siret.slice(0, 9),
        naf_code: values.naf,
        headcount_band: values.band,
        category: categoryForHeadcountBand(values.band),
        description: values.description,
        is_demo: true,
        ...placeColumns(commune),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const slug of values.networks) {
      await db
        .insertInto('network_organisations')
        .values({ network_id: networkIds.get(slug)!, organisation_id: org.id, charter_version: null })
        .execute();
    }
    for (const label of values.competences) {
      await db
        .insertInto('organisation_competences')
        .values({ organisation_id: org.id, competence_id: await competenceId(label) })
        .execute();
    }
    if (values.certifications.length) {
      await db
        .insertInto('organisation_certifications')
        .values(
          values.certifications.map((name) => ({
            organisation_id: org.id,
            name,
            expires_on: `${2026 + Math.floor(random() * 4)}-12-31`,
          })),
        )
        .execute();
    }
    if (values.capacities.length) {
      await db
        .insertInto('organisation_capacities')
        .values(
          values.capacities.map((c) => ({
            organisation_id: org.id,
            label: c.label,
            quantity: c.quantity,
            free_percent: c.freePercent,
          })),
        )
        .execute();
    }
    organisationIds.push(org.id);
    return org.id;
  }

  for (const member of NAMED_MEMBERS) {
    usedNames.add(member.name);
    const id = await addOrganisation({
      ...member,
      capacities: [],
      networks: [member.network, ...(member.alsoIn ?? [])],
    });
    await db
      .insertInto('person_organisations')
      .values({
        person_id: personIds.get(member.leaderEmail)!,
        organisation_id: id,
        is_leader: true,
        job_title: 'Dirigeant',
      })
      .execute();
  }

  for (const partner of PARTNERS) {
    await addOrganisation({
      ...partner,
      kind: 'partner',
      competences: [],
      certifications: [],
      capacities: [],
    });
  }

  for (const recipe of RECIPES) {
    const communes = communesFor(recipe);
    for (let i = 0; i < recipe.count; i++) {
      let name = '';
      for (let attempt = 0; attempt < 20 && (name === '' || usedNames.has(name)); attempt++) {
        const family = pick(random, FAMILY_NAMES);
        const word = pick(random, recipe.words);
        const patterns = [
          `${word} ${family}`,
          `${family} ${word}`,
          `Ets ${family}`,
          `${family} & Fils`,
          `${word} ${pick(random, FAMILY_NAMES)}-${family}`,
        ];
        name = pick(random, patterns);
      }
      usedNames.add(name);
      const competences = [...new Set([pick(random, recipe.competences), pick(random, recipe.competences)])];
      const certifications = random() < 0.6 ? [pickWeighted(random, recipe.certifications)] : [];
      const capacities =
        random() < 0.5
          ? [
              {
                label: pick(random, recipe.capacities),
                quantity: 1 + Math.floor(random() * 12),
                freePercent: Math.floor(random() * 6) * 10,
              },
            ]
          : [];
      const naf = pickWeighted(random, recipe.naf);
      await addOrganisation({
        name,
        commune: pick(random, communes),
        naf,
        band: pickWeighted(random, recipe.bands),
        description: `${reference.nafLabel(naf) ?? ''}. ${competences.join(', ')}.`,
        competences,
        certifications,
        capacities,
        networks: [recipe.slug],
      });
    }
  }
  for (const id of organisationIds) await sql`select meute_refresh_organisation_search(${id})`.execute(db);
  return organisationIds.length;
}
