/**
 * The need index: every need of a corpus (a network's open needs, say) turned into a TF-IDF
 * vector and its structured fields, ready for grouping, placing a new need and explaining.
 */

import {
  type AnalysedDocument,
  analyseDocument,
  FULL_TEXT_FEATURES,
  type SpellingTally,
  type TextFeatureOptions,
  type WeightedText,
} from './features.ts';
import {
  combineSimilarities,
  competenceSimilarity,
  DEFAULT_SIMILARITY_WEIGHTS,
  type NafLineage,
  nafLineage,
  nafSimilarity,
  type SimilarityWeights,
} from './structured-similarity.ts';
import { buildThesaurus, type SynonymSet, type Thesaurus } from './thesaurus.ts';
import { DEFAULT_SYNONYM_SETS } from './thesaurus-default.ts';
import {
  buildFeatureSpace,
  cosineSimilarity,
  DEFAULT_TEXT_BLOCK_WEIGHTS,
  type FeatureSpace,
  type SparseVector,
  type TextBlockWeights,
  vectorise,
} from './vectors.ts';

/** A need, offer or idea as the engine sees it. */
export interface Need {
  /** Unique within the corpus; the engine orders needs by id so that its output is stable. */
  id: string;
  /** The member that posted it: a group must span at least two organisations. */
  organisationId: string;
  title: string;
  description?: string | null;
  /** Ids from the shared competence taxonomy. */
  competenceIds?: readonly string[];
  /** NAF code the need is about, at division level or below (`62`, `62.02`, `62.02A`). */
  nafCode?: string | null;
}

export interface NeedEngineOptions {
  /**
   * Minimum average similarity for needs to be grouped, in (0, 1]. Defaults to
   * {@link DEFAULT_GROUPING_THRESHOLD}, chosen on the NAF benchmark (docs/decisions/0008).
   */
  threshold?: number;
  /** Staff's own synonym sets, added to the default thesaurus (a known id extends that concept). */
  extraSynonymSets?: readonly SynonymSet[];
  /** Replaces the default thesaurus entirely (tests, or another field than company networks). */
  synonymSets?: readonly SynonymSet[];
  similarityWeights?: Partial<SimilarityWeights>;
  textBlockWeights?: Partial<TextBlockWeights>;
  /** Steps of the text pipeline; all on by default. */
  textFeatures?: Partial<TextFeatureOptions>;
  /**
   * Pairs whose text similarity is below this are taken as unrelated (similarity 0) when
   * grouping; it keeps the similarity graph sparse. At most the threshold; defaults to
   * {@link MIN_EDGE_SHARE_OF_THRESHOLD} times it.
   */
  minEdgeSimilarity?: number;
}

/** The grouping threshold measured best on the NAF benchmark; see docs/decisions/0008. */
export const DEFAULT_GROUPING_THRESHOLD = 0.2;
/**
 * Text similarity under which a pair counts as 0 when grouping, as a share of the threshold: it
 * keeps the similarity graph sparse, and weaker pairs barely move a cluster's average. Measured:
 * NAF benchmark ARI at threshold 0.2 is 0.236 with pairs down to 0.02, 0.242 with this share
 * (0.15); on 10,000 generated needs the graph has 0.95 M pairs instead of 1.6 M at 0.1.
 */
export const MIN_EDGE_SHARE_OF_THRESHOLD = 0.75;

/**
 * A title says what the need is about more surely than the lines under it: its words count three
 * times (1 + ln 3 ≈ 2.1 after sublinear term frequency).
 */
const TITLE_WEIGHT = 3;

export interface NeedEngineSettings {
  threshold: number;
  minEdgeSimilarity: number;
  similarityWeights: SimilarityWeights;
  textBlockWeights: TextBlockWeights;
  textFeatures: TextFeatureOptions;
}

/** Built once per corpus by {@link buildNeedIndex}; read-only afterwards. */
export interface NeedIndex {
  /** The needs, sorted by id; positions below refer to this order. */
  readonly needs: readonly Need[];
  readonly positionById: ReadonlyMap<string, number>;
  readonly settings: NeedEngineSettings;
  readonly thesaurus: Thesaurus;
  readonly space: FeatureSpace;
  readonly vectors: readonly SparseVector[];
  /** Sorted, deduplicated competence ids of each need. */
  readonly competences: readonly (readonly string[])[];
  readonly naf: readonly (NafLineage | null)[];
  /** For explanations: each need's content words as written, in order. */
  readonly words: readonly (readonly string[])[];
  /** For explanations: the words behind each concept a need mentions. */
  readonly conceptWords: readonly ConceptWords[];
  /**
   * For explanations: how each word, phrase and concept feature is most often written in the
   * corpus (« sécurité » for the stem « securit »), by feature id; '' for character n-grams.
   */
  readonly spellings: readonly string[];
}

/** Concept feature ids of a need with the words that matched each, as written. */
export type ConceptWords = ReadonlyMap<number, readonly string[]>;

/** How alike two needs are, and from which field. */
export interface NeedSimilarity {
  /** The combined similarity in [0, 1]. */
  similarity: number;
  /** Cosine of the text vectors, in [0, 1]. */
  text: number;
  /** Jaccard index of the competences, or null when either need has none. */
  competences: number | null;
  /** NAF proximity (class 1, group 2/3, division 1/3), or null when either need has no code. */
  naf: number | null;
}

function resolveSettings(options: NeedEngineOptions): NeedEngineSettings {
  const threshold = options.threshold ?? DEFAULT_GROUPING_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('The grouping threshold must be in (0, 1]');
  const minEdgeSimilarity = options.minEdgeSimilarity ?? MIN_EDGE_SHARE_OF_THRESHOLD * threshold;
  if (!(minEdgeSimilarity > 0 && minEdgeSimilarity <= threshold)) {
    throw new RangeError('The minimum edge similarity must be in (0, threshold]');
  }
  return {
    threshold,
    minEdgeSimilarity,
    similarityWeights: { ...DEFAULT_SIMILARITY_WEIGHTS, ...options.similarityWeights },
    textBlockWeights: { ...DEFAULT_TEXT_BLOCK_WEIGHTS, ...options.textBlockWeights },
    textFeatures: { ...FULL_TEXT_FEATURES, ...options.textFeatures },
  };
}

/** The texts of a need with their weights: the title's words count three times. */
export function weightedTextsOf(need: Pick<Need, 'title' | 'description'>): WeightedText[] {
  const texts: WeightedText[] = [{ text: need.title, weight: TITLE_WEIGHT }];
  if (need.description) texts.push({ text: need.description, weight: 1 });
  return texts;
}

function sortedCompetences(need: Need): string[] {
  return [...new Set(need.competenceIds ?? [])].sort();
}

/**
 * Builds the index of a corpus of needs. Throws on duplicate ids (a caller's bug); everything
 * else — empty titles, unknown NAF codes, odd characters — is taken as it comes.
 */
export function buildNeedIndex(needs: readonly Need[], options: NeedEngineOptions = {}): NeedIndex {
  const settings = resolveSettings(options);
  const sorted = [...needs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const positionById = new Map<string, number>();
  sorted.forEach((need, position) => {
    if (positionById.has(need.id)) throw new Error(`Duplicate need id ${need.id}`);
    positionById.set(need.id, position);
  });
  const thesaurus = buildThesaurus(
    options.synonymSets ?? [...DEFAULT_SYNONYM_SETS, ...(options.extraSynonymSets ?? [])],
  );
  const spellings: SpellingTally = new Map();
  const documents = sorted.map((need) =>
    analyseDocument(weightedTextsOf(need), thesaurus, settings.textFeatures, spellings),
  );
  const space = buildFeatureSpace(
    documents.map((document) => document.counts),
    settings.textBlockWeights,
  );
  return {
    needs: sorted,
    positionById,
    settings,
    thesaurus,
    space,
    vectors: documents.map((document) => vectorise(space, document.counts)),
    competences: sorted.map(sortedCompetences),
    naf: sorted.map((need) => nafLineage(need.nafCode)),
    words: documents.map((document) => document.words),
    conceptWords: documents.map((document) => conceptWordsOf(space, document)),
    spellings: space.keys.map((key) => {
      const seen = spellings.get(key);
      return seen ? preferredSpelling(seen) : '';
    }),
  };
}

/** The most frequent spelling; among equals one with accents (likely the careful one), then the first. */
export function preferredSpelling(spellings: ReadonlyMap<string, number>): string {
  const hasAccent = (text: string) => /[^\p{ASCII}]/u.test(text);
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    const isBetter =
      count > bestCount ||
      (count === bestCount &&
        (hasAccent(spelling) !== hasAccent(best) ? hasAccent(spelling) : spelling < best));
    if (isBetter) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

function conceptWordsOf(space: FeatureSpace, document: AnalysedDocument): ConceptWords {
  const words = new Map<number, string[]>();
  for (const [key, matched] of document.conceptWords) {
    const id = space.idByKey.get(key);
    if (id !== undefined) words.set(id, matched);
  }
  return words;
}

/** A need outside the index (a new one), expressed in the index's vocabulary and IDF. */
export interface ProjectedNeed {
  need: Need;
  vector: SparseVector;
  competences: readonly string[];
  naf: NafLineage | null;
  words: readonly string[];
  conceptWords: ConceptWords;
}

/** Expresses a need that is not in the index in the index's feature space. */
export function projectNeed(index: NeedIndex, need: Need): ProjectedNeed {
  const document = analyseDocument(weightedTextsOf(need), index.thesaurus, index.settings.textFeatures);
  return {
    need,
    vector: vectorise(index.space, document.counts),
    competences: sortedCompetences(need),
    naf: nafLineage(need.nafCode),
    words: document.words,
    conceptWords: conceptWordsOf(index.space, document),
  };
}

/** The indexed need at a position as a projected need, to compare it like a new one. */
export function indexedNeed(index: NeedIndex, position: number): ProjectedNeed {
  return {
    need: index.needs[position]!,
    vector: index.vectors[position]!,
    competences: index.competences[position]!,
    naf: index.naf[position]!,
    words: index.words[position]!,
    conceptWords: index.conceptWords[position]!,
  };
}

/** Similarity of two needs expressed in the same index. Symmetric, in [0, 1]. */
export function compareProjectedNeeds(index: NeedIndex, a: ProjectedNeed, b: ProjectedNeed): NeedSimilarity {
  const text = cosineSimilarity(a.vector, b.vector);
  const competences = competenceSimilarity(a.competences, b.competences);
  const naf = nafSimilarity(a.naf, b.naf);
  return {
    similarity: combineSimilarities(text, competences, naf, index.settings.similarityWeights),
    text,
    competences,
    naf,
  };
}

/** Similarity of two indexed needs by id, or null when either id is not in the index. */
export function needSimilarity(index: NeedIndex, idA: string, idB: string): NeedSimilarity | null {
  const a = index.positionById.get(idA);
  const b = index.positionById.get(idB);
  if (a === undefined || b === undefined) return null;
  return compareProjectedNeeds(index, indexedNeed(index, a), indexedNeed(index, b));
}

/**
 * Similarity of two needs on their own (the IDF is that of the two-need corpus, so use an index
 * to compare needs within a network). For tests and one-off comparisons.
 */
export function compareNeeds(a: Need, b: Need, options: NeedEngineOptions = {}): NeedSimilarity {
  const index = buildNeedIndex(
    [
      { ...a, id: 'a' },
      { ...b, id: 'b' },
    ],
    options,
  );
  return compareProjectedNeeds(index, indexedNeed(index, 0), indexedNeed(index, 1));
}
