/**
 * Transferable-utility cooperative games given by their characteristic function, for any rule
 * that shares a cost or a gain: purchasing, alliances, shared hires.
 *
 * A game of `n` players is a `CoalitionTable`: a Float64Array of length 2^n indexed by the
 * coalition's bitmask (player i, 0-based, is bit `1 << i`), so `table[0]` is the empty
 * coalition and is 0. Bitmask order makes every sum over coalitions a sequential sweep, which
 * is what keeps exact computations fast up to 25 players.
 */

/** Coalition values indexed by bitmask (bit i = player i); entry 0 (nobody) is 0. */
export type CoalitionTable = Float64Array;

/** `cost`: c(S) is what S would pay alone. `profit`: v(S) is what S would earn alone. */
export type GameKind = 'cost' | 'profit';

/**
 * Orders in which published games list their coalitions (the empty one omitted).
 * `size-lex`: by size, then lexicographically (R CoopGame); for 3 players {1},{2},{3},{1,2},{1,3},{2,3},{1,2,3}.
 * `dfs-lex`: depth-first lexicographic (Nucleolus.jl); for 3 players {1},{1,2},{1,2,3},{1,3},{2},{2,3},{3}.
 */
export type CoalitionOrder = 'size-lex' | 'dfs-lex';

/** Largest game held as a table: 2^25 doubles are 256 MiB. */
export const MAX_TABLE_PLAYERS = 25;

function assertPlayerCount(playerCount: number, max = MAX_TABLE_PLAYERS): void {
  if (!Number.isInteger(playerCount) || playerCount < 1 || playerCount > max) {
    throw new RangeError(`A game needs between 1 and ${max} players, got ${playerCount}`);
  }
}

/** Bitmask of the grand coalition (everybody). */
export function grandCoalition(playerCount: number): number {
  return 2 ** playerCount - 1;
}

/** The players (0-based, ascending) of a coalition's bitmask. */
export function playersOf(mask: number): number[] {
  const players: number[] = [];
  for (let player = 0; mask >= 2 ** player; player++) {
    if (Math.floor(mask / 2 ** player) % 2 === 1) players.push(player);
  }
  return players;
}

/** The bitmask of a list of 0-based players. */
export function maskOf(players: readonly number[]): number {
  let mask = 0;
  for (const player of new Set(players)) mask += 2 ** player;
  return mask;
}

/** The coalitions' bitmasks in a published order (without the empty coalition). */
export function coalitionMasksInOrder(playerCount: number, order: CoalitionOrder): number[] {
  assertPlayerCount(playerCount);
  const masks: number[] = [];
  if (order === 'size-lex') {
    const extend = (size: number, next: number, mask: number) => {
      if (size === 0) {
        masks.push(mask);
        return;
      }
      for (let player = next; player <= playerCount - size; player++)
        extend(size - 1, player + 1, mask | (1 << player));
    };
    for (let size = 1; size <= playerCount; size++) extend(size, 0, 0);
  } else {
    const visit = (mask: number, next: number) => {
      for (let player = next; player < playerCount; player++) {
        masks.push(mask | (1 << player));
        visit(mask | (1 << player), player + 1);
      }
    };
    visit(0, 0);
  }
  return masks;
}

/** A table from the 2^n − 1 coalition values of a published game, listed in `order`. */
export function tableFromCoalitionValues(
  playerCount: number,
  values: readonly number[],
  order: CoalitionOrder,
): CoalitionTable {
  const masks = coalitionMasksInOrder(playerCount, order);
  if (values.length !== masks.length) {
    throw new RangeError(
      `A ${playerCount}-player game has ${masks.length} coalition values, got ${values.length}`,
    );
  }
  const table = new Float64Array(2 ** playerCount);
  masks.forEach((mask, index) => {
    table[mask] = values[index]!;
  });
  return table;
}

/** A table from a function of the coalition's bitmask (called once per non-empty coalition). */
export function tabulateGame(
  playerCount: number,
  valueOfCoalition: (mask: number) => number,
): CoalitionTable {
  assertPlayerCount(playerCount);
  const table = new Float64Array(2 ** playerCount);
  for (let mask = 1; mask < table.length; mask++) table[mask] = valueOfCoalition(mask);
  return table;
}

/** Number of players of a table (its length is 2^n). */
export function playerCountOf(table: CoalitionTable): number {
  const playerCount = Math.log2(table.length);
  if (!Number.isInteger(playerCount)) throw new RangeError('A coalition table has 2^n entries');
  assertPlayerCount(playerCount);
  return playerCount;
}

/** Number of players in a coalition (popcount of a 32-bit mask, branch-free). */
export function coalitionSize(mask: number): number {
  let bits = mask - ((mask >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Shapley weight of joining a coalition of `size` others, s!(n−s−1)!/n!, for every size: the
 * probability that, in a random order, a player finds exactly that coalition before it.
 */
export function shapleyWeights(playerCount: number): Float64Array {
  const weights = new Float64Array(playerCount);
  // 1 / (n · C(n−1, s)), with the binomial built multiplicatively to stay exact in doubles.
  let binomial = 1;
  for (let size = 0; size < playerCount; size++) {
    weights[size] = 1 / (playerCount * binomial);
    binomial = (binomial * (playerCount - 1 - size)) / (size + 1);
  }
  return weights;
}

/**
 * The exact Shapley value of any game, in the table's units (cents for a cost game: what each
 * player pays; the shares add up to the grand coalition's value). O(n · 2^n) time; needs a
 * copy of the table (2^n doubles), see `shapleyValueInPlace` to avoid it. n = 20 takes
 * milliseconds, n = 25 about a second.
 */
export function shapleyValue(table: CoalitionTable): Float64Array {
  return shapleyValueInPlace(table.slice());
}

/**
 * `shapleyValue`, overwriting `table` (for callers that built it for this purpose only).
 *
 * φ_i = Σ_{S∌i} w(|S|)·(v(S∪i) − v(S)) = Σ_{T∋i} v(T)·(w(|T|−1) + w(|T|)) − Σ_T v(T)·w(|T|)
 * (with w(n) = 0): one pass turns each value into its weighted form, then each player's share
 * is a plain sum over the half of the table that contains it — contiguous blocks in bitmask
 * order, the fastest memory sweep there is.
 */
export function shapleyValueInPlace(table: CoalitionTable): Float64Array {
  const playerCount = playerCountOf(table);
  const weights = shapleyWeights(playerCount);
  // Weight of v(T) when T contains the player, by |T|.
  const withWeights = new Float64Array(playerCount + 1);
  for (let size = 1; size <= playerCount; size++)
    withWeights[size] = weights[size - 1]! + (weights[size] ?? 0);
  let withoutSum = 0;
  for (let mask = 1; mask < table.length; mask++) {
    const size = coalitionSize(mask);
    const value = table[mask]!;
    withoutSum += value * (weights[size] ?? 0);
    table[mask] = value * withWeights[size]!;
  }
  const shares = new Float64Array(playerCount);
  for (let player = 0; player < playerCount; player++) {
    const bit = 1 << player;
    let sum = 0;
    for (let blockStart = bit; blockStart < table.length; blockStart += 2 * bit) {
      const blockEnd = blockStart + bit;
      for (let mask = blockStart; mask < blockEnd; mask++) sum += table[mask]!;
    }
    shares[player] = sum - withoutSum;
  }
  return shares;
}

/** x(S) for every coalition, by adding one player to a smaller coalition (x(S) = x(S − low bit) + x_low). */
function coalitionSums(allocation: ArrayLike<number>, playerCount: number): Float64Array {
  const sums = new Float64Array(2 ** playerCount);
  for (let mask = 1; mask < sums.length; mask++) {
    const lowBit = mask & -mask;
    sums[mask] = sums[mask ^ lowBit]! + allocation[31 - Math.clz32(lowBit)]!;
  }
  return sums;
}

export interface CoalitionExcess {
  /** Bitmask of the coalition with the largest excess (the one that objects most, or is closest to). */
  mask: number;
  /**
   * For a cost game, x(S) − c(S): what the coalition pays in the split beyond what it would pay
   * alone (> 0: it objects). For a profit game, v(S) − x(S): what it would gain alone beyond
   * its share.
   */
  excess: number;
}

/**
 * The proper coalition (neither empty nor everybody) with the largest excess for `allocation`,
 * by enumerating all 2^n − 2 of them; the allocation is in the core iff this excess is ≤ 0
 * (within rounding) and it adds up to the grand coalition's value. Ties go to the smallest
 * bitmask. Needs at least 2 players.
 */
export function findLargestExcess(
  table: CoalitionTable,
  allocation: ArrayLike<number>,
  kind: GameKind = 'cost',
): CoalitionExcess {
  const playerCount = playerCountOf(table);
  if (playerCount < 2) throw new RangeError('A game of one player has no proper coalition');
  if (allocation.length !== playerCount) throw new RangeError('One share per player');
  const sums = coalitionSums(allocation, playerCount);
  const sign = kind === 'cost' ? 1 : -1;
  let best: CoalitionExcess = { mask: 1, excess: Number.NEGATIVE_INFINITY };
  const everybody = grandCoalition(playerCount);
  for (let mask = 1; mask < everybody; mask++) {
    const excess = sign * (sums[mask]! - table[mask]!);
    if (excess > best.excess) best = { mask, excess };
  }
  return best;
}
