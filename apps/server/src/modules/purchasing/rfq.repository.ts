import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB, PurchaseOffersTable } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

/**
 * The only place with SQL for requests for quotation. Staff read invitations under their
 * row-level security (`Scoped`); the supplier's path has no person and uses the owner
 * connection, each query scoped by the invitation that the token's hash designates.
 */
export function createRfqRepository() {
  return {
    createInvitation(
      db: Db,
      values: {
        campaignId: string;
        networkId: string;
        supplierName: string;
        email: string | null;
        tokenHash: string;
        expiresAt: Date;
        createdBy: string;
      },
    ) {
      return db
        .insertInto('purchase_rfq_invitations')
        .values({
          campaign_id: values.campaignId,
          network_id: values.networkId,
          supplier_name: values.supplierName,
          email: values.email,
          token_hash: values.tokenHash,
          expires_at: values.expiresAt,
          created_by: values.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /** A campaign's invitations, newest first, with who created them and whether an offer came. */
    listInvitations(db: Db, campaignId: string, invitationId?: string) {
      let query = db
        .selectFrom('purchase_rfq_invitations as i')
        .leftJoin('people as p', 'p.id', 'i.created_by')
        .select([
          'i.id',
          'i.supplier_name',
          'i.email',
          'i.created_at',
          'i.expires_at',
          'i.revoked_at',
          'i.last_opened_at',
          'i.answered_at',
          'p.display_name as created_by_name',
        ])
        .where('i.campaign_id', '=', campaignId);
      if (invitationId) query = query.where('i.id', '=', invitationId);
      return query.orderBy('i.created_at', 'desc').orderBy('i.id').execute();
    },

    /** Revokes an invitation of the campaign (once); false when there is no such invitation. */
    async revokeInvitation(db: Db, campaignId: string, invitationId: string, at: Date) {
      const found = await db
        .selectFrom('purchase_rfq_invitations')
        .select(['id', 'revoked_at'])
        .where('campaign_id', '=', campaignId)
        .where('id', '=', invitationId)
        .executeTakeFirst();
      if (!found) return false;
      if (!found.revoked_at) {
        await db
          .updateTable('purchase_rfq_invitations')
          .set({ revoked_at: at })
          .where('id', '=', invitationId)
          .execute();
      }
      return true;
    },

    /** The invitation a token designates (by the hash of the token), with its campaign and network. */
    findByTokenHash(db: Kysely<DB>, tokenHash: string) {
      return db
        .selectFrom('purchase_rfq_invitations as i')
        .innerJoin('purchase_campaigns as c', 'c.id', 'i.campaign_id')
        .innerJoin('networks as n', 'n.id', 'i.network_id')
        .select([
          'i.id',
          'i.campaign_id',
          'i.network_id',
          'i.supplier_name',
          'i.expires_at',
          'i.revoked_at',
          'i.answered_at',
          'n.name as network_name',
          'c.title',
          'c.category',
          'c.specification',
          'c.unit',
          'c.commitment_deadline',
          'c.awarded_offer_id',
        ])
        .where('i.token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    async markOpened(db: Kysely<DB>, invitationId: string, at: Date) {
      await db
        .updateTable('purchase_rfq_invitations')
        .set({ last_opened_at: at })
        .where('id', '=', invitationId)
        .execute();
    },

    /** The pooled volume the token may see (see meute_rfq_pooled_volume in the migration). */
    async pooledVolume(db: Kysely<DB>, tokenHash: string, at: Date) {
      const { rows } = await sql<{
        organisation_count: number | null;
        total_quantity: number | null;
        hidden_reason: string | null;
      }>`select * from meute_rfq_pooled_volume(${tokenHash}, ${at})`.execute(db);
      return rows[0];
    },

    /** The offer sent through an invitation, if any. */
    findOfferOfInvitation(db: Kysely<DB>, invitationId: string) {
      return db
        .selectFrom('purchase_offers')
        .select(['id', 'pricing_kind', 'tiers', 'fixed_cost_cents', 'valid_until'])
        .where('rfq_invitation_id', '=', invitationId)
        .executeTakeFirst();
    },

    /** Creates the invitation's offer, or replaces its terms when the supplier revises it. */
    async upsertOffer(
      db: Db,
      values: {
        invitationId: string;
        campaignId: string;
        networkId: string;
        supplierName: string;
        kind: PurchaseOffersTable['pricing_kind'];
        tiers: { fromQuantity: number; unitPriceCents: number }[];
        fixedCostCents: number;
        validUntil: string | null;
        at: Date;
      },
    ) {
      const terms = {
        pricing_kind: values.kind,
        tiers: JSON.stringify(values.tiers),
        fixed_cost_cents: values.fixedCostCents,
        valid_until: values.validUntil,
      };
      await db
        .insertInto('purchase_offers')
        .values({
          campaign_id: values.campaignId,
          network_id: values.networkId,
          supplier_name: values.supplierName,
          rfq_invitation_id: values.invitationId,
          ...terms,
        })
        .onConflict((oc) => oc.column('rfq_invitation_id').doUpdateSet(terms))
        .execute();
      await db
        .updateTable('purchase_rfq_invitations')
        .set({ answered_at: values.at })
        .where('id', '=', values.invitationId)
        .execute();
    },
  };
}

export type RfqRepository = ReturnType<typeof createRfqRepository>;
