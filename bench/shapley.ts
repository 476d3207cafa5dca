/**
 * Shapley value of the purchasing cost game (packages/domain/src/purchasing): exact by
 * enumerating every coalition (n = 20 and 25), exact by counting coalitions by total quantity
 * (n = 50), and Monte-Carlo (n = 500) with its error bound. Quantities are whole units drawn
 * from a fixed seed; the offer is all-units with four tiers and a fixed cost.
 *
 * `node bench/shapley.ts` (BENCH_RUNS=3 by default: the first, cold run and the median are printed).
 */
import {
  type PriceSchedule,
  purchasingGameTable,
  shapleyByMonteCarlo,
  shapleyByQuantityCounting,
  shapleyOfPurchasingGame,
  shapleyValue,
} from '@meute/domain';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** 12 € a unit, 10.50 € from 200, 9.80 € from 1,000, 9.20 € from 3,000; 350 € delivery. */
const schedule: PriceSchedule = {
  kind: 'all-units',
  tiers: [
    { fromQuantity: 0, unitPriceCents: 1200 },
    { fromQuantity: 200, unitPriceCents: 1050 },
    { fromQuantity: 1000, unitPriceCents: 980 },
    { fromQuantity: 3000, unitPriceCents: 920 },
  ],
  fixedCostCents: 35_000,
};

/** Whole quantities in [min, max] from a fixed seed (mulberry32). */
function quantitiesOf(count: number, min: number, max: number, seed: number): number[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => min + Math.floor(random() * (max - min + 1)));
}

/** Runs `work` RUNS times; returns the last result, the first (cold) time and the median time. */
function time<T>(work: () => T): { result: T; firstMs: number; medianMs: number } {
  const times: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = work();
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { result: result as T, firstMs: times[0]!, medianMs: sorted[Math.floor(sorted.length / 2)]! };
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const euros = (cents: number) => `${(cents / 100).toFixed(2)} €`;
const maxDifference = (a: readonly number[], b: ArrayLike<number>) =>
  Math.max(...a.map((value, index) => Math.abs(value - b[index]!)));

console.log(`Purchasing game, all-units offer with 4 tiers and fixed costs; ${RUNS} runs, first / median.`);

for (const memberCount of [20, 25]) {
  const quantities = quantitiesOf(memberCount, 5, 200, memberCount);
  const tableTime = time(() => purchasingGameTable(schedule, quantities));
  const shapleyTime = time(() => shapleyValue(tableTime.result));
  const total = time(() => shapleyOfPurchasingGame(schedule, quantities, { method: 'exact-enumeration' }));
  const counted = shapleyByQuantityCounting(schedule, quantities)!;
  console.log(
    `exact by enumeration, n = ${memberCount}: ${ms(total.firstMs)} / ${ms(total.medianMs)} in all ` +
      `(table of 2^${memberCount} costs ${ms(tableTime.medianMs)}, generic Shapley sweep ${ms(shapleyTime.medianMs)}); ` +
      `max difference with counting ${maxDifference(counted, total.result.sharesCents).toExponential(1)} cents`,
  );
}

for (const [min, max] of [
  [5, 200],
  [1, 1000],
] as const) {
  const quantities = quantitiesOf(50, min, max, 50);
  const total = quantities.reduce((sum, quantity) => sum + quantity, 0);
  const counting = time(() =>
    shapleyOfPurchasingGame(schedule, quantities, { method: 'exact-quantity-counting' }),
  );
  console.log(
    `exact by counting coalitions by quantity, n = 50, quantities ${min}–${max} (total ${total}): ` +
      `${ms(counting.firstMs)} / ${ms(counting.medianMs)}`,
  );
}

{
  const quantities = quantitiesOf(50, 5, 200, 50);
  const exact = shapleyByQuantityCounting(schedule, quantities)!;
  const estimate = shapleyByMonteCarlo(schedule, quantities, { samples: 40_000 });
  const errors = estimate.sharesCents.map((share, index) => Math.abs(share - exact[index]!));
  const bounds = estimate.monteCarlo!.errorBoundCents;
  console.log(
    `Monte-Carlo check, n = 50, 40,000 orders: largest error ${euros(Math.max(...errors))}, ` +
      `largest bound ${euros(Math.max(...bounds))} (95 %, all members at once); ` +
      `errors within bounds: ${errors.every((error, index) => error <= bounds[index]!)}`,
  );
}

{
  const quantities = quantitiesOf(500, 5, 200, 500);
  const monteCarlo = time(() => shapleyByMonteCarlo(schedule, quantities));
  const { sharesCents, monteCarlo: bound } = monteCarlo.result;
  const sortedBounds = [...bound!.errorBoundCents].sort((a, b) => a - b);
  const sortedShares = [...sharesCents].sort((a, b) => a - b);
  console.log(
    `Monte-Carlo, n = 500, ${bound!.samples} orders: ${ms(monteCarlo.firstMs)} / ${ms(monteCarlo.medianMs)}; ` +
      `error bound per member (95 %, all at once) median ${euros(sortedBounds[250]!)}, max ${euros(sortedBounds[499]!)}, ` +
      `for a median share of ${euros(sortedShares[250]!)}`,
  );
}
