/**
 * The relocation challenge (« défi de relocalisation »): a member lists what it buys outside the
 * network; this proposes the member companies able to supply it, each with the evidence a person
 * can check — the words and competences that match, how close the NAF codes are, which required
 * certifications are held and still valid, and how far away the company is.
 *
 * The text ranking is the need engine's ({@link rankRelocationCandidates}); this adds what the
 * directory knows and the engine does not: certification expiry, points on the map, the buyer
 * itself left out, and a readable explanation.
 */

import { normaliseForSearch } from '../french-text.ts';
import { distanceKm, type LonLat } from '../geo.ts';
import { rankRelocationCandidates } from '../needs/relocation.ts';
import type { NafMatchLevel } from '../needs/structured-similarity.ts';
import { isNeedStopWord, stemNeedWord, tokeniseNeedText } from '../needs/text.ts';

/** Something a member buys from a supplier outside the network. */
export interface RelocationPurchase {
  /** The member that buys it: never proposed to itself. */
  buyerOrganisationId: string;
  /** What is bought, in the member's words (« usinage de pièces inox »). */
  description: string;
  /** NAF code of the activity that makes it, when known (`25.62B`, `25.62`, `25`). */
  nafCode?: string | null;
  /** Competence labels the supplier should have (matched as text, like the description). */
  competenceLabels?: readonly string[];
  /** Certifications a supplier must hold, valid on `today` (« ISO 9001 »). */
  requiredCertifications?: readonly string[];
  /** Where the buyer is, to measure distances; null when unknown. */
  point?: LonLat | null;
}

/** A member company, as the person asking may see it in the directory. */
export interface SupplierCandidate {
  organisationId: string;
  description?: string;
  /** Labels of its competences from the network's taxonomy. */
  competenceLabels?: readonly string[];
  /** Competences it wrote in its own words. */
  freeCompetences?: readonly string[];
  nafCode?: string | null;
  /** Its certifications; `expiresOn` is an ISO date (yyyy-mm-dd) or null for no expiry. */
  certifications?: readonly { name: string; expiresOn: string | null }[];
  point?: LonLat | null;
}

export interface SupplierProposalOptions {
  /** ISO date (yyyy-mm-dd): a certification that expired before it does not count. */
  today: string;
  /** At most this many proposals, best first. Default 10. */
  limit?: number;
  /** Distance at which proximity stops counting, in km. Default 200. */
  maxDistanceKm?: number;
}

/** A proposed member company and why. */
export interface RelocationSupplierMatch {
  organisationId: string;
  /** In [0, 1]; higher is a better fit. Rounded to 3 decimals. */
  score: number;
  /** Words of the purchase found in what the company says it does. */
  matchedWords: string[];
  /** The company's competences (taxonomy or free) that share a word with the purchase. */
  matchedCompetences: string[];
  /** How much of the NAF code the company shares with the purchase, null if either is unknown. */
  nafMatch: NafMatchLevel | null;
  /** Required certifications the company holds, valid today. */
  certificationsHeld: string[];
  /** Required certifications it holds but that have expired. */
  certificationsExpired: string[];
  /** Required certifications it does not hold. */
  certificationsMissing: string[];
  /** Great-circle distance from the buyer, km, one decimal; null when a point is unknown. */
  distanceKm: number | null;
}

/** The stems of the content words of a text (French Snowball, accents folded). */
function stemsOf(text: string): Set<string> {
  const stems = new Set<string>();
  for (const token of tokeniseNeedText(text)) {
    if (token.folded.length < 2 || isNeedStopWord(token.folded, token.isAcronym)) continue;
    stems.add(stemNeedWord(token.folded, 'fr'));
  }
  return stems;
}

/**
 * Proposes member companies for something bought outside the network, best first, each with its
 * evidence. The buyer itself is never proposed. A company is proposed only if what it does
 * matches the purchase's words or its NAF code shares at least the group (the engine's rule): a
 * nearby certified company that does something else is not a supplier. The order is a pure
 * function of the inputs (score, then distance, then organisation id).
 */
export function proposeRelocationSuppliers(
  purchase: RelocationPurchase,
  candidates: readonly SupplierCandidate[],
  options: SupplierProposalOptions,
): RelocationSupplierMatch[] {
  const seen = new Set<string>();
  const eligible = candidates.filter((candidate) => {
    if (candidate.organisationId === purchase.buyerOrganisationId || seen.has(candidate.organisationId))
      return false;
    seen.add(candidate.organisationId);
    return true;
  });
  const byId = new Map(eligible.map((candidate) => [candidate.organisationId, candidate]));
  const required = [...new Set((purchase.requiredCertifications ?? []).map((c) => c.trim()).filter(Boolean))];
  const distances = new Map<string, number | null>();
  const valid = new Map<string, Set<string>>();
  const expired = new Map<string, Set<string>>();
  for (const candidate of eligible) {
    distances.set(
      candidate.organisationId,
      purchase.point && candidate.point
        ? Math.round(distanceKm(purchase.point, candidate.point) * 10) / 10
        : null,
    );
    const isValid = new Set<string>();
    const isExpired = new Set<string>();
    for (const certification of candidate.certifications ?? []) {
      const name = normaliseForSearch(certification.name);
      if (certification.expiresOn === null || certification.expiresOn >= options.today) isValid.add(name);
      else isExpired.add(name);
    }
    valid.set(candidate.organisationId, isValid);
    expired.set(candidate.organisationId, isExpired);
  }

  const purchaseText = [purchase.description, ...(purchase.competenceLabels ?? [])].join(', ');
  const ranked = rankRelocationCandidates(
    { description: purchaseText, nafCode: purchase.nafCode ?? null, requiredCertifications: required },
    eligible.map((candidate) => ({
      organisationId: candidate.organisationId,
      description: candidate.description ?? '',
      competenceLabels: [...(candidate.competenceLabels ?? []), ...(candidate.freeCompetences ?? [])],
      nafCode: candidate.nafCode ?? null,
      // Only valid certifications count for the score; expired ones are shown apart.
      certifications: [...(valid.get(candidate.organisationId) ?? [])],
      distanceKm: distances.get(candidate.organisationId) ?? null,
    })),
    { limit: Number.MAX_SAFE_INTEGER, maxDistanceKm: options.maxDistanceKm ?? 200 },
  );

  const purchaseStems = stemsOf(purchaseText);
  return ranked.slice(0, options.limit ?? 10).map((match) => {
    const candidate = byId.get(match.organisationId)!;
    const isValid = valid.get(match.organisationId)!;
    const isExpired = expired.get(match.organisationId)!;
    const competences = [...(candidate.competenceLabels ?? []), ...(candidate.freeCompetences ?? [])];
    return {
      organisationId: match.organisationId,
      score: Math.round(match.score * 1000) / 1000,
      matchedWords: match.matchedTerms.filter((t) => t.contribution > 0).map((t) => t.term),
      matchedCompetences: [
        ...new Set(competences.filter((label) => [...stemsOf(label)].some((s) => purchaseStems.has(s)))),
      ],
      nafMatch: match.nafMatch,
      certificationsHeld: required.filter((name) => isValid.has(normaliseForSearch(name))),
      certificationsExpired: required.filter(
        (name) => !isValid.has(normaliseForSearch(name)) && isExpired.has(normaliseForSearch(name)),
      ),
      certificationsMissing: required.filter(
        (name) => !isValid.has(normaliseForSearch(name)) && !isExpired.has(normaliseForSearch(name)),
      ),
      distanceKm: distances.get(match.organisationId) ?? null,
    };
  });
}
