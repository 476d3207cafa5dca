import type {
  DirectorySearchQuery,
  DirectorySearchResult,
  FacetValue,
  MatchReason,
  OrganisationProfile,
  OrganisationSummary,
  UpdateOrganisationRequest,
} from '@meute/contracts';
import { type CompanyCategory, categoryForHeadcountBand, sirenOfSiret, siretError } from '@meute/domain';
import type { Kysely } from 'kysely';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { DirectoryRepository, SearchRow } from './directory.repository.ts';
import type { FacetCount, IndexFacets, IndexMatch, Viewer } from './directory-index.ts';
import { LruCache } from './facet-cache.ts';
import { createLiveDirectoryIndex } from './live-index.ts';
import type { ReferenceLookups } from './reference-lookups.ts';

const MAP_POINT_LIMIT = 5000;
export const EXPORT_ROW_LIMIT = 100_000;
const FACET_LIMIT = 30;
const CACHE_ENTRIES = 2000;
const CACHE_MAX_AGE_MS = 10 * 60 * 1000;

interface Deps {
  db: Kysely<DB>;
  directory: DirectoryRepository;
  networks: NetworksRepository;
  reference: ReferenceLookups;
}

type SearchFilters = Omit<DirectorySearchQuery, 'page' | 'pageSize'>;

/** What a directory search filters on, resolved by the service (codes, ids, points). */
export interface DirectoryFilters {
  /** One network, or null for every network the person belongs to. */
  networkId: string | null;
  words?: string | undefined;
  nafDivisions?: string[] | undefined;
  category?: string | undefined;
  departement?: string | undefined;
  region?: string | undefined;
  epci?: string | undefined;
  competenceId?: string | undefined;
  certification?: string | undefined;
  near?: { lon: number; lat: number; km: number } | undefined;
}

/** Today as YYYY-MM-DD: certifications that expired before it do not count. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The directory: search across the networks a person belongs to, organisation profiles, statistics. */
export function createDirectoryService({ db, directory, networks, reference }: Deps) {
  const facetCache = new LruCache<ReturnType<typeof facetsFrom>>(CACHE_ENTRIES, CACHE_MAX_AGE_MS);
  const searchCache = new LruCache<DirectorySearchResult>(CACHE_ENTRIES, CACHE_MAX_AGE_MS);
  const liveIndex = createLiveDirectoryIndex(db, directory);

  /**
   * A question as the index needs it: the filters, who asks and at which directory version —
   * what the visibility rule needs, and what a cached answer depends on (the version, every
   * network the person sees — not only the searched ones: which competences a person may see
   * depends on it — and the question). One round trip, no transaction: the index and the text
   * matches are consulted holding no connection (the index may need one to catch up).
   */
  async function questionOf(
    person: AuthenticatedPerson,
    query: SearchFilters,
    options = { forExport: false },
  ) {
    const row = await directory.viewer(db, person.personId, query.network ?? null);
    // The person sees the network asked for, or it does not exist for them.
    if (query.network && !row.network_id) throw new AppError('NETWORK_NOT_FOUND');
    const filters = resolveFilters(row.network_id, query);
    // Territorial partners consult the directory; they do not take a copy of it.
    if (options.forExport && !person.isInstanceAdmin) {
      const onlyPartner = await asPerson(db, person.personId, (trx) =>
        isOnlyPartner(trx, person, filters.networkId),
      );
      if (onlyPartner) throw new AppError('FORBIDDEN');
    }
    const viewer: Viewer = {
      directNetworkIds: new Set(row.direct),
      staffedFederationIds: new Set(row.federations),
      isInstanceAdmin: row.is_admin,
      visibleNetworkIds: new Set(row.visible),
    };
    return { filters, version: row.version, viewer, cacheScope: [row.version, row.visible] };
  }

  /** The matches at once when the index is current and the words' matches known, else null. */
  function matchesNow(version: string, viewer: Viewer, filters: DirectoryFilters): IndexMatch[] | null {
    const index = liveIndex.ready(version);
    if (!index) return null;
    const textMatches = filters.words ? liveIndex.cachedText(version, filters.words) : null;
    if (textMatches === undefined) return null;
    return index.matches(viewer, { ...filters, textMatches, today: today() });
  }

  /** The organisations of the person's directory that answer the question, in page order. */
  async function findMatches(
    version: string,
    viewer: Viewer,
    filters: DirectoryFilters,
  ): Promise<IndexMatch[]> {
    const index = await liveIndex.current(version);
    const textMatches = filters.words ? await liveIndex.textMatches(version, filters.words) : null;
    return index.matches(viewer, { ...filters, textMatches, today: today() });
  }

  /** Facet counts, computed once per directory version and per question (other pages share them). */
  async function cachedFacets(
    version: string,
    viewer: Viewer,
    cacheScope: unknown,
    filters: DirectoryFilters,
    matches: () => Promise<IndexMatch[]>,
  ) {
    const key = JSON.stringify([cacheScope, filters]);
    const cached = facetCache.get(key);
    if (cached) return cached;
    const index = await liveIndex.current(version);
    const computed = facetsFrom(index.facets(viewer, await matches(), today()));
    facetCache.set(key, computed);
    return computed;
  }

  function resolveFilters(scope: string | null, query: SearchFilters): DirectoryFilters {
    let near: DirectoryFilters['near'];
    if (query.near) {
      const commune = reference.commune(query.near);
      if (!commune)
        throw new AppError('VALIDATION', { field: 'querystring.near', params: { detail: query.near } });
      if (commune.point) near = { ...commune.point, km: query.km ?? 30 };
    }
    const words = query.q?.trim();
    return {
      networkId: scope,
      words: words ? words : undefined,
      nafDivisions: query.nafDivision
        ? [query.nafDivision]
        : query.nafSection
          ? reference.nafDivisionsOfSection(query.nafSection)
          : undefined,
      category: query.category,
      departement: query.departement,
      region: query.region,
      epci: query.epci,
      competenceId: query.competence,
      certification: query.certification,
      near,
    };
  }

  function toSummary(row: SearchRow): OrganisationSummary {
    const commune = row.commune_code ? reference.commune(row.commune_code) : null;
    const matched: MatchReason[] = [];
    if (row.matched_name) matched.push({ kind: 'name', detail: row.name });
    for (const label of row.matched_competences) matched.push({ kind: 'competence', detail: label });
    if (row.matched_description) matched.push({ kind: 'description', detail: '' });
    for (const name of row.matched_certifications) matched.push({ kind: 'certification', detail: name });
    for (const title of row.matched_references) matched.push({ kind: 'reference', detail: title });
    if (row.distance_km !== null) matched.push({ kind: 'distance', detail: row.distance_km.toFixed(0) });
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      siret: row.siret,
      nafCode: row.naf_code,
      nafLabel: row.naf_code ? reference.nafLabel(row.naf_code) : null,
      category: row.category,
      headcountBand: row.headcount_band,
      commune: commune ? { code: commune.code, name: commune.name } : null,
      departement: row.departement_code
        ? {
            code: row.departement_code,
            name: reference.departementName(row.departement_code) ?? row.departement_code,
          }
        : null,
      point: row.lon !== null && row.lat !== null ? { lon: row.lon, lat: row.lat } : null,
      competences: row.competences,
      certifications: row.certifications,
      distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
      matched,
    };
  }

  function facetsFrom(counts: IndexFacets) {
    const pick = (values: FacetCount[], label: (value: string, rowLabel: string | null) => string) =>
      values
        .map((row) => ({ value: row.value, label: label(row.value, row.label), count: row.count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'))
        .slice(0, FACET_LIMIT);
    const sections = new Map<string, FacetValue>();
    for (const row of counts.divisions) {
      const section = reference.nafSectionOfDivision(row.value);
      if (!section) continue;
      const entry = sections.get(section.code) ?? { value: section.code, label: section.label, count: 0 };
      entry.count += row.count;
      sections.set(section.code, entry);
    }
    return {
      total: counts.total,
      facets: {
        nafSections: [...sections.values()].sort((a, b) => b.count - a.count),
        categories: pick(counts.categories, (value) => value),
        departements: pick(counts.departements, (value) =>
          `${value} ${reference.departementName(value) ?? ''}`.trim(),
        ),
        competences: pick(counts.competences, (value, label) => label ?? value),
        certifications: pick(counts.certifications, (value) => value),
      },
    };
  }

  return {
    /** Loads the search index ahead of the first search. */
    async warmUp() {
      const { version } = await db
        .selectFrom('directory_version')
        .select('version')
        .executeTakeFirstOrThrow();
      await liveIndex.current(String(version));
    },

    async search(person: AuthenticatedPerson, query: DirectorySearchQuery): Promise<DirectorySearchResult> {
      type Question = Awaited<ReturnType<typeof questionOf>>;
      const key = (q: Question) => JSON.stringify([q.cacheScope, q.filters, query.page, query.pageSize]);
      /** The page's rows, read under row-level security, and the answer, kept for the next time. */
      async function answer(trx: Scoped, q: Question, matches: IndexMatch[]): Promise<DirectorySearchResult> {
        const offset = (query.page - 1) * query.pageSize;
        const page = matches.slice(offset, offset + query.pageSize);
        const rows = await directory.pageRows(
          trx,
          page.map((m) => m.organisation.id),
          q.filters.words ?? '',
        );
        const rowById = new Map(rows.map((row) => [row.id, row]));
        const { total, facets } = await cachedFacets(
          q.version,
          q.viewer,
          q.cacheScope,
          q.filters,
          async () => matches,
        );
        const nearCommune = query.near ? reference.commune(query.near) : null;
        const result = {
          total,
          page: query.page,
          pageSize: query.pageSize,
          near: nearCommune
            ? { code: nearCommune.code, name: nearCommune.name, point: nearCommune.point }
            : null,
          results: page.flatMap((match) => {
            const row = rowById.get(match.organisation.id);
            return row ? [toSummary({ ...row, distance_km: match.distanceKm })] : [];
          }),
          facets,
        };
        searchCache.set(key(q), result);
        return result;
      }

      const q = await questionOf(person, query);
      const cached = searchCache.get(key(q));
      if (cached) return cached;
      const matches =
        matchesNow(q.version, q.viewer, q.filters) ?? (await findMatches(q.version, q.viewer, q.filters));
      return asPerson(db, person.personId, (trx) => answer(trx, q, matches));
    },

    async mapPoints(person: AuthenticatedPerson, query: SearchFilters) {
      const { filters, version, viewer } = await questionOf(person, query);
      const placed = (await findMatches(version, viewer, filters)).filter(
        (m) => m.organisation.lon !== null && m.organisation.lat !== null,
      );
      const shown = placed.slice(0, MAP_POINT_LIMIT);
      const points = await asPerson(db, person.personId, (trx) =>
        directory.mapPoints(
          trx,
          shown.map((m) => m.organisation.id),
        ),
      );
      const order = new Map(shown.map((m, i) => [m.organisation.id, i]));
      points.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      return { points, truncated: placed.length > MAP_POINT_LIMIT };
    },

    /** The rows of an export, with readable labels; the route turns them into CSV or XLSX. */
    async exportRows(person: AuthenticatedPerson, query: SearchFilters) {
      const { filters, version, viewer } = await questionOf(person, query, { forExport: true });
      const ids = (await findMatches(version, viewer, filters))
        .slice(0, EXPORT_ROW_LIMIT)
        .map((m) => m.organisation.id);
      return asPerson(db, person.personId, async (trx) => {
        const rows = [];
        for (let start = 0; start < ids.length; start += 5000) {
          rows.push(...(await directory.exportRows(trx, ids.slice(start, start + 5000))));
        }
        const order = new Map(ids.map((id, i) => [id, i]));
        rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
        return rows.map((row) => {
          const commune = row.commune_code ? reference.commune(row.commune_code) : null;
          return {
            name: row.name,
            siret: row.siret ?? '',
            nafCode: row.naf_code ?? '',
            nafLabel: row.naf_code ? (reference.nafLabel(row.naf_code) ?? '') : '',
            category: row.category ?? '',
            headcountBand: row.headcount_band ?? '',
            commune: commune?.name ?? '',
            departement: commune?.departement.name ?? '',
            website: row.website,
            competences: row.competences.join(', '),
            certifications: row.certifications.join(', '),
          };
        });
      });
    },

    async getOrganisation(person: AuthenticatedPerson, id: string): Promise<OrganisationProfile> {
      return asPerson(db, person.personId, async (trx) => {
        const org = await directory.findOrganisation(trx, id);
        if (!org) throw new AppError('NOT_FOUND');
        const details = await directory.profileDetails(trx, id);
        const canEdit = await canEditOrganisation(trx, person, id);
        // What a person shows of themself: to everyone in their networks, to the staff only, or to nobody.
        const managed = new Set<string>();
        for (const network of details.networks) {
          if ((await loadNetworkForActor(trx, networks, person, network.slug)).canManage)
            managed.add(network.id);
        }
        const isStaffHere = managed.size > 0;
        const shows = (visibility: string, personId: string) =>
          personId === person.personId || visibility === 'members' || (visibility === 'staff' && isStaffHere);
        const commune = org.commune_code ? reference.commune(org.commune_code) : null;
        const summary = toSummary({
          id: org.id,
          name: org.name,
          kind: org.kind,
          siret: org.siret,
          naf_code: org.naf_code,
          category: org.category,
          headcount_band: org.headcount_band,
          commune_code: org.commune_code,
          departement_code: org.departement_code,
          lon: org.lon,
          lat: org.lat,
          competences: [...details.competences.map((c) => c.label), ...org.free_competences],
          certifications: details.certifications.map((c) => c.name),
          distance_km: null,
          matched_name: false,
          matched_competences: [],
          matched_description: false,
          matched_certifications: [],
          matched_references: [],
        });
        return {
          ...summary,
          description: org.description,
          website: org.website,
          epci: commune?.epci ?? null,
          region: commune?.region ?? null,
          nafPath: org.naf_code ? reference.nafPath(org.naf_code) : [],
          competenceItems: details.competences,
          freeCompetences: org.free_competences,
          certificationItems: details.certifications.map((c) => ({ name: c.name, expiresOn: c.expires_on })),
          capacities: details.capacities.map((c) => ({
            label: c.label,
            quantity: c.quantity,
            freePercent: c.free_percent,
          })),
          references: details.references,
          people: details.people.map((p) => ({
            personId: p.id,
            displayName: p.display_name,
            jobTitle: p.job_title,
            email: shows(p.email_visibility, p.id) ? p.email : null,
            phone: shows(p.phone_visibility, p.id) && p.phone ? p.phone : null,
            isLeader: p.is_leader,
          })),
          networks: details.networks.map((n) => ({ slug: n.slug, name: n.name })),
          canEdit,
        };
      });
    },

    async updateOrganisation(person: AuthenticatedPerson, id: string, changes: UpdateOrganisationRequest) {
      const allowed = await asPerson(db, person.personId, async (trx) => {
        if (!(await directory.findOrganisation(trx, id))) throw new AppError('NOT_FOUND');
        return canEditOrganisation(trx, person, id);
      });
      if (!allowed) throw new AppError('FORBIDDEN');
      if (changes.siret) {
        const problem = siretError(changes.siret);
        if (problem) {
          const detail = problem === 'FORMAT' ? 'detail.SIRET_FORMAT' : 'detail.SIRET_CHECKSUM';
          throw new AppError('VALIDATION', { field: 'body.siret', params: { detail } });
        }
      }
      if (changes.nafCode && !reference.nafLabel(changes.nafCode)) {
        throw new AppError('VALIDATION', { field: 'body.nafCode', params: { detail: changes.nafCode } });
      }
      const commune = changes.communeCode ? reference.commune(changes.communeCode) : null;
      if (changes.communeCode && !commune) {
        throw new AppError('VALIDATION', {
          field: 'body.communeCode',
          params: { detail: changes.communeCode },
        });
      }
      await db.transaction().execute(async (trx) => {
        if (changes.siret) {
          const other = await directory.findOrganisationBySiret(trx, changes.siret);
          if (other && other.id !== id)
            throw new AppError('VALIDATION', { field: 'body.siret', params: { detail: 'SIRET' } });
        }
        const set: Record<string, unknown> = { updated_at: new Date() };
        if (changes.name !== undefined) set.name = changes.name;
        if (changes.siret !== undefined) {
          set.siret = changes.siret;
          set.siren = changes.siret ? sirenOfSiret(changes.siret) : null;
        }
        if (changes.nafCode !== undefined) set.naf_code = changes.nafCode;
        if (changes.headcountBand !== undefined) {
          set.headcount_band = changes.headcountBand;
          set.category = categoryForHeadcountBand(changes.headcountBand) satisfies CompanyCategory | null;
        }
        if (changes.communeCode !== undefined) Object.assign(set, placeColumns(commune));
        if (changes.description !== undefined) set.description = changes.description;
        if (changes.website !== undefined) set.website = changes.website;
        if (changes.freeCompetences !== undefined) set.free_competences = changes.freeCompetences;
        await trx.updateTable('organisations').set(set).where('id', '=', id).execute();

        if (changes.competenceIds !== undefined) {
          const usable = await trx
            .selectFrom('competences')
            .select('id')
            .where(
              'id',
              'in',
              changes.competenceIds.length ? changes.competenceIds : ['00000000-0000-0000-0000-000000000000'],
            )
            .execute();
          if (usable.length !== new Set(changes.competenceIds).size) {
            throw new AppError('VALIDATION', { field: 'body.competenceIds', params: { detail: '?' } });
          }
          await trx.deleteFrom('organisation_competences').where('organisation_id', '=', id).execute();
          if (usable.length) {
            await trx
              .insertInto('organisation_competences')
              .values(usable.map((c) => ({ organisation_id: id, competence_id: c.id })))
              .execute();
          }
        }
        if (changes.certifications !== undefined) {
          await trx.deleteFrom('organisation_certifications').where('organisation_id', '=', id).execute();
          if (changes.certifications.length) {
            await trx
              .insertInto('organisation_certifications')
              .values(
                changes.certifications.map((c) => ({
                  organisation_id: id,
                  name: c.name,
                  expires_on: c.expiresOn,
                })),
              )
              .execute();
          }
        }
        if (changes.capacities !== undefined) {
          await trx.deleteFrom('organisation_capacities').where('organisation_id', '=', id).execute();
          if (changes.capacities.length) {
            await trx
              .insertInto('organisation_capacities')
              .values(
                changes.capacities.map((c) => ({
                  organisation_id: id,
                  label: c.label,
                  quantity: c.quantity,
                  free_percent: c.freePercent,
                })),
              )
              .execute();
          }
        }
        if (changes.references !== undefined) {
          await trx.deleteFrom('organisation_references').where('organisation_id', '=', id).execute();
          if (changes.references.length) {
            await trx
              .insertInto('organisation_references')
              .values(changes.references.map((r) => ({ organisation_id: id, ...r })))
              .execute();
          }
        }
        await directory.refreshSearch(trx, id);
      });
    },

    async stats(person: AuthenticatedPerson, slug: string) {
      return asPerson(db, person.personId, async (trx) => {
        const { network } = await loadNetworkForActor(trx, networks, person, slug);
        const rows = await directory.stats(trx, network.id);
        const sections = new Map<string, FacetValue>();
        for (const row of rows.filter((r) => r.facet === 'division')) {
          const section = reference.nafSectionOfDivision(row.value);
          if (!section) continue;
          const entry = sections.get(section.code) ?? { value: section.code, label: section.label, count: 0 };
          entry.count += row.count;
          sections.set(section.code, entry);
        }
        const pick = (facet: string, label: (value: string) => string) =>
          rows
            .filter((r) => r.facet === facet)
            .map((r) => ({ value: r.value, label: label(r.value), count: r.count }))
            .sort((a, b) => b.count - a.count);
        return {
          memberCount: rows.find((r) => r.facet === 'total')?.count ?? 0,
          bySection: [...sections.values()].sort((a, b) => b.count - a.count),
          byCategory: pick('category', (v) => v),
          byDepartement: pick('departement', (v) => `${v} ${reference.departementName(v) ?? ''}`.trim()),
        };
      });
    },
  };

  /** Whether every role the person holds in the searched network (or in all) is partner delegate. */
  async function isOnlyPartner(trx: Scoped, person: AuthenticatedPerson, networkId: string | null) {
    const roles = await trx
      .selectFrom('memberships')
      .select('role')
      .where('person_id', '=', person.personId)
      .$if(networkId !== null, (qb) => qb.where('network_id', '=', networkId!))
      .execute();
    return roles.length > 0 && roles.every((r) => r.role === 'partner_delegate');
  }

  /** Leaders of the organisation, staff of a network it belongs to, and administrators may edit it. */
  async function canEditOrganisation(trx: Scoped, person: AuthenticatedPerson, organisationId: string) {
    if (person.isInstanceAdmin) return true;
    if (await directory.isLeaderOf(trx, person.personId, organisationId)) return true;
    const networkIds = await directory.networkIdsOfOrganisation(trx, organisationId);
    for (const networkId of networkIds) {
      const network = await networks.findById(trx, networkId);
      if (network && (await loadNetworkForActor(trx, networks, person, network.slug)).canManage) return true;
    }
    return false;
  }
}

/** The place columns of an organisation, from its commune (or all null). */
export function placeColumns(commune: ReturnType<ReferenceLookups['commune']>) {
  return {
    commune_code: commune?.code ?? null,
    epci_code: commune?.epci?.code ?? null,
    departement_code: commune?.departement.code ?? null,
    region_code: commune?.region.code ?? null,
    lon: commune?.point?.lon ?? null,
    lat: commune?.point?.lat ?? null,
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
