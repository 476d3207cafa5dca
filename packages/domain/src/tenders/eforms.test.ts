import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CpvCompetenceMapping,
  checkCpvMapping,
  competencesForCpv,
  requirementsFromCpv,
} from './cpv-mapping.ts';
import { type EFormsNotice, readEFormsNotice, tenderFromEForms, type XmlElement } from './eforms.ts';
import { parseXml } from './xml.ts';

const fs = process.getBuiltinModule('node:fs');
function fixture(name: string): XmlElement {
  const parsed = parseXml(fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
  assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.error));
  return parsed.root;
}

function read(name: string): EFormsNotice {
  const result = readEFormsNotice(fixture(name));
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
  return result.notice;
}

const mapping: CpvCompetenceMapping = [
  { cpv: '72000000', competences: ['it-services'] },
  { cpv: '72230000', competences: ['software-development'] },
  { cpv: '71000000', competences: ['engineering'] },
  { cpv: '71630000', competences: ['technical-inspection'] },
  { cpv: '50300000', competences: ['electrical-maintenance'] },
  { cpv: '31600000', competences: ['electrical-maintenance'] },
  { cpv: '77310000', competences: ['landscaping', 'green-space-maintenance'] },
];

/** Finds the first element named `name` (depth first). */
function find(element: XmlElement, name: string): XmlElement | undefined {
  if (element.name === name) return element;
  for (const child of element.children) {
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

describe('CPV → competence mapping', () => {
  it('uses the most specific rule that is an ancestor of the code', () => {
    assert.deepEqual(competencesForCpv(mapping, '72230000'), ['software-development']);
    assert.deepEqual(competencesForCpv(mapping, '72231000-3'), ['software-development']);
    assert.deepEqual(competencesForCpv(mapping, '72500000'), ['it-services']);
    assert.deepEqual(competencesForCpv(mapping, '71314100'), ['engineering']);
    assert.deepEqual(competencesForCpv(mapping, '45000000'), []);
    assert.deepEqual(competencesForCpv(mapping, 'not-a-code'), []);
  });

  it('makes one requirement per competence and lists unmapped codes', () => {
    const { requirements, unmappedCpv } = requirementsFromCpv(
      mapping,
      'LOT-0001',
      ['50300000', '31600000', '45000000'],
      5,
    );
    assert.deepEqual(requirements, [
      {
        id: 'LOT-0001/electrical-maintenance',
        kind: 'competence',
        code: 'electrical-maintenance',
        quantity: 5,
        label: 'CPV 50300000',
      },
    ]);
    assert.deepEqual(unmappedCpv, ['45000000']);
  });

  it('reports unusable rules', () => {
    assert.deepEqual(
      checkCpvMapping([{ cpv: '123', competences: [] }, ...mapping, { cpv: '72000000', competences: ['x'] }]),
      [
        { index: 0, message: '123 is not an 8-digit CPV code' },
        { index: 0, message: 'A rule needs at least one competence' },
        { index: 8, message: '72000000 appears twice' },
      ],
    );
  });
});

describe('readEFormsNotice', () => {
  it('reads the minimal notice: one lot, CPV, NUTS place, deadline, duration', () => {
    const notice = read('cn_24_minimal.xml');
    assert.equal(notice.id, 'f42be27e-09cf-4f0e-a745-63ec689631e6');
    assert.equal(notice.noticeType, 'cn-standard');
    assert.deepEqual(notice.cpvCodes, ['72230000']);
    assert.deepEqual(notice.places, [{ nuts: 'FRD22', country: 'FRA', description: null }]);
    assert.equal(notice.lots.length, 1);
    const lot = notice.lots[0]!;
    assert.equal(lot.id, 'LOT-0000');
    assert.deepEqual(lot.cpvCodes, ['72230000']);
    assert.equal(lot.submissionDeadline, '2020-02-04T10:00:00+02:00');
    assert.deepEqual(lot.duration, { value: 48, unit: 'MONTH' });
    assert.deepEqual(lot.selectionCriteria, []);
    assert.deepEqual(lot.legalForm, { required: null, description: null });
  });

  it('reads the open notice: four CPV codes and three selection criteria with their labels', () => {
    const notice = read('cn_24_open.xml');
    const lot = notice.lots[0]!;
    assert.deepEqual(lot.cpvCodes, ['71630000', '71314100', '50300000', '31600000']);
    assert.deepEqual(
      lot.selectionCriteria.map((c) => c.code),
      ['slc-suit-reg-prof', 'slc-stand-other', 'slc-abil-staff-tech-work'],
    );
    assert.notEqual(lot.selectionCriteria[0]!.label.fr, 'slc-suit-reg-prof');
    assert.match(lot.selectionCriteria[1]!.description ?? '', /D&B failure score/);
    assert.equal(lot.submissionDeadline, '2020-04-03T12:00:00+01:00');
  });

  it('reads the French notice: two lots in Orne, planned periods', () => {
    const notice = read('cn_24_FRA_comments.xml');
    assert.equal(notice.language, 'FRA');
    assert.deepEqual(
      notice.lots.map((lot) => [lot.id, lot.title, lot.places[0]?.nuts]),
      [
        ['LOT-0001', 'Agence centre', 'FRD22'],
        ['LOT-0002', notice.lots[1]!.title, 'FRD22'],
      ],
    );
    assert.equal(notice.lots[0]!.submissionDeadline, '2019-06-24T16:00:00Z');
    assert.equal(notice.lots[0]!.plannedStart, '2019-09-01');
    assert.equal(notice.lots[0]!.plannedEnd, '2020-12-31');
  });

  it('reads the legal form required of a group (BT-761, BT-76)', () => {
    const root = fixture('cn_24_minimal.xml');
    const terms = find(
      root.children.find((c) => c.name === 'cac:ProcurementProjectLot')!,
      'cac:TenderingTerms',
    )!;
    const request: XmlElement = {
      name: 'cac:TendererQualificationRequest',
      attributes: {},
      text: '',
      children: [
        {
          name: 'cbc:CompanyLegalFormCode',
          attributes: { listName: 'required' },
          children: [],
          text: 'true',
        },
        {
          name: 'cbc:CompanyLegalForm',
          attributes: { languageID: 'FRA' },
          children: [],
          text: 'Groupement solidaire',
        },
      ],
    };
    (terms.children as XmlElement[]).push(request);
    const result = readEFormsNotice(root);
    assert.ok(result.ok);
    assert.deepEqual(result.notice.lots[0]!.legalForm, {
      required: true,
      description: 'Groupement solidaire',
    });
    const { tender } = tenderFromEForms(result.notice, { mapping });
    assert.deepEqual(tender.groupLegalForm, { required: true, description: 'Groupement solidaire' });
  });

  it('rejects a bad document with every error and its element path, and no notice', () => {
    const root = fixture('cn_24_FRA_comments.xml');
    const lots = root.children.filter((c) => c.name === 'cac:ProcurementProjectLot');
    (find(lots[0]!, 'cbc:ID') as { text: string }).text = 'LOT-1';
    (find(lots[1]!, 'cbc:ItemClassificationCode') as { text: string }).text = '7731';
    (find(lots[1]!, 'cbc:EndDate') as { text: string }).text = '24/06/2019';
    const result = readEFormsNotice(root);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.path),
      [
        '/ContractNotice/cac:ProcurementProjectLot[1]/cbc:ID',
        '/ContractNotice/cac:ProcurementProjectLot[2]/cac:ProcurementProject/cac:MainCommodityClassification/cbc:ItemClassificationCode',
        '/ContractNotice/cac:ProcurementProjectLot[2]/cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod/cbc:EndDate',
      ],
    );
    assert.match(result.errors[1]!.message, /7731.*CPV/);
  });

  it('rejects a document that is not a contract notice', () => {
    const result = readEFormsNotice({ name: 'ContractAwardNotice', attributes: {}, children: [], text: '' });
    assert.deepEqual(result, {
      ok: false,
      errors: [
        { path: '/ContractAwardNotice', message: 'Expected a ContractNotice, found ContractAwardNotice' },
      ],
    });
  });
});

describe('tenderFromEForms', () => {
  it('turns lots into requirements through the mapping and places them', () => {
    const notice = read('cn_24_open.xml');
    const { tender, unmappedCpv } = tenderFromEForms(notice, {
      mapping,
      nutsPoints: { UKM83: { lon: -4.5, lat: 55.85 } },
      quantity: 10,
    });
    assert.deepEqual(
      tender.lots[0]!.requirements.map((r) => [r.id, r.quantity]),
      [
        ['LOT-0000/technical-inspection', 10],
        ['LOT-0000/engineering', 10],
        ['LOT-0000/electrical-maintenance', 10],
      ],
    );
    assert.deepEqual(unmappedCpv, {});
    assert.equal(tender.lots[0]!.selectionCriteria.length, 3);
  });

  it('gives the NUTS point when known', () => {
    const { tender } = tenderFromEForms(read('cn_24_FRA_comments.xml'), {
      mapping,
      nutsPoints: { FRD22: { lon: 0.13, lat: 48.62 } },
    });
    assert.deepEqual(tender.place?.point, { lon: 0.13, lat: 48.62 });
    assert.deepEqual(tender.lots[1]!.place?.nuts, 'FRD22');
    assert.deepEqual(
      tender.lots[0]!.requirements.map((r) => r.code),
      ['landscaping', 'green-space-maintenance'],
    );
  });
});

describe('parseXml', () => {
  it('says where a document is not well-formed', () => {
    const parsed = parseXml('<ContractNotice>\n  <cbc:ID>1</cbc:Id>\n</ContractNotice>');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.equal(parsed.error.line, 2);
  });

  it('keeps attributes, text with entities and CDATA', () => {
    const parsed = parseXml('<a x="1"><b>T&amp;C</b><c><![CDATA[<raw>]]></c></a>');
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    assert.deepEqual(parsed.root.attributes, { x: '1' });
    assert.equal(parsed.root.children[0]!.text, 'T&C');
    assert.equal(parsed.root.children[1]!.text, '<raw>');
  });
});
