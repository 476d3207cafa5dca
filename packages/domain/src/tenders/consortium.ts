/**
 * The consortium builder: the best groupings of member companies that together cover every
 * requirement of every lot of a tender, by an exact integer program solved with HiGHS.
 *
 * Model (decision 0009). Candidates c (after `pruneCandidates`), requirements r.
 * - x_c ∈ {0,1}: c is a member (pinned: x_c = 1).
 * - y_cr ≥ 0: capacity c puts into competence requirement r with quantity q_r > 0, y_cr ≤ min(cap_c, q_r)·x_c.
 * - Σ_c y_cr ≥ q_r for each such r; Σ_{c holds r} x_c ≥ 1 for certifications and quantity-0 competences.
 * - A competence asked by several requirements (e.g. in two lots) shares the company's capacity:
 *   Σ_r y_cr ≤ cap_c·x_c.
 * - minMembers ≤ Σ x_c ≤ maxMembers.
 * - p_ij ≤ x_i, p_ij ≤ x_j for each pair that already worked together (p_ij = 1 iff both are in).
 * - s ≥ (Σ_r y_cr) / Q for each c, Q = Σ q_r: s is the largest member's share of the work.
 * minimise  member·Σx_c + distancePerKm·Σ d_c x_c − collaboration·Σ p_ij + maxShare·s.
 *
 * Pairwise rules (a maximum distance between two members, pairs that must not be together) are
 * not written up front — there are O(n²) — but added as x_i + x_j ≤ 1 when a solution breaks
 * them, and the program is solved again. After each accepted grouping S, the no-good cut
 * Σ_{c∈S} x_c − Σ_{c∉S} x_c ≤ |S| − 1 removes exactly S, and the next solve gives the next best.
 *
 * `solveConsortium` is synchronous and blocks its thread for up to its time limit: on a server,
 * call `findConsortiaInWorker`.
 */
import type { Highs } from 'highs';
import { distanceKm } from '../geo.ts';
import {
  type CandidateIndex,
  type ConsortiumCandidate,
  type KeptCandidate,
  type NearbyHolder,
  type PruneResult,
  pruneCandidates,
} from './candidates.ts';
import { pushTo } from './collections.ts';
import { requirementsOf, type Tender, type TenderRequirement } from './model.ts';

/** Weights of the objective; each term is in "points", lower is better. */
export interface ConsortiumWeights {
  /** Per member: fewer members, simpler grouping. Default 100 (one member = 100 km). */
  member: number;
  /** Per km between a member and the place of performance. Default 1. */
  distancePerKm: number;
  /** Bonus per pair of members that already worked together. Default 30. */
  collaboration: number;
  /**
   * Per unit of the largest member's share of the work (0..1) in the choice of members. Default 0:
   * the work of each grouping is split to minimise the largest share once its members are chosen;
   * a positive weight also lets fairness choose the members (a harder program).
   */
  maxShare: number;
}

export const DEFAULT_CONSORTIUM_WEIGHTS: Readonly<ConsortiumWeights> = {
  member: 100,
  distancePerKm: 1,
  collaboration: 30,
  maxShare: 0,
};

export interface ConsortiumOptions {
  /** Fewest members of a grouping (default 2). */
  minMembers?: number;
  /** Most members of a grouping (default 5). */
  maxMembers?: number;
  /** Members within this distance of the place of performance, km; null: no limit (default). */
  maxDistanceKm?: number | null;
  /** Any two members within this distance of each other, km (added lazily); null: no limit. */
  maxPairDistanceKm?: number | null;
  /** Pairs of company ids that must not be in the same grouping (added lazily). */
  incompatiblePairs?: readonly (readonly [string, string])[];
  /** In every grouping. */
  pinned?: readonly string[];
  /** In none. */
  excluded?: readonly string[];
  /** How many alternatives, best first (default 3). */
  topK?: number;
  /** For all the solves together, ms (default 10 000). */
  timeLimitMs?: number;
  weights?: Partial<ConsortiumWeights>;
  /** Holders listed per uncovered requirement (default 3). */
  nearestCount?: number;
  /** Keep dominated candidates in the program (for tests and benchmarks; same results, slower). */
  keepDominated?: boolean;
}

/** Who brings what to one requirement in a grouping. */
export interface RequirementCoverage {
  requirementId: string;
  lotId: string;
  kind: TenderRequirement['kind'];
  code: string;
  /** Capacity asked (0 for "someone holds it" and certifications). */
  quantity: number;
  /** Members that bring it: for a quantity, the capacity each puts in (summing to ≥ quantity); else their capacity or null. */
  providers: { companyId: string; amount: number | null }[];
}

export interface GroupingMember {
  companyId: string;
  name?: string;
  /** To the tender's reference point. */
  distanceKm: number;
  /** Its part of all the capacity asked, 0..1. */
  workShare: number;
  /** Lots it brings something to. */
  lotIds: string[];
  pinned: boolean;
}

export interface Grouping {
  /** 1 for the best. */
  rank: number;
  memberIds: string[];
  members: GroupingMember[];
  coverage: RequirementCoverage[];
  /** The objective value (lower is better) and its terms. */
  objective: number;
  terms: { members: number; distanceKm: number; collaborations: number; maxShare: number };
  /** True when HiGHS proved it the best of the groupings not listed before it; false when the time limit stopped the search. */
  proved: boolean;
}

/** A requirement no grouping within the bounds can cover, with the nearest holders in the directory. */
export interface UncoveredRequirement {
  requirementId: string;
  lotId: string;
  kind: TenderRequirement['kind'];
  code: string;
  quantity: number;
  /** The most the kept candidates can bring together within `maxMembers` (holders count for a certification). */
  available: number;
  nearest: NearbyHolder[];
}

export type ConsortiumStatus =
  /** `groupings[0]` is proved optimal. */
  | 'optimal'
  /** Groupings were found but the time limit stopped the search before the first was proved optimal. */
  | 'time-limit'
  /** Proved: no grouping satisfies the bounds; see `infeasibility`. */
  | 'infeasible'
  /** The time limit stopped the search before any grouping was found. */
  | 'time-limit-no-grouping';

export interface ConsortiumResult {
  status: ConsortiumStatus;
  groupings: Grouping[];
  /** When no grouping exists: why. */
  infeasibility: {
    reason: 'uncoverable-requirements' | 'no-combination' | 'pinned-out-of-bounds';
    uncovered: UncoveredRequirement[];
  } | null;
  /**
   * `kept`: candidates after pruning; `dominated`: of those, left out of the integer program
   * because at least maxMembers + topK − 1 others are as good on every count (decision 0009).
   */
  pruning: {
    candidates: number;
    kept: number;
    dominated: number;
    leftOut: PruneResult['leftOut'];
    unknownPinned: string[];
  };
  /** `lazyPairs`: the pairs of company ids found breaking a pairwise rule and forbidden (x_i + x_j ≤ 1). */
  stats: { solves: number; lazyConstraints: number; lazyPairs: [string, string][]; elapsedMs: number };
}

const EPS = 1e-6;

interface ModelIndex {
  kept: KeptCandidate[];
  requirements: { lotId: string; requirement: TenderRequirement }[];
  /** y columns: candidate index, requirement index. */
  yColumns: { candidate: number; requirement: number; column: number }[];
  pairs: { i: number; j: number; column: number }[];
  shareColumn: number;
  totalQuantity: number;
}

/** Options with defaults applied. */
function settle(options: ConsortiumOptions) {
  return {
    minMembers: options.minMembers ?? 2,
    maxMembers: options.maxMembers ?? 5,
    maxDistanceKm: options.maxDistanceKm ?? null,
    maxPairDistanceKm: options.maxPairDistanceKm ?? null,
    incompatible: new Set((options.incompatiblePairs ?? []).map(([a, b]) => pairKey(a, b))),
    pinned: options.pinned ?? [],
    excluded: options.excluded ?? [],
    topK: options.topK ?? 3,
    timeLimitMs: options.timeLimitMs ?? 10_000,
    weights: { ...DEFAULT_CONSORTIUM_WEIGHTS, ...options.weights },
    nearestCount: options.nearestCount ?? 3,
    keepDominated: options.keepDominated ?? false,
  };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The HiGHS model of the consortium problem on the kept candidates (see the module comment). */
export interface ConsortiumModel {
  numCols: number;
  colCost: number[];
  colLower: number[];
  colUpper: number[];
  integrality: (0 | 1)[];
  rows: { lower: number; upper: number; indices: number[]; values: number[] }[];
  /** Column names, for LP/MPS files: x_<i>, y_<i>_<r>, p_<i>_<j>, s. */
  colNames: string[];
}

/** Builds the integer program (without lazy rows). Exported for the benchmark's LP writer and tests. */
export function buildConsortiumModel(
  tender: Tender,
  kept: KeptCandidate[],
  options: ConsortiumOptions = {},
): { model: ConsortiumModel; index: ModelIndex } {
  const settings = settle(options);
  const weights = settings.weights;
  const requirements = requirementsOf(tender).map(({ lot, requirement }) => ({ lotId: lot.id, requirement }));
  const requirementIndex = new Map(requirements.map(({ requirement }, r) => [requirement.id, r]));
  const colCost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integrality: (0 | 1)[] = [];
  const colNames: string[] = [];
  const rows: ConsortiumModel['rows'] = [];
  kept.forEach((k, i) => {
    colCost.push(weights.member + weights.distancePerKm * k.distanceKm);
    colLower.push(k.pinned ? 1 : 0);
    colUpper.push(1);
    integrality.push(1);
    colNames.push(`x_${i}`);
  });

  const yColumns: ModelIndex['yColumns'] = [];
  const coverRows = requirements.map(() => ({ indices: [] as number[], values: [] as number[] }));
  const totalQuantity = requirements.reduce(
    (sum, { requirement }) => sum + (requirement.kind === 'competence' ? requirement.quantity : 0),
    0,
  );
  const yByCandidate: number[][] = kept.map(() => []);
  kept.forEach((k, i) => {
    // Columns of this candidate per competence, to share its capacity between requirements.
    const byCompetence = new Map<string, number[]>();
    for (const id of k.requirementIds) {
      const r = requirementIndex.get(id);
      if (r === undefined) continue;
      const { requirement } = requirements[r]!;
      if (requirement.kind === 'competence' && requirement.quantity > 0) {
        const capacity = k.candidate.capacities[requirement.code] ?? 0;
        const column = colCost.length;
        colCost.push(0);
        colLower.push(0);
        colUpper.push(Math.min(capacity, requirement.quantity));
        integrality.push(0);
        colNames.push(`y_${i}_${r}`);
        yColumns.push({ candidate: i, requirement: r, column });
        yByCandidate[i]!.push(column);
        coverRows[r]!.indices.push(column);
        coverRows[r]!.values.push(1);
        // y ≤ min(cap, q)·x
        rows.push({
          lower: Number.NEGATIVE_INFINITY,
          upper: 0,
          indices: [column, i],
          values: [1, -Math.min(capacity, requirement.quantity)],
        });
        pushTo(byCompetence, requirement.code, column);
      } else {
        coverRows[r]!.indices.push(i);
        coverRows[r]!.values.push(1);
      }
    }
    for (const [competence, columns] of byCompetence) {
      if (columns.length < 2) continue;
      const capacity = k.candidate.capacities[competence] ?? 0;
      rows.push({
        lower: Number.NEGATIVE_INFINITY,
        upper: 0,
        indices: [...columns, i],
        values: [...columns.map(() => 1), -capacity],
      });
    }
  });
  requirements.forEach(({ requirement }, r) => {
    const row = coverRows[r]!;
    const lower = requirement.kind === 'competence' && requirement.quantity > 0 ? requirement.quantity : 1;
    rows.push({ lower, upper: Number.POSITIVE_INFINITY, indices: row.indices, values: row.values });
  });
  rows.push({
    lower: settings.minMembers,
    upper: settings.maxMembers,
    indices: kept.map((_, i) => i),
    values: kept.map(() => 1),
  });

  const pairs: ModelIndex['pairs'] = [];
  if (weights.collaboration !== 0) {
    const position = new Map(kept.map((k, i) => [k.candidate.id, i]));
    kept.forEach((k, i) => {
      for (const partner of k.candidate.pastPartners) {
        const j = position.get(partner);
        if (j === undefined || j <= i) continue;
        if (pairs.some((pair) => pair.i === i && pair.j === j)) continue;
        const column = colCost.length;
        colCost.push(-weights.collaboration);
        colLower.push(0);
        colUpper.push(1);
        integrality.push(0);
        colNames.push(`p_${i}_${j}`);
        pairs.push({ i, j, column });
        rows.push({ lower: Number.NEGATIVE_INFINITY, upper: 0, indices: [column, i], values: [1, -1] });
        rows.push({ lower: Number.NEGATIVE_INFINITY, upper: 0, indices: [column, j], values: [1, -1] });
      }
    });
  }

  const shareColumn = colCost.length;
  colCost.push(weights.maxShare);
  colLower.push(0);
  colUpper.push(1);
  integrality.push(0);
  colNames.push('s');
  if (totalQuantity > 0 && weights.maxShare !== 0) {
    yByCandidate.forEach((columns) => {
      if (columns.length === 0) return;
      rows.push({
        lower: Number.NEGATIVE_INFINITY,
        upper: 0,
        indices: [...columns, shareColumn],
        values: [...columns.map(() => 1 / totalQuantity), -1],
      });
    });
  }
  return {
    model: { numCols: colCost.length, colCost, colLower, colUpper, integrality, rows, colNames },
    index: { kept, requirements, yColumns, pairs, shareColumn, totalQuantity },
  };
}

/** Rows of the model as CSR, in the form `highs` takes. */
function toCsr(model: ConsortiumModel) {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of model.rows) {
    indices.push(...row.indices);
    values.push(...row.values);
    starts.push(indices.length);
  }
  return { starts, indices, values };
}

/** The model in the form `highs` takes (infinite bounds as HiGHS' infinity, rows as CSR). */
export function toHighsModel(highs: Highs, model: ConsortiumModel) {
  return {
    numCols: model.numCols,
    numRows: model.rows.length,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rows.map((row) => (row.lower === Number.NEGATIVE_INFINITY ? -highs.infinity : row.lower)),
    rowUpper: model.rows.map((row) => (row.upper === Number.POSITIVE_INFINITY ? highs.infinity : row.upper)),
    integrality: model.integrality,
    matrix: { format: 'csr' as const, numRows: model.rows.length, numCols: model.numCols, ...toCsr(model) },
  };
}

/** Finds the groupings for `tender` among `directory`: pruning, then `solveConsortium`. */
export function findConsortia(
  highs: Highs,
  tender: Tender,
  directory: readonly ConsortiumCandidate[] | CandidateIndex,
  options: ConsortiumOptions = {},
): ConsortiumResult {
  const settings = settle(options);
  const pruned = pruneCandidates(tender, directory, {
    maxDistanceKm: settings.maxDistanceKm,
    pinned: settings.pinned,
    excluded: settings.excluded,
    nearestCount: settings.nearestCount,
  });
  return solveConsortium(highs, tender, pruned, options);
}

/**
 * Solves the integer program on already pruned candidates (`pruneCandidates` with the same
 * distance, pinned and excluded options) and returns up to `topK` groupings, best first.
 */
export function solveConsortium(
  highs: Highs,
  tender: Tender,
  pruned: PruneResult,
  options: ConsortiumOptions = {},
): ConsortiumResult {
  const started = performance.now();
  const settings = settle(options);
  const pruning = {
    candidates: pruned.kept.length + Object.values(pruned.leftOut).reduce((a, b) => a + b, 0),
    kept: pruned.kept.length,
    dominated: 0,
    leftOut: pruned.leftOut,
    unknownPinned: pruned.unknownPinned,
  };
  const stats: ConsortiumResult['stats'] = { solves: 0, lazyConstraints: 0, lazyPairs: [], elapsedMs: 0 };
  const finish = (
    status: ConsortiumStatus,
    groupings: Grouping[],
    infeasibility: ConsortiumResult['infeasibility'] = null,
  ): ConsortiumResult => {
    stats.elapsedMs = performance.now() - started;
    return { status, groupings, infeasibility, pruning, stats };
  };

  const pinnedCount = pruned.kept.filter((k) => k.pinned).length;
  if (pinnedCount > settings.maxMembers || pruned.unknownPinned.length > 0) {
    return finish('infeasible', [], { reason: 'pinned-out-of-bounds', uncovered: [] });
  }
  const uncovered = uncoverableRequirements(tender, pruned, settings.maxMembers);
  if (uncovered.length > 0 || pruned.kept.length < settings.minMembers) {
    return finish('infeasible', [], {
      reason: uncovered.length > 0 ? 'uncoverable-requirements' : 'no-combination',
      uncovered,
    });
  }

  const kept = removeDominated(tender, pruned.kept, settings);
  pruning.dominated = pruned.kept.length - kept.length;
  const { model, index } = buildConsortiumModel(tender, kept, options);
  const groupings: Grouping[] = [];
  let timedOut = false;
  let provedNone = false;
  highs.withModel(toHighsModel(highs, model), (solver) => {
    solver.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-6 });
    while (groupings.length < settings.topK) {
      const remainingMs = settings.timeLimitMs - (performance.now() - started);
      if (remainingMs <= 0) {
        timedOut = true;
        break;
      }
      solver.options.set({ time_limit: remainingMs / 1000 });
      solver.run();
      stats.solves++;
      const status = solver.getModelStatus();
      const codes = highs.constants.modelStatus;
      let proved: boolean;
      if (status === codes.optimal) proved = true;
      else if (status === codes.infeasible) {
        provedNone = true;
        break;
      } else if (status === codes.timeLimit) {
        timedOut = true;
        if (Number(solver.info.get('primal_solution_status')) !== 2) break;
        proved = false;
      } else throw new Error(`HiGHS ended with model status ${status}`);
      const values = solver.getSolution().colValue;
      const members = kept.map((_, i) => i).filter((i) => values[i]! > 0.5);
      const violated = violatedPairs(kept, members, settings.maxPairDistanceKm, settings.incompatible);
      if (violated.length > 0) {
        for (const [i, j] of violated) {
          solver.addRow(-highs.infinity, 1, { indices: [i, j], values: [1, 1] });
          stats.lazyConstraints++;
          stats.lazyPairs.push([kept[i]!.candidate.id, kept[j]!.candidate.id]);
        }
        if (timedOut) break;
        continue;
      }
      groupings.push(
        balancedGrouping(
          highs,
          tender,
          index,
          members,
          values,
          solver.getObjectiveValue(),
          proved,
          groupings.length + 1,
        ),
      );
      const memberSet = new Set(members);
      solver.addRow(-highs.infinity, members.length - 1, {
        indices: kept.map((_, i) => i),
        values: kept.map((_, i) => (memberSet.has(i) ? 1 : -1)),
      });
      if (timedOut) break;
    }
  });
  if (groupings.length > 0) return finish(groupings[0]!.proved ? 'optimal' : 'time-limit', groupings);
  if (provedNone) return finish('infeasible', [], { reason: 'no-combination', uncovered: [] });
  return finish(timedOut ? 'time-limit-no-grouping' : 'infeasible', []);
}

/**
 * The grouping of `members` with the work split that minimises the largest member's share (a
 * small LP on the members alone); the MIP's own split when that fails.
 */
function balancedGrouping(
  highs: Highs,
  tender: Tender,
  index: ModelIndex,
  members: number[],
  values: Float64Array,
  objective: number,
  proved: boolean,
  rank: number,
): Grouping {
  const chosen = members.map((i) => ({ ...index.kept[i]!, pinned: true }));
  const { model, index: small } = buildConsortiumModel(tender, chosen, {
    minMembers: 0,
    maxMembers: chosen.length,
    weights: { member: 0, distancePerKm: 0, collaboration: 0, maxShare: 1 },
  });
  const balanced = highs.withModel(toHighsModel(highs, model), (lp) => {
    lp.options.set({ output_flag: false });
    lp.run();
    return lp.getModelStatus() === highs.constants.modelStatus.optimal ? lp.getSolution().colValue : null;
  });
  const grouping = balanced
    ? describeGrouping(
        small,
        chosen.map((_, i) => i),
        balanced,
        objective,
        proved,
        rank,
      )
    : describeGrouping(index, members, values, objective, proved, rank);
  grouping.members.forEach((member, m) => {
    member.pinned = index.kept[members[m]!]!.pinned;
  });
  return grouping;
}

/** Pairs of member positions that break a pairwise rule. */
function violatedPairs(
  kept: KeptCandidate[],
  members: number[],
  maxPairDistanceKm: number | null,
  incompatible: Set<string>,
): [number, number][] {
  const violated: [number, number][] = [];
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      const i = members[a]!;
      const j = members[b]!;
      const ci = kept[i]!.candidate;
      const cj = kept[j]!.candidate;
      const tooFar =
        maxPairDistanceKm !== null &&
        ci.point &&
        cj.point &&
        distanceKm(ci.point, cj.point) > maxPairDistanceKm;
      if (tooFar || incompatible.has(pairKey(ci.id, cj.id))) violated.push([i, j]);
    }
  }
  return violated;
}

function describeGrouping(
  index: ModelIndex,
  members: number[],
  values: Float64Array,
  objective: number,
  proved: boolean,
  rank: number,
): Grouping {
  const { kept, requirements, yColumns, totalQuantity } = index;
  const memberSet = new Set(members);
  const amount = new Map<string, number>();
  for (const { candidate, requirement, column } of yColumns) {
    const value = values[column]!;
    if (memberSet.has(candidate) && value > EPS) amount.set(`${candidate}:${requirement}`, value);
  }
  const lotsOf = new Map<number, Set<string>>(members.map((i) => [i, new Set<string>()]));
  const workOf = new Map<number, number>(members.map((i) => [i, 0]));
  const coverage: RequirementCoverage[] = requirements.map(({ lotId, requirement }, r) => {
    const providers: RequirementCoverage['providers'] = [];
    const byQuantity = requirement.kind === 'competence' && requirement.quantity > 0;
    for (const i of members) {
      const k = kept[i]!;
      if (!k.requirementIds.includes(requirement.id)) continue;
      if (byQuantity) {
        const value = amount.get(`${i}:${r}`);
        if (value === undefined) continue;
        const rounded = Math.round(value * 1e6) / 1e6;
        providers.push({ companyId: k.candidate.id, amount: rounded });
        workOf.set(i, workOf.get(i)! + value);
      } else {
        providers.push({
          companyId: k.candidate.id,
          amount: requirement.kind === 'competence' ? (k.candidate.capacities[requirement.code] ?? 0) : null,
        });
      }
      lotsOf.get(i)!.add(lotId);
    }
    return {
      requirementId: requirement.id,
      lotId,
      kind: requirement.kind,
      code: requirement.code,
      quantity: requirement.kind === 'competence' ? requirement.quantity : 0,
      providers,
    };
  });
  const groupingMembers: GroupingMember[] = members.map((i) => {
    const k = kept[i]!;
    return {
      companyId: k.candidate.id,
      ...(k.candidate.name === undefined ? {} : { name: k.candidate.name }),
      distanceKm: k.distanceKm,
      workShare: totalQuantity > 0 ? workOf.get(i)! / totalQuantity : 0,
      lotIds: [...lotsOf.get(i)!],
      pinned: k.pinned,
    };
  });
  const ids = new Set(members.map((i) => kept[i]!.candidate.id));
  let collaborations = 0;
  for (const i of members) {
    for (const partner of new Set(kept[i]!.candidate.pastPartners)) {
      if (ids.has(partner) && kept[i]!.candidate.id < partner) collaborations++;
    }
  }
  return {
    rank,
    memberIds: groupingMembers.map((member) => member.companyId),
    members: groupingMembers,
    coverage,
    objective,
    terms: {
      members: members.length,
      distanceKm: groupingMembers.reduce((sum, member) => sum + member.distanceKm, 0),
      collaborations,
      maxShare: Math.max(0, ...groupingMembers.map((member) => member.workShare)),
    },
    proved,
  };
}

/**
 * Requirements that no `maxMembers` kept candidates can cover even on their own: for a quantity,
 * the `maxMembers` largest capacities fall short; otherwise nobody kept holds it.
 */
function uncoverableRequirements(
  tender: Tender,
  pruned: PruneResult,
  maxMembers: number,
): UncoveredRequirement[] {
  const uncovered: UncoveredRequirement[] = [];
  for (const { lot, requirement } of requirementsOf(tender)) {
    const holders = pruned.kept.filter((k) => k.requirementIds.includes(requirement.id));
    let available: number;
    let short: boolean;
    if (requirement.kind === 'competence' && requirement.quantity > 0) {
      const capacities = holders
        .map((k) => k.candidate.capacities[requirement.code] ?? 0)
        .sort((a, b) => b - a);
      available = capacities.slice(0, maxMembers).reduce((a, b) => a + b, 0);
      short = available < requirement.quantity - EPS;
    } else {
      available = holders.length;
      short = available === 0;
    }
    if (short) {
      uncovered.push({
        requirementId: requirement.id,
        lotId: lot.id,
        kind: requirement.kind,
        code: requirement.code,
        quantity: requirement.kind === 'competence' ? requirement.quantity : 0,
        available,
        nearest: pruned.nearest[requirement.id] ?? [],
      });
    }
  }
  return uncovered;
}

/** Above this many kept candidates, the quadratic dominance test is skipped. */
const MAX_FOR_DOMINANCE = 20_000;

/**
 * Leaves out the candidates B for which at least D = maxMembers + topK − 1 other candidates A are
 * as good: A reaches every requirement B reaches, with at least B's capacity in each competence
 * (both capped at the tender's total need of it), is compatible with every candidate B is
 * compatible with (pairwise rules), and is closer by at least the bonus B could bring (its past
 * partners among the candidates, at most maxMembers − 1); B is not pinned. In any grouping with B, some A is not a member
 * (D ≥ maxMembers) and swapping B for A keeps it feasible at no higher cost, so the optimum — and
 * the objectives of the top k — are unchanged. Ties are broken by position, so that of two
 * identical candidates one is kept.
 */
function removeDominated(
  tender: Tender,
  kept: KeptCandidate[],
  settings: ReturnType<typeof settle>,
): KeptCandidate[] {
  const n = kept.length;
  const needed = settings.maxMembers + settings.topK - 1;
  if (settings.keepDominated || n <= needed || n > MAX_FOR_DOMINANCE || settings.weights.distancePerKm < 0) {
    return kept;
  }
  const requirements = requirementsOf(tender).map(({ requirement }) => requirement);
  const requirementPosition = new Map(requirements.map((r, i) => [r.id, i]));
  const totalOf = new Map<string, number>();
  for (const r of requirements) {
    if (r.kind === 'competence') totalOf.set(r.code, (totalOf.get(r.code) ?? 0) + r.quantity);
  }
  const competences = [...totalOf.keys()];
  const width = requirements.length + competences.length;
  const vectors = kept.map((k) => {
    const vector = new Float64Array(width);
    for (const id of k.requirementIds) vector[requirementPosition.get(id)!] = 1;
    competences.forEach((code, c) => {
      vector[requirements.length + c] = Math.min(k.candidate.capacities[code] ?? 0, totalOf.get(code)!);
    });
    return vector;
  });
  const ids = new Set(kept.map((k) => k.candidate.id));
  // The most bonus b could bring: one per past partner among the candidates, at most maxMembers − 1.
  const bonus = kept.map((k) => {
    const partners = new Set(k.candidate.pastPartners.filter((p) => ids.has(p))).size;
    return Math.max(0, settings.weights.collaboration) * Math.min(partners, settings.maxMembers - 1);
  });
  const distanceCost = (i: number) => settings.weights.distancePerKm * kept[i]!.distanceKm;
  // Pairwise compatibility as bit sets, only when a pairwise rule exists.
  const words = Math.ceil(n / 32);
  let compatible: Uint32Array | null = null;
  if (settings.maxPairDistanceKm !== null || settings.incompatible.size > 0) {
    compatible = new Uint32Array(n * words);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = kept[i]!.candidate;
        const b = kept[j]!.candidate;
        const far =
          settings.maxPairDistanceKm !== null &&
          a.point !== null &&
          b.point !== null &&
          distanceKm(a.point, b.point) > settings.maxPairDistanceKm;
        if (far || settings.incompatible.has(pairKey(a.id, b.id))) continue;
        compatible[i * words + (j >>> 5)]! |= 1 << (j & 31);
        compatible[j * words + (i >>> 5)]! |= 1 << (i & 31);
      }
    }
  }
  /** Every candidate compatible with b (other than a) is compatible with a. */
  const coversCompatibility = (a: number, b: number) => {
    if (!compatible) return true;
    for (let w = 0; w < words; w++) {
      let fromB = compatible[b * words + w]!;
      if (w === a >>> 5) fromB &= ~(1 << (a & 31));
      if ((fromB & ~compatible[a * words + w]!) !== 0) return false;
    }
    return true;
  };
  const order = kept.map((_, i) => i).sort((a, b) => kept[a]!.distanceKm - kept[b]!.distanceKm || a - b);
  const dominated = new Uint8Array(n);
  for (let ob = 0; ob < n; ob++) {
    const b = order[ob]!;
    if (kept[b]!.pinned) continue;
    const vb = vectors[b]!;
    let count = 0;
    // Only candidates no farther than b can dominate it: those before it in distance order.
    for (let oa = 0; oa < ob && count < needed; oa++) {
      const a = order[oa]!;
      if (distanceCost(a) + bonus[b]! > distanceCost(b)) continue;
      const va = vectors[a]!;
      let geq = true;
      for (let d = 0; d < width; d++) {
        if (va[d]! < vb[d]!) {
          geq = false;
          break;
        }
      }
      if (geq && coversCompatibility(a, b)) count++;
    }
    if (count >= needed) dominated[b] = 1;
  }
  return kept.filter((_, i) => dominated[i] === 0);
}
