import { sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';

type HiddenReason = 'TOO_FEW_ORGANISATIONS' | 'DOMINANT_ORGANISATION' | null;

/**
 * SQL of the savings ledger. Always read under a person's row-level security (`Scoped`): the
 * shares of organisations the person may not see are simply not there, and the network's totals
 * come from a security-definer function that applies the aggregate rule (see the migration).
 */
export function createSavingsRepository() {
  return {
    /**
     * Every share of the network's awarded campaigns the person may see, with the stated
     * current unit price of the same organisation (the commitment; opted-out organisations have
     * no share and do not appear).
     */
    listAwardedShares(db: Scoped, networkId: string, campaignId?: string) {
      let query = db
        .selectFrom('purchase_allocations as a')
        .innerJoin('purchase_campaigns as c', 'c.id', 'a.campaign_id')
        .leftJoin('purchase_commitments as pc', (join) =>
          join
            .onRef('pc.campaign_id', '=', 'a.campaign_id')
            .onRef('pc.organisation_id', '=', 'a.organisation_id'),
        )
        .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
        .select([
          'a.campaign_id',
          'a.organisation_id',
          'o.name as organisation_name',
          'a.quantity',
          'a.share_cents',
          'a.stand_alone_cost_cents',
          'pc.current_unit_price_cents',
        ])
        .where('a.network_id', '=', networkId)
        .where('c.awarded_offer_id', 'is not', null);
      if (campaignId) query = query.where('a.campaign_id', '=', campaignId);
      return query.orderBy('o.name').orderBy('a.organisation_id').execute();
    },

    /** The network's awarded campaigns, newest award first; the month of the award in Paris. */
    listAwardedCampaigns(db: Scoped, networkId: string) {
      return db
        .selectFrom('purchase_campaigns')
        .select([
          'id',
          'title',
          'award_supplier_name',
          'awarded_at',
          sql<string>`to_char(awarded_at at time zone 'Europe/Paris', 'YYYY-MM')`.as('award_month'),
        ])
        .where('network_id', '=', networkId)
        .where('awarded_offer_id', 'is not', null)
        .orderBy('awarded_at', 'desc')
        .orderBy('id')
        .execute();
    },

    async networkTotals(db: Scoped, networkId: string) {
      const { rows } = await sql<{
        campaign_count: number;
        organisation_count: number | null;
        paid_cents: string | null;
        paid_hidden: HiddenReason;
        baseline_cents: string | null;
        baseline_hidden: HiddenReason;
        savings_vs_current_cents: string | null;
        savings_vs_current_hidden: HiddenReason;
        savings_vs_stand_alone_cents: string | null;
        savings_vs_stand_alone_hidden: HiddenReason;
      }>`select * from meute_purchase_savings_totals(${networkId})`.execute(db);
      return rows[0];
    },
  };
}

export type SavingsRepository = ReturnType<typeof createSavingsRepository>;
