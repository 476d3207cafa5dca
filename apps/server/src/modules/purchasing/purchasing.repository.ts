import type { EligibilityRule } from '@meute/domain';
import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { AllocationRuleColumn, DB, PurchaseOffersTable } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

/**
 * The only place with SQL for group purchasing. Read under a person's row-level security
 * (`Scoped`), a commitment or a share of another organisation is simply not there.
 */
export function createPurchasingRepository() {
  return {
    listCampaigns(db: Scoped, networkId: string) {
      return db
        .selectFrom('purchase_campaigns')
        .selectAll()
        .where('network_id', '=', networkId)
        .orderBy('commitment_deadline', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
    },

    findCampaign(db: Db, networkId: string, id: string) {
      return db
        .selectFrom('purchase_campaigns')
        .selectAll()
        .where('network_id', '=', networkId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    createCampaign(
      db: Db,
      values: {
        networkId: string;
        title: string;
        category: string;
        specification: string;
        unit: string;
        commitmentDeadline: Date;
        allocationRule: AllocationRuleColumn;
        eligibility: EligibilityRule;
        createdBy: string;
      },
    ) {
      return db
        .insertInto('purchase_campaigns')
        .values({
          network_id: values.networkId,
          title: values.title,
          category: values.category,
          specification: values.specification,
          unit: values.unit,
          commitment_deadline: values.commitmentDeadline,
          allocation_rule: values.allocationRule,
          eligible_categories: [...values.eligibility.categories],
          eligible_naf_sections: [...values.eligibility.nafSections],
          eligible_departements: [...values.eligibility.departements],
          created_by: values.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /** The organisations of a person that are members of the network, by name. */
    memberOrganisationsOf(db: Db, networkId: string, personId: string) {
      return db
        .selectFrom('person_organisations as po')
        .innerJoin('network_organisations as no', 'no.organisation_id', 'po.organisation_id')
        .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
        .select(['o.id', 'o.name', 'o.category', 'o.naf_code', 'o.departement_code'])
        .where('po.person_id', '=', personId)
        .where('no.network_id', '=', networkId)
        .orderBy('o.name')
        .execute();
    },

    /** Commitments of a campaign, those the caller may see (all of them as the owner). */
    listCommitments(db: Db, campaignId: string) {
      return db
        .selectFrom('purchase_commitments as c')
        .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
        .select([
          'c.organisation_id',
          'o.name as organisation_name',
          'c.quantity',
          'c.current_unit_price_cents',
          'c.ceiling_unit_price_cents',
          'c.updated_at',
          'c.opted_out_at',
        ])
        .where('c.campaign_id', '=', campaignId)
        .orderBy('o.name')
        .orderBy('c.organisation_id')
        .execute();
    },

    /** Total and count of a campaign's commitments, or why they are hidden (see the migration). */
    async aggregate(db: Scoped, campaignId: string) {
      const { rows } = await sql<{
        organisation_count: number | null;
        total_quantity: number | null;
        hidden_reason: 'TOO_FEW_ORGANISATIONS' | 'DOMINANT_ORGANISATION' | null;
      }>`select * from meute_purchase_aggregate(${campaignId})`.execute(db);
      return rows[0];
    },

    async upsertCommitment(
      db: Db,
      values: {
        campaignId: string;
        networkId: string;
        organisationId: string;
        quantity: number;
        currentUnitPriceCents: number | null;
        ceilingUnitPriceCents: number | null;
        committedBy: string;
        at: Date;
      },
    ) {
      const row = {
        quantity: values.quantity,
        current_unit_price_cents: values.currentUnitPriceCents,
        ceiling_unit_price_cents: values.ceilingUnitPriceCents,
        committed_by: values.committedBy,
        updated_at: values.at,
      };
      await db
        .insertInto('purchase_commitments')
        .values({
          campaign_id: values.campaignId,
          network_id: values.networkId,
          organisation_id: values.organisationId,
          ...row,
        })
        .onConflict((oc) => oc.columns(['campaign_id', 'organisation_id']).doUpdateSet(row))
        .execute();
    },

    async deleteCommitment(db: Db, campaignId: string, organisationId: string) {
      const result = await db
        .deleteFrom('purchase_commitments')
        .where('campaign_id', '=', campaignId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    listOffers(db: Db, campaignId: string) {
      return db
        .selectFrom('purchase_offers')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    findOffer(db: Db, campaignId: string, offerId: string) {
      return db
        .selectFrom('purchase_offers')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('id', '=', offerId)
        .executeTakeFirst();
    },

    createOffer(
      db: Db,
      values: {
        campaignId: string;
        networkId: string;
        supplierName: string;
        kind: PurchaseOffersTable['pricing_kind'];
        tiers: { fromQuantity: number; unitPriceCents: number }[];
        fixedCostCents: number;
        validUntil: string | null;
        createdBy: string;
      },
    ) {
      return db
        .insertInto('purchase_offers')
        .values({
          campaign_id: values.campaignId,
          network_id: values.networkId,
          supplier_name: values.supplierName,
          pricing_kind: values.kind,
          tiers: JSON.stringify(values.tiers),
          fixed_cost_cents: values.fixedCostCents,
          valid_until: values.validUntil,
          created_by: values.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /**
     * Records the award and every organisation's share. Only a campaign not yet awarded is
     * updated: returns false when another award won the race.
     */
    async saveAward(
      db: Db,
      values: {
        campaignId: string;
        networkId: string;
        offerId: string;
        supplierName: string;
        awardedBy: string;
        at: Date;
        optOutDeadline: Date;
        totalCostCents: number;
        totalQuantity: number;
        averageUnitPriceCents: number;
        isIndividuallyRational: boolean;
        coreStatus: 'in-core' | 'not-in-core' | 'not-checked';
        coreCoalition: string[];
        shares: {
          organisationId: string;
          quantity: number;
          shareCents: number;
          standAloneCostCents: number;
          isIndividuallyRational: boolean;
        }[];
      },
    ) {
      const result = await db
        .updateTable('purchase_campaigns')
        .set({
          awarded_offer_id: values.offerId,
          award_supplier_name: values.supplierName,
          awarded_at: values.at,
          awarded_by: values.awardedBy,
          opt_out_deadline: values.optOutDeadline,
          award_total_cost_cents: values.totalCostCents,
          award_total_quantity: values.totalQuantity,
          award_average_unit_price_cents: values.averageUnitPriceCents,
          award_is_individually_rational: values.isIndividuallyRational,
          award_core_status: values.coreStatus,
          award_core_coalition: values.coreCoalition,
        })
        .where('id', '=', values.campaignId)
        .where('awarded_offer_id', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      if (values.shares.length > 0) {
        await db
          .insertInto('purchase_allocations')
          .values(
            values.shares.map((share) => ({
              campaign_id: values.campaignId,
              network_id: values.networkId,
              organisation_id: share.organisationId,
              quantity: share.quantity,
              share_cents: share.shareCents,
              stand_alone_cost_cents: share.standAloneCostCents,
              is_individually_rational: share.isIndividuallyRational,
            })),
          )
          .execute();
      }
      return true;
    },

    /** Marks a company out of (or back into) an awarded campaign; false when it has no commitment. */
    async setOptedOut(db: Db, campaignId: string, organisationId: string, at: Date | null) {
      const result = await db
        .updateTable('purchase_commitments')
        .set({ opted_out_at: at })
        .where('campaign_id', '=', campaignId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Replaces the award's figures and shares after a company opted out or back in. */
    async replaceAllocation(
      db: Db,
      values: {
        campaignId: string;
        networkId: string;
        totalCostCents: number;
        totalQuantity: number;
        averageUnitPriceCents: number;
        isIndividuallyRational: boolean;
        coreStatus: 'in-core' | 'not-in-core' | 'not-checked';
        coreCoalition: string[];
        shares: {
          organisationId: string;
          quantity: number;
          shareCents: number;
          standAloneCostCents: number;
          isIndividuallyRational: boolean;
        }[];
      },
    ) {
      await db
        .updateTable('purchase_campaigns')
        .set({
          award_total_cost_cents: values.totalCostCents,
          award_total_quantity: values.totalQuantity,
          award_average_unit_price_cents: values.averageUnitPriceCents,
          award_is_individually_rational: values.isIndividuallyRational,
          award_core_status: values.coreStatus,
          award_core_coalition: values.coreCoalition,
        })
        .where('id', '=', values.campaignId)
        .execute();
      await db.deleteFrom('purchase_allocations').where('campaign_id', '=', values.campaignId).execute();
      if (values.shares.length > 0) {
        await db
          .insertInto('purchase_allocations')
          .values(
            values.shares.map((share) => ({
              campaign_id: values.campaignId,
              network_id: values.networkId,
              organisation_id: share.organisationId,
              quantity: share.quantity,
              share_cents: share.shareCents,
              stand_alone_cost_cents: share.standAloneCostCents,
              is_individually_rational: share.isIndividuallyRational,
            })),
          )
          .execute();
      }
    },

    listShares(db: Db, campaignId: string) {
      return db
        .selectFrom('purchase_allocations as a')
        .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
        .select([
          'a.organisation_id',
          'o.name as organisation_name',
          'a.quantity',
          'a.share_cents',
          'a.stand_alone_cost_cents',
          'a.is_individually_rational',
        ])
        .where('a.campaign_id', '=', campaignId)
        .orderBy('o.name')
        .orderBy('a.organisation_id')
        .execute();
    },

    organisationNames(db: Db, ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
    },
  };
}

export type PurchasingRepository = ReturnType<typeof createPurchasingRepository>;
