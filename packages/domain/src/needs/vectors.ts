/**
 * TF-IDF vectors over the features of `features.ts`, and their cosine.
 *
 * Weighting: sublinear term frequency (1 + ln tf), so a word repeated in a long description does
 * not drown the rest, times the BM25 inverse document frequency ln(1 + (N − df + 0.5)/(df + 0.5)),
 * which tends to 0 for a feature every need has, where the classic smoothed IDF keeps a floor
 * of 1: « prestataire » in all needs should not make them alike. Small corpora get a prior
 * (see {@link inverseDocumentFrequency}).
 *
 * Blocks: words (with phrases and thesaurus concepts) and character n-grams are normalised
 * separately, then scaled by the square root of their block weight. The cosine of two vectors is
 * then the block-weighted mean of the per-block cosines, whatever the number of n-grams (a long
 * word has twenty) compared with words; a block absent from one text lowers the similarity in
 * proportion to its weight.
 */

import { type FeatureKind, featureKindOf } from './features.ts';

/** A sparse vector: feature ids in increasing order and their weights, unit length or empty. */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** Share of each block in the text similarity; they need not add up to 1. */
export interface TextBlockWeights {
  /** Words, two-word phrases and thesaurus concepts. */
  words: number;
  /** Character n-grams. */
  characters: number;
}

export const DEFAULT_TEXT_BLOCK_WEIGHTS: TextBlockWeights = { words: 0.7, characters: 0.3 };

type Block = keyof TextBlockWeights;
const BLOCK_OF_KIND: Record<FeatureKind, Block> = {
  word: 'words',
  phrase: 'words',
  spelling: 'characters',
  concept: 'words',
};
const BLOCKS: readonly Block[] = ['words', 'characters'];
const BLOCK_INDEX: Record<Block, number> = { words: 0, characters: 1 };

/** The vocabulary of a corpus with its document frequencies: what a vector is expressed in. */
export interface FeatureSpace {
  readonly documentCount: number;
  /** Ids are given by decreasing document frequency, then key: id 0 is the most common feature. */
  readonly idByKey: ReadonlyMap<string, number>;
  readonly keys: readonly string[];
  readonly idf: Float64Array;
  /** Block of each feature id: 0 for words, 1 for characters. */
  readonly blockOf: Uint8Array;
  readonly blockWeights: TextBlockWeights;
  /** Features left out of the vectors altogether (too common character n-grams). */
  readonly ignoredKeys: ReadonlySet<string>;
}

/**
 * Documents without any of the features, added to every corpus. A network with a dozen needs
 * cannot tell a common word from a shared topic: with raw counts, a concept in 4 needs out of 12
 * weighs half a word found once, and the needs that share it look unalike. With 50 blank
 * documents it weighs three quarters; in a corpus of thousands the prior is negligible.
 */
const IDF_PRIOR_DOCUMENTS = 50;

/**
 * BM25's inverse document frequency, over the corpus plus {@link IDF_PRIOR_DOCUMENTS}: positive,
 * and small for a feature most documents have.
 */
export function inverseDocumentFrequency(documentCount: number, documentFrequency: number): number {
  const count = documentCount + IDF_PRIOR_DOCUMENTS;
  return Math.log(1 + (count - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * Character n-grams found in more than this share of documents (« ion », « es> ») are dropped, as
 * scikit-learn's `max_df` does: their IDF is near 0, yet their posting lists made most of the
 * cost of finding similar pairs (measured: 3× faster on 2,000 needs, same NAF scores). Counted
 * over the corpus plus the IDF prior, so a small corpus loses none.
 */
const MAX_SPELLING_DOCUMENT_SHARE = 0.2;

/** Builds the vocabulary of a corpus from each document's feature counts. */
export function buildFeatureSpace(
  documents: readonly ReadonlyMap<string, number>[],
  blockWeights: TextBlockWeights,
): FeatureSpace {
  const frequency = new Map<string, number>();
  for (const counts of documents)
    for (const key of counts.keys()) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  // Common features first: the all-pairs search leaves them out of its index (see similarity-graph.ts).
  const ignoredKeys = new Set<string>();
  const maxSpellingFrequency = MAX_SPELLING_DOCUMENT_SHARE * (documents.length + IDF_PRIOR_DOCUMENTS);
  for (const [key, documentFrequency] of frequency) {
    if (documentFrequency > maxSpellingFrequency && featureKindOf(key) === 'spelling') {
      ignoredKeys.add(key);
      frequency.delete(key);
    }
  }
  const keys = [...frequency.keys()].sort(
    (a, b) => frequency.get(b)! - frequency.get(a)! || (a < b ? -1 : 1),
  );
  const idByKey = new Map<string, number>();
  const idf = new Float64Array(keys.length);
  const blockOf = new Uint8Array(keys.length);
  keys.forEach((key, id) => {
    idByKey.set(key, id);
    idf[id] = inverseDocumentFrequency(documents.length, frequency.get(key)!);
    blockOf[id] = BLOCK_INDEX[BLOCK_OF_KIND[featureKindOf(key)]];
  });
  return { documentCount: documents.length, idByKey, keys, idf, blockOf, blockWeights, ignoredKeys };
}

/**
 * The unit TF-IDF vector of a document in a feature space. Features the space does not know (a
 * new need's new words) cannot match anything, but they still count in the document's length,
 * with the IDF of a feature no document has: a need that is mostly new is mostly unlike the others.
 */
export function vectorise(space: FeatureSpace, counts: ReadonlyMap<string, number>): SparseVector {
  const knownIds: number[] = [];
  const knownWeights: number[] = [];
  const squaredNorms = [0, 0];
  const unknownIdf = inverseDocumentFrequency(space.documentCount, 0);
  for (const [key, count] of counts) {
    if (!(count > 0)) continue;
    const id = space.idByKey.get(key);
    if (id === undefined && space.ignoredKeys.has(key)) continue;
    const block = id === undefined ? BLOCK_INDEX[BLOCK_OF_KIND[featureKindOf(key)]] : space.blockOf[id]!;
    const weight = sublinearFrequency(count) * (id === undefined ? unknownIdf : space.idf[id]!);
    squaredNorms[block]! += weight * weight;
    if (id !== undefined) {
      knownIds.push(id);
      knownWeights.push(weight);
    }
  }
  const isPresent = BLOCKS.map((block, index) => squaredNorms[index]! > 0 && space.blockWeights[block] > 0);
  const presentWeight = BLOCKS.reduce(
    (sum, block, index) => sum + (isPresent[index] ? space.blockWeights[block] : 0),
    0,
  );
  if (presentWeight === 0) return { ids: new Int32Array(0), weights: new Float64Array(0) };
  const scales = BLOCKS.map((block, index) =>
    isPresent[index] ? Math.sqrt(space.blockWeights[block] / (squaredNorms[index]! * presentWeight)) : 0,
  );
  const order = Array.from(knownIds.keys())
    .filter((k) => scales[space.blockOf[knownIds[k]!]!]! > 0)
    .sort((x, y) => knownIds[x]! - knownIds[y]!);
  const ids = new Int32Array(order.length);
  const weights = new Float64Array(order.length);
  order.forEach((k, position) => {
    const id = knownIds[k]!;
    ids[position] = id;
    weights[position] = knownWeights[k]! * scales[space.blockOf[id]!]!;
  });
  return { ids, weights };
}

/**
 * 1 + ln(count) above one occurrence, the count itself below: phrases and broader concepts count
 * fractions of an occurrence, and a weight must stay positive.
 */
function sublinearFrequency(count: number): number {
  return count > 1 ? 1 + Math.log(count) : count;
}

/** Dot product of two sparse vectors, over the first `lengthB` features of `b` (all by default). */
export function dotProduct(a: SparseVector, b: SparseVector, lengthB = b.ids.length): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  const lengthA = a.ids.length;
  while (i < lengthA && j < lengthB) {
    const idA = a.ids[i]!;
    const idB = b.ids[j]!;
    if (idA === idB) {
      sum += a.weights[i]! * b.weights[j]!;
      i += 1;
      j += 1;
    } else if (idA < idB) i += 1;
    else j += 1;
  }
  return sum;
}

/** Cosine of two unit vectors with non-negative weights, clamped to [0, 1] against rounding. */
export function cosineSimilarity(a: SparseVector, b: SparseVector): number {
  return Math.min(1, Math.max(0, dotProduct(a, b)));
}
