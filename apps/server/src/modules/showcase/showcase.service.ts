import type {
  PublicShowcase,
  ShowcaseAdmin,
  ShowcaseConsent,
  showcaseQuery,
  updateShowcaseConsentRequest,
  updateShowcaseRequest,
} from '@meute/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { ReferenceLookups } from '../directory/reference-lookups.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { PublicOrganisationRow, ShowcaseRepository } from './showcase.repository.ts';

interface Deps {
  db: Kysely<DB>;
  showcase: ShowcaseRepository;
  networks: NetworksRepository;
  reference: ReferenceLookups;
  now?: () => Date;
}

const NO_CONSENT: ShowcaseConsent = {
  showIdentity: false,
  showCompetences: false,
  showCertifications: false,
  showReferences: false,
  territoryLevel: 'none',
  contactEmail: null,
  updatedAt: null,
};

/** Labels counted once per company, most held first, then alphabetically (French order). */
function countLabels(lists: string[][]): { label: string; companyCount: number }[] {
  const counts = new Map<string, { label: string; companyCount: number }>();
  for (const list of lists) {
    const seen = new Set<string>();
    for (const label of list) {
      const key = label.toLocaleLowerCase('fr');
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key);
      if (entry) entry.companyCount += 1;
      else counts.set(key, { label, companyCount: 1 });
    }
  }
  return [...counts.values()].sort(
    (a, b) => b.companyCount - a.companyCount || a.label.localeCompare(b.label, 'fr'),
  );
}

/**
 * The showcase (vitrine): staff publish their network's collective offer, each member company
 * chooses what of its profile appears, and anyone reads and searches it without an account.
 *
 * Confidentiality: the public path never reads a table; it calls the two security definer
 * functions of the migration, which return nothing of an unpublished network and only the
 * consented parts of consenting companies. A company that shows no identity still counts in the
 * totals (competences, certifications, départements) but has no card.
 */
export function createShowcaseService({ db, showcase, networks, reference, now = () => new Date() }: Deps) {
  async function adminView(person: AuthenticatedPerson, slug: string): Promise<ShowcaseAdmin> {
    return asPerson(db, person.personId, async (trx) => {
      const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
      const [row, mine, stats] = await Promise.all([
        showcase.findShowcase(trx, network.id),
        showcase.myOrganisations(trx, network.id, person.personId),
        canManage ? showcase.stats(trx, network.id) : Promise.resolve(null),
      ]);
      return {
        network: { slug: network.slug, name: network.name },
        canManage,
        settings: {
          isPublished: row?.is_published ?? false,
          headlineFr: row?.headline_fr ?? '',
          headlineEn: row?.headline_en ?? '',
          descriptionFr: row?.description_fr ?? '',
          descriptionEn: row?.description_en ?? '',
          contactEmail: row?.contact_email ?? null,
          publishedAt: row?.published_at?.toISOString() ?? null,
          updatedAt: row?.updated_at.toISOString() ?? null,
        },
        stats,
        myOrganisations: mine.map((o) => ({
          organisationId: o.id,
          name: o.name,
          canEdit: o.is_leader,
          consent:
            o.updated_at === null
              ? NO_CONSENT
              : {
                  showIdentity: o.show_identity ?? false,
                  showCompetences: o.show_competences ?? false,
                  showCertifications: o.show_certifications ?? false,
                  showReferences: o.show_references ?? false,
                  territoryLevel: o.territory_level ?? 'none',
                  contactEmail: o.contact_email,
                  updatedAt: o.updated_at.toISOString(),
                },
        })),
      };
    });
  }

  function toCompany(row: PublicOrganisationRow): PublicShowcase['companies'][number] {
    const commune = row.commune_code ? reference.commune(row.commune_code) : null;
    return {
      name: row.name ?? '',
      description: row.description ?? '',
      // Only web addresses: a profile's free text never becomes a script link on a public page.
      website: row.website && /^https?:\/\//i.test(row.website) ? row.website : '',
      competences: row.competences,
      certifications: row.certifications,
      references: row.refs.map((r) => ({
        title: r.title,
        client: r.client,
        year: r.year,
        description: r.description,
      })),
      commune: commune ? { code: commune.code, name: commune.name } : null,
      departement: row.departement_code
        ? { code: row.departement_code, name: reference.departementName(row.departement_code) ?? '' }
        : null,
      point: row.lon !== null && row.lat !== null ? { lon: row.lon, lat: row.lat } : null,
      contactEmail: row.contact_email,
    };
  }

  return {
    adminView,

    async updateShowcase(
      person: AuthenticatedPerson,
      slug: string,
      request: z.output<typeof updateShowcaseRequest>,
    ): Promise<ShowcaseAdmin> {
      await asPerson(db, person.personId, async (trx) => {
        const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
        if (!canManage) throw new AppError('FORBIDDEN');
        await showcase.saveShowcase(
          trx,
          network.id,
          { ...request, contactEmail: request.contactEmail ? request.contactEmail : null },
          person.personId,
          now(),
        );
      });
      return adminView(person, slug);
    },

    /** A company's choice of what appears, made by one of its leaders (never by the staff). */
    async updateConsent(
      person: AuthenticatedPerson,
      slug: string,
      organisationId: string,
      request: z.output<typeof updateShowcaseConsentRequest>,
    ): Promise<ShowcaseAdmin> {
      await asPerson(db, person.personId, async (trx) => {
        const { network } = await loadNetworkForActor(trx, networks, person, slug);
        const standing = await showcase.organisationStanding(
          trx,
          network.id,
          organisationId,
          person.personId,
        );
        if (!standing.isLeader) throw new AppError('FORBIDDEN');
        if (!standing.inNetwork) throw new AppError('NOT_A_MEMBER_ORGANISATION');
        await showcase.saveConsent(
          trx,
          network.id,
          organisationId,
          { ...request, contactEmail: request.contactEmail ? request.contactEmail : null },
          person.personId,
          now(),
        );
      });
      return adminView(person, slug);
    },

    /** The public page, for anyone: 404 alike for an unknown and an unpublished network. */
    publicView(slug: string, query: z.output<typeof showcaseQuery>): Promise<PublicShowcase> {
      // No person, whoever asks: a signed-in visitor sees exactly what an anonymous one sees.
      return asPerson(db, null, (trx) => readShowcase(trx, slug, query));
    },

    /** The page as it will appear, published or not, for the network's staff (their preview). */
    preview(person: AuthenticatedPerson, slug: string, query: z.output<typeof showcaseQuery>) {
      return asPerson(db, person.personId, async (trx) => {
        const { canManage } = await loadNetworkForActor(trx, networks, person, slug);
        if (!canManage) throw new AppError('FORBIDDEN');
        return readShowcase(trx, slug, query);
      });
    },
  };

  async function readShowcase(
    trx: Scoped,
    slug: string,
    query: z.output<typeof showcaseQuery>,
  ): Promise<PublicShowcase> {
    const found = await showcase.publicShowcase(trx, slug);
    if (!found) throw new AppError('SHOWCASE_NOT_FOUND');
    const [rows, won] = await Promise.all([
      showcase.publicOrganisations(trx, slug, query.q ?? ''),
      showcase.publicGroupingsWon(trx, slug),
    ]);
    const departements = countLabels(rows.map((r) => (r.departement_code ? [r.departement_code] : [])))
      .map(({ label, companyCount }) => ({
        code: label,
        name: reference.departementName(label) ?? label,
        companyCount,
      }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const competence = query.competence?.toLocaleLowerCase('fr');
    const departement = query.departement || undefined;
    const companies = rows
      .filter((r) => r.name !== null && r.matches)
      .filter((r) => !competence || r.competences.some((c) => c.toLocaleLowerCase('fr') === competence))
      .filter((r) => !departement || r.departement_code === departement)
      .map(toCompany);
    return {
      network: { slug: found.slug, name: found.name, kind: found.kind },
      headline: { fr: found.headline_fr, en: found.headline_en },
      description: { fr: found.description_fr, en: found.description_en },
      contactEmail: found.contact_email,
      companyCount: rows.length,
      competences: countLabels(rows.map((r) => r.competences)),
      certifications: countLabels(rows.map((r) => r.certifications)).map(({ label, companyCount }) => ({
        name: label,
        companyCount,
      })),
      departements,
      groupingsWon: won.map((g) => ({
        title: g.title,
        buyer: g.buyer,
        year: g.year,
        companyCount: g.company_count,
      })),
      companies,
    };
  }
}

export type ShowcaseService = ReturnType<typeof createShowcaseService>;
