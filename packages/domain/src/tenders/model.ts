/**
 * A tender (appel d'offres) as the consortium builder sees it: lots, each with requirements that
 * the members of a grouping must cover together. Entered by hand or read from an eForms notice
 * (`eforms.ts`); plain data, structured-clonable, so that it crosses into a worker thread.
 */
import type { LonLat } from '../geo.ts';

/** Where a lot is performed: a NUTS code (as in eForms), a point, or both. */
export interface PlaceOfPerformance {
  /** NUTS code, e.g. `FRD22` (Orne); null when not given. */
  nuts: string | null;
  /** A point to measure distances from (e.g. the NUTS area's centroid, or the site); null when unknown. */
  point: LonLat | null;
  /** Free text (eForms BT-728), e.g. "Public buildings within Renfrewshire". */
  description?: string;
}

/**
 * One thing the grouping must bring.
 * - `competence`: members holding competence `code` must together supply `quantity` units of
 *   capacity (person-days, m², tonnes… — the unit is the network's, the same as the candidates'
 *   capacities). `quantity` 0 means "someone in the grouping holds it", whatever their capacity.
 * - `certification`: at least one member holds certification `code` (e.g. `ISO 9001`, `Qualibat 1311`).
 */
export interface TenderRequirement {
  /** Unique within the tender, e.g. `LOT-0001/r1`. */
  id: string;
  kind: 'competence' | 'certification';
  /** Competence id of the network's taxonomy, or certification code. */
  code: string;
  /** Capacity needed (≥ 0); ignored for certifications. */
  quantity: number;
  /** For people: what it is, in the notice's words. */
  label?: string;
}

/** A selection criterion of the notice (eForms BT-747 / BT-750), kept for display. */
export interface SelectionCriterion {
  /** Code of the eForms `selection-criterion` list, e.g. `slc-abil-staff-tech-work`. */
  code: string;
  /** Labels of the code list; the code itself when the code is unknown. */
  label: { fr: string; en: string };
  /** The buyer's description, in the notice's language. */
  description: string | null;
}

export interface TenderLot {
  /** Lot identifier, e.g. `LOT-0001`. */
  id: string;
  title: string;
  /** CPV codes, main first (8 digits, no check digit). */
  cpvCodes: string[];
  /** The lot's place; null falls back to the tender's. */
  place: PlaceOfPerformance | null;
  requirements: TenderRequirement[];
  selectionCriteria: SelectionCriterion[];
  /** Deadline for the receipt of tenders, ISO 8601 (date, or date and time), or null. */
  submissionDeadline: string | null;
  /** Planned start and end of the work, ISO dates, or null. */
  plannedStart: string | null;
  plannedEnd: string | null;
}

/** What the buyer requires of a group of economic operators (eForms BT-761 and BT-76). */
export interface GroupLegalForm {
  /** BT-761: true when a legal form is required of a winning group; null when the notice says nothing. */
  required: boolean | null;
  /** BT-76: the required form in words, e.g. "groupement solidaire". */
  description: string | null;
}

export interface Tender {
  id: string;
  title: string;
  /** The procedure's CPV codes, main first. */
  cpvCodes: string[];
  /** The procedure's place; distances are measured from here (see `referencePoint`). */
  place: PlaceOfPerformance | null;
  lots: TenderLot[];
  /** Required legal form of a winning group: the first lot that states one (eForms states it per lot). */
  groupLegalForm: GroupLegalForm;
}

/** The tender's requirements, lot by lot, in order. */
export function requirementsOf(tender: Tender): { lot: TenderLot; requirement: TenderRequirement }[] {
  return tender.lots.flatMap((lot) => lot.requirements.map((requirement) => ({ lot, requirement })));
}

/** The place of `lot`, falling back to the tender's place. */
export function placeOfLot(tender: Tender, lot: TenderLot): PlaceOfPerformance | null {
  return lot.place?.point ? lot.place : (tender.place ?? lot.place);
}

/**
 * The point distances are measured from for the whole grouping: the tender's point, else the
 * first lot's point; null when neither is known (then distance is neither limited nor costed).
 */
export function referencePoint(tender: Tender): LonLat | null {
  return tender.place?.point ?? tender.lots.find((lot) => lot.place?.point)?.place?.point ?? null;
}

/** A problem in a tender given by hand: `path` names the field, e.g. `lots[1].requirements[0].quantity`. */
export interface TenderIssue {
  path: string;
  message: string;
}

/** Checks a tender: unique lot and requirement ids, known kinds, finite non-negative quantities. */
export function validateTender(tender: Tender): TenderIssue[] {
  const issues: TenderIssue[] = [];
  if (tender.lots.length === 0) issues.push({ path: 'lots', message: 'A tender needs at least one lot' });
  const lotIds = new Set<string>();
  const requirementIds = new Set<string>();
  tender.lots.forEach((lot, l) => {
    if (lotIds.has(lot.id)) issues.push({ path: `lots[${l}].id`, message: `Duplicate lot id ${lot.id}` });
    lotIds.add(lot.id);
    lot.requirements.forEach((requirement, r) => {
      const path = `lots[${l}].requirements[${r}]`;
      if (requirementIds.has(requirement.id)) {
        issues.push({ path: `${path}.id`, message: `Duplicate requirement id ${requirement.id}` });
      }
      requirementIds.add(requirement.id);
      if (requirement.kind !== 'competence' && requirement.kind !== 'certification') {
        issues.push({
          path: `${path}.kind`,
          message: `Unknown requirement kind ${String(requirement.kind)}`,
        });
      }
      if (!requirement.code) issues.push({ path: `${path}.code`, message: 'A requirement needs a code' });
      if (!Number.isFinite(requirement.quantity) || requirement.quantity < 0) {
        issues.push({ path: `${path}.quantity`, message: 'The quantity must be a finite number ≥ 0' });
      }
    });
  });
  return issues;
}
