/**
 * Similarity of the structured fields of two needs, and how it combines with text similarity.
 */

import { normaliseNafCode } from '../naf.ts';

export interface SimilarityWeights {
  text: number;
  competences: number;
  naf: number;
}

/**
 * Text dominates because every need has one and most needs have nothing else; competences are
 * a deliberate choice from the shared taxonomy, so they weigh more than a NAF code, which often
 * just repeats the poster's own activity.
 */
export const DEFAULT_SIMILARITY_WEIGHTS: SimilarityWeights = { text: 0.7, competences: 0.2, naf: 0.1 };

/** The NAF levels two codes can share, most specific first. */
export type NafMatchLevel = 'class' | 'group' | 'division';

/** The division, group and class of a NAF code, as far as the code goes. */
export interface NafLineage {
  division: string;
  group: string | null;
  class: string | null;
}

/**
 * The lineage of a NAF code written at division level or below (`62`, `62.0`, `62.01`,
 * `62.01Z`, `6201z`), or null for a section or anything else.
 */
export function nafLineage(code: string | null | undefined): NafLineage | null {
  const canonical = code ? normaliseNafCode(code) : null;
  if (!canonical || !/^\d\d/.test(canonical)) return null;
  return {
    division: canonical.slice(0, 2),
    group: canonical.length >= 4 ? canonical.slice(0, 4) : null,
    class: canonical.length >= 5 ? canonical.slice(0, 5) : null,
  };
}

/** The most specific NAF level two lineages share, or null when not even the division. */
export function sharedNafLevel(a: NafLineage, b: NafLineage): NafMatchLevel | null {
  if (a.class !== null && a.class === b.class) return 'class';
  if (a.group !== null && a.group === b.group) return 'group';
  if (a.division === b.division) return 'division';
  return null;
}

/** Same class counts fully, same group two thirds, same division one third. */
export const NAF_LEVEL_SIMILARITY: Record<NafMatchLevel, number> = {
  class: 1,
  group: 2 / 3,
  division: 1 / 3,
};

/**
 * NAF proximity in [0, 1], or null when either need has no usable code. Two codes written to the
 * same depth and equal (`62` and `62`) match fully: that is all they say.
 */
export function nafSimilarity(a: NafLineage | null, b: NafLineage | null): number | null {
  if (!a || !b) return null;
  if (a.division === b.division && a.group === b.group && a.class === b.class) return 1;
  const level = sharedNafLevel(a, b);
  return level ? NAF_LEVEL_SIMILARITY[level] : 0;
}

/**
 * Jaccard index of two competence sets (shared over all), or null when either is empty.
 * Both lists must be sorted and without duplicates.
 */
export function competenceSimilarity(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * The weighted mean of the similarities known for a pair. A field that either need leaves empty
 * is left out of the mean rather than counted as a disagreement: most needs have no competence
 * or NAF code, and that says nothing about whether they are alike.
 */
export function combineSimilarities(
  text: number,
  competences: number | null,
  naf: number | null,
  weights: SimilarityWeights,
): number {
  let sum = weights.text * text;
  let total = weights.text;
  if (competences !== null) {
    sum += weights.competences * competences;
    total += weights.competences;
  }
  if (naf !== null) {
    sum += weights.naf * naf;
    total += weights.naf;
  }
  return total > 0 ? Math.min(1, Math.max(0, sum / total)) : 0;
}
