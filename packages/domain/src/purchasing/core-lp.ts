/**
 * Linear programs over a game's coalitions, solved by HiGHS (the `highs` package, WebAssembly):
 * the least core (is the core empty? by how much?) and the nucleolus. One constraint per
 * coalition, so they are for small games (≤ 16 players); `solve` is synchronous and blocks its
 * thread — on a server, call them through `runInWorker`.
 */
import type { Highs } from 'highs';
import { type CoalitionTable, type GameKind, grandCoalition, playerCountOf } from './cooperative-game.ts';

/** 2^16 − 2 constraints: an LP solves in well under a second. */
export const MAX_PLAYERS_FOR_LP = 16;

/** On a game scaled to values in [−1, 1]: below this, a number is solver noise. */
const SCALED_TOLERANCE = 1e-7;

let highsLoading: Promise<Highs> | undefined;

type HighsLoader = () => Promise<Highs>;

/**
 * Not a literal in `import(…)`: the web app bundles the domain package, and a literal would make
 * it ship the solver (3.5 MB of WebAssembly) that only the server's workers use.
 */
const HIGHS_PACKAGE = 'highs';

/** The HiGHS solver, loaded once per thread (reads and compiles its WebAssembly). */
export function loadHighs(): Promise<Highs> {
  highsLoading ??= import(HIGHS_PACKAGE).then((module: { default: unknown }) => {
    // Node loads the package's ES module, whose default export is the loader; its types describe
    // the CommonJS build, whose exports object holds the loader as `default`.
    const loader =
      typeof module.default === 'function'
        ? (module.default as HighsLoader)
        : (module.default as { default: HighsLoader }).default;
    return loader();
  });
  return highsLoading;
}

export interface LeastCore {
  /**
   * The smallest ε such that some split x of the grand coalition's value gives every proper
   * coalition S at most ε beyond its stand-alone terms: x(S) ≤ c(S) + ε for a cost game,
   * x(S) ≥ v(S) − ε for a profit game. The core is non-empty iff ε ≤ 0.
   */
  epsilon: number;
  /** A split attaining it (a core allocation when the core is non-empty). */
  allocation: number[];
  /** ε ≤ 0 within the solver's tolerance. */
  isCoreNonEmpty: boolean;
}

interface FixedCoalition {
  mask: number;
  /** Its excess x(S) − c(S), fixed for every later program. */
  excess: number;
}

interface ExcessProgram {
  playerCount: number;
  /** The cost game, scaled. */
  costs: CoalitionTable;
  /** Coalitions whose excess is minimised: x(S) − c(S) ≤ ε. */
  active: readonly number[];
  /** Coalitions whose excess is already fixed: x(S) − c(S) = excess. */
  fixed: readonly FixedCoalition[];
  /** Upper bound of each x_i (the imputation bound c({i}) for the nucleolus, +∞ for the least core). */
  upperBounds: readonly number[];
  /** Players whose share is already determined: x_i = upper bound. */
  pinned: ReadonlySet<number>;
}

interface ExcessSolution {
  epsilon: number;
  allocation: Float64Array;
  /** Dual of each active row (same order as `active`). */
  activeDuals: Float64Array;
  /** Reduced cost of each x_i. */
  playerDuals: Float64Array;
}

function assertLpSize(playerCount: number): void {
  if (playerCount < 2 || playerCount > MAX_PLAYERS_FOR_LP) {
    throw new RangeError(`These programs need 2 to ${MAX_PLAYERS_FOR_LP} players, got ${playerCount}`);
  }
}

/** min ε s.t. x(S) − ε ≤ c(S) (active), x(S) = c(S) + e_S (fixed), x(N) = c(N), x_i ≤ u_i. Null if infeasible. */
function solveExcessProgram(highs: Highs, program: ExcessProgram): ExcessSolution | null {
  const { playerCount, costs, active, fixed, upperBounds, pinned } = program;
  const epsilonColumn = playerCount;
  const rows = [...active, ...fixed.map((coalition) => coalition.mask), grandCoalition(playerCount)];
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  rows.forEach((mask, row) => {
    for (let player = 0; player < playerCount; player++) {
      if (mask & (1 << player)) {
        indices.push(player);
        values.push(1);
      }
    }
    if (row < active.length) {
      indices.push(epsilonColumn);
      values.push(-1);
      rowLower.push(-highs.infinity);
      rowUpper.push(costs[mask]!);
    } else {
      const target = costs[mask]! + (fixed[row - active.length]?.excess ?? 0);
      rowLower.push(target);
      rowUpper.push(target);
    }
    starts.push(indices.length);
  });
  const colLower = [...upperBounds.map((bound, player) => (pinned.has(player) ? bound : -highs.infinity))];
  const colUpper = [...upperBounds];
  colLower.push(-highs.infinity);
  colUpper.push(highs.infinity);
  const colCost = new Array<number>(playerCount).fill(0);
  colCost.push(1);
  if (active.length === 0) throw new Error('An excess program needs a coalition to minimise over');

  return highs.withModel(
    {
      numCols: playerCount + 1,
      numRows: rows.length,
      colCost,
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      matrix: { format: 'csr', numRows: rows.length, numCols: playerCount + 1, starts, indices, values },
    },
    (model) => {
      model.options.set({ output_flag: false });
      model.run();
      const status = model.getModelStatus();
      if (status === highs.constants.modelStatus.infeasible) return null;
      if (status !== highs.constants.modelStatus.optimal) {
        throw new Error(`HiGHS ended with model status ${status}`);
      }
      const solution = model.getSolution();
      return {
        epsilon: model.getObjectiveValue(),
        allocation: solution.colValue.slice(0, playerCount),
        activeDuals: solution.rowDual.slice(0, active.length),
        playerDuals: solution.colDual.slice(0, playerCount),
      };
    },
  );
}

/** The game as a cost game scaled to [−1, 1] (solver tolerances are absolute), with its scale. */
function scaledCostGame(table: CoalitionTable, kind: GameKind): { costs: Float64Array; scale: number } {
  let scale = 0;
  for (const value of table) scale = Math.max(scale, Math.abs(value));
  if (scale === 0) scale = 1;
  const sign = kind === 'cost' ? 1 : -1;
  return { costs: table.map((value) => (sign * value) / scale), scale };
}

function properCoalitions(playerCount: number): number[] {
  return Array.from({ length: grandCoalition(playerCount) - 1 }, (_, index) => index + 1);
}

/** The least core of a game of 2 to 16 players (LP with one row per proper coalition). */
export function computeLeastCore(highs: Highs, table: CoalitionTable, kind: GameKind = 'cost'): LeastCore {
  const playerCount = playerCountOf(table);
  assertLpSize(playerCount);
  const { costs, scale } = scaledCostGame(table, kind);
  const solution = solveExcessProgram(highs, {
    playerCount,
    costs,
    active: properCoalitions(playerCount),
    fixed: [],
    upperBounds: new Array<number>(playerCount).fill(highs.infinity),
    pinned: new Set(),
  });
  if (solution === null) throw new Error('The least-core program is always feasible');
  const sign = kind === 'cost' ? 1 : -1;
  return {
    epsilon: solution.epsilon * scale,
    allocation: Array.from(solution.allocation, (share) => sign * share * scale),
    isCoreNonEmpty: solution.epsilon <= SCALED_TOLERANCE,
  };
}

/** Vectors of 0/1 memberships kept in echelon form, to tell whether a coalition's x(S) is already determined. */
class Span {
  readonly #rows: { pivot: number; row: Float64Array }[] = [];
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
  }

  get rank(): number {
    return this.#rows.length;
  }

  #reduce(mask: number): Float64Array {
    const vector = new Float64Array(this.#size);
    for (let player = 0; player < this.#size; player++) if (mask & (1 << player)) vector[player] = 1;
    for (const { pivot, row } of this.#rows) {
      const factor = vector[pivot]!;
      if (factor !== 0)
        for (let column = 0; column < this.#size; column++) vector[column]! -= factor * row[column]!;
    }
    return vector;
  }

  contains(mask: number): boolean {
    return this.#reduce(mask).every((value) => Math.abs(value) < 1e-9);
  }

  /** Adds a coalition's vector; returns false when it was already in the span. */
  add(mask: number): boolean {
    const vector = this.#reduce(mask);
    let pivot = -1;
    for (let column = 0; column < this.#size; column++) {
      if (
        Math.abs(vector[column]!) > 1e-9 &&
        (pivot < 0 || Math.abs(vector[column]!) > Math.abs(vector[pivot]!))
      ) {
        pivot = column;
      }
    }
    if (pivot < 0) return false;
    const scaled = vector.map((value) => value / vector[pivot]!);
    for (const existing of this.#rows) {
      const factor = existing.row[pivot]!;
      if (factor !== 0)
        for (let column = 0; column < this.#size; column++) existing.row[column]! -= factor * scaled[column]!;
    }
    this.#rows.push({ pivot, row: scaled });
    return true;
  }
}

/**
 * The nucleolus over the imputation set (x_i ≤ c({i}) for a cost game, x_i ≥ v({i}) for a
 * profit game) of a game of 2 to 16 players, or null when that set is empty.
 *
 * Sequential LPs that minimise the largest excess, then the next largest… After each one, only
 * the coalitions whose constraint has a non-zero dual are fixed: those are tight in every optimal
 * solution. Fixing every coalition that merely happens to be tight in the solution found is the
 * classic mistake that returns wrong answers (Guajardo & Jörnsten 2015). Coalitions whose x(S) is
 * then determined by the fixed ones leave the program, and so do shares pinned at their bound.
 * It stops when the fixed coalitions determine x.
 */
export function computeNucleolus(
  highs: Highs,
  table: CoalitionTable,
  kind: GameKind = 'cost',
): number[] | null {
  const playerCount = playerCountOf(table);
  assertLpSize(playerCount);
  const { costs, scale } = scaledCostGame(table, kind);
  const upperBounds = Array.from({ length: playerCount }, (_, player) => costs[1 << player]!);
  const span = new Span(playerCount);
  span.add(grandCoalition(playerCount));
  const pinned = new Set<number>();
  const fixed: FixedCoalition[] = [];
  let active = properCoalitions(playerCount);
  let allocation: Float64Array | null = null;

  while (span.rank < playerCount && active.length > 0) {
    const solution = solveExcessProgram(highs, { playerCount, costs, active, fixed, upperBounds, pinned });
    if (solution === null) return null;
    allocation = solution.allocation;
    solution.activeDuals.forEach((dual, row) => {
      if (Math.abs(dual) > SCALED_TOLERANCE && span.add(active[row]!)) {
        fixed.push({ mask: active[row]!, excess: solution.epsilon });
      }
    });
    solution.playerDuals.forEach((dual, player) => {
      if (Math.abs(dual) > SCALED_TOLERANCE && !pinned.has(player)) {
        pinned.add(player);
        span.add(1 << player);
      }
    });
    active = active.filter((mask) => !span.contains(mask));
  }
  // Every coalition is either fixed or in the span of the fixed ones, so the last program's
  // optimum is the only split left: the nucleolus.
  if (allocation === null) throw new Error('A game of 2 players or more needs one program at least');
  const sign = kind === 'cost' ? 1 : -1;
  return Array.from(allocation, (share) => sign * share * scale);
}
