import { type AllocationRule, allocateCost, type PriceSchedule } from '@meute/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

const DAY_MS = 86_400_000;

/** `days` from now at 18:00 in Paris (17:00 UTC, close enough all year): a deadline as people set it. */
function closingTime(now: Date, days: number): Date {
  const day = new Date(now.getTime() + days * DAY_MS);
  day.setUTCHours(17, 0, 0, 0);
  return day;
}

interface DemoOffer {
  supplier: string;
  schedule: PriceSchedule;
}

interface DemoCampaign {
  title: string;
  category: string;
  specification: string;
  unit: string;
  rule: AllocationRule;
  /** Days from now; negative for a campaign whose commitments are closed. */
  deadlineInDays: number;
  eligibility?: { categories?: ('TPE' | 'PME' | 'ETI' | 'GE')[]; departements?: string[] };
  /** Quantity and current unit price (cents) of each committed company, in order. */
  commitments: [number, number | null][];
  offers: DemoOffer[];
  /** Award the first offer this many days after the deadline; the opt-out window in days after it. */
  award?: { afterDays: number; optOutDays: number; optedOut?: number[] };
  /** The first commitment is the demo leader's own company, so a visitor can try opting out. */
  includesVisitor?: boolean;
}

/**
 * Purchase campaigns of the building cluster at every stage, so that a visitor sees the whole
 * journey: one open (the visitor's own companies have not committed: they can try), one whose
 * offers are in and wait for the award, one just awarded with the opt-out window still open
 * (one company left), and two awarded earlier in the year whose savings fill the ledger —
 * among them S6 step 4, seven companies repainting their premises together for 15 % less.
 */
const CAMPAIGNS: DemoCampaign[] = [
  {
    title: 'Électricité verte 2027',
    category: 'Énergie',
    specification:
      'Fourniture d’électricité d’origine renouvelable garantie, sites en basse tension, du 1er janvier au 31 décembre 2027.',
    unit: 'MWh',
    rule: 'equal-unit-price',
    deadlineInDays: 30,
    commitments: [
      [420, 16_500],
      [180, 17_200],
      [95, 17_900],
      [260, 18_600],
      [130, 19_300],
    ],
    offers: [
      {
        supplier: 'Rhône Énergies Vertes',
        schedule: {
          kind: 'all-units',
          tiers: [
            { fromQuantity: 0, unitPriceCents: 15_900 },
            { fromQuantity: 1_000, unitPriceCents: 14_800 },
            { fromQuantity: 2_000, unitPriceCents: 14_100 },
          ],
          fixedCostCents: 120_000,
        },
      },
      {
        supplier: 'Coopérative Solaire Lyonnaise',
        schedule: {
          kind: 'incremental',
          tiers: [
            { fromQuantity: 0, unitPriceCents: 15_600 },
            { fromQuantity: 500, unitPriceCents: 14_200 },
          ],
          fixedCostCents: 0,
        },
      },
    ],
  },
  {
    title: 'Équipements de protection chantier 2027',
    category: 'Sécurité',
    specification:
      'Lots d’équipements de protection individuelle : casque, lunettes, gants, gilet haute visibilité, chaussures S3. Livraison sur les dépôts.',
    unit: 'lot',
    rule: 'proportional-with-fixed-costs',
    deadlineInDays: -3,
    eligibility: { departements: ['69', '01', '38', '42'] },
    commitments: [
      [60, 14_500],
      [35, 15_200],
      [120, 13_900],
      [18, 16_000],
      [45, 14_800],
      [80, 14_100],
    ],
    offers: [
      {
        supplier: 'ProtecPro Lyon',
        schedule: {
          kind: 'all-units',
          tiers: [
            { fromQuantity: 0, unitPriceCents: 13_800 },
            { fromQuantity: 200, unitPriceCents: 12_400 },
            { fromQuantity: 400, unitPriceCents: 11_600 },
          ],
          fixedCostCents: 45_000,
        },
      },
      {
        supplier: 'Sécurité Chantiers Rhône-Alpes',
        schedule: {
          kind: 'incremental',
          tiers: [
            { fromQuantity: 0, unitPriceCents: 13_500 },
            { fromQuantity: 150, unitPriceCents: 11_900 },
          ],
          fixedCostCents: 0,
        },
      },
      {
        supplier: 'EPI Direct',
        schedule: {
          kind: 'all-units',
          tiers: [{ fromQuantity: 0, unitPriceCents: 12_900 }],
          fixedCostCents: 0,
        },
      },
    ],
  },
  {
    title: 'Assurance flotte de véhicules utilitaires 2027',
    category: 'Assurances',
    specification:
      'Assurance tous risques des véhicules utilitaires de moins de 3,5 t, assistance 0 km incluse.',
    unit: 'véhicule',
    rule: 'shapley',
    deadlineInDays: -12,
    commitments: [
      [14, 118_000],
      [6, 124_000],
      [22, 112_000],
      [9, 121_000],
      [4, 131_000],
      [11, 119_000],
    ],
    offers: [
      {
        supplier: 'Mutuelle des Artisans du Rhône',
        schedule: {
          kind: 'all-units',
          tiers: [
            { fromQuantity: 0, unitPriceCents: 112_000 },
            { fromQuantity: 40, unitPriceCents: 98_000 },
            { fromQuantity: 60, unitPriceCents: 92_000 },
          ],
          fixedCostCents: 150_000,
        },
      },
    ],
    award: { afterDays: 8, optOutDays: 7, optedOut: [4] },
    includesVisitor: true,
  },
  {
    title: 'Peinture des locaux — printemps 2026',
    category: 'Travaux',
    specification:
      'Peinture acrylique mate pour murs et plafonds intérieurs, seaux de 15 L, livrée avec les fournitures (rouleaux, bâches). Remise de 15 % au-delà de 150 seaux.',
    unit: 'seau de 15 L',
    rule: 'equal-unit-price',
    deadlineInDays: -200,
    commitments: [
      [40, 9_800],
      [25, 9_800],
      [18, 10_200],
      [30, 9_800],
      [12, 10_500],
      [22, 9_900],
      [15, 10_200],
    ],
    offers: [
      {
        supplier: 'Couleurs du Lyonnais',
        schedule: {
          kind: 'all-units',
          tiers: [
            { fromQuantity: 0, unitPriceCents: 9_800 },
            { fromQuantity: 150, unitPriceCents: 8_330 },
          ],
          fixedCostCents: 0,
        },
      },
      {
        supplier: 'Peintures Gerland',
        schedule: {
          kind: 'all-units',
          tiers: [{ fromQuantity: 0, unitPriceCents: 8_900 }],
          fixedCostCents: 0,
        },
      },
    ],
    award: { afterDays: 5, optOutDays: 7 },
  },
  {
    title: 'Fournitures de bureau 2026',
    category: 'Fournitures',
    specification:
      'Papier A4 recyclé 80 g, enveloppes, classeurs et consommables d’impression, livraison trimestrielle.',
    unit: 'colis',
    rule: 'proportional-with-fixed-costs',
    deadlineInDays: -280,
    commitments: [
      [30, 6_400],
      [12, 6_900],
      [45, 6_100],
      [8, 7_200],
      [20, 6_600],
      [16, 6_800],
      [25, 6_500],
      [10, 7_000],
    ],
    offers: [
      {
        supplier: 'Bureau Vallée Pro Rhône',
        schedule: {
          kind: 'incremental',
          tiers: [
            { fromQuantity: 0, unitPriceCents: 6_200 },
            { fromQuantity: 100, unitPriceCents: 5_300 },
          ],
          fixedCostCents: 24_000,
        },
      },
    ],
    award: { afterDays: 6, optOutDays: 10 },
  },
];

export async function loadDemoPurchasing(
  db: Kysely<DB>,
  networkId: string,
  staffPersonId: string,
  now = new Date(),
): Promise<void> {
  // Companies whose leader is not a demo account: those stay free for the visitor to commit.
  const companies = await db
    .selectFrom('network_organisations as no')
    .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
    .select('o.id')
    .where('no.network_id', '=', networkId)
    .where('o.kind', '=', 'company')
    .where('o.departement_code', 'in', ['69', '01', '38', '42'])
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
    .orderBy('o.name')
    .execute();

  const visitor = await db
    .selectFrom('network_organisations as no')
    .innerJoin('person_organisations as po', 'po.organisation_id', 'no.organisation_id')
    .innerJoin('people as p', 'p.id', 'po.person_id')
    .select('no.organisation_id as id')
    .where('no.network_id', '=', networkId)
    .where('p.is_demo', '=', true)
    .orderBy('p.email')
    .executeTakeFirst();

  let next = 0;
  for (const demo of CAMPAIGNS) {
    const others = demo.includesVisitor && visitor ? demo.commitments.length - 1 : demo.commitments.length;
    const members = [
      ...(demo.includesVisitor && visitor ? [visitor] : []),
      ...companies.slice(next, next + others),
    ];
    next += others;
    if (members.length < demo.commitments.length) return;
    await loadCampaign(db, networkId, staffPersonId, now, demo, members);
  }
}

async function loadCampaign(
  db: Kysely<DB>,
  networkId: string,
  staffPersonId: string,
  now: Date,
  demo: DemoCampaign,
  members: { id: string }[],
) {
  const deadline = closingTime(now, demo.deadlineInDays);
  const campaign = await db
    .insertInto('purchase_campaigns')
    .values({
      network_id: networkId,
      title: demo.title,
      category: demo.category,
      specification: demo.specification,
      unit: demo.unit,
      commitment_deadline: deadline,
      allocation_rule: demo.rule,
      eligible_categories: demo.eligibility?.categories ?? [],
      eligible_departements: demo.eligibility?.departements ?? [],
      created_by: staffPersonId,
      created_at: new Date(deadline.getTime() - 30 * DAY_MS),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const awardedAt = demo.award ? new Date(deadline.getTime() + demo.award.afterDays * DAY_MS) : null;
  const optedOut = new Set(demo.award?.optedOut ?? []);
  await db
    .insertInto('purchase_commitments')
    .values(
      members.map((member, index) => ({
        campaign_id: campaign.id,
        organisation_id: member.id,
        network_id: networkId,
        quantity: demo.commitments[index]![0],
        current_unit_price_cents: demo.commitments[index]![1],
        updated_at: new Date(deadline.getTime() - (10 + index) * DAY_MS),
        opted_out_at: awardedAt && optedOut.has(index) ? new Date(awardedAt.getTime() + 2 * DAY_MS) : null,
      })),
    )
    .execute();

  const offers = await db
    .insertInto('purchase_offers')
    .values(
      demo.offers.map((offer, index) => ({
        campaign_id: campaign.id,
        network_id: networkId,
        supplier_name: offer.supplier,
        pricing_kind: offer.schedule.kind,
        tiers: JSON.stringify(offer.schedule.tiers),
        fixed_cost_cents: offer.schedule.fixedCostCents,
        created_by: staffPersonId,
        created_at: new Date(deadline.getTime() - (5 - index) * DAY_MS),
      })),
    )
    .returning(['id', 'supplier_name'])
    .execute();

  if (!demo.award || !awardedAt) return;
  // The first offer wins; the companies that opted out are no longer in the group.
  const staying = members.flatMap((member, index) =>
    optedOut.has(index)
      ? []
      : [
          {
            memberId: member.id,
            quantity: demo.commitments[index]![0],
            currentUnitPriceCents: demo.commitments[index]![1],
          },
        ],
  );
  const outcome = allocateCost({ schedule: demo.offers[0]!.schedule, commitments: staying, rule: demo.rule });
  if (!outcome.ok) throw new Error(`demo campaign ${demo.title} cannot be allocated`);
  const { allocation } = outcome;
  await db
    .updateTable('purchase_campaigns')
    .set({
      awarded_offer_id: offers[0]!.id,
      award_supplier_name: offers[0]!.supplier_name,
      awarded_at: awardedAt,
      awarded_by: staffPersonId,
      opt_out_deadline: new Date(awardedAt.getTime() + demo.award.optOutDays * DAY_MS),
      award_total_cost_cents: allocation.totalCostCents,
      award_total_quantity: allocation.totalQuantity,
      award_average_unit_price_cents: allocation.averageUnitPriceCents,
      award_is_individually_rational: allocation.individualRationality.holds,
      award_core_status: allocation.core.status,
      award_core_coalition:
        allocation.core.status === 'not-in-core' ? allocation.core.coalitionMemberIds : [],
    })
    .where('id', '=', campaign.id)
    .execute();
  await db
    .insertInto('purchase_allocations')
    .values(
      allocation.members.map((member) => ({
        campaign_id: campaign.id,
        organisation_id: member.memberId,
        network_id: networkId,
        quantity: member.quantity,
        share_cents: member.shareCents,
        stand_alone_cost_cents: Math.round(member.standAloneCostCents),
        is_individually_rational: member.isIndividuallyRational,
      })),
    )
    .execute();
}
