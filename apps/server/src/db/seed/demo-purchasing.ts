import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

const DAY_MS = 86_400_000;

/**
 * An open purchase campaign in the building cluster, so that a visitor sees the journey: five
 * member companies already committed (the total shows), two suppliers answered (staff compare
 * them), and the demo leaders' own companies have not committed yet (they can try).
 */
/** Thirty days from now, at 18:00 in Paris (17:00 UTC, close enough all year): a deadline as people set it. */
function closingTime(now: Date): Date {
  const day = new Date(now.getTime() + 30 * DAY_MS);
  day.setUTCHours(17, 0, 0, 0);
  return day;
}

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
    .limit(5)
    .execute();
  if (companies.length < 3) return;

  const campaign = await db
    .insertInto('purchase_campaigns')
    .values({
      network_id: networkId,
      title: 'Électricité verte 2027',
      category: 'Énergie',
      specification:
        'Fourniture d’électricité d’origine renouvelable garantie, sites en basse tension, du 1er janvier au 31 décembre 2027.',
      unit: 'MWh',
      commitment_deadline: closingTime(now),
      allocation_rule: 'equal-unit-price',
      created_by: staffPersonId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const quantities = [420, 180, 95, 260, 130];
  await db
    .insertInto('purchase_commitments')
    .values(
      companies.map((company, index) => ({
        campaign_id: campaign.id,
        organisation_id: company.id,
        network_id: networkId,
        quantity: quantities[index] ?? 100,
        current_unit_price_cents: 16_500 + index * 700,
      })),
    )
    .execute();

  await db
    .insertInto('purchase_offers')
    .values([
      {
        campaign_id: campaign.id,
        network_id: networkId,
        supplier_name: 'Rhône Énergies Vertes',
        pricing_kind: 'all-units',
        tiers: JSON.stringify([
          { fromQuantity: 0, unitPriceCents: 15_900 },
          { fromQuantity: 1_000, unitPriceCents: 14_800 },
          { fromQuantity: 2_000, unitPriceCents: 14_100 },
        ]),
        fixed_cost_cents: 120_000,
        created_by: staffPersonId,
      },
      {
        campaign_id: campaign.id,
        network_id: networkId,
        supplier_name: 'Coopérative Solaire Lyonnaise',
        pricing_kind: 'incremental',
        tiers: JSON.stringify([
          { fromQuantity: 0, unitPriceCents: 15_600 },
          { fromQuantity: 500, unitPriceCents: 14_200 },
        ]),
        fixed_cost_cents: 0,
        created_by: staffPersonId,
      },
    ])
    .execute();
}
