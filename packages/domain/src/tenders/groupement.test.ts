import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitPriceCut, validateGroupement, workSharesToBasisPoints } from './groupement.ts';

const lot = (id: string) => ({
  id,
  title: id,
  cpvCodes: [],
  place: null,
  selectionCriteria: [],
  submissionDeadline: null,
  plannedStart: null,
  plannedEnd: null,
  requirements: [],
});
const tender = { lots: [lot('LOT-1'), lot('LOT-2')] };

describe('splitPriceCut', () => {
  it('splits −5 % in proportion to the prices, in cents adding up exactly', () => {
    const result = splitPriceCut(
      [
        { organisationId: 'A', workShareBp: 5000, priceCents: 60_000_00 },
        { organisationId: 'B', workShareBp: 3000, priceCents: 30_000_01 },
        { organisationId: 'C', workShareBp: 2000, priceCents: 10_000_00 },
      ],
      { cutBp: 500 },
    );
    assert.ok(result.ok);
    assert.equal(result.basis, 'price');
    assert.equal(result.totalCutCents, 5_000_00);
    assert.deepEqual(
      result.shares.map((s) => s.shareCents),
      [3_000_00, 1_500_00, 500_00],
    );
  });

  it('falls back on the work shares when a price is missing', () => {
    const result = splitPriceCut(
      [
        { organisationId: 'A', workShareBp: 3334, priceCents: null },
        { organisationId: 'B', workShareBp: 3333, priceCents: 100 },
        { organisationId: 'C', workShareBp: 3333, priceCents: 100 },
      ],
      { cutCents: 100 },
    );
    assert.ok(result.ok);
    assert.equal(result.basis, 'work-share');
    assert.deepEqual(
      result.shares.map((s) => s.shareCents),
      [34, 33, 33],
    );
  });

  it('refuses a percentage cut without prices, and a cut above the total price', () => {
    const members = [{ organisationId: 'A', workShareBp: 10_000, priceCents: null }];
    assert.deepEqual(splitPriceCut(members, { cutBp: 500 }), { ok: false, reason: 'NO_TOTAL_PRICE' });
    assert.deepEqual(splitPriceCut([{ ...members[0]!, priceCents: 10 }], { cutCents: 11 }), {
      ok: false,
      reason: 'CUT_EXCEEDS_PRICE',
    });
    assert.deepEqual(splitPriceCut([], { cutCents: 1 }), { ok: false, reason: 'NO_MEMBERS' });
  });

  it('always adds up to the cut and never asks a member more than its price', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 10_000 }),
        (prices, cutBp) => {
          fc.pre(prices.some((p) => p > 0));
          const members = prices.map((p, i) => ({ organisationId: `M${i}`, workShareBp: 0, priceCents: p }));
          const result = splitPriceCut(members, { cutBp });
          assert.ok(result.ok);
          assert.equal(
            result.shares.reduce((sum, s) => sum + s.shareCents, 0),
            result.totalCutCents,
          );
          result.shares.forEach((s, i) => {
            assert.ok(Number.isInteger(s.shareCents));
            assert.ok(s.shareCents >= 0 && s.shareCents <= prices[i]!);
          });
        },
      ),
    );
  });
});

describe('validateGroupement', () => {
  const sound = {
    kind: 'solidaire' as const,
    mandataireId: 'A',
    members: [
      { organisationId: 'A', lotIds: ['LOT-1'], workShareBp: 6000, priceCents: 100 },
      { organisationId: 'B', lotIds: ['LOT-2'], workShareBp: 4000, priceCents: null },
    ],
  };

  it('accepts a sound groupement', () => {
    assert.deepEqual(validateGroupement(sound, tender), []);
  });

  it('names the field of each issue', () => {
    const issues = validateGroupement(
      {
        kind: 'solidaire',
        mandataireId: null,
        members: [
          { organisationId: 'A', lotIds: ['LOT-9'], workShareBp: 6000, priceCents: -1 },
          { organisationId: 'A', lotIds: [], workShareBp: 3000, priceCents: null },
        ],
      },
      tender,
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.field]),
      [
        ['DUPLICATE_MEMBER', 'members.1.organisationId'],
        ['MANDATAIRE_REQUIRED', 'mandataireId'],
        ['UNKNOWN_LOT', 'members.0.lotIds.0'],
        ['PRICE_OUT_OF_RANGE', 'members.0.priceCents'],
        ['MEMBER_WITHOUT_LOT', 'members.1.lotIds'],
        ['SHARES_NOT_FULL', 'members'],
        ['LOT_NOT_COVERED', 'members'],
        ['LOT_NOT_COVERED', 'members'],
      ],
    );
  });

  it('requires the mandataire to be a member', () => {
    const issues = validateGroupement({ ...sound, mandataireId: 'Z' }, tender);
    assert.deepEqual(
      issues.map((i) => i.code),
      ['MANDATAIRE_NOT_MEMBER'],
    );
  });

  it('lets a lone conjoint member go without a mandataire', () => {
    const issues = validateGroupement(
      {
        kind: 'conjoint',
        mandataireId: null,
        members: [{ organisationId: 'A', lotIds: ['LOT-1', 'LOT-2'], workShareBp: 10_000, priceCents: null }],
      },
      tender,
    );
    assert.deepEqual(issues, []);
  });
});

describe('workSharesToBasisPoints', () => {
  it('turns fractions into basis points adding up to 10,000', () => {
    assert.deepEqual(workSharesToBasisPoints([1 / 3, 1 / 3, 1 / 3]), [3334, 3333, 3333]);
    assert.deepEqual(workSharesToBasisPoints([0, 0]), [5000, 5000]);
  });
});
