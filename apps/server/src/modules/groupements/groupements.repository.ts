import type { Kysely } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB, GroupementStatusColumn } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

export interface MemberValues {
  organisationId: string;
  lotIds: readonly string[];
  workShareBp: number;
  priceCents: number | null;
}

/** bigint columns come back as text. */
const toCents = (value: string | number | null): number | null => (value === null ? null : Number(value));

/**
 * The only place with SQL for groupements. Reads that show confidential parts (prices,
 * documents, revision rounds) run under the person's row-level security (`Scoped`).
 */
export function createGroupementsRepository() {
  return {
    findTender(db: Db, networkId: string, id: string) {
      return db
        .selectFrom('tenders')
        .select(['id', 'network_id', 'body', 'last_run'])
        .where('network_id', '=', networkId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    listForTender(db: Db, tenderId: string) {
      return db
        .selectFrom('groupements')
        .selectAll()
        .where('tender_id', '=', tenderId)
        .orderBy('created_at')
        .execute();
    },

    find(db: Db, tenderId: string, id: string) {
      return db
        .selectFrom('groupements')
        .selectAll()
        .where('tender_id', '=', tenderId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    members(db: Db, groupementIds: readonly string[]) {
      if (groupementIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('groupement_members')
        .select(['groupement_id', 'organisation_id', 'lot_ids', 'work_share_bp'])
        .where('groupement_id', 'in', [...groupementIds])
        .orderBy('work_share_bp', 'desc')
        .execute();
    },

    async prices(db: Db, groupementIds: readonly string[]) {
      if (groupementIds.length === 0) return [];
      const rows = await db
        .selectFrom('groupement_member_prices')
        .select(['groupement_id', 'organisation_id', 'price_cents'])
        .where('groupement_id', 'in', [...groupementIds])
        .execute();
      return rows.map((row) => ({ ...row, price_cents: Number(row.price_cents) }));
    },

    documents(db: Db, groupementIds: readonly string[]) {
      if (groupementIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('groupement_documents')
        .select(['id', 'groupement_id', 'name', 'content_type', 'size_bytes', 'uploaded_by', 'uploaded_at'])
        .where('groupement_id', 'in', [...groupementIds])
        .orderBy('uploaded_at', 'desc')
        .execute();
    },

    findDocument(db: Db, groupementId: string, id: string) {
      return db
        .selectFrom('groupement_documents')
        .selectAll()
        .where('groupement_id', '=', groupementId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async rounds(db: Db, groupementIds: readonly string[]) {
      if (groupementIds.length === 0) return [];
      const rows = await db
        .selectFrom('price_revision_rounds')
        .selectAll()
        .where('groupement_id', 'in', [...groupementIds])
        .orderBy('created_at')
        .execute();
      return rows.map((row) => ({
        ...row,
        cut_cents: toCents(row.cut_cents),
        total_cut_cents: Number(row.total_cut_cents),
      }));
    },

    async answers(db: Db, roundIds: readonly string[]) {
      if (roundIds.length === 0) return [];
      const rows = await db
        .selectFrom('price_revision_answers')
        .selectAll()
        .where('round_id', 'in', [...roundIds])
        .execute();
      return rows.map((row) => ({ ...row, share_cents: Number(row.share_cents) }));
    },

    /** The organisations the person belongs to. */
    async organisationsOf(db: Db, personId: string) {
      const rows = await db
        .selectFrom('person_organisations')
        .select('organisation_id')
        .where('person_id', '=', personId)
        .execute();
      return new Set(rows.map((row) => row.organisation_id));
    },

    async create(
      db: Kysely<DB>,
      values: {
        tenderId: string;
        networkId: string;
        kind: 'conjoint' | 'solidaire';
        mandataireId: string | null;
        members: readonly MemberValues[];
        createdBy: string;
      },
    ) {
      return db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('groupements')
          .values({
            tender_id: values.tenderId,
            network_id: values.networkId,
            kind: values.kind,
            mandataire_id: values.mandataireId,
            created_by: values.createdBy,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await insertMembers(trx, id, values.members);
        return id;
      });
    },

    async replaceDraft(
      db: Kysely<DB>,
      id: string,
      values: {
        kind: 'conjoint' | 'solidaire';
        mandataireId: string | null;
        members: readonly MemberValues[];
      },
    ) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('groupements')
          .set({ kind: values.kind, mandataire_id: values.mandataireId, updated_at: new Date() })
          .where('id', '=', id)
          .execute();
        await trx.deleteFrom('groupement_members').where('groupement_id', '=', id).execute();
        await insertMembers(trx, id, values.members);
      });
    },

    setPrice(db: Kysely<DB>, groupementId: string, organisationId: string, priceCents: number) {
      return db
        .insertInto('groupement_member_prices')
        .values({ groupement_id: groupementId, organisation_id: organisationId, price_cents: priceCents })
        .onConflict((oc) =>
          oc
            .columns(['groupement_id', 'organisation_id'])
            .doUpdateSet({ price_cents: priceCents, updated_at: new Date() }),
        )
        .execute();
    },

    setStatus(
      db: Kysely<DB>,
      id: string,
      values: {
        status: GroupementStatusColumn;
        decision?: { reason: string; by: string; at: Date };
        outcome?: { valueCents: number | null; at: Date };
      },
    ) {
      return db
        .updateTable('groupements')
        .set({
          status: values.status,
          updated_at: new Date(),
          ...(values.decision
            ? {
                decision_reason: values.decision.reason,
                decided_by: values.decision.by,
                decided_at: values.decision.at,
              }
            : {}),
          ...(values.outcome
            ? { outcome_value_cents: values.outcome.valueCents, outcome_at: values.outcome.at }
            : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    addDocument(
      db: Kysely<DB>,
      values: { groupementId: string; name: string; contentType: string; bytes: Buffer; by: string },
    ) {
      return db
        .insertInto('groupement_documents')
        .values({
          groupement_id: values.groupementId,
          name: values.name,
          content_type: values.contentType,
          size_bytes: values.bytes.length,
          bytes: values.bytes,
          uploaded_by: values.by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    deleteDocument(db: Kysely<DB>, groupementId: string, id: string) {
      return db
        .deleteFrom('groupement_documents')
        .where('groupement_id', '=', groupementId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async openRound(
      db: Kysely<DB>,
      values: {
        groupementId: string;
        cutBp: number | null;
        cutCents: number | null;
        totalCutCents: number;
        basis: 'price' | 'work-share';
        note: string;
        by: string;
        shares: readonly { organisationId: string; shareCents: number }[];
      },
    ) {
      return db.transaction().execute(async (trx) => {
        // One open round at a time: a new request from the buyer supersedes the last one.
        await trx
          .updateTable('price_revision_rounds')
          .set({ status: 'closed', closed_at: new Date() })
          .where('groupement_id', '=', values.groupementId)
          .where('status', '=', 'open')
          .execute();
        const { id } = await trx
          .insertInto('price_revision_rounds')
          .values({
            groupement_id: values.groupementId,
            cut_bp: values.cutBp,
            cut_cents: values.cutCents,
            total_cut_cents: values.totalCutCents,
            basis: values.basis,
            note: values.note,
            created_by: values.by,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (values.shares.length > 0) {
          await trx
            .insertInto('price_revision_answers')
            .values(
              values.shares.map((share) => ({
                round_id: id,
                organisation_id: share.organisationId,
                share_cents: share.shareCents,
              })),
            )
            .execute();
        }
        return id;
      });
    },

    /** Records an answer; the round closes when every member has answered. */
    async answer(db: Kysely<DB>, roundId: string, organisationId: string, accepted: boolean, by: string) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('price_revision_answers')
          .set({ accepted, answered_by: by, answered_at: new Date() })
          .where('round_id', '=', roundId)
          .where('organisation_id', '=', organisationId)
          .execute();
        const pending = await trx
          .selectFrom('price_revision_answers')
          .select('organisation_id')
          .where('round_id', '=', roundId)
          .where('accepted', 'is', null)
          .execute();
        if (pending.length === 0) {
          await trx
            .updateTable('price_revision_rounds')
            .set({ status: 'closed', closed_at: new Date() })
            .where('id', '=', roundId)
            .execute();
        }
      });
    },

    async organisationNames(db: Db, ids: readonly string[]) {
      if (ids.length === 0) return new Map<string, string>();
      const rows = await db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute();
      return new Map(rows.map((row) => [row.id, row.name]));
    },

    /** The network's member organisations (the ones a groupement may include). */
    async networkOrganisationIds(db: Db, networkId: string) {
      const rows = await db
        .selectFrom('network_organisations')
        .select('organisation_id')
        .where('network_id', '=', networkId)
        .execute();
      return new Set(rows.map((row) => row.organisation_id));
    },
  };
}

async function insertMembers(trx: Scoped | Kysely<DB>, id: string, members: readonly MemberValues[]) {
  await trx
    .insertInto('groupement_members')
    .values(
      members.map((member) => ({
        groupement_id: id,
        organisation_id: member.organisationId,
        lot_ids: [...member.lotIds],
        work_share_bp: member.workShareBp,
      })),
    )
    .execute();
  const priced = members.filter((member) => member.priceCents !== null);
  if (priced.length > 0) {
    await trx
      .insertInto('groupement_member_prices')
      .values(
        priced.map((member) => ({
          groupement_id: id,
          organisation_id: member.organisationId,
          price_cents: member.priceCents!,
        })),
      )
      .execute();
  }
}

/**
 * For each company of the network, the companies it already answered a tender with (a
 * groupement recorded as submitted, won or lost — a lost bid was still
 * prepared together): the consortium builder's "already worked together".
 */
export async function pastPartnersInNetwork(db: Db, networkId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('groupement_members as a')
    .innerJoin('groupement_members as b', (join) =>
      join
        .onRef('b.groupement_id', '=', 'a.groupement_id')
        .onRef('b.organisation_id', '<>', 'a.organisation_id'),
    )
    .innerJoin('groupements as g', 'g.id', 'a.groupement_id')
    .select(['a.organisation_id as company', 'b.organisation_id as partner'])
    .where('g.network_id', '=', networkId)
    .where('g.status', 'in', ['submitted', 'won', 'lost'])
    .distinct()
    .execute();
  const partners = new Map<string, string[]>();
  for (const row of rows) partners.set(row.company, [...(partners.get(row.company) ?? []), row.partner]);
  return partners;
}

export type GroupementsRepository = ReturnType<typeof createGroupementsRepository>;
