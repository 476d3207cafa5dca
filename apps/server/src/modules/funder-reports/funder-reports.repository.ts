import { sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';

export interface ReportScope {
  networkId: string;
  /** Inclusive ISO dates. */
  from: string;
  to: string;
  territory: { kind: 'departement' | 'region'; code: string } | null;
}

/** The territory condition on an organisation alias, or true for the whole network. */
function inTerritory(alias: string, territory: ReportScope['territory']) {
  if (!territory) return sql`true`;
  const column = territory.kind === 'departement' ? 'departement_code' : 'region_code';
  return sql`${sql.ref(`${alias}.${column}`)} = ${territory.code}`;
}

/**
 * The SQL of the funder reports. Read under the staff's row-level security: a network's report
 * is made of its own projects (and those it joined), its relocation lines and nothing else.
 */
export function createFunderReportsRepository() {
  return {
    /** The network's projects (its own and those spanning it), led in the territory when one is set. */
    async projects(db: Scoped, scope: ReportScope) {
      const { rows } = await sql<{
        id: string;
        title: string;
        stage: 'idea' | 'pilot' | 'project' | 'industrial' | 'market';
        lead_name: string | null;
        jobs_kept: string;
        jobs_created: string;
        trainees: string;
        local_purchases: string;
        amounts_raised: string;
        funding_obtained: string;
        funding_requested: string;
      }>`
        select p.id, p.title, p.stage, lead.name as lead_name,
               coalesce(i.jobs_kept, 0) as jobs_kept,
               coalesce(i.jobs_created, 0) as jobs_created,
               coalesce(i.trainees, 0) as trainees,
               coalesce(i.local_purchases, 0) as local_purchases,
               coalesce(i.amounts_raised, 0) as amounts_raised,
               coalesce(b.obtained, 0) as funding_obtained,
               coalesce(b.requested, 0) as funding_requested
          from projects p
          left join organisations lead on lead.id = p.lead_organisation_id
          left join lateral (
            select sum(value) filter (where kind = 'jobs-kept') as jobs_kept,
                   sum(value) filter (where kind = 'jobs-created') as jobs_created,
                   sum(value) filter (where kind = 'trainees') as trainees,
                   sum(value) filter (where kind = 'local-purchases-cents') as local_purchases,
                   sum(value) filter (where kind = 'amount-raised-cents') as amounts_raised
              from project_indicators pi
             where pi.project_id = p.id and pi.period_on between ${scope.from}::date and ${scope.to}::date
          ) i on true
          left join lateral (
            select sum(amount_cents) filter (where funding_status = 'obtained') as obtained,
                   sum(amount_cents) filter (where funding_status = 'requested') as requested
              from project_budget_lines bl
             where bl.project_id = p.id and bl.kind = 'funding'
          ) b on true
         where (p.network_id = ${scope.networkId}
                or p.id in (select pn.project_id from project_networks pn where pn.network_id = ${scope.networkId}))
           and ${inTerritory('lead', scope.territory)}
         order by p.title, p.id`.execute(db);
      return rows.map((row) => ({
        ...row,
        jobs_kept: Number(row.jobs_kept),
        jobs_created: Number(row.jobs_created),
        trainees: Number(row.trainees),
        local_purchases: Number(row.local_purchases),
        amounts_raised: Number(row.amounts_raised),
        funding_obtained: Number(row.funding_obtained),
        funding_requested: Number(row.funding_requested),
      }));
    },

    /** Companies that joined at least one of the projects. */
    async joinedOrganisationCount(db: Scoped, projectIds: readonly string[]) {
      if (projectIds.length === 0) return 0;
      const row = await db
        .selectFrom('project_members')
        .select(({ fn }) => fn.count<string>('organisation_id').distinct().as('n'))
        .where('project_id', 'in', projectIds)
        .where('status', '=', 'joined')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Outside suppliers replaced by member companies in the period, bought by companies of the territory. */
    async relocated(db: Scoped, scope: ReportScope) {
      const { rows } = await sql<{ n: string; brought_back: string | null }>`
        select count(*) as n, sum(es.amount_brought_back_cents) as brought_back
          from external_suppliers es
          join organisations buyer on buyer.id = es.organisation_id
         where es.network_id = ${scope.networkId}
           and es.status = 'replaced'
           and (es.replaced_at at time zone 'Europe/Paris')::date between ${scope.from}::date and ${scope.to}::date
           and ${inTerritory('buyer', scope.territory)}`.execute(db);
      return { count: Number(rows[0]?.n ?? 0), broughtBackCents: Number(rows[0]?.brought_back ?? 0) };
    },
  };
}

export type FunderReportsRepository = ReturnType<typeof createFunderReportsRepository>;
