import { type Expression, type SqlBool, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import { escapeLike } from '../directory/directory.repository.ts';

export interface RegisterFilter {
  q?: string | undefined;
  departement?: string | undefined;
  newOnly?: boolean;
}

export interface RegisterRow {
  siret: string;
  name: string;
  naf_code: string | null;
  headcount_band: string | null;
  category: 'TPE' | 'PME' | 'ETI' | 'GE' | null;
  commune_code: string | null;
  departement_code: string | null;
  is_active: boolean;
  member_organisation_id: string | null;
}

/**
 * The condition of a register search: words of the name (accents and case ignored), or the start
 * of a SIREN or SIRET; a département; only the establishments that are not members yet.
 */
function matching(networkId: string, filter: RegisterFilter): Expression<SqlBool> {
  const conditions = [sql<SqlBool>`r.network_id = ${networkId}`];
  const q = filter.q?.trim() ?? '';
  const digits = q.replace(/[\s.]/g, '');
  if (/^\d{3,14}$/.test(digits)) {
    conditions.push(sql<SqlBool>`left(r.siret, ${digits.length}) = ${digits}`);
  } else if (q) {
    for (const word of q.split(/\s+/)) {
      conditions.push(sql<SqlBool>`unaccent(r.name) ilike unaccent(${`%${escapeLike(word)}%`})`);
    }
  }
  if (filter.departement) conditions.push(sql<SqlBool>`r.departement_code = ${filter.departement}`);
  if (filter.newOnly) {
    conditions.push(sql<SqlBool>`not exists (
      select 1 from organisations o join network_organisations n on n.organisation_id = o.id
       where o.siret = r.siret and n.network_id = r.network_id)`);
  }
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

/** The only place with SQL for the SIRENE register's screens (imports write it). */
export function createSireneRegisterRepository() {
  return {
    summary(db: Scoped, networkId: string) {
      return db
        .selectFrom('sirene_registers')
        .select(['imported_at', 'establishments', 'active'])
        .where('network_id', '=', networkId)
        .executeTakeFirst();
    },

    /** One page in name order (accents aside), each with the organisation it is when it is a member. */
    async page(db: Scoped, networkId: string, filter: RegisterFilter, limit: number, offset: number) {
      const { rows } = await sql<RegisterRow>`
        select r.siret, r.name, r.naf_code, r.headcount_band, r.category, r.commune_code, r.departement_code,
               r.is_active,
               (select o.id from organisations o
                  join network_organisations n on n.organisation_id = o.id and n.network_id = r.network_id
                 where o.siret = r.siret) as member_organisation_id
          from sirene_establishments r
         where ${matching(networkId, filter)}
         order by unaccent(r.name), r.siret
         limit ${limit} offset ${offset}`.execute(db);
      return rows;
    },

    /** How many match, counted up to `cap` (a million-row register is not counted for a page). */
    async count(db: Scoped, networkId: string, filter: RegisterFilter, cap: number): Promise<number> {
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from (
          select 1 from sirene_establishments r where ${matching(networkId, filter)} limit ${cap}) m`.execute(
        db,
      );
      return Number(rows[0]!.n);
    },

    /** The active establishments that match, up to `limit` SIRETs. */
    async activeSirets(db: Scoped, networkId: string, filter: RegisterFilter, limit: number) {
      const { rows } = await sql<{ siret: string }>`
        select r.siret from sirene_establishments r
         where ${matching(networkId, filter)} and r.is_active
         order by r.siret limit ${limit}`.execute(db);
      return rows.map((row) => row.siret);
    },
  };
}

export type SireneRegisterRepository = ReturnType<typeof createSireneRegisterRepository>;
