import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB, ExternalSupplierStatusColumn } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

export interface ExternalSupplierValues {
  what: string;
  nafCode: string | null;
  competenceIds: string[];
  requiredCertifications: string[];
  supplierName: string;
  supplierPlace: string;
  yearlyAmountCents: number;
}

const LINE_COLUMNS = [
  'es.id',
  'es.network_id',
  'es.organisation_id',
  'o.name as organisation_name',
  'o.departement_code',
  'es.what',
  'es.naf_code',
  'es.competence_ids',
  'es.required_certifications',
  'es.supplier_name',
  'es.supplier_place',
  'es.yearly_amount_cents',
  'es.status',
  'es.replaced_by_organisation_id',
  'r.name as replaced_by_name',
  'es.amount_brought_back_cents',
  'es.replaced_at',
  'es.created_at',
  'es.updated_at',
] as const;

/**
 * The only place with SQL for the relocation challenge. Read under a person's row-level
 * security (`Scoped`), another member's lines are simply not there.
 */
export function createRelocationRepository() {
  return {
    /** The member organisations of the network a person works for (leader or employee). */
    memberOrganisationsOf(db: Db, networkId: string, personId: string) {
      return db
        .selectFrom('person_organisations as po')
        .innerJoin('network_organisations as no', 'no.organisation_id', 'po.organisation_id')
        .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
        .select(['o.id', 'o.name', 'o.lon', 'o.lat'])
        .where('po.person_id', '=', personId)
        .where('no.network_id', '=', networkId)
        .where('o.kind', '=', 'company')
        .orderBy('o.name')
        .execute();
    },

    /** The lines of the network the caller may see, by member then newest first. */
    listLines(db: Db, networkId: string) {
      return db
        .selectFrom('external_suppliers as es')
        .leftJoin('organisations as o', 'o.id', 'es.organisation_id')
        .leftJoin('organisations as r', 'r.id', 'es.replaced_by_organisation_id')
        .select(LINE_COLUMNS)
        .where('es.network_id', '=', networkId)
        .orderBy('o.name')
        .orderBy('es.created_at', 'desc')
        .orderBy('es.id')
        .execute();
    },

    findLine(db: Db, networkId: string, id: string) {
      return db
        .selectFrom('external_suppliers as es')
        .leftJoin('organisations as o', 'o.id', 'es.organisation_id')
        .leftJoin('organisations as r', 'r.id', 'es.replaced_by_organisation_id')
        .select(LINE_COLUMNS)
        .where('es.network_id', '=', networkId)
        .where('es.id', '=', id)
        .executeTakeFirst();
    },

    createLine(
      db: Db,
      values: ExternalSupplierValues & { networkId: string; organisationId: string; createdBy: string },
    ) {
      return db
        .insertInto('external_suppliers')
        .values({
          network_id: values.networkId,
          organisation_id: values.organisationId,
          what: values.what,
          naf_code: values.nafCode,
          competence_ids: values.competenceIds,
          required_certifications: values.requiredCertifications,
          supplier_name: values.supplierName,
          supplier_place: values.supplierPlace,
          yearly_amount_cents: values.yearlyAmountCents,
          created_by: values.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    async updateLine(db: Db, id: string, values: Partial<ExternalSupplierValues>, at: Date) {
      await db
        .updateTable('external_suppliers')
        .set({
          ...(values.what !== undefined ? { what: values.what } : {}),
          ...(values.nafCode !== undefined ? { naf_code: values.nafCode } : {}),
          ...(values.competenceIds !== undefined ? { competence_ids: values.competenceIds } : {}),
          ...(values.requiredCertifications !== undefined
            ? { required_certifications: values.requiredCertifications }
            : {}),
          ...(values.supplierName !== undefined ? { supplier_name: values.supplierName } : {}),
          ...(values.supplierPlace !== undefined ? { supplier_place: values.supplierPlace } : {}),
          ...(values.yearlyAmountCents !== undefined
            ? { yearly_amount_cents: values.yearlyAmountCents }
            : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },

    async setStatus(
      db: Db,
      id: string,
      values: {
        status: ExternalSupplierStatusColumn;
        replacedByOrganisationId: string | null;
        amountBroughtBackCents: number | null;
        replacedAt: Date | null;
      },
      at: Date,
    ) {
      await db
        .updateTable('external_suppliers')
        .set({
          status: values.status,
          replaced_by_organisation_id: values.replacedByOrganisationId,
          amount_brought_back_cents: values.amountBroughtBackCents,
          replaced_at: values.replacedAt,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },

    async deleteLine(db: Db, id: string) {
      await db.deleteFrom('external_suppliers').where('id', '=', id).execute();
    },

    /** How many of these competences the network may use (common ones and its own). */
    async countCompetences(db: Db, networkId: string, ids: readonly string[]) {
      if (ids.length === 0) return 0;
      const row = await db
        .selectFrom('competences')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('id', 'in', ids)
        .where((eb) => eb.or([eb('network_id', 'is', null), eb('network_id', '=', networkId)]))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    competenceLabels(db: Db, ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('competences').select(['id', 'label']).where('id', 'in', ids).execute();
    },

    /** Whether an organisation is a member company of the network. */
    async isMemberCompany(db: Db, networkId: string, organisationId: string) {
      const row = await db
        .selectFrom('network_organisations as no')
        .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
        .select('o.id')
        .where('no.network_id', '=', networkId)
        .where('no.organisation_id', '=', organisationId)
        .where('o.kind', '=', 'company')
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * The member companies of the network as the caller's directory shows them: read under their
     * row-level security, so nothing the directory would not show them comes back.
     */
    async candidateCompanies(db: Scoped, networkId: string) {
      const organisations = await db
        .selectFrom('network_organisations as no')
        .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
        .select([
          'o.id',
          'o.name',
          'o.description',
          'o.naf_code',
          'o.free_competences',
          'o.commune_code',
          'o.departement_code',
          'o.lon',
          'o.lat',
        ])
        .where('no.network_id', '=', networkId)
        .where('o.kind', '=', 'company')
        .orderBy('o.id')
        .limit(5000)
        .execute();
      const ids = organisations.map((o) => o.id);
      if (ids.length === 0) return { organisations, competences: [], certifications: [] };
      const competences = await db
        .selectFrom('organisation_competences as oc')
        .innerJoin('competences as c', 'c.id', 'oc.competence_id')
        .select(['oc.organisation_id', 'c.label'])
        .where('oc.organisation_id', 'in', ids)
        .execute();
      const certifications = await db
        .selectFrom('organisation_certifications')
        .select([
          'organisation_id',
          'name',
          sql<string | null>`to_char(expires_on, 'YYYY-MM-DD')`.as('expires_on'),
        ])
        .where('organisation_id', 'in', ids)
        .execute();
      return { organisations, competences, certifications };
    },

    /** The network's totals, released to members only when they reveal no single member. */
    async networkTotals(db: Scoped, networkId: string) {
      const { rows } = await sql<{
        organisation_count: number | null;
        line_count: number | null;
        replaced_count: number | null;
        listed_cents: string | null;
        brought_back_cents: string | null;
        hidden_reason: 'TOO_FEW_ORGANISATIONS' | 'DOMINANT_ORGANISATION' | null;
      }>`select * from meute_relocation_totals(${networkId})`.execute(db);
      return rows[0];
    },

    /** « Purchases made locally » by year of replacement (the funder reports' figure). */
    broughtBackByYear(db: Db, networkId: string) {
      return db
        .selectFrom('relocation_brought_back_by_year')
        .select([
          'year',
          (eb) => eb.fn.sum<string>('replaced_count').as('replaced_count'),
          (eb) => eb.fn.sum<string>('brought_back_cents').as('brought_back_cents'),
        ])
        .where('network_id', '=', networkId)
        .groupBy('year')
        .orderBy('year')
        .execute();
    },
  };
}

export type RelocationRepository = ReturnType<typeof createRelocationRepository>;
