/**
 * From a text to the features the engine weighs: word stems, pairs of adjacent stems, character
 * n-grams and thesaurus concepts. Each feature is a string key whose prefix tells its kind.
 */

import { foldAccents } from '../french-text.ts';
import {
  type CompoundWord,
  type ContentWord,
  detectNeedLanguage,
  extractContentWords,
  tokeniseNeedText,
} from './text.ts';
import type { Thesaurus } from './thesaurus.ts';
import { matchConcepts } from './thesaurus.ts';

/**
 * The steps of the text pipeline, each of which can be turned off: the bench compares the full
 * pipeline with plain TF-IDF over words, and measures what each step brings.
 */
export interface TextFeatureOptions {
  removeStopWords: boolean;
  stem: boolean;
  useThesaurus: boolean;
  wordBigrams: boolean;
  characterNgrams: boolean;
}

export const FULL_TEXT_FEATURES: Readonly<TextFeatureOptions> = {
  removeStopWords: true,
  stem: true,
  useThesaurus: true,
  wordBigrams: true,
  characterNgrams: true,
};

/** The naive baseline: folded words as they come, no stop words, stems, phrases or n-grams. */
export const PLAIN_TEXT_FEATURES: Readonly<TextFeatureOptions> = {
  removeStopWords: false,
  stem: false,
  useThesaurus: false,
  wordBigrams: false,
  characterNgrams: false,
};

/** `word`: one stem; `phrase`: two adjacent stems; `spelling`: a character n-gram; `concept`: a thesaurus concept. */
export type FeatureKind = 'word' | 'phrase' | 'spelling' | 'concept';

const PREFIX_OF_KIND: Record<FeatureKind, string> = {
  word: 'w:',
  phrase: 'p:',
  spelling: 'c:',
  concept: 'k:',
};
/** The kind of a feature key, from its first letter: called for every feature occurrence. */
export function featureKindOf(key: string): FeatureKind {
  switch (key.charCodeAt(0)) {
    case 112: // p
      return 'phrase';
    case 99: // c
      return 'spelling';
    case 107: // k
      return 'concept';
    default:
      return 'word';
  }
}

/** The concept id of a `concept` feature key, or null for other kinds. */
export function conceptIdOfFeature(key: string): string | null {
  return key.startsWith(PREFIX_OF_KIND.concept) ? key.slice(2) : null;
}

/**
 * Called once per occurrence of a feature: its key, the words of the text it stands for, and how
 * much the occurrence counts (1, less for a phrase or a broader concept).
 */
export type FeatureSink = (key: string, surface: string, factor: number) => void;

const NGRAM_MIN = 3;
const NGRAM_MAX = 5;
const NGRAM_CACHE_LIMIT = 100_000;
let ngramCache = new Map<string, readonly string[]>();

/**
 * Character 3- to 5-grams of a word marked at both ends (« <audit> » → « <au », « aud », …,
 * « dit> »), so that a typo, a missing accent or a compound (« cybersécurité » / « sécurité »)
 * still shares most of its n-grams. Numbers get none: « 9001 » and « 9100 » are not near.
 */
function characterNgrams(folded: string): readonly string[] {
  const cached = ngramCache.get(folded);
  if (cached) return cached;
  if (ngramCache.size > NGRAM_CACHE_LIMIT) ngramCache = new Map();
  const grams: string[] = [];
  if (!/^\d+$/.test(folded)) {
    const marked = `<${folded}>`;
    for (let size = NGRAM_MIN; size <= NGRAM_MAX; size += 1) {
      for (let start = 0; start + size <= marked.length; start += 1) {
        grams.push(`${PREFIX_OF_KIND.spelling}${marked.slice(start, start + size)}`);
      }
    }
  }
  ngramCache.set(folded, grams);
  return grams;
}

/**
 * A broader concept is vaguer than the one named: « pentest » says more than « cybersécurité »,
 * so each step up the thesaurus halves a concept's count.
 */
const BROADER_CONCEPT_FACTOR = 0.5;

/**
 * A phrase repeats two words that already count: at full count, texts sharing a stock phrase
 * (« commerce de détail », « magasin spécialisé ») would look more alike than their topic.
 */
const PHRASE_FACTOR = 0.5;

/** A unit of the word sequence: a content word, or the phrase a thesaurus concept replaced. */
interface SequenceItem {
  key: string;
  surface: string;
}

/**
 * Emits every feature occurrence of the content words of one text, in a stable order.
 *
 * A phrase the thesaurus recognises is replaced, in the word sequence, by its concept: « pentest »
 * and « test d'intrusion » then become the same feature instead of sharing one feature among
 * several words. Broader concepts are added at a reduced count. Character n-grams are taken from
 * the words as written, replaced or not, so spelling still counts.
 */
function emitFeatures(
  words: readonly ContentWord[],
  compounds: readonly CompoundWord[],
  thesaurus: Thesaurus | null,
  options: TextFeatureOptions,
  emit: FeatureSink,
): void {
  const matches = options.useThesaurus && thesaurus ? matchConcepts(thesaurus, words) : [];
  const sequence: SequenceItem[] = [];
  const replaced = new Uint8Array(words.length);
  let position = 0;
  for (const match of matches) {
    if (match.distance > 0) continue;
    for (; position < match.start; position += 1) {
      sequence.push({
        key: `${PREFIX_OF_KIND.word}${words[position]!.stem}`,
        surface: words[position]!.surface,
      });
    }
    // A term in two sets gives two matches of one phrase: both concepts stand in the sequence.
    position = Math.max(position, match.end);
    sequence.push({ key: `${PREFIX_OF_KIND.concept}${match.conceptId}`, surface: match.surface });
    replaced.fill(1, match.start, match.end);
  }
  for (; position < words.length; position += 1) {
    sequence.push({
      key: `${PREFIX_OF_KIND.word}${words[position]!.stem}`,
      surface: words[position]!.surface,
    });
  }
  for (const item of sequence) emit(item.key, item.surface, 1);
  for (const compound of compounds) {
    if (!replaced.subarray(compound.start, compound.end).includes(1)) {
      emit(`${PREFIX_OF_KIND.word}${compound.stem}`, compound.surface, 1);
    }
  }
  for (const match of matches) {
    if (match.distance === 0) continue;
    emit(
      `${PREFIX_OF_KIND.concept}${match.conceptId}`,
      match.surface,
      BROADER_CONCEPT_FACTOR ** match.distance,
    );
  }
  if (options.wordBigrams) {
    for (let index = 1; index < sequence.length; index += 1) {
      const first = sequence[index - 1]!;
      const second = sequence[index]!;
      if (first.surface === second.surface) continue;
      emit(
        `${PREFIX_OF_KIND.phrase}${first.key.slice(2)} ${second.key.slice(2)}`,
        `${first.surface} ${second.surface}`,
        PHRASE_FACTOR,
      );
    }
  }
  if (options.characterNgrams) {
    for (const word of words) for (const gram of characterNgrams(word.folded)) emit(gram, word.surface, 1);
  }
}

/** A text of a document and how much each of its occurrences counts (a title more than a description). */
export interface WeightedText {
  text: string;
  weight: number;
}

/** What the engine keeps of a document: its feature counts and the words behind them. */
export interface AnalysedDocument {
  /** Weighted count of each feature (term frequencies). */
  counts: Map<string, number>;
  /** Content words as written (« sécurité »), in order: what character n-grams are traced back to. */
  words: string[];
  /** For each concept feature, the words of the document that matched it. */
  conceptWords: Map<string, string[]>;
}

/** Occurrences of each spelling of each word, phrase and concept feature, over many documents. */
export type SpellingTally = Map<string, Map<string, number>>;

/**
 * Runs the pipeline on a document made of several texts, each with a weight. The language is
 * detected on all texts together, as a title alone is often too short to tell; phrases do not
 * span two texts. When given a tally, adds the document's spellings to it.
 */
export function analyseDocument(
  texts: readonly WeightedText[],
  thesaurus: Thesaurus | null,
  options: TextFeatureOptions,
  spellings?: SpellingTally,
): AnalysedDocument {
  const counts = new Map<string, number>();
  const words: string[] = [];
  const conceptWords = new Map<string, string[]>();
  const tokenLists = texts.map(({ text }) => tokeniseNeedText(text));
  const language = detectNeedLanguage(tokenLists.flat());
  tokenLists.forEach((tokens, index) => {
    const weight = texts[index]!.weight;
    const analysed = extractContentWords(tokens, {
      language,
      removeStopWords: options.removeStopWords,
      stem: options.stem,
    });
    for (const word of analysed.words) words.push(word.surface);
    emitFeatures(analysed.words, analysed.compounds, thesaurus, options, (key, surface, factor) => {
      counts.set(key, (counts.get(key) ?? 0) + weight * factor);
      const kind = featureKindOf(key);
      if (kind === 'spelling') return;
      if (kind === 'concept') {
        const matched = conceptWords.get(key);
        if (!matched) conceptWords.set(key, [surface]);
        else if (!matched.includes(surface)) matched.push(surface);
      }
      if (!spellings) return;
      let seen = spellings.get(key);
      if (!seen) {
        seen = new Map();
        spellings.set(key, seen);
      }
      seen.set(surface, (seen.get(surface) ?? 0) + 1);
    });
  });
  return { counts, words, conceptWords };
}

/** The weighted count of each feature of a document (term frequencies). */
export function countFeatures(
  texts: readonly WeightedText[],
  thesaurus: Thesaurus | null,
  options: TextFeatureOptions,
): Map<string, number> {
  return analyseDocument(texts, thesaurus, options).counts;
}

/** Words as {@link characterNgrams} sees them: folded and marked at both ends (« <securite> »). */
export function markedWords(words: readonly string[]): string[] {
  return words.map((word) => `<${foldAccents(word)}>`);
}

/**
 * The first word (as written) that a character n-gram feature comes from, given the words and
 * their {@link markedWords}; the bare n-gram when none does.
 */
export function wordOfNgram(words: readonly string[], marked: readonly string[], key: string): string {
  const gram = key.slice(PREFIX_OF_KIND.spelling.length);
  const index = marked.findIndex((word) => word.includes(gram));
  return index >= 0 ? words[index]! : gram.replace(/[<>]/g, '');
}
