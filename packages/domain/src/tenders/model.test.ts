import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeOfLot, referencePoint, type Tender, validateTender } from './model.ts';

const lot = (id: string, point: { lon: number; lat: number } | null) => ({
  id,
  title: id,
  cpvCodes: [],
  place: point ? { nuts: null, point } : null,
  requirements: [{ id: `${id}/a`, kind: 'competence' as const, code: 'a', quantity: 1 }],
  selectionCriteria: [],
  submissionDeadline: null,
  plannedStart: null,
  plannedEnd: null,
});

describe('tender model', () => {
  it('measures from the tender point, else the first lot with one', () => {
    const tender: Tender = {
      id: 't',
      title: 't',
      cpvCodes: [],
      place: null,
      lots: [lot('L1', null), lot('L2', { lon: 1, lat: 2 })],
      groupLegalForm: { required: null, description: null },
    };
    assert.deepEqual(referencePoint(tender), { lon: 1, lat: 2 });
    assert.equal(placeOfLot(tender, tender.lots[0]!), null);
    assert.deepEqual(placeOfLot(tender, tender.lots[1]!)?.point, { lon: 1, lat: 2 });
  });

  it('names every problem of a tender entered by hand', () => {
    const bad = lot('L1', null);
    bad.requirements.push({ id: 'L1/a', kind: 'competence', code: '', quantity: -1 });
    const tender: Tender = {
      id: 't',
      title: 't',
      cpvCodes: [],
      place: null,
      lots: [bad, lot('L1', null)],
      groupLegalForm: { required: null, description: null },
    };
    assert.deepEqual(
      validateTender(tender).map((issue) => issue.path),
      [
        'lots[0].requirements[1].id',
        'lots[0].requirements[1].code',
        'lots[0].requirements[1].quantity',
        'lots[1].id',
        'lots[1].requirements[0].id',
      ],
    );
    assert.deepEqual(validateTender({ ...tender, lots: [] }), [
      { path: 'lots', message: 'A tender needs at least one lot' },
    ]);
  });
});
