import type { Tender } from '@meute/domain';
import type { Kysely } from 'kysely';
import { getCommune } from '../../reference/reference.ts';
import type { DB } from '../schema.ts';

const DAY_MS = 86_400_000;

interface DemoLot {
  title: string;
  /** Where the lot is performed, when it differs from the tender's place. */
  communeCode?: string;
  competences: [label: string, quantity: number][];
  certifications: string[];
}

interface DemoTender {
  network: string;
  title: string;
  buyer: string;
  communeCode: string;
  deadlineInDays: number;
  lots: DemoLot[];
}

/**
 * Tenders from the scenarios, ready for the consortium builder: S4, a social landlord renovating
 * 48 homes in Villeurbanne in 3 lots with RGE required; S6, the metrology of a clean room in
 * Cergy; S2, three years of green-space maintenance in lots by region. Buyers are fictional.
 */
const TENDERS: (DemoTender & { key?: string })[] = [
  {
    key: 'cluster-batiment-rhone-past',
    network: 'cluster-batiment-rhone',
    title: 'Rénovation énergétique de l’école Jean-Jaurès',
    buyer: 'Ville de Vaulx-en-Velin (fictif)',
    communeCode: '69256',
    deadlineInDays: -210,
    lots: [
      { title: 'Isolation', competences: [['Isolation thermique', 0]], certifications: ['RGE'] },
      {
        title: 'Chauffage et ventilation',
        competences: [['Chauffage et ventilation', 0]],
        certifications: ['RGE'],
      },
      { title: 'Menuiseries', competences: [['Menuiserie extérieure', 0]], certifications: [] },
    ],
  },
  {
    network: 'cluster-batiment-rhone',
    title: 'Réhabilitation de 48 logements — résidence des Tilleuls',
    buyer: 'Office d’habitat social de Villeurbanne (fictif)',
    communeCode: '69266',
    deadlineInDays: 40,
    lots: [
      {
        title: 'Isolation thermique par l’extérieur',
        competences: [['Isolation thermique', 0]],
        certifications: ['RGE'],
      },
      {
        title: 'Chauffage et ventilation',
        competences: [['Chauffage et ventilation', 0]],
        certifications: ['RGE'],
      },
      { title: 'Menuiseries extérieures', competences: [['Menuiserie extérieure', 0]], certifications: [] },
    ],
  },
  {
    network: 'mesure-metrologie-idf',
    title: 'Métrologie de la salle propre d’un site pharmaceutique',
    buyer: 'Laboratoires de Cergy (fictif)',
    communeCode: '95127',
    deadlineInDays: 25,
    lots: [
      {
        title: 'Capteurs, étalonnage, intégration des données et formation',
        competences: [
          ['Capteurs', 0],
          ['Étalonnage', 0],
          ['Intégration de données', 0],
          ['Formation à la métrologie', 0],
        ],
        certifications: ['ISO 17025 (COFRAC)'],
      },
    ],
  },
  {
    network: 'alliance-paysage-france',
    title: 'Entretien des espaces verts de 186 magasins — 3 ans',
    buyer: 'Enseigne de distribution (fictive)',
    communeCode: '75056',
    deadlineInDays: 55,
    lots: [
      {
        title: 'Lot 1 — Île-de-France',
        communeCode: '75056',
        competences: [['Entretien d’espaces verts', 0]],
        certifications: ['Qualipaysage'],
      },
      {
        title: 'Lot 2 — Auvergne-Rhône-Alpes',
        communeCode: '69123',
        competences: [['Entretien d’espaces verts', 0]],
        certifications: ['Qualipaysage'],
      },
      {
        title: 'Lot 3 — Occitanie',
        communeCode: '31555',
        competences: [
          ['Entretien d’espaces verts', 0],
          ['Élagage', 0],
        ],
        certifications: [],
      },
    ],
  },
];

function placeOf(communeCode: string) {
  const commune = getCommune(communeCode);
  return { nuts: null, point: commune?.point ?? null, description: commune?.name ?? communeCode };
}

/** Member companies of a network holding a competence (by label), best certified first, by name. */
async function holders(db: Kysely<DB>, networkId: string, competence: string, certification: string | null) {
  const rows = await db
    .selectFrom('organisations as o')
    .innerJoin('network_organisations as no', 'no.organisation_id', 'o.id')
    .innerJoin('organisation_competences as oc', 'oc.organisation_id', 'o.id')
    .innerJoin('competences as c', 'c.id', 'oc.competence_id')
    .leftJoin('organisation_certifications as cert', (join) =>
      join.onRef('cert.organisation_id', '=', 'o.id').on('cert.name', '=', certification ?? ''),
    )
    .select(['o.id', 'o.name', 'cert.name as certified'])
    .where('no.network_id', '=', networkId)
    .where('c.label', '=', competence)
    .where('o.kind', '=', 'company')
    .orderBy('cert.name')
    .orderBy('o.name')
    .execute();
  return rows.filter((row) => !certification || row.certified !== null);
}

/**
 * Groupings recorded by the demo networks: in the building cluster, a trio that won a school's
 * renovation last spring (S4 step 3: the builder then prefers firms that already worked
 * together); in the landscaping alliance, S2's jointly-liable grouping, one member a region.
 */
async function loadDemoGroupements(
  db: Kysely<DB>,
  tenders: Map<string, { id: string; networkId: string }>,
  staffPersonId: string,
  now: Date,
) {
  const building = tenders.get('cluster-batiment-rhone-past');
  if (building) {
    const trio = [
      (await holders(db, building.networkId, 'Isolation thermique', 'RGE'))[0],
      (await holders(db, building.networkId, 'Chauffage et ventilation', 'RGE'))[0],
      (await holders(db, building.networkId, 'Menuiserie extérieure', null))[0],
    ];
    if (trio.every(Boolean) && new Set(trio.map((m) => m!.id)).size === 3) {
      await recordGroupement(db, building, staffPersonId, {
        kind: 'solidaire',
        status: 'won',
        outcomeValueCents: 38_600_000,
        decidedAt: new Date(now.getTime() - 200 * DAY_MS),
        members: trio.map((member, l) => ({
          id: member!.id,
          lots: [`LOT-${l + 1}`],
          shareBp: [4_000, 3_500, 2_500][l]!,
        })),
      });
    }
  }
  const landscaping = tenders.get('alliance-paysage-france');
  if (landscaping) {
    const gardeners = await holders(db, landscaping.networkId, 'Entretien d’espaces verts', null);
    if (gardeners.length >= 3) {
      await recordGroupement(db, landscaping, staffPersonId, {
        kind: 'solidaire',
        status: 'go',
        outcomeValueCents: null,
        decidedAt: new Date(now.getTime() - 3 * DAY_MS),
        members: gardeners.slice(0, 3).map((member, l) => ({
          id: member.id,
          lots: [`LOT-${l + 1}`],
          shareBp: [4_000, 3_500, 2_500][l]!,
        })),
      });
    }
  }
}

async function recordGroupement(
  db: Kysely<DB>,
  tender: { id: string; networkId: string },
  staffPersonId: string,
  values: {
    kind: 'conjoint' | 'solidaire';
    status: 'go' | 'won';
    outcomeValueCents: number | null;
    decidedAt: Date;
    members: { id: string; lots: string[]; shareBp: number }[];
  },
) {
  const groupement = await db
    .insertInto('groupements')
    .values({
      tender_id: tender.id,
      network_id: tender.networkId,
      kind: values.kind,
      mandataire_id: values.members[0]!.id,
      status: values.status,
      decision_reason:
        values.status === 'go' ? 'Chaque région a son membre, à moins de 60 km des sites.' : '',
      decided_at: values.decidedAt,
      decided_by: staffPersonId,
      outcome_value_cents: values.outcomeValueCents,
      outcome_at: values.status === 'won' ? values.decidedAt : null,
      created_by: staffPersonId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('groupement_members')
    .values(
      values.members.map((member) => ({
        groupement_id: groupement.id,
        organisation_id: member.id,
        lot_ids: member.lots,
        work_share_bp: member.shareBp,
      })),
    )
    .execute();
}

export async function loadDemoTenders(
  db: Kysely<DB>,
  networkIds: ReadonlyMap<string, string>,
  staffPersonId: string,
  now = new Date(),
): Promise<void> {
  const competences = new Map(
    (await db.selectFrom('competences').select(['id', 'label']).execute()).map((c) => [c.label, c.id]),
  );
  const created = new Map<string, { id: string; networkId: string }>();
  for (const demo of TENDERS) {
    const networkId = networkIds.get(demo.network);
    if (!networkId) continue;
    const deadline = new Date(now.getTime() + demo.deadlineInDays * DAY_MS);
    deadline.setUTCHours(10, 0, 0, 0);
    const tender: Tender = {
      id: 'demo',
      title: demo.title,
      cpvCodes: [],
      place: placeOf(demo.communeCode),
      groupLegalForm: { required: null, description: null },
      lots: demo.lots.map((lot, l) => ({
        id: `LOT-${l + 1}`,
        title: lot.title,
        cpvCodes: [],
        place: lot.communeCode ? placeOf(lot.communeCode) : null,
        selectionCriteria: [],
        submissionDeadline: deadline.toISOString(),
        plannedStart: null,
        plannedEnd: null,
        requirements: [
          ...lot.competences.flatMap(([label, quantity], r) => {
            const code = competences.get(label);
            return code
              ? [{ id: `LOT-${l + 1}/c${r + 1}`, kind: 'competence' as const, code, quantity, label }]
              : [];
          }),
          ...lot.certifications.map((name, r) => ({
            id: `LOT-${l + 1}/q${r + 1}`,
            kind: 'certification' as const,
            code: name,
            quantity: 0,
            label: name,
          })),
        ],
      })),
    };
    const row = await db
      .insertInto('tenders')
      .values({
        network_id: networkId,
        title: demo.title,
        buyer: demo.buyer,
        submission_deadline: deadline,
        source: 'manual',
        body: JSON.stringify(tender),
        created_by: staffPersonId,
        created_at: new Date(Math.min(now.getTime(), deadline.getTime() - 30 * DAY_MS)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    created.set(demo.key ?? demo.network, { id: row.id, networkId });
  }
  await loadDemoGroupements(db, created, staffPersonId, now);
}
