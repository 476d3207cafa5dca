/**
 * Why the engine put needs together, in words staff can check: the terms, concepts, competences
 * and NAF codes several organisations share, and for each pair the terms that weighed most.
 *
 * Terms are shown as written (« sécurité », not the stem « securit »): the index keeps each
 * feature's most frequent spelling in the corpus and each need's words.
 */

import { conceptIdOfFeature, type FeatureKind, featureKindOf, markedWords, wordOfNgram } from './features.ts';
import {
  compareProjectedNeeds,
  indexedNeed,
  type NeedIndex,
  type NeedSimilarity,
  type ProjectedNeed,
} from './need-index.ts';
import type { NafMatchLevel } from './structured-similarity.ts';

/** A word or phrase found in the needs of several organisations of a group. */
export interface SharedTerm {
  /** As written in the needs (the most frequent spelling): « sécurité », « audit sécurité ». */
  term: string;
  kind: 'word' | 'phrase';
  organisationCount: number;
}

export interface SharedConcept {
  conceptId: string;
  label: string;
  organisationCount: number;
  /** The words of the needs that matched it, as written. */
  matchedWords: string[];
}

export interface SharedCompetence {
  competenceId: string;
  organisationCount: number;
}

export interface SharedNaf {
  code: string;
  level: NafMatchLevel;
  organisationCount: number;
}

/** What made two needs alike. */
export interface PairContribution {
  /** Readable: a word, a phrase, a concept label, or « cybersécurité ≈ sécurité » for spelling. */
  term: string;
  kind: FeatureKind;
  /** Part of the pair's text similarity due to this term; all the parts, shown or not, add up to it. */
  contribution: number;
}

export interface PairExplanation extends NeedSimilarity {
  needIds: readonly [string, string];
  /** The largest contributions first, at most {@link TOP_CONTRIBUTIONS}. */
  topContributions: PairContribution[];
}

export interface GroupExplanation {
  sharedTerms: SharedTerm[];
  sharedConcepts: SharedConcept[];
  sharedCompetences: SharedCompetence[];
  /** Most specific first; a code is left out when a more specific shared code covers as many organisations. */
  sharedNaf: SharedNaf[];
  /** Pairs of needs from different organisations, most similar first, at most {@link MAX_EXPLAINED_PAIRS}. */
  pairs: PairExplanation[];
  /** How many such pairs the group has in all. */
  pairCount: number;
  /** Mean similarity over all those pairs, in [0, 1]. */
  meanPairSimilarity: number;
}

export const TOP_CONTRIBUTIONS = 5;
export const MAX_SHARED_TERMS = 10;
export const MAX_EXPLAINED_PAIRS = 30;

function conceptLabel(index: NeedIndex, conceptId: string): string {
  return index.thesaurus.concepts.get(conceptId)?.label ?? conceptId;
}

/** The terms behind a pair's text similarity, largest first. */
function pairContributions(index: NeedIndex, a: ProjectedNeed, b: ProjectedNeed): PairContribution[] {
  const byTerm = new Map<string, PairContribution>();
  const add = (term: string, kind: FeatureKind, contribution: number) => {
    const key = `${kind}\u0000${term}`;
    const existing = byTerm.get(key);
    if (existing) existing.contribution += contribution;
    else byTerm.set(key, { term, kind, contribution });
  };
  let markedA: string[] | null = null;
  let markedB: string[] | null = null;
  let i = 0;
  let j = 0;
  while (i < a.vector.ids.length && j < b.vector.ids.length) {
    const idA = a.vector.ids[i]!;
    const idB = b.vector.ids[j]!;
    if (idA < idB) i += 1;
    else if (idB < idA) j += 1;
    else {
      const contribution = a.vector.weights[i]! * b.vector.weights[j]!;
      const key = index.space.keys[idA]!;
      const kind = featureKindOf(key);
      const conceptId = conceptIdOfFeature(key);
      if (conceptId !== null) add(conceptLabel(index, conceptId), 'concept', contribution);
      else if (kind !== 'spelling') add(index.spellings[idA] || key.slice(2), kind, contribution);
      else {
        // An n-gram stands for the words it came from: the same word in both, or two look-alikes.
        markedA ??= markedWords(a.words);
        markedB ??= markedWords(b.words);
        const wordA = wordOfNgram(a.words, markedA, key);
        const wordB = wordOfNgram(b.words, markedB, key);
        if (wordA === wordB) add(wordA, 'word', contribution);
        else add(`${wordA} ≈ ${wordB}`, 'spelling', contribution);
      }
      i += 1;
      j += 1;
    }
  }
  return [...byTerm.values()]
    .sort((x, y) => y.contribution - x.contribution || (x.term < y.term ? -1 : 1))
    .slice(0, TOP_CONTRIBUTIONS);
}

/** Explains why two needs of an index are alike; one of them may be new (see `placeNeed`). */
export function explainNeedPair(index: NeedIndex, a: ProjectedNeed, b: ProjectedNeed): PairExplanation {
  return {
    needIds: [a.need.id, b.need.id],
    ...compareProjectedNeeds(index, a, b),
    topContributions: pairContributions(index, a, b),
  };
}

/** Counts, for each value, the distinct organisations whose needs have it. */
function organisationsPerValue<T>(
  entries: readonly { organisationId: string; values: Iterable<T> }[],
): Map<T, Set<string>> {
  const organisations = new Map<T, Set<string>>();
  for (const { organisationId, values } of entries) {
    for (const value of values) {
      let set = organisations.get(value);
      if (!set) {
        set = new Set();
        organisations.set(value, set);
      }
      set.add(organisationId);
    }
  }
  return organisations;
}

function sharedNafOf(index: NeedIndex, positions: readonly number[]): SharedNaf[] {
  const levels: NafMatchLevel[] = ['class', 'group', 'division'];
  const codes = organisationsPerValue(
    positions.map((position) => {
      const lineage = index.naf[position];
      const values: string[] = [];
      if (lineage) for (const level of levels) if (lineage[level]) values.push(`${level}:${lineage[level]}`);
      return { organisationId: index.needs[position]!.organisationId, values };
    }),
  );
  const shared: SharedNaf[] = [];
  for (const level of levels) {
    for (const [value, organisations] of codes) {
      if (!value.startsWith(`${level}:`) || organisations.size < 2) continue;
      const code = value.slice(level.length + 1);
      const isCovered = shared.some(
        (deeper) => deeper.code.startsWith(code) && deeper.organisationCount >= organisations.size,
      );
      if (!isCovered) shared.push({ code, level, organisationCount: organisations.size });
    }
  }
  return shared.sort(
    (x, y) =>
      levels.indexOf(x.level) - levels.indexOf(y.level) ||
      y.organisationCount - x.organisationCount ||
      (x.code < y.code ? -1 : 1),
  );
}

/**
 * Explains a group of indexed needs (positions in the index). Shared means found in the needs of
 * at least two distinct organisations: what one member repeats in two needs is no evidence.
 */
export function explainGroup(index: NeedIndex, positions: readonly number[]): GroupExplanation {
  const needs = positions.map((position) => indexedNeed(index, position));
  // Words, phrases and concepts only (block 0): n-grams are not terms to show.
  const featureOrganisations = organisationsPerValue(
    needs.map((need) => ({
      organisationId: need.need.organisationId,
      values: [...need.vector.ids].filter((id) => index.space.blockOf[id] === 0),
    })),
  );
  const sharedTerms: (SharedTerm & { weight: number })[] = [];
  const sharedConcepts: SharedConcept[] = [];
  for (const [id, organisations] of featureOrganisations) {
    if (organisations.size < 2) continue;
    const key = index.space.keys[id]!;
    const kind = featureKindOf(key);
    if (kind === 'concept') {
      const conceptId = conceptIdOfFeature(key)!;
      const matchedWords = new Set(needs.flatMap((need) => need.conceptWords.get(id) ?? []));
      sharedConcepts.push({
        conceptId,
        label: conceptLabel(index, conceptId),
        organisationCount: organisations.size,
        matchedWords: [...matchedWords].sort().slice(0, 5),
      });
    } else if (kind === 'word' || kind === 'phrase') {
      // Ranked by the IDF: a rare word shared by several members says more than a common one.
      sharedTerms.push({
        term: index.spellings[id] || key.slice(2),
        kind,
        organisationCount: organisations.size,
        weight: index.space.idf[id]!,
      });
    }
  }
  sharedTerms.sort(
    (x, y) => y.organisationCount - x.organisationCount || y.weight - x.weight || (x.term < y.term ? -1 : 1),
  );
  sharedConcepts.sort(
    (x, y) => y.organisationCount - x.organisationCount || (x.conceptId < y.conceptId ? -1 : 1),
  );

  const competenceOrganisations = organisationsPerValue(
    positions.map((position) => ({
      organisationId: index.needs[position]!.organisationId,
      values: index.competences[position]!,
    })),
  );
  const sharedCompetences = [...competenceOrganisations]
    .filter(([, organisations]) => organisations.size >= 2)
    .map(([competenceId, organisations]) => ({ competenceId, organisationCount: organisations.size }))
    .sort((x, y) => y.organisationCount - x.organisationCount || (x.competenceId < y.competenceId ? -1 : 1));

  // Every cross-organisation pair is compared (cheap); only the strongest are explained in words.
  const crossPairs: { x: number; y: number; similarity: number }[] = [];
  for (let x = 0; x < needs.length; x += 1) {
    for (let y = x + 1; y < needs.length; y += 1) {
      if (needs[x]!.need.organisationId === needs[y]!.need.organisationId) continue;
      crossPairs.push({ x, y, similarity: compareProjectedNeeds(index, needs[x]!, needs[y]!).similarity });
    }
  }
  crossPairs.sort((p, q) => q.similarity - p.similarity || p.x - q.x || p.y - q.y);
  const pairs = crossPairs
    .slice(0, MAX_EXPLAINED_PAIRS)
    .map(({ x, y }) => explainNeedPair(index, needs[x]!, needs[y]!));
  const meanPairSimilarity =
    crossPairs.length > 0
      ? crossPairs.reduce((sum, pair) => sum + pair.similarity, 0) / crossPairs.length
      : 0;

  return {
    sharedTerms: sharedTerms.slice(0, MAX_SHARED_TERMS).map(({ weight: _weight, ...term }) => term),
    sharedConcepts,
    sharedCompetences,
    sharedNaf: sharedNafOf(index, positions),
    pairs,
    pairCount: crossPairs.length,
    meanPairSimilarity,
  };
}
