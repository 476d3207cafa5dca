/**
 * French text helpers for matching and identifiers: accent folding, search normalisation, slugs.
 */

// Letters that Unicode does not decompose into a base letter plus accents.
const LIGATURES: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
};
const LIGATURE_PATTERN = new RegExp(`[${Object.keys(LIGATURES).join('')}]`, 'g');

/**
 * Removes accents and expands ligatures, keeping case: « Élise » → « Elise », « cœur » → « coeur »,
 * « Ægir » → « AEgir », « ç » → « c ». Compatibility forms become their plain equivalent (« ﬁ » →
 * « fi », « ² » → « 2 », non-breaking space → space), as users type the plain ones.
 */
export function foldAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(LIGATURE_PATTERN, (letter) => LIGATURES[letter] ?? letter);
}

/**
 * The form in which two French texts are compared for search: accents folded, lower case, every
 * run of characters other than letters and digits (spaces, punctuation, apostrophes, hyphens)
 * turned into a single space, trimmed. « Saint-Priest » and « saint priest » give the same string;
 * « L’Électricité ! » gives « l electricite ».
 */
export function normaliseForSearch(text: string): string {
  // Lower case first, then fold, then lower case again: « ẞ » only becomes « ß » (and so « ss »)
  // once lowered, and a folded ligature may come out in capitals.
  return foldAccents(text.toLowerCase())
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A URL-safe identifier made of `a-z`, `0-9` and single hyphens, at most `maxLength` characters
 * and cut at a word boundary when possible: « Club des ETI de Normandie » → « club-des-eti-de-normandie ».
 * Returns '' when the text has no Latin letter or digit; the caller decides on a fallback.
 */
export function slugify(text: string, maxLength = 60): string {
  const slug = foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  // Cut at the last word boundary unless that would throw away most of the slug.
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

// Longest first, so that « -issement » wins over « -ement » and « -erie » over « -ie ».
const SUFFIXES = [
  'issements',
  'issement',
  'atrices',
  'atrice',
  'ateurs',
  'ements',
  'ateur',
  'ation',
  'ement',
  'ances',
  'ences',
  'euses',
  'iques',
  'istes',
  'ismes',
  'ables',
  'ibles',
  'ieres',
  'iennes',
  'ienne',
  'ance',
  'ence',
  'euse',
  'ique',
  'iste',
  'isme',
  'able',
  'ible',
  'iere',
  'erie',
  'eurs',
  'iers',
  'ites',
  'ions',
  'ants',
  'ante',
  'ives',
  'eres',
  'elle',
  'ales',
  'aux',
  'eur',
  'ier',
  'ien',
  'ite',
  'ion',
  'ant',
  'ive',
  'ere',
  'age',
  'ale',
  'ees',
  'ie',
  'if',
  'al',
  'ee',
  'es',
  'er',
  'e',
  's',
  'x',
];
const MIN_STEM = 3;

/**
 * A light French stemmer for matching words typed without accents against labels: it works on
 * folded lower-case words (as {@link normaliseForSearch} gives them) and strips one common
 * inflectional or derivational ending, so that « electricite », « electrique » and « electricien »
 * share the stem « electr », and « usinage », « usine » and « usines » the stem « usin ». It is
 * deliberately cruder than Snowball, whose rules depend on accents users do not type; it favours
 * finding too much over too little, so use it for recall and rank exact words first.
 * @param word one folded, lower-case word (letters and digits only)
 */
export function stemFrenchWord(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      // « électricité » → « électric » → « électr », to meet « électrique » → « électr ».
      return stem.length > 5 && stem.endsWith('ic') ? stem.slice(0, -2) : stem;
    }
  }
  return word;
}
