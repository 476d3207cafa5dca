import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { loadHighs } from '../purchasing/core-lp.ts';
import { type ConsortiumCandidate, pruneCandidates } from './candidates.ts';
import { type ConsortiumResult, findConsortia, type Grouping } from './consortium.ts';
import type { Tender, TenderRequirement } from './model.ts';
import { findConsortiaInWorker } from './worker.ts';

const highs = await loadHighs();

// Flers (Orne) and points around it: 0.0135° of latitude ≈ 1.5 km.
const FLERS = { lon: -0.5697, lat: 48.7475 };
const north = (km: number) => ({ lon: FLERS.lon, lat: FLERS.lat + km / 111.2 });
const east = (km: number) => ({
  lon: FLERS.lon + km / (111.2 * Math.cos((FLERS.lat * Math.PI) / 180)),
  lat: FLERS.lat,
});

function tender(lots: { id: string; requirements: TenderRequirement[] }[]): Tender {
  return {
    id: 'T1',
    title: 'Test',
    cpvCodes: [],
    place: { nuts: 'FRD13', point: FLERS },
    lots: lots.map((lot) => ({
      ...lot,
      title: lot.id,
      cpvCodes: [],
      place: null,
      selectionCriteria: [],
      submissionDeadline: null,
      plannedStart: null,
      plannedEnd: null,
    })),
    groupLegalForm: { required: null, description: null },
  };
}

const competence = (id: string, code: string, quantity: number): TenderRequirement => ({
  id,
  kind: 'competence',
  code,
  quantity,
});
const certification = (id: string, code: string): TenderRequirement => ({
  id,
  kind: 'certification',
  code,
  quantity: 0,
});

function company(
  id: string,
  point: { lon: number; lat: number } | null,
  capacities: Record<string, number>,
  certifications: string[] = [],
  pastPartners: string[] = [],
): ConsortiumCandidate {
  return { id, point, capacities, certifications, pastPartners };
}

/** Checks what every returned grouping must satisfy. */
function assertValidGrouping(
  t: Tender,
  directory: ConsortiumCandidate[],
  grouping: Grouping,
  min = 2,
  max = 5,
) {
  assert.ok(grouping.memberIds.length >= min && grouping.memberIds.length <= max, 'member bounds');
  const byId = new Map(directory.map((c) => [c.id, c]));
  for (const lot of t.lots) {
    for (const requirement of lot.requirements) {
      const coverage = grouping.coverage.find((c) => c.requirementId === requirement.id);
      assert.ok(coverage, `coverage of ${requirement.id}`);
      assert.ok(coverage.providers.length > 0, `${requirement.id} is covered`);
      for (const provider of coverage.providers) {
        assert.ok(grouping.memberIds.includes(provider.companyId), 'providers are members');
        const holder = byId.get(provider.companyId)!;
        if (requirement.kind === 'certification') assert.ok(holder.certifications.includes(requirement.code));
        else assert.ok(holder.capacities[requirement.code] !== undefined);
      }
      if (requirement.kind === 'competence' && requirement.quantity > 0) {
        const total = coverage.providers.reduce((sum, p) => sum + (p.amount ?? 0), 0);
        assert.ok(
          total >= requirement.quantity - 1e-4,
          `${requirement.id}: ${total} ≥ ${requirement.quantity}`,
        );
      }
    }
  }
  // Capacity shared between requirements of the same competence is not exceeded.
  for (const memberId of grouping.memberIds) {
    const used = new Map<string, number>();
    for (const coverage of grouping.coverage) {
      if (coverage.kind !== 'competence' || coverage.quantity === 0) continue;
      const amount = coverage.providers.find((p) => p.companyId === memberId)?.amount ?? 0;
      used.set(coverage.code, (used.get(coverage.code) ?? 0) + amount);
    }
    for (const [code, amount] of used) {
      assert.ok(
        amount <= (byId.get(memberId)!.capacities[code] ?? 0) + 1e-4,
        `${memberId} capacity for ${code}`,
      );
    }
  }
}

describe('pruneCandidates', () => {
  const t = tender([
    { id: 'L1', requirements: [competence('r1', 'elec', 10), certification('r2', 'ISO9001')] },
  ]);
  const directory = [
    company('near-elec', north(5), { elec: 6 }),
    company('near-iso', east(8), {}, ['ISO9001']),
    company('far-elec', north(120), { elec: 50 }),
    company('near-nothing', north(2), { plumbing: 10 }),
    company('no-point', null, { elec: 4 }),
    company('excluded', north(1), { elec: 10 }),
    company('outside', north(1), { elec: 10 }),
    company('zero-capacity', north(1), { elec: 0 }),
  ];
  directory[6]!.outsideNetwork = true;

  it('keeps only candidates within distance that cover a requirement with some capacity', () => {
    const result = pruneCandidates(t, directory, { maxDistanceKm: 50, excluded: ['excluded'] });
    assert.deepEqual(
      result.kept.map((k) => k.candidate.id),
      ['near-elec', 'near-iso'],
    );
    assert.deepEqual(result.leftOut, {
      excluded: 1,
      'outside-network': 1,
      'no-location': 1,
      'too-far': 1,
      'covers-nothing': 2,
    });
    assert.ok(Math.abs(result.kept[0]!.distanceKm - 5) < 0.05);
  });

  it('keeps pinned companies whatever their distance, and lists the nearest holders of each requirement', () => {
    const result = pruneCandidates(t, directory, {
      maxDistanceKm: 50,
      pinned: ['far-elec'],
      excluded: ['excluded'],
    });
    assert.ok(result.kept.some((k) => k.candidate.id === 'far-elec' && k.pinned));
    const nearest = result.nearest.r1!.map((holder) => holder.companyId);
    assert.deepEqual(nearest, ['outside', 'near-elec', 'far-elec']);
    assert.equal(result.nearest.r1![0]!.leftOut, 'outside-network');
  });
});

describe('findConsortia', () => {
  it('finds the known optimum of a hand-built instance and explains each requirement', () => {
    const t = tender([
      { id: 'L1', requirements: [competence('L1/elec', 'elec', 10), certification('L1/iso', 'ISO9001')] },
      { id: 'L2', requirements: [competence('L2/plomb', 'plomb', 5)] },
    ]);
    const directory = [
      company('A', north(10), { elec: 10 }, ['ISO9001']),
      company('B', north(20), { plomb: 5 }),
      company('C', north(5), { elec: 10, plomb: 5 }), // alone it covers all but ISO
      company('D', north(40), {}, ['ISO9001']),
    ];
    const result = findConsortia(highs, t, directory, { maxDistanceKm: 100, topK: 1 });
    assert.equal(result.status, 'optimal');
    // {A, C}: 200 + 10 + 5 km = 215 beats {A, B}: 230 (C alone lacks ISO 9001). The work is then split
    // to minimise the largest share: C does plomb 5 and elec 2.5, A elec 7.5, i.e. 50 % each.
    const best = result.groupings[0]!;
    assert.deepEqual([...best.memberIds].sort(), ['A', 'C']);
    assert.ok(Math.abs(best.objective - 215) < 1e-3, `objective ${best.objective}`);
    assert.ok(best.proved);
    assert.ok(Math.abs(best.terms.maxShare - 0.5) < 1e-6);
    assert.deepEqual(
      best.members.map((m) => Math.round(m.workShare * 100)),
      [50, 50],
    );
    const iso = best.coverage.find((c) => c.requirementId === 'L1/iso')!;
    assert.deepEqual(iso.providers, [{ companyId: 'A', amount: null }]);
    assertValidGrouping(t, directory, best);
  });

  it('prefers companies that already worked together', () => {
    const t = tender([{ id: 'L1', requirements: [competence('r1', 'a', 1), competence('r2', 'b', 1)] }]);
    const directory = [
      company('A', north(10), { a: 1 }),
      company('B1', north(10), { b: 1 }),
      company('B2', north(30), { b: 1 }, [], ['A']),
    ];
    directory[0] = { ...directory[0]!, pastPartners: ['B2'] };
    const result = findConsortia(highs, t, directory, { topK: 2 });
    assert.deepEqual(result.groupings[0]!.memberIds, ['A', 'B2']);
    assert.equal(result.groupings[0]!.terms.collaborations, 1);
    assert.deepEqual(result.groupings[1]!.memberIds, ['A', 'B1']);
  });

  it('returns distinct alternatives, best first, with non-decreasing objectives', () => {
    const t = tender([{ id: 'L1', requirements: [competence('r1', 'a', 4), competence('r2', 'b', 4)] }]);
    const directory = Array.from({ length: 8 }, (_, i) =>
      company(`C${i}`, north(5 + 7 * i), i % 2 === 0 ? { a: 4 } : { b: 4, a: 1 }),
    );
    const result = findConsortia(highs, t, directory, { topK: 5 });
    assert.equal(result.groupings.length, 5);
    const keys = result.groupings.map((g) => [...g.memberIds].sort().join(','));
    assert.equal(new Set(keys).size, 5);
    for (let i = 1; i < result.groupings.length; i++) {
      assert.ok(result.groupings[i]!.objective >= result.groupings[i - 1]!.objective - 1e-6);
      assert.equal(result.groupings[i]!.rank, i + 1);
    }
    for (const grouping of result.groupings) assertValidGrouping(t, directory, grouping);
  });

  it('respects pairwise rules added lazily: distance between members and incompatible pairs', () => {
    const t = tender([{ id: 'L1', requirements: [competence('r1', 'a', 1), competence('r2', 'b', 1)] }]);
    const directory = [
      company('A-west', east(-40), { a: 1 }),
      company('B-east', east(40), { b: 1 }),
      company('A-far', east(45), { a: 1 }),
      company('B-far', east(55), { b: 1 }),
      company('B-near', east(50), { b: 1 }),
    ];
    const free = findConsortia(highs, t, directory, { topK: 1 });
    assert.deepEqual(free.groupings[0]!.memberIds, ['A-west', 'B-east']);
    const result = findConsortia(highs, t, directory, {
      topK: 3,
      maxPairDistanceKm: 30,
      incompatiblePairs: [['A-far', 'B-east']],
    });
    assert.ok(result.stats.lazyConstraints >= 2);
    assert.deepEqual(result.groupings[0]!.memberIds, ['A-far', 'B-near']);
    const byId = new Map(directory.map((c) => [c.id, c]));
    for (const grouping of result.groupings) {
      assert.ok(!(grouping.memberIds.includes('A-far') && grouping.memberIds.includes('B-east')));
      for (const a of grouping.memberIds) {
        for (const b of grouping.memberIds) {
          const pa = byId.get(a)!.point!;
          const pb = byId.get(b)!.point!;
          assert.ok(Math.abs(pa.lon - pb.lon) * 111.2 * Math.cos((FLERS.lat * Math.PI) / 180) <= 30.01);
        }
      }
    }
  });

  it('forces pinned companies in and never proposes excluded ones', () => {
    const t = tender([{ id: 'L1', requirements: [competence('r1', 'a', 1), competence('r2', 'b', 1)] }]);
    const directory = [
      company('A1', north(1), { a: 1 }),
      company('A2', north(60), { a: 1 }),
      company('B1', north(1), { b: 1 }),
      company('B2', north(2), { b: 1 }),
    ];
    const result = findConsortia(highs, t, directory, { pinned: ['A2'], excluded: ['B1'], topK: 3 });
    for (const grouping of result.groupings) {
      assert.ok(grouping.memberIds.includes('A2'));
      assert.ok(!grouping.memberIds.includes('B1'));
    }
    assert.deepEqual(result.groupings[0]!.memberIds, ['A2', 'B2']);
  });

  it('reports the uncovered requirement with the nearest holders when nothing covers it', () => {
    const t = tender([
      { id: 'L1', requirements: [competence('r1', 'a', 10), certification('r2', 'Qualibat')] },
    ]);
    const directory = [
      company('A1', north(5), { a: 6 }),
      company('A2', north(8), { a: 6 }),
      company('Q-far', north(150), {}, ['Qualibat']),
      company('Q-outside', north(3), {}, ['Qualibat']),
    ];
    directory[3]!.outsideNetwork = true;
    const result = findConsortia(highs, t, directory, { maxDistanceKm: 60 });
    assert.equal(result.status, 'infeasible');
    assert.equal(result.groupings.length, 0);
    assert.equal(result.infeasibility?.reason, 'uncoverable-requirements');
    assert.deepEqual(
      result.infeasibility?.uncovered.map((u) => u.requirementId),
      ['r2'],
    );
    const nearest = result.infeasibility!.uncovered[0]!.nearest;
    assert.deepEqual(
      nearest.map((h) => [h.companyId, h.leftOut]),
      [
        ['Q-outside', 'outside-network'],
        ['Q-far', 'too-far'],
      ],
    );
  });

  it('reports a capacity shortfall and a combination that does not fit the bounds', () => {
    const t = tender([{ id: 'L1', requirements: [competence('r1', 'a', 30)] }]);
    const directory = [company('A1', north(1), { a: 10 }), company('A2', north(2), { a: 10 })];
    const short = findConsortia(highs, t, directory, {});
    assert.equal(short.infeasibility?.uncovered[0]?.available, 20);
    const t2 = tender([{ id: 'L1', requirements: ['a', 'b', 'c'].map((code) => competence(code, code, 1)) }]);
    const d2 = [
      company('A', north(1), { a: 1 }),
      company('B', north(1), { b: 1 }),
      company('C', north(1), { c: 1 }),
    ];
    const bounded = findConsortia(highs, t2, d2, { maxMembers: 2 });
    assert.equal(bounded.status, 'infeasible');
    assert.equal(bounded.infeasibility?.reason, 'no-combination');
  });

  it('runs in a worker thread with the same answer', async () => {
    const t = tender([{ id: 'L1', requirements: [competence('r1', 'a', 2), competence('r2', 'b', 2)] }]);
    const directory = [
      company('A', north(1), { a: 2 }),
      company('B', north(3), { b: 2 }),
      company('C', north(9), { a: 2, b: 2 }),
    ];
    const local = findConsortia(highs, t, directory, { topK: 2 });
    const remote: ConsortiumResult = await findConsortiaInWorker(t, directory, {
      topK: 2,
      timeLimitMs: 5_000,
    });
    assert.deepEqual(
      remote.groupings.map((g) => g.memberIds),
      local.groupings.map((g) => g.memberIds),
    );
    assert.equal(remote.status, 'optimal');
  });

  it('property: leaving dominated candidates out changes no objective of the top k', () => {
    const codes = ['a', 'b', 'c'];
    const instance = fc.record({
      quantities: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }),
      companies: fc.array(
        fc.record({
          km: fc.integer({ min: 0, max: 50 }),
          lon: fc.integer({ min: -40, max: 40 }),
          capacities: fc.dictionary(fc.constantFrom(...codes), fc.integer({ min: 0, max: 6 }), {
            maxKeys: 2,
          }),
          iso: fc.boolean(),
          partner: fc.option(fc.nat(29), { nil: undefined }),
        }),
        { minLength: 10, maxLength: 30 },
      ),
      maxMembers: fc.integer({ min: 2, max: 4 }),
      pairKm: fc.option(fc.integer({ min: 20, max: 80 }), { nil: undefined }),
    });
    let dominated = 0;
    fc.assert(
      fc.property(instance, (spec) => {
        const requirements = codes.map((code, i) => competence(`r${i}`, code, spec.quantities[i]!));
        requirements.push(certification('iso', 'ISO9001'));
        const t = tender([{ id: 'L1', requirements }]);
        const directory = spec.companies.map((c, i) => {
          const partner = c.partner === undefined ? [] : [`C${c.partner % spec.companies.length}`];
          return company(
            `C${i}`,
            { lon: east(c.lon).lon, lat: north(c.km).lat },
            c.capacities,
            c.iso ? ['ISO9001'] : [],
            partner,
          );
        });
        const options = { maxMembers: spec.maxMembers, topK: 2, maxPairDistanceKm: spec.pairKm ?? null };
        const pruned = findConsortia(highs, t, directory, options);
        const full = findConsortia(highs, t, directory, { ...options, keepDominated: true });
        dominated += pruned.pruning.dominated;
        assert.equal(pruned.status, full.status);
        assert.deepEqual(
          pruned.groupings.map((g) => g.objective.toFixed(4)),
          full.groupings.map((g) => g.objective.toFixed(4)),
        );
      }),
      { numRuns: 40 },
    );
    assert.ok(dominated > 0, 'the property exercised the dominance rule');
  });

  it('says when the time limit stopped the search', () => {
    const t = tender([{ id: 'L1', requirements: [competence('r1', 'a', 3), competence('r2', 'b', 3)] }]);
    const directory = Array.from({ length: 40 }, (_, i) =>
      company(`C${i}`, north(i), { a: 1 + (i % 3), b: 1 + (i % 2) }),
    );
    const result = findConsortia(highs, t, directory, { timeLimitMs: 0 });
    assert.equal(result.status, 'time-limit-no-grouping');
    assert.deepEqual(result.groupings, []);
  });

  it('property: every grouping covers every requirement with enough capacity and respects the bounds', () => {
    const codes = ['a', 'b', 'c', 'd'];
    const instance = fc.record({
      requirements: fc.array(
        fc.record({ code: fc.constantFrom(...codes), quantity: fc.integer({ min: 0, max: 10 }) }),
        { minLength: 1, maxLength: 5 },
      ),
      certified: fc.boolean(),
      companies: fc.array(
        fc.record({
          km: fc.integer({ min: 0, max: 80 }),
          capacities: fc.dictionary(fc.constantFrom(...codes), fc.integer({ min: 0, max: 8 }), {
            maxKeys: 3,
          }),
          iso: fc.boolean(),
          partner: fc.nat(15),
        }),
        { minLength: 2, maxLength: 16 },
      ),
      minMembers: fc.integer({ min: 1, max: 3 }),
      extra: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(instance, (spec) => {
        const requirements = spec.requirements.map((r, i) => competence(`r${i}`, r.code, r.quantity));
        if (spec.certified) requirements.push(certification('iso', 'ISO9001'));
        const t = tender([{ id: 'L1', requirements }]);
        const directory = spec.companies.map((c, i) =>
          company(`C${i}`, north(c.km), c.capacities, c.iso ? ['ISO9001'] : [], [
            `C${c.partner % spec.companies.length}`,
          ]),
        );
        const min = spec.minMembers;
        const max = min + spec.extra;
        const result = findConsortia(highs, t, directory, {
          minMembers: min,
          maxMembers: max,
          maxDistanceKm: 60,
          topK: 2,
        });
        assert.ok(['optimal', 'infeasible'].includes(result.status), result.status);
        for (const grouping of result.groupings) {
          assertValidGrouping(t, directory, grouping, min, max);
          for (const member of grouping.members) assert.ok(member.distanceKm <= 60 + 1e-6);
        }
      }),
      { numRuns: 60 },
    );
  });
});
