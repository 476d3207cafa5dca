import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DirectoryRepository } from './directory.repository.ts';
import {
  createDirectoryIndex,
  type DirectoryIndex,
  type IndexedOrganisation,
  type TextMatches,
} from './directory-index.ts';
import { LruCache } from './facet-cache.ts';

const TEXT_CACHE_ENTRIES = 200;
const TEXT_CACHE_MAX_AGE_MS = 10 * 60 * 1000;

type IndexRow = Awaited<ReturnType<DirectoryRepository['indexRows']>>['rows'][number];

function toIndexed(row: IndexRow): IndexedOrganisation {
  const names = row.certification_names ?? [];
  const expiries = row.certification_expiries ?? [];
  return {
    id: row.id,
    name: row.name,
    isActive: row.is_active,
    networkIds: row.network_ids,
    federationIds: row.federation_ids,
    nafDivision: row.naf_division,
    category: row.category,
    departement: row.departement_code,
    region: row.region_code,
    epci: row.epci_code,
    lon: row.lon,
    lat: row.lat,
    competenceIds: row.competence_ids ?? [],
    certifications: names.map((name, i) => ({ name, expiresOn: expiries[i] ?? null })),
  };
}

/**
 * The directory index of this app instance, kept current with the database: before answering, a
 * request names the directory version it read, and the index first takes in every organisation
 * written since the version it holds (once, however many requests wait for it).
 */
export function createLiveDirectoryIndex(db: Kysely<DB>, directory: DirectoryRepository) {
  const index = createDirectoryIndex();
  let version: bigint | null = null;
  let catchingUp: Promise<void> | null = null;
  const textCache = new LruCache<TextMatches>(TEXT_CACHE_ENTRIES, TEXT_CACHE_MAX_AGE_MS);

  async function catchUp() {
    const loaded = await directory.indexRows(db, version === null ? null : String(version));
    index.upsert(loaded.rows.map(toIndexed));
    index.setCompetences(
      loaded.competences.map((c) => ({ id: c.id, label: c.label, networkId: c.network_id })),
    );
    index.prepare();
    version = BigInt(loaded.version);
  }

  return {
    /** The index, current at least at `atVersion` (the directory version a request read). */
    async current(atVersion: string): Promise<DirectoryIndex> {
      // Twice at most: a catch-up already under way may have read an older snapshot.
      for (let attempt = 0; attempt < 2 && (version === null || version < BigInt(atVersion)); attempt++) {
        catchingUp ??= catchUp().finally(() => {
          catchingUp = null;
        });
        await catchingUp;
      }
      return index;
    },

    /** The index if it is current at `atVersion` already, else null. */
    ready(atVersion: string): DirectoryIndex | null {
      return version !== null && version >= BigInt(atVersion) ? index : null;
    },

    /** The words' matches if they were asked at this version already. */
    cachedText(atVersion: string, words: string): TextMatches | undefined {
      return textCache.get(JSON.stringify([atVersion, words]));
    },

    /**
     * Organisations matching some words, with their rank, cached per directory version. Call it
     * once the index is current at that version: the matches become the index's ordinals.
     */
    async textMatches(atVersion: string, words: string): Promise<TextMatches> {
      const key = JSON.stringify([atVersion, words]);
      const cached = textCache.get(key);
      if (cached) return cached;
      const matches = index.resolveText(await directory.textMatches(db, words));
      textCache.set(key, matches);
      return matches;
    },
  };
}

export type LiveDirectoryIndex = ReturnType<typeof createLiveDirectoryIndex>;
