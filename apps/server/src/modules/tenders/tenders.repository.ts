import { type Kysely, sql } from 'kysely';
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
        source: 'manual' | 'eforms' | 'boamp';
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

    /** The network's groupings that answered a tender (submitted, won or lost), other than this tender's. */
    async pastTeams(db: Scoped, networkId: string, tenderId: string) {
      const rows = await db
        .selectFrom('groupements as g')
        .innerJoin('tenders as t', 't.id', 'g.tender_id')
        .innerJoin('groupement_members as gm', 'gm.groupement_id', 'g.id')
        .innerJoin('organisations as o', 'o.id', 'gm.organisation_id')
        .select(['g.id', 'g.status', 't.title', 'o.id as organisation_id', 'o.name'])
        .where('g.network_id', '=', networkId)
        .where('g.tender_id', '!=', tenderId)
        .where('g.status', 'in', ['submitted', 'won', 'lost'])
        .orderBy('g.updated_at', 'desc')
        .orderBy('o.name')
        .execute();
      const teams = new Map<
        string,
        { groupementId: string; tenderTitle: string; status: string; members: { id: string; name: string }[] }
      >();
      for (const row of rows) {
        const team = teams.get(row.id) ?? {
          groupementId: row.id,
          tenderTitle: row.title,
          status: row.status,
          members: [],
        };
        team.members.push({ id: row.organisation_id, name: row.name });
        teams.set(row.id, team);
      }
      return [...teams.values()].slice(0, 20);
    },

    /**
     * Companies outside the network that hold a competence (by label) or a valid certification
     * (by name): read under the person's row-level security, so only what their directory shows.
     */
    async outsideHolders(
      db: Scoped,
      networkId: string,
      wanted: { competenceLabels: readonly string[]; certificationNames: readonly string[]; today: string },
    ) {
      const labels = wanted.competenceLabels.map((label) => label.toLowerCase());
      const names = wanted.certificationNames.map((name) => name.toLowerCase());
      if (labels.length === 0 && names.length === 0) return [];
      const rows = await db
        .selectFrom('organisations as o')
        .innerJoin('network_organisations as no', 'no.organisation_id', 'o.id')
        .innerJoin('networks as n', 'n.id', 'no.network_id')
        .select(['o.id', 'o.name', 'o.lon', 'o.lat', 'n.name as network_name'])
        .select((eb) => [
          eb
            .selectFrom('organisation_competences as oc')
            .innerJoin('competences as c', 'c.id', 'oc.competence_id')
            .select(sql<string[]>`coalesce(array_agg(distinct lower(c.label)), '{}')`.as('labels'))
            .whereRef('oc.organisation_id', '=', 'o.id')
            .as('competences'),
          eb
            .selectFrom('organisation_certifications as cert')
            .select(sql<string[]>`coalesce(array_agg(distinct lower(cert.name)), '{}')`.as('names'))
            .whereRef('cert.organisation_id', '=', 'o.id')
            .where((w) => w.or([w('cert.expires_on', 'is', null), w('cert.expires_on', '>=', wanted.today)]))
            .as('certifications'),
        ])
        .where('o.kind', '=', 'company')
        .where('o.is_active', '=', true)
        .where('no.network_id', '!=', networkId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('network_organisations as mine')
                .select('mine.organisation_id')
                .whereRef('mine.organisation_id', '=', 'o.id')
                .where('mine.network_id', '=', networkId),
            ),
          ),
        )
        .where((w) =>
          w.or([
            w.exists(
              w
                .selectFrom('organisation_competences as oc')
                .innerJoin('competences as c', 'c.id', 'oc.competence_id')
                .select('oc.organisation_id')
                .whereRef('oc.organisation_id', '=', 'o.id')
                .where(sql<boolean>`lower(c.label) = any(${labels})`),
            ),
            w.exists(
              w
                .selectFrom('organisation_certifications as cert')
                .select('cert.organisation_id')
                .whereRef('cert.organisation_id', '=', 'o.id')
                .where(sql<boolean>`lower(cert.name) = any(${names})`)
                .where((x) =>
                  x.or([x('cert.expires_on', 'is', null), x('cert.expires_on', '>=', wanted.today)]),
                ),
            ),
          ]),
        )
        .orderBy('o.name')
        .limit(2000)
        .execute();
      // One row per organisation, with the first network the person sees it in.
      const byId = new Map<string, (typeof rows)[number]>();
      for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row);
      return [...byId.values()].map((row) => ({
        id: row.id,
        name: row.name,
        networkName: row.network_name,
        point: row.lon !== null && row.lat !== null ? { lon: row.lon, lat: row.lat } : null,
        competences: new Set(row.competences ?? []),
        certifications: new Set(row.certifications ?? []),
      }));
    },
  };
}

export type TendersRepository = ReturnType<typeof createTendersRepository>;
