/**
 * The INSEE NAF rév. 2 nomenclature of activities (the French refinement of NACE Rev. 2): a
 * five-level hierarchy, passed in as data, with lookups and an accent-insensitive French search.
 *
 * Codes are written as SIRENE writes them: section `J`, division `62`, group `62.0`, class
 * `62.01`, sub-class `62.01Z`. The APE code of a company is a sub-class.
 */

import { normaliseForSearch, stemFrenchWord } from './french-text.ts';

export const NAF_LEVELS = ['section', 'division', 'group', 'class', 'subclass'] as const;
export type NafLevel = (typeof NAF_LEVELS)[number];

/** One item of the nomenclature as data. */
export interface NafEntry {
  code: string;
  label: string;
  /**
   * Code of the parent item. Required for divisions (their section cannot be told from the
   * code); derived from the code for the other levels when absent.
   */
  parent?: string | null;
}

export interface NafNode {
  code: string;
  label: string;
  level: NafLevel;
  parent: string | null;
  children: string[];
}

export interface NafRef {
  code: string;
  label: string;
}

/** The chain from section down to an item; the levels below the item are null. */
export interface NafPath {
  section: NafRef;
  division: NafRef | null;
  group: NafRef | null;
  class: NafRef | null;
  subclass: NafRef | null;
}

interface SearchEntry {
  node: NafNode;
  /** The code without dots, e.g. `6201Z`: what people type. */
  compactCode: string;
  label: string;
  words: string[];
  stems: string[];
}

export interface NafIndex {
  readonly nodes: ReadonlyMap<string, NafNode>;
  /** Sections in code order. */
  readonly sections: readonly NafNode[];
  readonly search: readonly SearchEntry[];
}

const CODE_PATTERNS: readonly [NafLevel, RegExp][] = [
  ['section', /^[A-U]$/],
  ['division', /^\d\d$/],
  ['group', /^\d\d\.\d$/],
  ['class', /^\d\d\.\d\d$/],
  ['subclass', /^\d\d\.\d\d[A-Z]$/],
];

/** The level of a well-formed NAF rév. 2 code, or null for anything else. */
export function nafLevelOfCode(code: string): NafLevel | null {
  for (const [level, pattern] of CODE_PATTERNS) if (pattern.test(code)) return level;
  return null;
}

/**
 * A NAF code as typed (`6201z`, `62 01 Z`, `62.01Z`, `j`) in canonical form (`62.01Z`, `J`), or
 * null when it cannot be the code of any level.
 */
export function normaliseNafCode(input: string): string | null {
  const compact = input.replace(/[\s.]/g, '').toUpperCase();
  if (/^[A-U]$/.test(compact) || /^\d\d$/.test(compact)) return compact;
  const match = /^(\d\d)(\d{1,2})([A-Z]?)$/.exec(compact);
  if (!match) return null;
  const [, division, rest, letter] = match;
  if (letter && rest!.length !== 2) return null;
  return `${division}.${rest}${letter}`;
}

function derivedParent(code: string, level: NafLevel): string | null {
  switch (level) {
    case 'group':
      return code.slice(0, 2);
    case 'class':
      return code.slice(0, 4);
    case 'subclass':
      return code.slice(0, 5);
    default:
      return null;
  }
}

/**
 * Builds the lookup and search index of a nomenclature. Throws when the data breaks the
 * hierarchy (malformed or duplicate code, missing parent, parent at the wrong level): that is a
 * broken build, not user input.
 */
export function buildNafIndex(entries: readonly NafEntry[]): NafIndex {
  const nodes = new Map<string, NafNode>();
  for (const entry of entries) {
    const level = nafLevelOfCode(entry.code);
    if (!level) throw new Error(`NAF: malformed code ${JSON.stringify(entry.code)}`);
    if (nodes.has(entry.code)) throw new Error(`NAF: duplicate code ${entry.code}`);
    const parent = entry.parent ?? derivedParent(entry.code, level);
    if (level === 'division' && !parent) throw new Error(`NAF: division ${entry.code} has no section`);
    nodes.set(entry.code, { code: entry.code, label: entry.label, level, parent, children: [] });
  }
  for (const node of nodes.values()) {
    if (node.parent === null) continue;
    const parent = nodes.get(node.parent);
    const expectedLevel = NAF_LEVELS[NAF_LEVELS.indexOf(node.level) - 1];
    if (!parent || parent.level !== expectedLevel) {
      throw new Error(`NAF: ${node.code} has parent ${node.parent}, which is not a ${expectedLevel}`);
    }
    parent.children.push(node.code);
  }
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const node of nodes.values()) node.children.sort(byCode);
  const sections = [...nodes.values()]
    .filter((n) => n.level === 'section')
    .sort((a, b) => byCode(a.code, b.code));
  const search = [...nodes.values()]
    .sort((a, b) => byCode(a.code, b.code))
    .map((node) => {
      const label = normaliseForSearch(node.label);
      const words = label.split(' ');
      return {
        node,
        compactCode: node.code.replace('.', ''),
        label,
        words,
        stems: words.map(stemFrenchWord),
      };
    });
  return { nodes, sections, search };
}

/** The item of a code (canonical or as typed, see {@link normaliseNafCode}), or null. */
export function nafNode(index: NafIndex, code: string): NafNode | null {
  const canonical = normaliseNafCode(code);
  return (canonical && index.nodes.get(canonical)) || null;
}

/** The chain from section down to the item of `code` (canonical or as typed), or null when unknown. */
export function nafPath(index: NafIndex, code: string): NafPath | null {
  let node = nafNode(index, code);
  if (!node) return null;
  const path: Partial<Record<NafLevel, NafRef>> = {};
  while (node) {
    path[node.level] = { code: node.code, label: node.label };
    node = node.parent === null ? null : (index.nodes.get(node.parent) ?? null);
  }
  return {
    section: path.section!,
    division: path.division ?? null,
    group: path.group ?? null,
    class: path.class ?? null,
    subclass: path.subclass ?? null,
  };
}

/** How a search hit matched, from strongest to weakest. */
export type NafMatch = 'code' | 'code-prefix' | 'label-prefix' | 'words';

export interface NafSearchHit {
  code: string;
  label: string;
  level: NafLevel;
  match: NafMatch;
}

// Words too common in labels to narrow a search; dropped from queries that have other words.
const STOP_WORDS = new Set([
  'a',
  'au',
  'aux',
  'c',
  'd',
  'dans',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'n',
  'ou',
  'par',
  'pour',
  'sur',
  'un',
  'une',
]);

// Shorter stems are too ambiguous to match on (« ac », « pr »).
const MIN_STEM = 3;

const MATCH_RANK: Record<NafMatch, number> = { code: 0, 'code-prefix': 1, 'label-prefix': 2, words: 3 };

/**
 * Items whose code or label matches a French query, best first, at most `limit`. Accents, case
 * and punctuation are ignored, so « electricite » finds « Production d'électricité ».
 *
 * Ranking: the exact code (`62.01`, `6201`, `62.01Z`), then codes that start with the query
 * (`62.01` → `62.01Z`), then labels that start with the query, then labels that contain every
 * query word — as a word prefix (typing « electr ») or by a shared stem (« electricite » finds
 * « électrique »). Inside a tier, labels with more words spelled exactly as in the query come
 * first, then shorter (more specific) labels, then code order.
 * @param levels restrict hits to these levels (e.g. `['subclass']` to pick an APE code)
 */
export function searchNaf(
  index: NafIndex,
  query: string,
  limit = 20,
  levels?: readonly NafLevel[],
): NafSearchHit[] {
  const normalised = normaliseForSearch(query);
  if (normalised === '' || limit <= 0) return [];
  const compactQuery = query.replace(/[\s.]/g, '').toUpperCase();
  const looksLikeCode = /^([A-U]|\d{1,4}[A-Z]?)$/.test(compactQuery);
  const allWords = normalised.split(' ');
  const meaningful = allWords.filter((w) => !STOP_WORDS.has(w));
  const queryWords = meaningful.length > 0 ? meaningful : allWords;
  const queryStems = queryWords.map(stemFrenchWord);

  const hits: { hit: NafSearchHit; exactWords: number; labelLength: number; order: number }[] = [];
  index.search.forEach((entry, order) => {
    if (levels && !levels.includes(entry.node.level)) return;
    let match: NafMatch | null = null;
    if (looksLikeCode && entry.compactCode === compactQuery) match = 'code';
    else if (looksLikeCode && /^\d/.test(compactQuery) && entry.compactCode.startsWith(compactQuery)) {
      match = 'code-prefix';
    } else if (entry.label.startsWith(normalised)) match = 'label-prefix';
    else if (
      queryWords.every((word, i) =>
        entry.words.some(
          (w, j) =>
            w.startsWith(word) || (queryStems[i]!.length >= MIN_STEM && entry.stems[j] === queryStems[i]),
        ),
      )
    ) {
      match = 'words';
    }
    if (!match) return;
    const exactWords = queryWords.filter((word) => entry.words.includes(word)).length;
    const { code, label, level } = entry.node;
    hits.push({ hit: { code, label, level, match }, exactWords, labelLength: entry.label.length, order });
  });
  hits.sort(
    (a, b) =>
      MATCH_RANK[a.hit.match] - MATCH_RANK[b.hit.match] ||
      b.exactWords - a.exactWords ||
      (a.hit.match === 'code-prefix' ? 0 : a.labelLength - b.labelLength) ||
      a.order - b.order,
  );
  return hits.slice(0, limit).map((h) => h.hit);
}
