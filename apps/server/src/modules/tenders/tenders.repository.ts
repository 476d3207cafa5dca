import type { Kysely } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

/** The only place with SQL for joint tenders. Read under a person's row-level security (`Scoped`). */
export function createTendersRepository() {
  return {
    listTenders(db: Scoped, networkId: string) {
      return db
        .selectFrom('tenders')
        .select(['id', 'title', 'buyer', 'submission_deadline', 'source', 'body', 'created_at'])
        .where('network_id', '=', networkId)
        .orderBy('created_at', 'desc')
        .execute();
    },

    findTender(db: Db, networkId: string, id: string) {
      return db
        .selectFrom('tenders')
        .selectAll()
        .where('network_id', '=', networkId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    createTender(
      db: Db,
      values: {
        networkId: string;
        title: string;
        buyer: string;
        submissionDeadline: Date | null;
        source: 'manual' | 'eforms';
        noticeId: string | null;
        body: unknown;
        unmappedCpv: Record<string, string[]>;
        createdBy: string;
      },
    ) {
      return db
        .insertInto('tenders')
        .values({
          network_id: values.networkId,
          title: values.title,
          buyer: values.buyer,
          submission_deadline: values.submissionDeadline,
          source: values.source,
          notice_id: values.noticeId,
          body: JSON.stringify(values.body),
          unmapped_cpv: JSON.stringify(values.unmappedCpv),
          created_by: values.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    saveRun(db: Db, id: string, run: unknown, personId: string, at: Date) {
      return db
        .updateTable('tenders')
        .set({ last_run: JSON.stringify(run), last_run_at: at, last_run_by: personId })
        .where('id', '=', id)
        .execute();
    },

    async findMapping(db: Db, networkId: string) {
      const row = await db
        .selectFrom('tender_cpv_mappings')
        .select('rules')
        .where('network_id', '=', networkId)
        .executeTakeFirst();
      return row?.rules ?? [];
    },

    saveMapping(
      db: Db,
      networkId: string,
      rules: { cpv: string; competences: string[] }[],
      personId: string,
    ) {
      const json = JSON.stringify(rules);
      return db
        .insertInto('tender_cpv_mappings')
        .values({ network_id: networkId, rules: json, updated_by: personId })
        .onConflict((oc) =>
          oc.column('network_id').doUpdateSet({ rules: json, updated_by: personId, updated_at: new Date() }),
        )
        .execute();
    },

    /** Competences usable in the network (its own and the common ones), id → label. */
    async competenceLabels(db: Db, networkId: string, ids?: readonly string[]) {
      if (ids && ids.length === 0) return new Map<string, string>();
      let query = db
        .selectFrom('competences')
        .select(['id', 'label'])
        .where((eb) => eb.or([eb('network_id', 'is', null), eb('network_id', '=', networkId)]));
      if (ids) query = query.where('id', 'in', [...ids]);
      const rows = await query.execute();
      return new Map(rows.map((row) => [row.id, row.label]));
    },

    /** The network's member companies with what the consortium builder needs of them. */
    async memberCompanies(db: Db, networkId: string) {
      const organisations = await db
        .selectFrom('network_organisations as no')
        .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
        .select(['o.id', 'o.name', 'o.lon', 'o.lat'])
        .where('no.network_id', '=', networkId)
        .where('o.kind', '=', 'company')
        .where('o.is_active', '=', true)
        .orderBy('o.name')
        .execute();
      const ids = organisations.map((o) => o.id);
      if (ids.length === 0) return [];
      const [competences, certifications, capacities] = await Promise.all([
        db
          .selectFrom('organisation_competences as oc')
          .innerJoin('competences as c', 'c.id', 'oc.competence_id')
          .select(['oc.organisation_id', 'oc.competence_id', 'c.label'])
          .where('oc.organisation_id', 'in', ids)
          .execute(),
        db
          .selectFrom('organisation_certifications')
          .select(['organisation_id', 'name', 'expires_on'])
          .where('organisation_id', 'in', ids)
          .execute(),
        db
          .selectFrom('organisation_capacities')
          .select(['organisation_id', 'label', 'quantity'])
          .where('organisation_id', 'in', ids)
          .execute(),
      ]);
      return organisations.map((o) => ({
        ...o,
        competences: competences.filter((c) => c.organisation_id === o.id),
        certifications: certifications.filter((c) => c.organisation_id === o.id),
        capacities: capacities.filter((c) => c.organisation_id === o.id),
      }));
    },
  };
}

export type TendersRepository = ReturnType<typeof createTendersRepository>;
