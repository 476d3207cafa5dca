import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

export interface ShowcaseTextValues {
  isPublished: boolean;
  headlineFr: string;
  headlineEn: string;
  descriptionFr: string;
  descriptionEn: string;
  contactEmail: string | null;
}

export interface ConsentValues {
  showIdentity: boolean;
  showCompetences: boolean;
  showCertifications: boolean;
  showReferences: boolean;
  territoryLevel: 'none' | 'departement' | 'commune';
  contactEmail: string | null;
}

/** One row of meute_showcase_public_organisations(): only consented parts, the others null/empty. */
export interface PublicOrganisationRow {
  name: string | null;
  description: string | null;
  website: string | null;
  competences: string[];
  certifications: string[];
  refs: { title: string; client: string; year: number | null; description: string }[];
  commune_code: string | null;
  departement_code: string | null;
  lon: number | null;
  lat: number | null;
  contact_email: string | null;
  matches: boolean;
}

/**
 * The only place with SQL for the showcase. Its people read and write under row-level security
 * (`Scoped`); the public path reads only through the two security definer functions of the
 * migration 20261122T0910_showcase.sql, which return published networks and consented parts.
 */
export function createShowcaseRepository() {
  return {
    findShowcase(db: Scoped, networkId: string) {
      return db
        .selectFrom('network_showcases')
        .selectAll()
        .where('network_id', '=', networkId)
        .executeTakeFirst();
    },

    async saveShowcase(
      db: Scoped,
      networkId: string,
      values: ShowcaseTextValues,
      personId: string,
      at: Date,
    ) {
      const previous = await db
        .selectFrom('network_showcases')
        .select(['is_published', 'published_at'])
        .where('network_id', '=', networkId)
        .executeTakeFirst();
      // The date of the first publication of the current period: kept while it stays published.
      const publishedAt = values.isPublished ? (previous?.is_published ? previous.published_at : at) : null;
      const row = {
        is_published: values.isPublished,
        headline_fr: values.headlineFr,
        headline_en: values.headlineEn,
        description_fr: values.descriptionFr,
        description_en: values.descriptionEn,
        contact_email: values.contactEmail,
        published_at: publishedAt,
        updated_by: personId,
        updated_at: at,
      };
      await db
        .insertInto('network_showcases')
        .values({ network_id: networkId, ...row })
        .onConflict((oc) => oc.column('network_id').doUpdateSet(row))
        .execute();
    },

    /** The person's organisations that belong to the network, with their consent (if any). */
    myOrganisations(db: Scoped, networkId: string, personId: string) {
      return db
        .selectFrom('person_organisations as po')
        .innerJoin('network_organisations as no', (join) =>
          join.onRef('no.organisation_id', '=', 'po.organisation_id').on('no.network_id', '=', networkId),
        )
        .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
        .leftJoin('showcase_consents as sc', (join) =>
          join.onRef('sc.organisation_id', '=', 'po.organisation_id').on('sc.network_id', '=', networkId),
        )
        .select([
          'o.id',
          'o.name',
          'po.is_leader',
          'sc.show_identity',
          'sc.show_competences',
          'sc.show_certifications',
          'sc.show_references',
          'sc.territory_level',
          'sc.contact_email',
          'sc.updated_at',
        ])
        .where('po.person_id', '=', personId)
        .orderBy('o.name')
        .execute();
    },

    /** Whether the person leads the organisation, and whether it belongs to the network. */
    async organisationStanding(db: Scoped, networkId: string, organisationId: string, personId: string) {
      const [link, member] = await Promise.all([
        db
          .selectFrom('person_organisations')
          .select('is_leader')
          .where('person_id', '=', personId)
          .where('organisation_id', '=', organisationId)
          .executeTakeFirst(),
        db
          .selectFrom('network_organisations')
          .select('organisation_id')
          .where('network_id', '=', networkId)
          .where('organisation_id', '=', organisationId)
          .executeTakeFirst(),
      ]);
      return {
        isLeader: link?.is_leader === true,
        isPerson: link !== undefined,
        inNetwork: member !== undefined,
      };
    },

    async saveConsent(
      db: Scoped,
      networkId: string,
      organisationId: string,
      values: ConsentValues,
      personId: string,
      at: Date,
    ) {
      const row = {
        show_identity: values.showIdentity,
        show_competences: values.showCompetences,
        show_certifications: values.showCertifications,
        show_references: values.showReferences,
        territory_level: values.territoryLevel,
        contact_email: values.contactEmail,
        updated_by: personId,
        updated_at: at,
      };
      await db
        .insertInto('showcase_consents')
        .values({ network_id: networkId, organisation_id: organisationId, ...row })
        .onConflict((oc) => oc.columns(['network_id', 'organisation_id']).doUpdateSet(row))
        .execute();
    },

    /** For staff: member organisations, and those showing at least one part. */
    async stats(db: Scoped, networkId: string) {
      const row = await db
        .selectFrom('network_organisations as no')
        .leftJoin('showcase_consents as sc', (join) =>
          join
            .onRef('sc.organisation_id', '=', 'no.organisation_id')
            .onRef('sc.network_id', '=', 'no.network_id'),
        )
        .select([
          sql<number>`count(*)::int`.as('member_count'),
          sql<number>`count(*) filter (where sc.show_identity or sc.show_competences or sc.show_certifications
                       or sc.show_references or sc.territory_level <> 'none')::int`.as('consenting_count'),
        ])
        .where('no.network_id', '=', networkId)
        .executeTakeFirstOrThrow();
      return { memberCount: row.member_count, consentingCount: row.consenting_count };
    },

    /** The published showcase of a network, or undefined (unknown and unpublished alike). */
    async publicShowcase(db: Db, slug: string) {
      const { rows } = await sql<{
        network_id: string;
        slug: string;
        name: string;
        kind: string;
        headline_fr: string;
        headline_en: string;
        description_fr: string;
        description_en: string;
        contact_email: string | null;
      }>`select * from meute_showcase_public(${slug})`.execute(db);
      return rows[0];
    },

    /** Groupings won together: tender title and buyer, year, how many companies (no names). */
    async publicGroupingsWon(db: Db, slug: string) {
      const { rows } = await sql<{
        title: string;
        buyer: string;
        year: number | null;
        company_count: number;
      }>`
        select * from meute_showcase_public_groupings_won(${slug})`.execute(db);
      return rows;
    },

    async publicOrganisations(db: Db, slug: string, words: string) {
      const { rows } = await sql<PublicOrganisationRow>`
        select * from meute_showcase_public_organisations(${slug}, ${words})`.execute(db);
      return rows;
    },
  };
}

export type ShowcaseRepository = ReturnType<typeof createShowcaseRepository>;
