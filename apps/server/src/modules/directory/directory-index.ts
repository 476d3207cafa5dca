import { type BoundingBox, boundingBoxAround, distanceKm, type LonLat } from '@meute/domain';

/**
 * The directory's search index, held in memory by each app instance: the few columns that
 * filters, facets and ordering need, for every active organisation. A new question then costs a
 * walk over arrays instead of thousands of primary-key lookups under row-level security.
 *
 * Confidentiality: `matches` applies the rule of the organisations' row-level security policy
 * (the networks a person belongs to, the federations they staff, administrators) to every
 * organisation; the rows a page shows are then read from PostgreSQL under that policy, so the
 * index decides counts and order but never reveals a field by itself. The permission tests of
 * the directory prove both agree.
 */

export interface IndexedCertification {
  name: string;
  expiresOn: string | null;
}

export interface IndexedOrganisation {
  id: string;
  name: string;
  isActive: boolean;
  networkIds: readonly string[];
  federationIds: readonly string[];
  nafDivision: string | null;
  category: string | null;
  departement: string | null;
  region: string | null;
  epci: string | null;
  lon: number | null;
  lat: number | null;
  competenceIds: readonly string[];
  certifications: readonly IndexedCertification[];
}

export interface IndexedCompetence {
  id: string;
  label: string;
  networkId: string | null;
}

/** What a person may see, as the database's policy functions compute it for them. */
export interface Viewer {
  directNetworkIds: ReadonlySet<string>;
  staffedFederationIds: ReadonlySet<string>;
  isInstanceAdmin: boolean;
  /** Every network the person sees (for the competences a network curates). */
  visibleNetworkIds: ReadonlySet<string>;
}

export interface IndexQuery {
  /** One network, or null for every network of the person. */
  networkId: string | null;
  /** Organisations whose text matches the words, with their rank; null when no words. */
  textMatches: TextMatches | null;
  nafDivisions?: readonly string[] | undefined;
  category?: string | undefined;
  departement?: string | undefined;
  region?: string | undefined;
  epci?: string | undefined;
  competenceId?: string | undefined;
  certification?: string | undefined;
  near?: { lon: number; lat: number; km: number } | undefined;
  /** Certifications that expired before this day (YYYY-MM-DD) do not count. */
  today: string;
}

/** Organisations matching some words, as index ordinals with their rank (see `resolveText`). */
export interface TextMatches {
  ordinals: Int32Array;
  ranks: Float64Array;
}

export interface IndexMatch {
  organisation: IndexedOrganisation;
  distanceKm: number | null;
  rank: number;
  /** The organisation's place in the index (for ordering by name without comparing strings). */
  ordinal: number;
}

export interface FacetCount {
  value: string;
  label: string | null;
  count: number;
}

export interface IndexFacets {
  total: number;
  divisions: FacetCount[];
  categories: FacetCount[];
  departements: FacetCount[];
  competences: FacetCount[];
  certifications: FacetCount[];
}

/**
 * How a name sorts: without case or accents (« Électricité » with the E's). Plain string order on
 * these keys sorts 80,000 names in a few tens of milliseconds, where a locale collator takes half
 * a second, and the index sorts again after every change.
 */
function nameSortKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function intersects(values: readonly string[], set: ReadonlySet<string>): boolean {
  for (const value of values) if (set.has(value)) return true;
  return false;
}

/** The scope of a directory search: the person's networks (or one of them), under the policy. */
export function inDirectoryOf(viewer: Viewer, org: IndexedOrganisation, networkId: string | null): boolean {
  if (!org.isActive) return false;
  const visible =
    viewer.isInstanceAdmin ||
    intersects(org.networkIds, viewer.directNetworkIds) ||
    intersects(org.federationIds, viewer.staffedFederationIds);
  if (!visible) return false;
  return networkId === null || org.networkIds.includes(networkId);
}

function isCurrent(certification: IndexedCertification, today: string): boolean {
  return certification.expiresOn === null || certification.expiresOn >= today;
}

/** Whether an organisation passes every filter of a question (not the text: the caller's map does). */
function passesFilters(org: IndexedOrganisation, q: IndexQuery, divisions: ReadonlySet<string> | null) {
  if (divisions && (org.nafDivision === null || !divisions.has(org.nafDivision))) return false;
  if (q.category && org.category !== q.category) return false;
  if (q.departement && org.departement !== q.departement) return false;
  if (q.region && org.region !== q.region) return false;
  if (q.epci && org.epci !== q.epci) return false;
  if (q.competenceId && !org.competenceIds.includes(q.competenceId)) return false;
  if (q.certification) {
    const wanted = q.certification.toLowerCase();
    if (!org.certifications.some((c) => c.name.toLowerCase() === wanted && isCurrent(c, q.today)))
      return false;
  }
  return true;
}

/** A bounding box first (cheap, allocates nothing), then the great-circle distance; null when too far. */
function distanceWithin(
  org: IndexedOrganisation,
  centre: LonLat,
  km: number,
  box: BoundingBox,
): number | null {
  const { lon, lat } = org;
  if (lat === null || lon === null) return null;
  if (lon < box.minLon || lon > box.maxLon || lat < box.minLat || lat > box.maxLat) return null;
  const d = distanceKm(centre, { lon, lat });
  return d <= km ? d : null;
}

/**
 * Small integer codes for the values of one facet, so that counting 80,000 organisations is
 * incrementing an array, not hashing strings.
 */
class Dictionary {
  readonly #codes = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string | null): number {
    if (value === null) return -1;
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.#codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }
}

/** An organisation's facet values as codes (-1: none). */
interface FacetCodes {
  division: number;
  category: number;
  departement: number;
  competences: number[];
  /** The lower-cased certification names, each once, with the latest expiry among duplicates. */
  certifications: { code: number; expiresOn: string | null }[];
}

function counted(counts: Int32Array, values: readonly string[]): { value: string; count: number }[] {
  const out: { value: string; count: number }[] = [];
  for (let code = 0; code < counts.length; code++) {
    if (counts[code]! > 0) out.push({ value: values[code]!, count: counts[code]! });
  }
  return out;
}

/** Same string instance for the same id: 80,000 organisations repeat a few hundred network ids. */
function interner() {
  const strings = new Map<string, string>();
  return (value: string) => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
}

const VIEWER_MASKS_KEPT = 64;

export function createDirectoryIndex() {
  /** Organisations by ordinal (their position), which never changes once given. */
  const slots: IndexedOrganisation[] = [];
  /** Per ordinal: the name as it sorts (case and accents aside). */
  const sortKeys: string[] = [];
  const ordinalOf = new Map<string, number>();
  const intern = interner();
  let competences = new Map<string, IndexedCompetence>();
  const dictionaries = {
    division: new Dictionary(),
    category: new Dictionary(),
    departement: new Dictionary(),
    competence: new Dictionary(),
    certification: new Dictionary(),
  };
  /** Per ordinal: the facet values as codes. */
  const codes: FacetCodes[] = [];
  /** How a certification is written when shown: the first of its spellings in sort order. */
  const certificationSpelling = new Map<number, string>();

  function codesOf(org: IndexedOrganisation): FacetCodes {
    const certifications = new Map<number, string | null>();
    for (const certification of org.certifications) {
      const code = dictionaries.certification.code(certification.name.toLowerCase());
      const spelled = certificationSpelling.get(code);
      if (spelled === undefined || certification.name < spelled)
        certificationSpelling.set(code, certification.name);
      const known = certifications.get(code);
      // Listed twice: the later expiry (or none) is the one that counts.
      if (known === undefined || (known !== null && (certification.expiresOn ?? '9999') > known)) {
        certifications.set(code, certification.expiresOn);
      }
    }
    return {
      division: dictionaries.division.code(org.nafDivision),
      category: dictionaries.category.code(org.category),
      departement: dictionaries.departement.code(org.departement),
      competences: org.competenceIds.map((id) => dictionaries.competence.code(id)),
      certifications: [...certifications].map(([code, expiresOn]) => ({ code, expiresOn })),
    };
  }
  /** Bumped by every change: what the derived structures below were computed for. */
  let generation = 0;
  let derived: {
    generation: number;
    /** Ordinals in name order, and each ordinal's place in that order. */
    byName: Int32Array;
    nameRank: Int32Array;
    /** Ordinals of each network's members, and of each federation's networks' members. */
    networkMembers: Map<string, number[]>;
    federationMembers: Map<string, number[]>;
  } | null = null;
  /** A person's directory as one byte per ordinal, for the last people who searched. */
  const viewerMasks = new Map<string, Uint8Array>();

  function derive() {
    if (derived?.generation === generation) return derived;
    const byName = Int32Array.from(slots.keys()).sort((a, b) => {
      const ka = sortKeys[a]!;
      const kb = sortKeys[b]!;
      if (ka !== kb) return ka < kb ? -1 : 1;
      return slots[a]!.id < slots[b]!.id ? -1 : 1;
    });
    const nameRank = new Int32Array(slots.length);
    byName.forEach((ordinal, rank) => {
      nameRank[ordinal] = rank;
    });
    const networkMembers = new Map<string, number[]>();
    const federationMembers = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, ordinal: number) => {
      const list = map.get(key);
      if (list) list.push(ordinal);
      else map.set(key, [ordinal]);
    };
    // In name order, so that one network's members need no sorting.
    for (const ordinal of byName) {
      const org = slots[ordinal]!;
      if (!org.isActive) continue;
      for (const id of org.networkIds) add(networkMembers, id, ordinal);
      for (const id of org.federationIds) add(federationMembers, id, ordinal);
    }
    viewerMasks.clear();
    derived = { generation, byName, nameRank, networkMembers, federationMembers };
    return derived;
  }

  /** The rule of inDirectoryOf for every organisation at once, from the member lists. */
  function viewerMask(viewer: Viewer): Uint8Array {
    const d = derive();
    const key = JSON.stringify([
      viewer.isInstanceAdmin,
      [...viewer.directNetworkIds].sort(),
      [...viewer.staffedFederationIds].sort(),
    ]);
    const kept = viewerMasks.get(key);
    if (kept) return kept;
    const mask = new Uint8Array(slots.length);
    if (viewer.isInstanceAdmin) {
      slots.forEach((org, ordinal) => {
        if (org.isActive) mask[ordinal] = 1;
      });
    } else {
      for (const id of viewer.directNetworkIds) for (const o of d.networkMembers.get(id) ?? []) mask[o] = 1;
      for (const id of viewer.staffedFederationIds)
        for (const o of d.federationMembers.get(id) ?? []) mask[o] = 1;
    }
    if (viewerMasks.size >= VIEWER_MASKS_KEPT) viewerMasks.delete(viewerMasks.keys().next().value!);
    viewerMasks.set(key, mask);
    return mask;
  }

  return {
    get size() {
      return slots.length;
    },

    /** Adds or replaces organisations (one that became inactive keeps its slot, filtered out). */
    upsert(rows: Iterable<IndexedOrganisation>) {
      for (const row of rows) {
        const org: IndexedOrganisation = {
          ...row,
          networkIds: row.networkIds.map(intern),
          federationIds: row.federationIds.map(intern),
          competenceIds: row.competenceIds.map(intern),
          nafDivision: row.nafDivision === null ? null : intern(row.nafDivision),
          departement: row.departement === null ? null : intern(row.departement),
          region: row.region === null ? null : intern(row.region),
          epci: row.epci === null ? null : intern(row.epci),
        };
        const ordinal = ordinalOf.get(org.id);
        if (ordinal === undefined) {
          ordinalOf.set(org.id, slots.length);
          slots.push(org);
          codes.push(codesOf(org));
          sortKeys.push(nameSortKey(org.name));
        } else {
          slots[ordinal] = org;
          codes[ordinal] = codesOf(org);
          sortKeys[ordinal] = nameSortKey(org.name);
        }
      }
      generation++;
    },

    /** Text matches by organisation id, as ordinals (ids the index does not hold are left out). */
    resolveText(matches: ReadonlyMap<string, number>): TextMatches {
      const ordinals: number[] = [];
      const ranks: number[] = [];
      for (const [id, rank] of matches) {
        const ordinal = ordinalOf.get(id);
        if (ordinal === undefined) continue;
        ordinals.push(ordinal);
        ranks.push(rank);
      }
      return { ordinals: Int32Array.from(ordinals), ranks: Float64Array.from(ranks) };
    },

    /** Computes the name order and member lists now rather than at the next question. */
    prepare() {
      derive();
    },

    setCompetences(rows: Iterable<IndexedCompetence>) {
      competences = new Map([...rows].map((c) => [c.id, c]));
    },

    /**
     * The organisations of a person's directory that answer a question, in the order a page
     * shows them: nearest first with a distance, best text match first with words, else by name.
     */
    matches(viewer: Viewer, q: IndexQuery): IndexMatch[] {
      const d = derive();
      const mask = viewerMask(viewer);
      const divisions = q.nafDivisions ? new Set(q.nafDivisions) : null;
      const box = q.near ? boundingBoxAround(q.near, q.near.km) : null;
      const found: IndexMatch[] = [];
      const consider = (ordinal: number, rank: number) => {
        if (mask[ordinal] !== 1) return;
        const org = slots[ordinal]!;
        if (q.networkId !== null && !org.networkIds.includes(q.networkId)) return;
        if (!passesFilters(org, q, divisions)) return;
        let distanceKm: number | null = null;
        if (q.near && box) {
          distanceKm = distanceWithin(org, q.near, q.near.km, box);
          if (distanceKm === null) return;
        }
        found.push({ organisation: org, distanceKm, rank, ordinal });
      };
      if (q.textMatches) {
        const { ordinals, ranks } = q.textMatches;
        for (let i = 0; i < ordinals.length; i++) consider(ordinals[i]!, ranks[i]!);
      } else {
        const candidates = q.networkId === null ? d.byName : (d.networkMembers.get(q.networkId) ?? []);
        for (let i = 0; i < candidates.length; i++) consider(candidates[i]!, 0);
      }
      const byName = (a: IndexMatch, b: IndexMatch) => d.nameRank[a.ordinal]! - d.nameRank[b.ordinal]!;
      if (q.near) {
        found.sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || byName(a, b));
      } else if (q.textMatches) {
        found.sort((a, b) => b.rank - a.rank || byName(a, b));
      }
      return found;
    },

    /** Counts of the matches by NAF division, category, département, competence and certification. */
    facets(viewer: Viewer, found: readonly IndexMatch[], today: string): IndexFacets {
      const divisions = new Int32Array(dictionaries.division.values.length);
      const categories = new Int32Array(dictionaries.category.values.length);
      const departements = new Int32Array(dictionaries.departement.values.length);
      const competenceCounts = new Int32Array(dictionaries.competence.values.length);
      const certificationCounts = new Int32Array(dictionaries.certification.values.length);
      for (let i = 0; i < found.length; i++) {
        const c = codes[found[i]!.ordinal]!;
        if (c.division >= 0) divisions[c.division]!++;
        if (c.category >= 0) categories[c.category]!++;
        if (c.departement >= 0) departements[c.departement]!++;
        for (const code of c.competences) competenceCounts[code]!++;
        for (const certification of c.certifications) {
          if (certification.expiresOn === null || certification.expiresOn >= today) {
            certificationCounts[certification.code]!++;
          }
        }
      }
      const plain = (counts: Int32Array, values: readonly string[]) =>
        counted(counts, values).map((entry) => ({ ...entry, label: null }));
      return {
        total: found.length,
        divisions: plain(divisions, dictionaries.division.values),
        categories: plain(categories, dictionaries.category.values),
        departements: plain(departements, dictionaries.departement.values),
        // A competence curated by a network the person does not see is not shown.
        competences: counted(competenceCounts, dictionaries.competence.values).flatMap(({ value, count }) => {
          const competence = competences.get(value);
          if (!competence) return [];
          if (competence.networkId !== null && !viewer.visibleNetworkIds.has(competence.networkId)) return [];
          return [{ value, label: competence.label, count }];
        }),
        certifications: counted(certificationCounts, dictionaries.certification.values).map(
          ({ value, count }) => ({
            value: certificationSpelling.get(dictionaries.certification.code(value)) ?? value,
            label: null,
            count,
          }),
        ),
      };
    },
  };
}

export type DirectoryIndex = ReturnType<typeof createDirectoryIndex>;
