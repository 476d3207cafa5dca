import { detectNeedLanguage, extractContentWords, tokeniseNeedText } from '../needs/text.ts';
import { buildThesaurus, matchConcepts, type Thesaurus } from '../needs/thesaurus.ts';
import { PEER_SYNONYM_SETS } from './peer-synonyms.ts';

/**
 * Where a piece of evidence about a person comes from, strongest first: an experience report
 * they wrote, a group they are an active member of, their organisation's competences, their job
 * title or CODIR role, their organisation's description, its NAF activity.
 */
export type PeerEvidenceKind =
  | 'report'
  | 'group'
  | 'competence'
  | 'job-title'
  | 'codir-role'
  | 'organisation'
  | 'naf';

export interface PeerEvidence {
  kind: PeerEvidenceKind;
  /** What the « why » names: the report's title, the group's name, the competence … */
  label: string;
  /** The text compared with the question (a report's title and body, a group's theme …). */
  text: string;
}

export interface PeerCandidate {
  personId: string;
  /**
   * Only evidence the asker may know about. The caller leaves out posts of groups the asker does
   * not read and Chatham House reports (whose author must stay unnamed outside the group).
   */
  evidence: readonly PeerEvidence[];
}

export interface PeerReason {
  kind: PeerEvidenceKind;
  label: string;
  /** The words or topics the question and the evidence share, as people wrote them. */
  matched: string[];
}

export interface PeerSuggestion {
  personId: string;
  score: number;
  /** Strongest first, three at most. */
  reasons: PeerReason[];
}

const KIND_WEIGHT: Record<PeerEvidenceKind, number> = {
  report: 3,
  group: 1.5,
  competence: 2,
  'job-title': 1.5,
  'codir-role': 1.5,
  organisation: 1,
  naf: 0.75,
};

// Words of how a question is asked, not of what it is about (folded, before stemming).
const QUESTION_WORDS = new Set([
  'deja',
  'change',
  'changer',
  'changement',
  'quelqu',
  'quelquun',
  'experience',
  'experiences',
  'retour',
  'retours',
  'conseil',
  'conseils',
  'avis',
  'vecu',
  'faire',
  'fait',
  'comment',
  'pourquoi',
  'quoi',
  'qui',
  'passe',
  'passer',
  'mis',
  'mettre',
  'place',
  'recommandez',
  'recommander',
  'savoir',
  'idee',
  'question',
  'membres',
  'membre',
  'entreprise',
  'entreprises',
  'societe',
]);

interface AnalysedText {
  /** Stem → the word as written. */
  stems: Map<string, string>;
  /** Concept id → its closest distance and the words that named it. */
  concepts: Map<string, { distance: number; surface: string }>;
}

let defaultThesaurus: Thesaurus | undefined;

/** The peer thesaurus, compiled once. */
export function peerThesaurus(): Thesaurus {
  defaultThesaurus ??= buildThesaurus(PEER_SYNONYM_SETS);
  return defaultThesaurus;
}

/** A text's topic words (accents folded, stemmed, stop words and question words removed) and concepts. */
export function analysePeerText(text: string, thesaurus: Thesaurus = peerThesaurus()): AnalysedText {
  const tokens = tokeniseNeedText(text);
  const { words } = extractContentWords(tokens, {
    language: detectNeedLanguage(tokens),
    removeStopWords: true,
    stem: true,
  });
  const stems = new Map<string, string>();
  for (const word of words) {
    if (QUESTION_WORDS.has(word.folded)) continue;
    if (!stems.has(word.stem)) stems.set(word.stem, word.surface);
  }
  const concepts = new Map<string, { distance: number; surface: string }>();
  for (const match of matchConcepts(thesaurus, words)) {
    const known = concepts.get(match.conceptId);
    if (!known || match.distance < known.distance)
      concepts.set(match.conceptId, { distance: match.distance, surface: match.surface });
  }
  return { stems, concepts };
}

/** The words as the evidence wrote them (« ERP », not « erp »), when they appear there as such. */
function asWritten(text: string, surface: string): string {
  const at = text.toLocaleLowerCase('fr').indexOf(surface);
  return at >= 0 ? text.slice(at, at + surface.length) : surface;
}

/** How much one piece of evidence says about the question, and the shared words to show. */
function compare(question: AnalysedText, evidence: AnalysedText, rawText: string, thesaurus: Thesaurus) {
  let points = 0;
  // Whether the evidence names the topic itself, not only a broader one.
  let isDirect = false;
  const matched: string[] = [];
  const covered = new Set<string>();
  // A topic named on both sides counts fully, and its broader topics are then not counted again.
  const implied = new Set<string>();
  for (const [conceptId, asked] of question.concepts) {
    const found = evidence.concepts.get(conceptId);
    if (!found || asked.distance + found.distance > 0) continue;
    points += 3;
    isDirect = true;
    matched.push(asWritten(rawText, found.surface));
    for (const broader of thesaurus.concepts.get(conceptId)?.broader ?? []) implied.add(broader.id);
    for (const stem of analysePeerText(found.surface, thesaurus).stems.keys()) covered.add(stem);
    for (const stem of analysePeerText(asked.surface, thesaurus).stems.keys()) covered.add(stem);
  }
  // A topic only shared through a broader one counts weakly, and only when close (two steps).
  for (const [conceptId, asked] of question.concepts) {
    const found = evidence.concepts.get(conceptId);
    if (!found || implied.has(conceptId)) continue;
    const distance = asked.distance + found.distance;
    if (distance === 0 || distance > 2) continue;
    points += 1 / distance;
    matched.push(thesaurus.concepts.get(conceptId)?.label ?? conceptId);
  }
  for (const [stem, surface] of evidence.stems) {
    if (covered.has(stem) || !question.stems.has(stem)) continue;
    points += 1;
    isDirect = true;
    matched.push(asWritten(rawText, surface));
  }
  return { points, matched: [...new Set(matched)], isDirect };
}

/**
 * The people most likely to have lived what the question is about, best first, each with why:
 * the evidence that matched and the words it shares with the question. French text is compared
 * accents folded and stemmed, with synonyms (« ERP » meets « progiciel de gestion intégré »).
 * People with no matching evidence are not suggested. Ties are broken by person id, so the same
 * question always gives the same list.
 */
export function suggestPeers(
  question: string,
  candidates: readonly PeerCandidate[],
  options: { limit?: number; thesaurus?: Thesaurus } = {},
): PeerSuggestion[] {
  const thesaurus = options.thesaurus ?? peerThesaurus();
  const limit = options.limit ?? 10;
  const asked = analysePeerText(question, thesaurus);
  if (asked.stems.size === 0 && asked.concepts.size === 0) return [];
  const suggestions: PeerSuggestion[] = [];
  for (const candidate of candidates) {
    let reasons: (PeerReason & { points: number; isDirect: boolean })[] = [];
    for (const evidence of candidate.evidence) {
      const { points, matched, isDirect } = compare(
        asked,
        analysePeerText(evidence.text, thesaurus),
        evidence.text,
        thesaurus,
      );
      if (points <= 0) continue;
      reasons.push({
        isDirect,
        kind: evidence.kind,
        label: evidence.label,
        matched,
        points: points * KIND_WEIGHT[evidence.kind],
      });
    }
    if (reasons.length === 0) continue;
    // Evidence that names the topic makes the merely related evidence noise: it is left out.
    if (reasons.some((reason) => reason.isDirect)) reasons = reasons.filter((reason) => reason.isDirect);
    reasons.sort((a, b) => b.points - a.points || a.label.localeCompare(b.label));
    // The best reason counts fully, the next ones less: ten weak hints do not beat one report.
    const score = reasons.reduce((sum, reason, index) => sum + reason.points / (index + 1), 0);
    suggestions.push({
      personId: candidate.personId,
      score: Math.round(score * 100) / 100,
      reasons: reasons.slice(0, 3).map(({ kind, label, matched }) => ({ kind, label, matched })),
    });
  }
  suggestions.sort(
    (a, b) => b.score - a.score || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
  return suggestions.slice(0, limit);
}
