/**
 * The first steps of the need engine's text pipeline: normalisation, tokenisation, language,
 * stop words and stemming. Everything runs offline on the text alone.
 */

// Projects that compile this file through the package's source (server, tools) need the types too.
/// <reference path="./snowball-stemmers.d.ts" />
import { foldAccents } from '../french-text.ts';
import { ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, NEED_DOMAIN_STOP_WORDS } from './stop-words.ts';

export type NeedLanguage = 'fr' | 'en';

/** One word of a text, in the form shown to people and the form compared. */
export interface NeedToken {
  /** Lower case with its accents, elision removed: what explanations show (« sécurité »). */
  surface: string;
  /**
   * Accents folded, lower case, only letters and digits with single inner hyphens: what is
   * compared (« securite », « cyber-securite »).
   */
  folded: string;
  /** Written in capitals inside a text that is not all capitals (« SI », « RSE »). */
  isAcronym: boolean;
}

/** A word that says something about the topic: stop words removed, split at hyphens, stemmed. */
export interface ContentWord {
  surface: string;
  folded: string;
  stem: string;
}

// Typewriter, typographic and look-alike apostrophes all mean the same to a writer.
const APOSTROPHES = /['’ʼ‘`´′]/g;
// French elided articles and conjunctions, only at the start of a word: « l'achat », « qu'il ».
const ELISION = /(?<![\p{L}\p{N}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'(?=\p{L})/giu;
const HYPHENS = /[\u2010\u2011]/g;
const RAW_WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
// ʼ (U+02BC) counts as a letter in Unicode but is an apostrophe to a reader (« ŉ » folds to « ʼn »).
const NOT_WORD_CHARACTER = /[^\p{L}\p{N}-]+|['’ʼ‘`´′]+/u;
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]{1,5}$/u;
const LOWER_CASE_LETTER = /\p{Ll}/u;

const FOLD_CACHE_LIMIT = 100_000;
let foldCache = new Map<string, readonly string[]>();

/**
 * Folds one raw word into the compared form. Folding runs twice around lower-casing because
 * lower-casing a few letters produces combining marks again; splitting afterwards because
 * compatibility folding can turn one character into punctuation (« ½ » → « 1⁄2 »). Cached, as
 * the same words come back in every need (bounded, for a long-running server).
 */
function foldWord(raw: string): readonly string[] {
  const cached = foldCache.get(raw);
  if (cached) return cached;
  if (foldCache.size > FOLD_CACHE_LIMIT) foldCache = new Map();
  const pieces = foldAccents(foldAccents(raw).toLowerCase())
    .split(NOT_WORD_CHARACTER)
    .map((piece) => piece.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, ''))
    .filter((piece) => piece !== '');
  foldCache.set(raw, pieces);
  return pieces;
}

/**
 * Splits a text into words: apostrophe variants unified, French elisions removed (« l'achat » →
 * « achat », « d'un » → « un »), hyphenated words kept whole (« cyber-sécurité »), every other
 * punctuation mark a separator.
 */
export function tokeniseNeedText(text: string): NeedToken[] {
  const unified = text
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .replace(/aujourd'hui/giu, 'aujourdhui')
    // « R&D », « B&B »: one word, not two single letters that would be dropped.
    .replace(/(?<![\p{L}\p{N}])(\p{L}{1,2})&(\p{L}{1,2})(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(ELISION, '');
  const rawWords = [...unified.matchAll(RAW_WORD)].map((match) => match[0]);
  // In a text typed all in capitals every word would look like an acronym; a lone word in
  // capitals (a thesaurus term « IT ») is one.
  const canHaveAcronyms = rawWords.length === 1 || LOWER_CASE_LETTER.test(unified);
  const tokens: NeedToken[] = [];
  for (const raw of rawWords) {
    const isAcronym = canHaveAcronyms && ACRONYM.test(raw);
    const surface = raw.toLowerCase();
    for (const folded of foldWord(raw)) tokens.push({ surface, folded, isAcronym });
  }
  return tokens;
}

/**
 * The compared form of a text: its tokens' folded forms separated by single spaces.
 * « L'achat groupé d'électricité ! » → « achat groupe electricite ». Idempotent.
 */
export function normaliseNeedText(text: string): string {
  return tokeniseNeedText(text)
    .map((token) => token.folded)
    .join(' ');
}

/**
 * The language to stem a text with: English when it has more English-only function words than
 * French-only ones, French otherwise (the network's language, and the safe choice for a title
 * with no function word at all).
 */
export function detectNeedLanguage(tokens: readonly NeedToken[]): NeedLanguage {
  let english = 0;
  let french = 0;
  for (const { folded } of tokens) {
    const isEnglish = ENGLISH_STOP_WORDS.has(folded);
    const isFrench = FRENCH_STOP_WORDS.has(folded);
    if (isEnglish && !isFrench) english += 1;
    if (isFrench && !isEnglish) french += 1;
  }
  return english > french ? 'en' : 'fr';
}

/** Years and one- or two-digit numbers say nothing about a topic; « 27001 » or « 9001 » do. */
function isMeaninglessNumber(folded: string): boolean {
  return /^\d+$/.test(folded) && (folded.length < 3 || /^(19|20)\d\d$/.test(folded));
}

/**
 * Whether a word is ignored. Domain stop words go even as acronyms (« PME », « ETI »); other
 * acronyms stay even when they spell a function word (« SI » is the information system, « IT »
 * information technology).
 */
export function isNeedStopWord(folded: string, isAcronym = false): boolean {
  if (NEED_DOMAIN_STOP_WORDS.has(folded)) return true;
  if (isAcronym) return false;
  if (folded.length < 2 || isMeaninglessNumber(folded)) return true;
  return FRENCH_STOP_WORDS.has(folded) || ENGLISH_STOP_WORDS.has(folded);
}

type Snowball = typeof import('snowball-stemmers');
type SnowballStemmer = ReturnType<Snowball['newStemmer']>;
let snowball: Snowball | undefined;

/**
 * The `snowball-stemmers` package, required on first use instead of imported. It is CommonJS,
 * so a bundler cannot prove that importing it does nothing, and the web app — which imports
 * this package for its other helpers and never stems — would ship its 330 kB.
 */
function loadSnowball(): Snowball {
  snowball ??= process.getBuiltinModule('node:module').createRequire(import.meta.url)(
    'snowball-stemmers',
  ) as Snowball;
  return snowball;
}

const stemmers = new Map<NeedLanguage, SnowballStemmer>();
const stemCaches = new Map<NeedLanguage, Map<string, string>>();
// A bound, so that a long-running server does not keep every word it ever saw.
const STEM_CACHE_LIMIT = 200_000;

/**
 * The Snowball stem of a folded word. Snowball's French rules look at accents, but people type
 * « securite » as often as « sécurité »; stemming the folded form gives both the same stem
 * (« securit »), which matters more here than Snowball's finer handling of accented endings.
 * Stemmers are created on first use, so that importing the domain package costs nothing.
 */
export function stemNeedWord(folded: string, language: NeedLanguage): string {
  if (/^\d+$/.test(folded)) return folded;
  let cache = stemCaches.get(language);
  if (!cache || cache.size > STEM_CACHE_LIMIT) {
    cache = new Map();
    stemCaches.set(language, cache);
  }
  const cached = cache.get(folded);
  if (cached !== undefined) return cached;
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = loadSnowball().newStemmer(language === 'fr' ? 'french' : 'english');
    stemmers.set(language, stemmer);
  }
  const stem = stemmer.stem(folded);
  cache.set(folded, stem);
  return stem;
}

export interface ContentWordOptions {
  language: NeedLanguage;
  removeStopWords: boolean;
  stem: boolean;
}

/** A hyphenated word joined into one, with the positions of its parts among the content words. */
export interface CompoundWord extends ContentWord {
  start: number;
  end: number;
}

/** The content words of a text plus the hyphenated compounds they came from, joined. */
export interface ContentWords {
  /** In text order, hyphenated words split into their parts. */
  words: ContentWord[];
  /** « cyber-sécurité » also as « cybersecurite », to meet those who write it in one word. */
  compounds: CompoundWord[];
}

function contentWord(surface: string, folded: string, options: ContentWordOptions): ContentWord {
  return { surface, folded, stem: options.stem ? stemNeedWord(folded, options.language) : folded };
}

/** Keeps the words that carry the topic, splits hyphenated ones and stems them. */
export function extractContentWords(tokens: readonly NeedToken[], options: ContentWordOptions): ContentWords {
  const words: ContentWord[] = [];
  const compounds: CompoundWord[] = [];
  const isKept = (folded: string, isAcronym: boolean) =>
    !options.removeStopWords || !isNeedStopWord(folded, isAcronym);
  for (const token of tokens) {
    const parts = token.folded.split('-');
    if (parts.length === 1) {
      if (isKept(token.folded, token.isAcronym))
        words.push(contentWord(token.surface, token.folded, options));
      continue;
    }
    const surfaceParts = token.surface.split('-');
    // Folding may have split the surface differently; the folded part is then shown instead.
    const surfaceOf = (index: number) =>
      surfaceParts.length === parts.length ? surfaceParts[index]! : parts[index]!;
    const kept = parts.flatMap((part, index) =>
      isKept(part, false) ? [contentWord(surfaceOf(index), part, options)] : [],
    );
    const start = words.length;
    words.push(...kept);
    if (kept.length >= 2) {
      compounds.push({ ...contentWord(token.surface, parts.join(''), options), start, end: words.length });
    }
  }
  return { words, compounds };
}
