/**
 * The domain thesaurus: sets of words and phrases that mean one concept (« pentest », « test
 * d'intrusion », « audit de sécurité offensif »). It is data: the default sets ship in
 * `thesaurus-default.ts` and staff add their own, which the engine takes as input.
 *
 * Terms are matched on the sequence of content-word stems, so a phrase matches whatever its stop
 * words, accents, elisions or plural (« tests d'intrusion » = « test intrusion »). Each term is
 * compiled with both the French and the English stemmer, so one set serves texts of either
 * language. A match emits the concept and, transitively, its broader concepts: a pentest is a
 * cybersecurity matter.
 */

import {
  type ContentWord,
  detectNeedLanguage,
  extractContentWords,
  type NeedLanguage,
  tokeniseNeedText,
} from './text.ts';

export interface SynonymSet {
  /**
   * Stable id of the concept (`security-testing`). A set whose id is already known adds its terms
   * and broader concepts to that concept: this is how staff extend a default set.
   */
  id: string;
  /** What staff read for the concept, in French (« Test d'intrusion »). */
  label: string;
  /** Words or phrases meaning the concept, written as people write them. */
  terms: readonly string[];
  /** Ids of wider concepts this one implies. */
  broader?: readonly string[];
}

export interface ThesaurusConcept {
  id: string;
  label: string;
  /** Every broader concept, transitively, with its distance (1 for a direct broader concept). */
  broader: readonly { id: string; distance: number }[];
}

/** Why a term of a synonym set can never match, for staff to fix their set. */
export interface IgnoredThesaurusTerm {
  setId: string;
  term: string;
  reason: 'only-stop-words' | 'unknown-broader-concept';
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  conceptIds: string[];
}

/** A thesaurus compiled for matching; build it once with {@link buildThesaurus} and reuse it. */
export interface Thesaurus {
  readonly concepts: ReadonlyMap<string, ThesaurusConcept>;
  readonly ignoredTerms: readonly IgnoredThesaurusTerm[];
  /** @internal */
  readonly root: TrieNode;
}

/** One occurrence of a concept in a text. */
export interface ConceptMatch {
  conceptId: string;
  /** The words of the text that matched, as written (« tests d'intrusion » → « tests intrusion »). */
  surface: string;
  /**
   * 0 for the concept a term names, 1 for its broader concept, 2 for that one's broader, and so
   * on: how far the concept is from the words.
   */
  distance: number;
  /** The matched content words, `start` included, `end` excluded. */
  start: number;
  end: number;
}

const LANGUAGES: readonly NeedLanguage[] = ['fr', 'en'];

function emptyNode(): TrieNode {
  return { next: new Map(), conceptIds: [] };
}

/** Merges sets that share an id, keeping the first label, in the order the sets come. */
function mergeSynonymSets(sets: readonly SynonymSet[]): SynonymSet[] {
  const merged = new Map<string, { id: string; label: string; terms: string[]; broader: string[] }>();
  for (const set of sets) {
    const existing = merged.get(set.id);
    if (existing) {
      existing.terms.push(...set.terms);
      existing.broader.push(...(set.broader ?? []));
    } else {
      merged.set(set.id, {
        id: set.id,
        label: set.label,
        terms: [...set.terms],
        broader: [...(set.broader ?? [])],
      });
    }
  }
  return [...merged.values()];
}

/** Every concept reachable through `broader` links, nearest first (breadth-first), cycles cut. */
function broaderClosure(
  id: string,
  direct: ReadonlyMap<string, readonly string[]>,
): { id: string; distance: number }[] {
  const seen = new Set<string>([id]);
  const order: { id: string; distance: number }[] = [];
  const queue = (direct.get(id) ?? []).map((next) => ({ id: next, distance: 1 }));
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next.id)) continue;
    seen.add(next.id);
    order.push(next);
    queue.push(
      ...(direct.get(next.id) ?? []).map((further) => ({ id: further, distance: next.distance + 1 })),
    );
  }
  return order;
}

/** The stem sequences under which a term is matched: one per stemming language, deduplicated. */
function termStemSequences(term: string): string[][] {
  const tokens = tokeniseNeedText(term);
  const sequences = new Map<string, string[]>();
  for (const language of LANGUAGES) {
    const { words } = extractContentWords(tokens, { language, removeStopWords: true, stem: true });
    if (words.length === 0) continue;
    const stems = words.map((word) => word.stem);
    sequences.set(stems.join(' '), stems);
  }
  return [...sequences.values()];
}

function insertSequence(root: TrieNode, stems: readonly string[], conceptId: string): void {
  let node = root;
  for (const stem of stems) {
    let child = node.next.get(stem);
    if (!child) {
      child = emptyNode();
      node.next.set(stem, child);
    }
    node = child;
  }
  if (!node.conceptIds.includes(conceptId)) node.conceptIds.push(conceptId);
}

/**
 * Compiles synonym sets (the defaults followed by staff's own, typically) into a thesaurus.
 * Never throws on staff data: a term made only of stop words, or a broader id that names no
 * set, is reported in `ignoredTerms` and otherwise skipped.
 */
export function buildThesaurus(sets: readonly SynonymSet[]): Thesaurus {
  const merged = mergeSynonymSets(sets);
  const known = new Set(merged.map((set) => set.id));
  const ignoredTerms: IgnoredThesaurusTerm[] = [];
  const directBroader = new Map<string, string[]>();
  for (const set of merged) {
    const valid = [...new Set(set.broader)].filter((id) => {
      if (known.has(id) && id !== set.id) return true;
      ignoredTerms.push({ setId: set.id, term: id, reason: 'unknown-broader-concept' });
      return false;
    });
    directBroader.set(set.id, valid);
  }
  const root = emptyNode();
  const concepts = new Map<string, ThesaurusConcept>();
  for (const set of merged) {
    concepts.set(set.id, { id: set.id, label: set.label, broader: broaderClosure(set.id, directBroader) });
    for (const term of set.terms) {
      const sequences = termStemSequences(term);
      if (sequences.length === 0) ignoredTerms.push({ setId: set.id, term, reason: 'only-stop-words' });
      for (const stems of sequences) insertSequence(root, stems, set.id);
    }
  }
  return { concepts, ignoredTerms, root };
}

/**
 * The concepts a text's content words mention: at each position the longest matching phrase,
 * then on after it, so « audit de sécurité offensif » is one match and not also « sécurité ».
 * Each match gives the concepts its term names (distance 0), then their broader concepts.
 */
export function matchConcepts(thesaurus: Thesaurus, words: readonly ContentWord[]): ConceptMatch[] {
  const matches: ConceptMatch[] = [];
  let start = 0;
  while (start < words.length) {
    let node: TrieNode | undefined = thesaurus.root;
    let longest: { end: number; conceptIds: string[] } | null = null;
    for (let end = start; end < words.length && node; end += 1) {
      node = node.next.get(words[end]!.stem);
      if (node && node.conceptIds.length > 0) longest = { end: end + 1, conceptIds: node.conceptIds };
    }
    if (!longest) {
      start += 1;
      continue;
    }
    const { end } = longest;
    const surface = words
      .slice(start, end)
      .map((word) => word.surface)
      .join(' ');
    const emitted = new Set<string>();
    const emit = (conceptId: string, distance: number) => {
      if (emitted.has(conceptId)) return;
      emitted.add(conceptId);
      matches.push({ conceptId, surface, distance, start, end });
    };
    for (const conceptId of longest.conceptIds) emit(conceptId, 0);
    for (const conceptId of longest.conceptIds) {
      for (const broader of thesaurus.concepts.get(conceptId)?.broader ?? [])
        emit(broader.id, broader.distance);
    }
    start = end;
  }
  return matches;
}

/**
 * The concepts a text mentions, for staff trying a synonym set on a sentence, or for tagging a
 * need with its topics.
 */
export function findConceptsInText(thesaurus: Thesaurus, text: string): ConceptMatch[] {
  const tokens = tokeniseNeedText(text);
  const { words } = extractContentWords(tokens, {
    language: detectNeedLanguage(tokens),
    removeStopWords: true,
    stem: true,
  });
  return matchConcepts(thesaurus, words);
}
