/**
 * The purchasing cost game of a campaign: members 0..n−1 commit quantities q_i, and a coalition
 * S would pay c(S) = costOfQuantity(schedule, q(S)) with q(S) = Σ_{i∈S} q_i if it bought alone
 * from the same offer. Its Shapley value shares the group's cost by each member's average
 * marginal cost over all orders of arrival.
 *
 * Because c(S) depends only on the total quantity q(S), the game is solved exactly far beyond
 * what enumerating coalitions allows, by counting coalitions per (size, total quantity).
 */
import { MAX_TABLE_PLAYERS, shapleyValueInPlace } from './cooperative-game.ts';
import { type PriceSchedule, tierThreshold, variableCost, variableCostJustBelow } from './price-schedule.ts';
import { createRandom } from './random.ts';

/**
 * How a Shapley value was obtained.
 * `exact-enumeration`: every coalition (n ≤ 25).
 * `exact-quantity-counting`: coalitions counted by size and total quantity (n ≤ 50, quantities
 * that are integers once scaled, table small enough).
 * `monte-carlo`: average over random orders of arrival, with an error bound.
 */
export type ShapleyMethod = 'exact-enumeration' | 'exact-quantity-counting' | 'monte-carlo';

/** Largest campaign solved by enumerating coalitions (2^25 costs, ~1 s, 256 MiB). */
export const MAX_MEMBERS_FOR_ENUMERATION = MAX_TABLE_PLAYERS;

/**
 * Largest campaign solved by counting coalitions. The counts, at most C(n, n/2), stay exact in
 * doubles (below 2^53) up to n = 56; 50 leaves a margin and bounds the time to well under 1 s.
 */
export const MAX_MEMBERS_FOR_QUANTITY_COUNTING = 50;

/** Largest (members + 1) × (total quantity in units + 1) table of counts (doubles: 80 MB). */
export const MAX_QUANTITY_TABLE_CELLS = 10_000_000;

/** Largest members × (total quantity in units + 1) table of the core knapsack (bits: 12.5 MB, ~0.3 s). */
export const MAX_KNAPSACK_CELLS = 100_000_000;

/** Default confidence of the Monte-Carlo error bound. */
export const DEFAULT_MONTE_CARLO_CONFIDENCE = 0.95;

/** Default seed: the same campaign always gets the same Monte-Carlo shares. */
export const DEFAULT_MONTE_CARLO_SEED = 0x6d657574;

export interface ShapleyOptions {
  /** Forces a method; by default the cheapest exact method that applies, else Monte-Carlo. */
  method?: ShapleyMethod;
  /** Random orders drawn by Monte-Carlo; by default `defaultMonteCarloSamples(n)`. */
  samples?: number;
  /** Seed of the Monte-Carlo orders (recorded with the award so anyone can recompute it). */
  seed?: number;
  /** Probability that every member's error is within its bound, in (0, 1). Default 0.95. */
  confidence?: number;
}

export interface MonteCarloBound {
  /** Random orders of arrival averaged. */
  samples: number;
  seed: number;
  /** With this probability, every member's estimate is within its bound of its exact Shapley value. */
  confidence: number;
  /** Per member, in cents (Hoeffding or empirical Bernstein, union bound over members). */
  errorBoundCents: number[];
}

export interface PurchasingShapley {
  method: ShapleyMethod;
  /** Per member, real cents; they add up to the grand coalition's cost. */
  sharesCents: number[];
  /** Present for `monte-carlo` only. */
  monteCarlo?: MonteCarloBound;
}

/**
 * Quantities as whole multiples of a common unit, so that totals can index a table: the
 * smallest power of ten (up to 10^6) that makes every quantity an integer, then divided by the
 * greatest common divisor. E.g. [1000, 2500, 3000] → units [2, 5, 6] of 500.
 */
export interface QuantityUnits {
  units: Int32Array;
  /** Size of one unit in the campaign's unit. */
  unitQuantity: number;
  totalUnits: number;
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Whole units of the quantities, or null when they have more than 6 decimals or overflow. */
export function toQuantityUnits(quantities: readonly number[]): QuantityUnits | null {
  for (let decimals = 0; decimals <= 6; decimals++) {
    const scale = 10 ** decimals;
    const scaled = quantities.map((quantity) => Math.round(quantity * scale));
    const isExact = scaled.every(
      (value, index) => Math.abs(value - quantities[index]! * scale) <= 1e-9 * Math.max(1, value),
    );
    if (!isExact) continue;
    const divisor = scaled.reduce(greatestCommonDivisor, 0);
    if (divisor === 0) return null;
    const units = scaled.map((value) => value / divisor);
    const totalUnits = units.reduce((sum, value) => sum + value, 0);
    if (totalUnits > 2 ** 31 - 1) return null;
    return { units: Int32Array.from(units), unitQuantity: divisor / scale, totalUnits };
  }
  return null;
}

/** The cost of every coalition, c(S) for S by bitmask (q(S) built by adding one member at a time). */
export function purchasingGameTable(schedule: PriceSchedule, quantities: readonly number[]): Float64Array {
  const memberCount = quantities.length;
  if (memberCount < 1 || memberCount > MAX_MEMBERS_FOR_ENUMERATION) {
    throw new RangeError(`Enumeration needs 1 to ${MAX_MEMBERS_FOR_ENUMERATION} members, got ${memberCount}`);
  }
  // First the total quantity of each coalition, by doubling (the coalitions with member i are
  // those without it, shifted by 2^i, plus q_i), then each total replaced by its cost, in place.
  const table = new Float64Array(2 ** memberCount);
  for (let member = 0; member < memberCount; member++) {
    const bit = 2 ** member;
    const quantity = quantities[member]!;
    for (let without = 0; without < bit; without++) table[bit + without] = table[without]! + quantity;
  }
  const costs = compileCostFunction(schedule);
  for (let mask = 1; mask < table.length; mask++) table[mask] = costs(table[mask]!);
  return table;
}

/**
 * A fast cost function for hot loops: tiers as typed arrays and, for incremental schedules, the
 * cost at each tier start, so a cost is one scan of a few starts and one multiplication.
 */
function compileCostFunction(schedule: PriceSchedule, withFixedCosts = true): (quantity: number) => number {
  const starts = Float64Array.from(schedule.tiers, (tier) => tier.fromQuantity);
  const thresholds = starts.map(tierThreshold);
  const prices = Float64Array.from(schedule.tiers, (tier) => tier.unitPriceCents);
  const fixed = withFixedCosts ? schedule.fixedCostCents : 0;
  const tierCount = starts.length;
  if (schedule.kind === 'all-units') {
    return (quantity) => {
      if (quantity === 0) return 0;
      let tier = 0;
      while (tier + 1 < tierCount && thresholds[tier + 1]! <= quantity) tier++;
      return fixed + quantity * prices[tier]!;
    };
  }
  const costAtStart = new Float64Array(tierCount);
  for (let tier = 1; tier < tierCount; tier++) {
    costAtStart[tier] = costAtStart[tier - 1]! + (starts[tier]! - starts[tier - 1]!) * prices[tier - 1]!;
  }
  return (quantity) => {
    if (quantity === 0) return 0;
    let tier = 0;
    while (tier + 1 < tierCount && thresholds[tier + 1]! <= quantity) tier++;
    return fixed + costAtStart[tier]! + (quantity - starts[tier]!) * prices[tier]!;
  };
}

/**
 * Exact Shapley value by counting coalitions of the other members per (size s, total t):
 * φ_i = (1/n) Σ_s Σ_t N_{−i}(s, t) / C(n−1, s) · (c(t + q_i) − c(t)).
 * N (all members) is built once by a 0/1 knapsack over sizes; N_{−i} is recovered from it
 * row by row (N_{−i}(s, t) = N(s, t) − N_{−i}(s − 1, t − q_i)), once per distinct quantity.
 * Work ≈ n² · T where T is the total in units. Returns null when it does not apply (more than
 * 50 members, quantities not made integers by 10^6, or a table over MAX_QUANTITY_TABLE_CELLS).
 */
export function shapleyByQuantityCounting(
  schedule: PriceSchedule,
  quantities: readonly number[],
): number[] | null {
  const memberCount = quantities.length;
  if (memberCount < 1 || memberCount > MAX_MEMBERS_FOR_QUANTITY_COUNTING) return null;
  const scaled = toQuantityUnits(quantities);
  if (scaled === null) return null;
  const { units, unitQuantity, totalUnits } = scaled;
  const width = totalUnits + 1;
  if ((memberCount + 1) * width > MAX_QUANTITY_TABLE_CELLS) return null;

  const costs = compileCostFunction(schedule);
  const costOfTotal = new Float64Array(width);
  for (let total = 1; total < width; total++) costOfTotal[total] = costs(total * unitQuantity);

  // counts[s * width + t]: coalitions of size s and total t among all members (exact integers).
  const counts = new Float64Array((memberCount + 1) * width);
  counts[0] = 1;
  let reachedTotal = 0;
  for (let member = 0; member < memberCount; member++) {
    const unitsOfMember = units[member]!;
    reachedTotal += unitsOfMember;
    for (let size = member + 1; size >= 1; size--) {
      const row = size * width;
      const previousRow = (size - 1) * width;
      for (let total = reachedTotal; total >= unitsOfMember; total--) {
        counts[row + total]! += counts[previousRow + total - unitsOfMember]!;
      }
    }
  }

  const inverseBinomials = new Float64Array(memberCount);
  let binomial = 1; // C(n−1, s)
  for (let size = 0; size < memberCount; size++) {
    inverseBinomials[size] = 1 / binomial;
    binomial = (binomial * (memberCount - 1 - size)) / (size + 1);
  }

  const shareByUnits = new Map<number, number>();
  const others = new Float64Array(width);
  const othersNext = new Float64Array(width);
  for (const unitsOfMember of units) {
    if (shareByUnits.has(unitsOfMember)) continue;
    const othersTotal = totalUnits - unitsOfMember;
    // Size 0: only the empty coalition, of total 0.
    others.fill(0);
    others[0] = 1;
    let share = costOfTotal[unitsOfMember]! - costOfTotal[0]!;
    let current = others;
    let next = othersNext;
    for (let size = 1; size < memberCount; size++) {
      const row = size * width;
      let weighted = 0;
      for (let total = 0; total <= othersTotal; total++) {
        const count = counts[row + total]! - (total >= unitsOfMember ? current[total - unitsOfMember]! : 0);
        next[total] = count;
        if (count !== 0) weighted += count * (costOfTotal[total + unitsOfMember]! - costOfTotal[total]!);
      }
      share += weighted * inverseBinomials[size]!;
      [current, next] = [next, current];
    }
    shareByUnits.set(unitsOfMember, share / memberCount);
  }
  return Array.from(units, (unitsOfMember) => shareByUnits.get(unitsOfMember)!);
}

/**
 * The smallest and largest marginal variable cost var(t + q) − var(t) a member of quantity q
 * can bring to others holding t ∈ [0, othersTotal]. The function is linear between the points
 * where t or t + q crosses a tier threshold, so its bounds are among its values and left limits
 * there. Exact for any schedule; the range in the Monte-Carlo error bound.
 */
export function marginalVariableCostRange(
  schedule: PriceSchedule,
  quantity: number,
  othersTotal: number,
): { min: number; max: number } {
  const valueAt = (t: number) => variableCost(schedule, t + quantity) - variableCost(schedule, t);
  const limitBelow = (t: number) =>
    variableCostJustBelow(schedule, t + quantity) - variableCostJustBelow(schedule, t);
  let min = Math.min(valueAt(0), valueAt(othersTotal));
  let max = Math.max(valueAt(0), valueAt(othersTotal));
  for (const tier of schedule.tiers) {
    const threshold = tierThreshold(tier.fromQuantity);
    for (const t of [threshold, threshold - quantity]) {
      if (!(t > 0 && t <= othersTotal)) continue;
      for (const value of [valueAt(t), limitBelow(t)]) {
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
  }
  return { min, max };
}

/** Random orders drawn by default: about ten million marginal costs (~0.3 s), at least 1,000 orders. */
export function defaultMonteCarloSamples(memberCount: number): number {
  return Math.max(1000, Math.ceil(10_000_000 / memberCount));
}

/**
 * Half-width of a two-sided confidence interval, at risk `delta`, for the mean of `samples`
 * i.i.d. values within a range of `range` and of unbiased sample variance `variance`: the
 * tighter of Hoeffding's bound and the empirical Bernstein bound (Maurer & Pontil 2009,
 * theorem 4), each taken at risk delta / 2 so that their minimum holds at risk delta.
 */
export function meanErrorBound(range: number, variance: number, samples: number, delta: number): number {
  if (range === 0) return 0;
  const hoeffding = range * Math.sqrt(Math.log(4 / delta) / (2 * samples));
  if (samples < 2) return hoeffding;
  const logTerm = Math.log(8 / delta);
  const bernstein =
    Math.sqrt((2 * variance * logTerm) / samples) + (7 * range * logTerm) / (3 * (samples - 1));
  return Math.min(hoeffding, bernstein);
}

/**
 * Shapley value estimated over random orders of arrival (a fixed-seed generator, so the result
 * is reproducible). Fixed costs are shared exactly (F/n each: they fall on whoever comes
 * first); only the variable cost is sampled. Member i's bound is `meanErrorBound` of its
 * marginal costs at risk δ/n (δ = 1 − confidence), with their exact range [min_i, max_i], so
 * all members are within their bounds together with probability ≥ confidence.
 */
export function shapleyByMonteCarlo(
  schedule: PriceSchedule,
  quantities: readonly number[],
  options: ShapleyOptions = {},
): PurchasingShapley {
  const memberCount = quantities.length;
  if (memberCount < 1) throw new RangeError('Shapley needs at least one member');
  const samples = options.samples ?? defaultMonteCarloSamples(memberCount);
  const seed = options.seed ?? DEFAULT_MONTE_CARLO_SEED;
  const confidence = options.confidence ?? DEFAULT_MONTE_CARLO_CONFIDENCE;
  if (!Number.isSafeInteger(samples) || samples < 1) {
    throw new RangeError('samples must be a positive integer');
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be in (0, 1)');

  const costs = compileCostFunction(schedule, false);
  const random = createRandom(seed);
  const order = Int32Array.from({ length: memberCount }, (_, index) => index);
  // Plain sums for the means (they telescope to the group's cost exactly); Welford's running
  // mean and squared deviations for the variances, free of cancellation.
  const sums = new Float64Array(memberCount);
  const runningMeans = new Float64Array(memberCount);
  const squaredDeviations = new Float64Array(memberCount);
  for (let sample = 0; sample < samples; sample++) {
    // Fisher–Yates: a uniform random order of arrival.
    for (let last = memberCount - 1; last > 0; last--) {
      const pick = Math.floor(random() * (last + 1));
      const kept = order[last]!;
      order[last] = order[pick]!;
      order[pick] = kept;
    }
    let total = 0;
    let costSoFar = 0;
    for (let position = 0; position < memberCount; position++) {
      const member = order[position]!;
      total += quantities[member]!;
      const cost = costs(total);
      const marginal = cost - costSoFar;
      costSoFar = cost;
      sums[member]! += marginal;
      const deviation = marginal - runningMeans[member]!;
      runningMeans[member]! += deviation / (sample + 1);
      squaredDeviations[member]! += deviation * (marginal - runningMeans[member]!);
    }
  }

  const totalQuantity = quantities.reduce((sum, quantity) => sum + quantity, 0);
  const fixedShare = schedule.fixedCostCents / memberCount;
  const delta = (1 - confidence) / memberCount;
  const sharesCents: number[] = [];
  const errorBoundCents: number[] = [];
  for (let member = 0; member < memberCount; member++) {
    sharesCents.push(fixedShare + sums[member]! / samples);
    const quantity = quantities[member]!;
    const range = marginalVariableCostRange(schedule, quantity, Math.max(0, totalQuantity - quantity));
    const variance = samples > 1 ? squaredDeviations[member]! / (samples - 1) : 0;
    errorBoundCents.push(meanErrorBound(range.max - range.min, variance, samples, delta));
  }
  return { method: 'monte-carlo', sharesCents, monteCarlo: { samples, seed, confidence, errorBoundCents } };
}

/** Rough work of each exact method, to pick the cheaper one. */
function estimatedWork(method: ShapleyMethod, quantities: readonly number[]): number {
  const memberCount = quantities.length;
  if (method === 'exact-enumeration') {
    return memberCount <= MAX_MEMBERS_FOR_ENUMERATION ? (memberCount + 4) * 2 ** memberCount : Infinity;
  }
  if (method === 'exact-quantity-counting') {
    if (memberCount > MAX_MEMBERS_FOR_QUANTITY_COUNTING) return Infinity;
    const scaled = toQuantityUnits(quantities);
    if (scaled === null || (memberCount + 1) * (scaled.totalUnits + 1) > MAX_QUANTITY_TABLE_CELLS)
      return Infinity;
    const distinct = new Set(scaled.units).size;
    return (memberCount + 1) * (scaled.totalUnits + 1) * (memberCount / 2 + 2 * distinct);
  }
  return Infinity;
}

/**
 * The Shapley value of the purchasing game (real cents per member, in the order of
 * `quantities`). Unless `options.method` forces one, the cheaper of the exact methods that
 * apply is used, else Monte-Carlo. Quantities must be finite and > 0; the schedule valid.
 */
export function shapleyOfPurchasingGame(
  schedule: PriceSchedule,
  quantities: readonly number[],
  options: ShapleyOptions = {},
): PurchasingShapley {
  const method = options.method ?? chooseShapleyMethod(quantities);
  if (method === 'exact-enumeration') {
    return {
      method,
      sharesCents: Array.from(shapleyValueInPlace(purchasingGameTable(schedule, quantities))),
    };
  }
  if (method === 'exact-quantity-counting') {
    const sharesCents = shapleyByQuantityCounting(schedule, quantities);
    if (sharesCents === null) {
      throw new RangeError('Counting coalitions by quantity does not apply to these quantities');
    }
    return { method, sharesCents };
  }
  return shapleyByMonteCarlo(schedule, quantities, options);
}

/** The method `shapleyOfPurchasingGame` picks by default for these quantities. */
export function chooseShapleyMethod(quantities: readonly number[]): ShapleyMethod {
  const enumeration = estimatedWork('exact-enumeration', quantities);
  const counting = estimatedWork('exact-quantity-counting', quantities);
  if (enumeration === Infinity && counting === Infinity) return 'monte-carlo';
  return counting <= enumeration ? 'exact-quantity-counting' : 'exact-enumeration';
}

export interface ObjectingCoalition {
  /** Member indices (ascending) of the proper coalition with the largest excess. */
  members: number[];
  /** x(S) − c(S) in real cents: what it pays in the split beyond what it would pay alone (> 0: it objects). */
  excess: number;
}

/**
 * The proper coalition with the largest excess x(S) − c(S) for a split of the purchasing game,
 * for any number of members: since c(S) depends only on q(S), it suffices to find, for every
 * total t, the coalition of total t that pays most in the split (a 0/1 knapsack over totals in
 * units, O(n · T)), then compare with c(t). Returns the coalition as member indices, or null
 * when the quantities are not whole units or n · (T + 1) exceeds MAX_KNAPSACK_CELLS.
 */
export function findLargestExcessByQuantity(
  schedule: PriceSchedule,
  quantities: readonly number[],
  sharesCents: readonly number[],
): ObjectingCoalition | null {
  const memberCount = quantities.length;
  if (memberCount < 2) throw new RangeError('A campaign of one member has no proper coalition');
  const scaled = toQuantityUnits(quantities);
  if (scaled === null) return null;
  const { units, unitQuantity, totalUnits } = scaled;
  const width = totalUnits + 1;
  if (memberCount * width > MAX_KNAPSACK_CELLS) return null;

  // mostPaid[t]: the largest x(S) over coalitions of total t; bit member·width + t of `took`:
  // whether the best coalition of total t among members 0..member includes `member`.
  const mostPaid = new Float64Array(width).fill(Number.NEGATIVE_INFINITY);
  mostPaid[0] = 0;
  const took = new Uint32Array(Math.ceil((memberCount * width) / 32));
  let reachedTotal = 0;
  for (let member = 0; member < memberCount; member++) {
    const unitsOfMember = units[member]!;
    const share = sharesCents[member]!;
    reachedTotal += unitsOfMember;
    for (let total = reachedTotal; total >= unitsOfMember; total--) {
      const candidate = mostPaid[total - unitsOfMember]! + share;
      if (candidate > mostPaid[total]!) {
        mostPaid[total] = candidate;
        const bit = member * width + total;
        took[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
  }

  const costs = compileCostFunction(schedule);
  let best = { total: -1, excess: Number.NEGATIVE_INFINITY };
  // Totals strictly between nobody (0) and everybody (only the grand coalition reaches T).
  for (let total = 1; total < totalUnits; total++) {
    if (mostPaid[total] === Number.NEGATIVE_INFINITY) continue;
    const excess = mostPaid[total]! - costs(total * unitQuantity);
    if (excess > best.excess) best = { total, excess };
  }
  if (best.total < 0) return null;

  const members: number[] = [];
  let remaining = best.total;
  for (let member = memberCount - 1; member >= 0 && remaining > 0; member--) {
    const bit = member * width + remaining;
    if ((took[bit >>> 5]! >>> (bit & 31)) & 1) {
      members.push(member);
      remaining -= units[member]!;
    }
  }
  members.reverse();
  return { members, excess: best.excess };
}
