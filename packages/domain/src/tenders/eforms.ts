/**
 * Reading EU eForms contract notices (UBL 2.3 `ContractNotice`, eForms SDK 1.x) into a tender.
 *
 * The domain package has no XML parser: `readEFormsNotice` works on an already parsed element
 * tree (`XmlElement`), which any parser can produce in a few lines (the server plugs one in).
 * Elements are matched by local name (`cac:ProcurementProjectLot` → `ProcurementProjectLot`),
 * whatever prefixes the document binds, since UBL's local names are unambiguous where we read.
 *
 * What is read, by business term:
 * - notice: BT-701 id (`cbc:ID`), BT-02 type, BT-21/BT-24 title and description, BT-262/BT-263
 *   CPV codes, BT-5071 NUTS place of the procedure;
 * - each lot (`cac:ProcurementProjectLot`): BT-137 id, BT-21/BT-24, CPV codes, places (BT-5071,
 *   BT-728), BT-747/BT-750 selection criteria (`efac:SelectionCriteria`), BT-131 deadline
 *   (`cac:TenderSubmissionDeadlinePeriod`), BT-536/BT-537 planned period, and BT-761/BT-76 the
 *   legal form required of a group (`cbc:CompanyLegalFormCode listName="required"`,
 *   `cbc:CompanyLegalForm`).
 * A document with any error gives every error, each with the path of the element at fault, and
 * no notice: nothing is half-imported.
 */
import type { LonLat } from '../geo.ts';
import { type CpvCompetenceMapping, normaliseCpv, requirementsFromCpv } from './cpv-mapping.ts';
import type { GroupLegalForm, SelectionCriterion, Tender, TenderLot } from './model.ts';
import { SELECTION_CRITERION_LABELS } from './selection-criteria.ts';

/**
 * A parsed XML element: what `readEFormsNotice` needs from an XML parser. With fast-xml-parser,
 * for instance, it is the `preserveOrder` output mapped recursively; comments and processing
 * instructions are dropped, entities decoded.
 */
export interface XmlElement {
  /** Qualified name as written, e.g. `cbc:ID`. */
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: readonly XmlElement[];
  /** The element's own text (its text and CDATA nodes, concatenated), entities decoded. */
  text: string;
}

/** A problem in a notice: `path` is the element at fault, e.g. `/ContractNotice/cac:ProcurementProjectLot[2]/cbc:ID`. */
export interface EFormsError {
  path: string;
  message: string;
}

export interface EFormsPlace {
  /** BT-5071, e.g. `FRD22`; null when only a description is given. */
  nuts: string | null;
  /** BT-5141 country, e.g. `FRA`. */
  country: string | null;
  /** BT-728. */
  description: string | null;
}

export interface EFormsLot {
  /** BT-137, e.g. `LOT-0001`. */
  id: string;
  title: string;
  description: string | null;
  /** Main CPV first (BT-262), then additional ones (BT-263). */
  cpvCodes: string[];
  places: EFormsPlace[];
  selectionCriteria: SelectionCriterion[];
  /** BT-131, ISO 8601: `2020-02-04T10:00:00+02:00`, or a date alone. */
  submissionDeadline: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  /** BT-36 with its unit, e.g. `{ value: 48, unit: 'MONTH' }`. */
  duration: { value: number; unit: string } | null;
  legalForm: GroupLegalForm;
}

export interface EFormsNotice {
  /** BT-701 notice identifier. */
  id: string;
  /** BT-02, e.g. `cn-standard`. */
  noticeType: string | null;
  /** BT-702 language, e.g. `FRA`. */
  language: string | null;
  issueDate: string | null;
  title: string;
  description: string | null;
  cpvCodes: string[];
  places: EFormsPlace[];
  lots: EFormsLot[];
}

export type EFormsReadResult = { ok: true; notice: EFormsNotice } | { ok: false; errors: EFormsError[] };

const NUTS = /^[A-Z]{2}[A-Z0-9]{0,3}$/;
const DATE = /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const TIME = /^(\d{2}:\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const LOT_ID = /^LOT-\d{4}$/;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Reading context: the element and its path, for error messages. */
interface Node {
  element: XmlElement;
  path: string;
}

function childrenOf(node: Node, name: string): Node[] {
  const result: Node[] = [];
  let count = 0;
  const total = node.element.children.filter((child) => localName(child.name) === name).length;
  for (const child of node.element.children) {
    if (localName(child.name) !== name) continue;
    count++;
    result.push({ element: child, path: `${node.path}/${child.name}${total > 1 ? `[${count}]` : ''}` });
  }
  return result;
}

function childOf(node: Node, name: string): Node | null {
  return childrenOf(node, name)[0] ?? null;
}

/** The node at the end of `names`, following the first match at each step. */
function at(node: Node | null, ...names: string[]): Node | null {
  let current = node;
  for (const name of names) {
    if (!current) return null;
    current = childOf(current, name);
  }
  return current;
}

function textAt(node: Node | null, ...names: string[]): string | null {
  const found = at(node, ...names);
  const text = found?.element.text.trim();
  return text ? text : null;
}

class Reader {
  readonly errors: EFormsError[] = [];

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** The date of a `cbc:…Date` element, `YYYY-MM-DD`, or null; an error if malformed. */
  date(node: Node | null): string | null {
    if (!node) return null;
    const match = DATE.exec(node.element.text.trim());
    if (!match) {
      this.error(
        node.path,
        `"${node.element.text.trim()}" is not a date (YYYY-MM-DD with an optional offset)`,
      );
      return null;
    }
    return match[1]!;
  }

  /** Date and optional time (with its offset) as ISO 8601. */
  dateTime(dateNode: Node | null, timeNode: Node | null): string | null {
    const date = this.date(dateNode);
    if (!date || !timeNode) return date;
    const match = TIME.exec(timeNode.element.text.trim());
    if (!match) {
      this.error(
        timeNode.path,
        `"${timeNode.element.text.trim()}" is not a time (hh:mm:ss with an optional offset)`,
      );
      return date;
    }
    return `${date}T${match[1]}${match[2] ?? ''}`;
  }

  /** CPV codes of a `cac:ProcurementProject`: main, then additional. */
  cpvCodes(project: Node): string[] {
    const codes: string[] = [];
    const nodes = [
      ...childrenOf(project, 'MainCommodityClassification'),
      ...childrenOf(project, 'AdditionalCommodityClassification'),
    ];
    for (const classification of nodes) {
      const code = childOf(classification, 'ItemClassificationCode');
      if (!code) continue;
      const listName = code.element.attributes.listName;
      if (listName !== undefined && listName !== 'cpv') continue;
      const cpv = normaliseCpv(code.element.text);
      if (cpv) codes.push(cpv);
      else this.error(code.path, `"${code.element.text.trim()}" is not a CPV code (8 digits)`);
    }
    return codes;
  }

  places(project: Node): EFormsPlace[] {
    return childrenOf(project, 'RealizedLocation').map((location) => {
      const nutsNode = at(location, 'Address', 'CountrySubentityCode');
      let nuts: string | null = nutsNode?.element.text.trim() || null;
      if (nutsNode && nuts && !NUTS.test(nuts)) {
        this.error(nutsNode.path, `"${nuts}" is not a NUTS code`);
        nuts = null;
      }
      return {
        nuts,
        country: textAt(location, 'Address', 'Country', 'IdentificationCode'),
        description: textAt(location, 'Description'),
      };
    });
  }

  selectionCriteria(terms: Node | null): SelectionCriterion[] {
    if (!terms) return [];
    const criteria: SelectionCriterion[] = [];
    const extensions = at(terms, 'UBLExtensions');
    const containers = extensions
      ? childrenOf(extensions, 'UBLExtension').flatMap((extension) => {
          const eforms = at(extension, 'ExtensionContent', 'EformsExtension');
          return eforms ? childrenOf(eforms, 'SelectionCriteria') : [];
        })
      : [];
    for (const criterion of containers) {
      const codeNode = childOf(criterion, 'TendererRequirementTypeCode');
      const code = codeNode?.element.text.trim();
      if (!codeNode || !code) {
        this.error(criterion.path, 'A selection criterion needs a cbc:TendererRequirementTypeCode');
        continue;
      }
      criteria.push({
        code,
        label: SELECTION_CRITERION_LABELS[code] ?? { fr: code, en: code },
        description: textAt(criterion, 'Description'),
      });
    }
    return criteria;
  }

  legalForm(terms: Node | null): GroupLegalForm {
    const form: GroupLegalForm = { required: null, description: null };
    if (!terms) return form;
    for (const request of childrenOf(terms, 'TendererQualificationRequest')) {
      const code = childOf(request, 'CompanyLegalFormCode');
      if (code) {
        const value = code.element.text.trim();
        if (value === 'true' || value === 'false') form.required = value === 'true';
        else this.error(code.path, `"${value}" is not true or false (BT-761)`);
      }
      const description = textAt(request, 'CompanyLegalForm');
      if (description) form.description = description;
    }
    return form;
  }

  lot(node: Node, procedureCpv: string[]): EFormsLot | null {
    const idNode = childOf(node, 'ID');
    const id = idNode?.element.text.trim() ?? '';
    if (!idNode || !id) this.error(`${node.path}/cbc:ID`, 'A lot needs an identifier (BT-137)');
    else if (!LOT_ID.test(id)) this.error(idNode.path, `"${id}" is not a lot identifier (LOT-0000)`);
    const project = childOf(node, 'ProcurementProject');
    if (!project) {
      this.error(`${node.path}/cac:ProcurementProject`, 'A lot needs a cac:ProcurementProject');
      return null;
    }
    const cpvCodes = this.cpvCodes(project);
    if (cpvCodes.length === 0 && procedureCpv.length === 0) {
      this.error(`${project.path}/cac:MainCommodityClassification`, 'The lot has no CPV code (BT-262)');
    }
    const terms = childOf(node, 'TenderingTerms');
    const deadline = at(node, 'TenderingProcess', 'TenderSubmissionDeadlinePeriod');
    const period = childOf(project, 'PlannedPeriod');
    const durationNode = period ? childOf(period, 'DurationMeasure') : null;
    let duration: EFormsLot['duration'] = null;
    if (durationNode) {
      const value = Number(durationNode.element.text.trim());
      if (Number.isFinite(value) && value > 0) {
        duration = { value, unit: durationNode.element.attributes.unitCode ?? 'MONTH' };
      } else this.error(durationNode.path, `"${durationNode.element.text.trim()}" is not a duration`);
    }
    return {
      id,
      title: textAt(project, 'Name') ?? id,
      description: textAt(project, 'Description'),
      cpvCodes: cpvCodes.length > 0 ? cpvCodes : [...procedureCpv],
      places: this.places(project),
      selectionCriteria: this.selectionCriteria(terms),
      submissionDeadline: deadline
        ? this.dateTime(childOf(deadline, 'EndDate'), childOf(deadline, 'EndTime'))
        : null,
      plannedStart: this.date(period ? childOf(period, 'StartDate') : null),
      plannedEnd: this.date(period ? childOf(period, 'EndDate') : null),
      duration,
      legalForm: this.legalForm(terms),
    };
  }
}

/**
 * Reads a contract notice from its parsed root element. Returns the notice, or every error found
 * (and no notice) when the document is not a contract notice or a field is malformed.
 */
export function readEFormsNotice(root: XmlElement): EFormsReadResult {
  const reader = new Reader();
  const node: Node = { element: root, path: `/${root.name}` };
  if (localName(root.name) !== 'ContractNotice') {
    return {
      ok: false,
      errors: [{ path: node.path, message: `Expected a ContractNotice, found ${root.name}` }],
    };
  }
  const id = textAt(node, 'ID');
  if (!id) reader.error(`${node.path}/cbc:ID`, 'The notice needs an identifier (BT-701)');
  const project = childOf(node, 'ProcurementProject');
  if (!project)
    reader.error(`${node.path}/cac:ProcurementProject`, 'The notice needs a cac:ProcurementProject');
  const cpvCodes = project ? reader.cpvCodes(project) : [];
  const places = project ? reader.places(project) : [];
  const lotNodes = childrenOf(node, 'ProcurementProjectLot');
  if (lotNodes.length === 0) {
    reader.error(
      `${node.path}/cac:ProcurementProjectLot`,
      'The notice has no lot (cac:ProcurementProjectLot)',
    );
  }
  const lots = lotNodes.map((lot) => reader.lot(lot, cpvCodes));
  const seen = new Set<string>();
  lots.forEach((lot, i) => {
    if (!lot?.id) return;
    if (seen.has(lot.id)) reader.error(`${lotNodes[i]!.path}/cbc:ID`, `Duplicate lot identifier ${lot.id}`);
    seen.add(lot.id);
  });
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  return {
    ok: true,
    notice: {
      id: id!,
      noticeType: textAt(node, 'NoticeTypeCode'),
      language: textAt(node, 'NoticeLanguageCode'),
      issueDate: reader.date(childOf(node, 'IssueDate')),
      title: textAt(project, 'Name') ?? id!,
      description: textAt(project, 'Description'),
      cpvCodes,
      places,
      lots: lots as EFormsLot[],
    },
  };
}

export interface TenderFromEFormsOptions {
  /** The network's CPV → competence mapping. */
  mapping: CpvCompetenceMapping;
  /** NUTS code → point (e.g. the département's centroid for a French NUTS-3); absent codes give no point. */
  nutsPoints?: Readonly<Record<string, LonLat>>;
  /** Quantity of each competence requirement made from a CPV code (default 0: "someone holds it"). */
  quantity?: number;
}

/**
 * The tender of a notice: each lot's requirements from its CPV codes through the mapping (staff
 * then add capacities and certifications), its first place as the place of performance.
 * `unmappedCpv` lists the codes no rule maps, lot by lot.
 */
export function tenderFromEForms(
  notice: EFormsNotice,
  options: TenderFromEFormsOptions,
): { tender: Tender; unmappedCpv: Record<string, string[]> } {
  const placeOf = (places: EFormsPlace[]) => {
    const place = places.find((p) => p.nuts) ?? places[0];
    if (!place) return null;
    return {
      nuts: place.nuts,
      point: (place.nuts && options.nutsPoints?.[place.nuts]) || null,
      ...(place.description ? { description: place.description } : {}),
    };
  };
  const unmappedCpv: Record<string, string[]> = {};
  const lots: TenderLot[] = notice.lots.map((lot) => {
    const { requirements, unmappedCpv: unmapped } = requirementsFromCpv(
      options.mapping,
      lot.id,
      lot.cpvCodes,
      options.quantity ?? 0,
    );
    if (unmapped.length > 0) unmappedCpv[lot.id] = unmapped;
    return {
      id: lot.id,
      title: lot.title,
      cpvCodes: lot.cpvCodes,
      place: placeOf(lot.places),
      requirements,
      selectionCriteria: lot.selectionCriteria,
      submissionDeadline: lot.submissionDeadline,
      plannedStart: lot.plannedStart,
      plannedEnd: lot.plannedEnd,
    };
  });
  const legalForm = notice.lots.find((lot) => lot.legalForm.required !== null || lot.legalForm.description)
    ?.legalForm ?? { required: null, description: null };
  return {
    tender: {
      id: notice.id,
      title: notice.title,
      cpvCodes: notice.cpvCodes,
      place: placeOf(notice.places),
      lots,
      groupLegalForm: legalForm,
    },
    unmappedCpv,
  };
}
