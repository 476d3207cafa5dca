/**
 * A purchase campaign of 500 members and 5 supplier offers (all-units and incremental tiers,
 * fixed costs): compare the offers at the committed volume, award the cheapest and compute
 * what each member pays under each allocation rule, with the individual-rationality and core
 * checks. Also the same award through `runInWorker`, as the server calls it.
 *
 * `node bench/purchasing.ts` (BENCH_RUNS=3 by default: the first, cold run and the median are printed).
 */
import {
  ALLOCATION_RULES,
  allocateCost,
  compareOffers,
  type MemberCommitment,
  runInWorker,
  type SupplierOffer,
} from '@meute/domain';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MEMBERS = 500;

/** mulberry32: the same campaign on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(2026);
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

// Whole units (e.g. boxes of paper), a few large buyers among many small ones; 60 % state
// their current price, 20 % a ceiling.
const commitments: MemberCommitment[] = Array.from({ length: MEMBERS }, (_, index) => ({
  memberId: `member-${String(index + 1).padStart(3, '0')}`,
  quantity: random() < 0.05 ? between(800, 2000) : between(5, 300),
  currentUnitPriceCents: random() < 0.6 ? between(380, 520) : null,
  ceilingUnitPriceCents: random() < 0.2 ? between(340, 420) : null,
}));

const offers: SupplierOffer[] = [
  {
    offerId: 'A all-units, 4 tiers',
    schedule: {
      kind: 'all-units',
      tiers: [
        { fromQuantity: 0, unitPriceCents: 420 },
        { fromQuantity: 1_000, unitPriceCents: 390 },
        { fromQuantity: 10_000, unitPriceCents: 360 },
        { fromQuantity: 50_000, unitPriceCents: 340 },
      ],
      fixedCostCents: 0,
    },
  },
  {
    offerId: 'B all-units + 1,500 €',
    schedule: {
      kind: 'all-units',
      tiers: [
        { fromQuantity: 0, unitPriceCents: 400 },
        { fromQuantity: 20_000, unitPriceCents: 355 },
        { fromQuantity: 80_000, unitPriceCents: 330 },
      ],
      fixedCostCents: 150_000,
    },
  },
  {
    offerId: 'C incremental + 500 €',
    schedule: {
      kind: 'incremental',
      tiers: [
        { fromQuantity: 0, unitPriceCents: 410 },
        { fromQuantity: 5_000, unitPriceCents: 370 },
        { fromQuantity: 25_000, unitPriceCents: 330 },
        { fromQuantity: 75_000, unitPriceCents: 310 },
      ],
      fixedCostCents: 50_000,
    },
  },
  {
    offerId: 'D incremental',
    schedule: {
      kind: 'incremental',
      tiers: [
        { fromQuantity: 0, unitPriceCents: 395 },
        { fromQuantity: 40_000, unitPriceCents: 345 },
      ],
      fixedCostCents: 0,
    },
  },
  {
    offerId: 'E flat + 2,500 €',
    schedule: {
      kind: 'all-units',
      tiers: [{ fromQuantity: 0, unitPriceCents: 350 }],
      fixedCostCents: 250_000,
    },
  },
];

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
const euros = (cents: number) =>
  `${(cents / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

const totalQuantity = commitments.reduce((sum, commitment) => sum + commitment.quantity, 0);
console.log(
  `${MEMBERS} members, ${totalQuantity.toLocaleString('en-GB')} units committed; ${RUNS} runs, first / median.`,
);

const comparison = time(() => compareOffers(offers, commitments));
if (!comparison.result.ok) throw new Error('invalid campaign');
const { comparisons } = comparison.result;
console.log(`\ncompare 5 offers: ${ms(comparison.firstMs)} / ${ms(comparison.medianMs)}`);
console.log('| offer | total | per unit | tier | saved vs alone | saved vs current prices | above ceiling |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const offer of comparisons) {
  const ratio =
    offer.savingsVsCurrentRatio === null ? '' : ` (${(offer.savingsVsCurrentRatio * 100).toFixed(1)} %)`;
  console.log(
    `| ${offer.offerId} | ${euros(offer.totalCostCents)} | ${euros(offer.averageUnitPriceCents)} | ${offer.reachedTierIndex + 1} | ` +
      `${euros(offer.savingsVsStandAloneCents)} | ${euros(offer.savingsVsCurrentCents)}${ratio} | ${offer.membersAboveCeiling.length} |`,
  );
}

const awarded = offers.find((offer) => offer.offerId === comparisons[0]!.offerId)!;
console.log(`\naward ${awarded.offerId}:`);
let slowestAward = 0;
for (const rule of ALLOCATION_RULES) {
  const award = time(() => allocateCost({ schedule: awarded.schedule, commitments, rule }));
  if (!award.result.ok) throw new Error('invalid campaign');
  const allocation = award.result.allocation;
  slowestAward = Math.max(slowestAward, award.firstMs);
  const core =
    allocation.core.status === 'not-checked'
      ? 'core not checked'
      : `${allocation.core.status} (${allocation.core.method}, largest excess ${euros(allocation.core.largestExcessCents)}` +
        (allocation.core.excessErrorBoundCents === undefined
          ? ')'
          : ` ± ${euros(allocation.core.excessErrorBoundCents)}, coalition of ${allocation.core.coalitionMemberIds.length})`);
  const bounds = allocation.monteCarlo?.errorBoundCents;
  const bound = bounds
    ? `; ${allocation.shapleyMethod}, ${allocation.monteCarlo!.samples} orders, bound ≤ ${euros(Math.max(...bounds))} (95 %)`
    : '';
  console.log(
    `- ${rule}: ${ms(award.firstMs)} / ${ms(award.medianMs)}; shares add up to ${euros(
      allocation.members.reduce((sum, member) => sum + member.shareCents, 0),
    )}; individually rational: ${allocation.individualRationality.holds} ` +
      `(${allocation.individualRationality.violatingMemberIds.length} violations); ${core}${bound}`,
  );
}

const started = performance.now();
const inWorker = await runInWorker(
  'allocate-cost',
  { schedule: awarded.schedule, commitments, rule: 'shapley' },
  { timeoutMs: 30_000 },
);
const workerMs = performance.now() - started;
if (!inWorker.ok) throw new Error('invalid campaign');
console.log(
  `\nshapley award through runInWorker (new thread, start-up and copies included): ${ms(workerMs)}`,
);
console.log(
  `compare + slowest award, cold: ${ms(comparison.firstMs + slowestAward)} (target < 2 s); through the worker: ${ms(
    comparison.firstMs + workerMs,
  )}`,
);
