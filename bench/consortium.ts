/**
 * The consortium builder at national scale: 80,000 generated companies on real commune points
 * (/work/shared/data/geo/communes-centroides-approx.json, or BENCH_COMMUNES), 72 competences in
 * 12 trades, 6 certifications, past partners within the département; a tender of 3 lots × 10
 * requirements around Flers (Orne), members within 100 km, any two members within 120 km (a
 * lazily added rule), 2 to 5 members.
 *
 * Prints the median time to the optimal grouping (pruning + integer program, on this thread and
 * through the worker), and the top-3 time. If Debian's `cbc` is on the PATH, the same model
 * (all pruned candidates, no dominance, with the pairwise rows HiGHS added lazily) is written as
 * MPS by HiGHS, solved by both, and both times, their ratio and the equality of the objectives
 * are printed; otherwise the script says CBC is unavailable.
 *
 * `node bench/consortium.ts` (BENCH_RUNS=5 by default). Generated data stays in memory. Knobs for
 * experiments: BENCH_MODE=uniform, BENCH_PAIR_KM (default 120), BENCH_TIME_LIMIT_MS (default
 * 30 000), BENCH_WEIGHTS (JSON, e.g. '{"maxShare":50}'), BENCH_QUICK=1 (this thread only).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildCandidateIndex,
  buildConsortiumModel,
  type ConsortiumCandidate,
  type ConsortiumOptions,
  findConsortia,
  findConsortiaInWorker,
  loadHighs,
  pruneCandidates,
  type Tender,
  type TenderRequirement,
  toHighsModel,
} from '@meute/domain';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COMPANIES = 80_000;
/**
 * `trades` (default): 12 trades of 6 competences; a company holds 2–5 competences of its trade
 * (and, one in six, one of another trade), as a plumber or an electrician would. `uniform`
 * (BENCH_MODE=uniform): 2–6 competences drawn from all 72 — a random set-cover model, much harder
 * than real directories and given for comparison.
 */
const MODE = process.env.BENCH_MODE === 'uniform' ? 'uniform' : 'trades';
const TRADES = 12;
const PER_TRADE = 6;
const COMPETENCES = Array.from(
  { length: TRADES * PER_TRADE },
  (_, i) => `comp-${String(i).padStart(2, '0')}`,
);
const tradeCompetences = (trade: number) => COMPETENCES.slice(trade * PER_TRADE, (trade + 1) * PER_TRADE);
const MAX_KM = 100;
const MAX_PAIR_KM = Number(process.env.BENCH_PAIR_KM ?? 120);
const CERTIFICATIONS = ['ISO9001', 'ISO14001', 'MASE', 'Qualibat', 'Qualifelec', 'RGE'];

/** mulberry32: the same directory on every run. */
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
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

interface CommunePoint {
  code: string;
  dep: string;
  lon: number;
  lat: number;
}

const COMMUNES_FILE = process.env.BENCH_COMMUNES ?? '/work/shared/data/geo/communes-centroides-approx.json';
if (!fs.existsSync(COMMUNES_FILE)) {
  // @etalab/decoupage-administratif 6.x carries no coordinates: the points come from this file.
  console.log(
    `consortium: ${COMMUNES_FILE} not found (set BENCH_COMMUNES to a {code, dep, lon, lat}[] file); skipped`,
  );
  process.exit(0);
}
const loadCommunes = () => JSON.parse(fs.readFileSync(COMMUNES_FILE, 'utf8')) as CommunePoint[];

const communes = loadCommunes();
const flers = communes.find((c) => c.code === '61169')!;

// Companies: 2–6 competences with 5–30 units of capacity, 25 % with a certification.
const directory: ConsortiumCandidate[] = [];
const byDepartement = new Map<string, number[]>();
for (let i = 0; i < COMPANIES; i++) {
  const commune = pick(communes);
  const capacities: Record<string, number> = {};
  if (MODE === 'uniform') {
    for (let k = between(2, 6); k > 0; k--) capacities[pick(COMPETENCES)] = between(5, 30);
  } else {
    const own = tradeCompetences(between(0, TRADES - 1));
    for (let k = between(2, 5); k > 0; k--) capacities[pick(own)] = between(5, 30);
    if (random() < 1 / 6) capacities[pick(COMPETENCES)] = between(5, 30);
  }
  const certifications = random() < 0.25 ? [pick(CERTIFICATIONS)] : [];
  directory.push({
    id: `C${String(i).padStart(5, '0')}`,
    point: { lon: commune.lon, lat: commune.lat },
    capacities,
    certifications,
    pastPartners: [],
  });
  const list = byDepartement.get(commune.dep) ?? [];
  list.push(i);
  byDepartement.set(commune.dep, list);
}
// Past groupings: one company in three has 1–3 partners in its département (symmetric).
for (const members of byDepartement.values()) {
  for (const i of members) {
    if (random() > 1 / 3) continue;
    for (let k = between(1, 3); k > 0; k--) {
      const j = pick(members);
      if (j === i) continue;
      (directory[i]!.pastPartners as string[]).push(directory[j]!.id);
      (directory[j]!.pastPartners as string[]).push(directory[i]!.id);
    }
  }
}

// 3 lots × 10 requirements: lot l asks 4 competences of trade l, each twice (two phases of the
// works, sharing the members' capacity), 3–10 units each, and 2 of 3 certifications.
const lots = ['LOT-0001', 'LOT-0002', 'LOT-0003'].map((lotId, l) => {
  const requirements: TenderRequirement[] = [];
  for (let r = 0; r < 8; r++) {
    const code = tradeCompetences(l)[r % 4]!;
    requirements.push({ id: `${lotId}/r${r}`, kind: 'competence', code, quantity: between(3, 10) });
  }
  for (const c of [l, (l + 1) % 3]) {
    requirements.push({
      id: `${lotId}/${CERTIFICATIONS[c]}`,
      kind: 'certification',
      code: CERTIFICATIONS[c]!,
      quantity: 0,
    });
  }
  return {
    id: lotId,
    title: `Lot ${l + 1}`,
    cpvCodes: [],
    place: null,
    requirements,
    selectionCriteria: [],
    submissionDeadline: null,
    plannedStart: null,
    plannedEnd: null,
  };
});
const tender: Tender = {
  id: 'bench',
  title: 'Bench tender around Flers',
  cpvCodes: [],
  place: { nuts: 'FRD13', point: { lon: flers.lon, lat: flers.lat } },
  lots,
  groupLegalForm: { required: null, description: null },
};
const options: ConsortiumOptions = {
  minMembers: 2,
  maxMembers: 5,
  maxDistanceKm: MAX_KM,
  maxPairDistanceKm: MAX_PAIR_KM,
  topK: 1,
  timeLimitMs: Number(process.env.BENCH_TIME_LIMIT_MS ?? 30_000),
  ...(process.env.BENCH_WEIGHTS ? { weights: JSON.parse(process.env.BENCH_WEIGHTS) } : {}),
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

const highs = await loadHighs();
const index = buildCandidateIndex(directory);
const pruned = pruneCandidates(tender, index, { maxDistanceKm: MAX_KM });
console.log(
  `${COMPANIES} companies (${MODE}) on ${communes.length} communes; tender 3 lots × 10 requirements at Flers, ` +
    `members within ${MAX_KM} km, pairs within ${MAX_PAIR_KM} km; ` +
    `${pruned.kept.length} candidates kept after pruning (${JSON.stringify(pruned.leftOut)})`,
);

const local: number[] = [];
let last = findConsortia(highs, tender, index, options);
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  last = findConsortia(highs, tender, index, options);
  local.push(performance.now() - started);
}
const best = last.groupings[0];
console.log(
  `optimal grouping (this thread): median ${ms(median(local))} over ${RUNS} runs (min ${ms(Math.min(...local))}, max ${ms(Math.max(...local))}); ` +
    `status ${last.status}, ${last.pruning.dominated} dominated candidates left out, ${last.stats.solves} solves, ` +
    `${last.stats.lazyConstraints} lazy pair rows`,
);
if (best) {
  console.log(
    `  members ${best.memberIds.join(', ')}; objective ${best.objective.toFixed(3)}; ` +
      `${best.terms.distanceKm.toFixed(1)} km in all, ${best.terms.collaborations} past collaborations, max share ${(best.terms.maxShare * 100).toFixed(1)} %`,
  );
}

if (process.env.BENCH_QUICK) process.exit(0);
const remote: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  await findConsortiaInWorker(tender, index, options);
  remote.push(performance.now() - started);
}
console.log(`optimal grouping (worker, pruning included): median ${ms(median(remote))}`);

const top: number[] = [];
let topResult = last;
for (let run = 0; run < Math.min(RUNS, 3); run++) {
  const started = performance.now();
  topResult = findConsortia(highs, tender, index, { ...options, topK: 3 });
  top.push(performance.now() - started);
}
console.log(
  `top 3 groupings: median ${ms(median(top))}; objectives ${topResult.groupings.map((g) => g.objective.toFixed(3)).join(', ')}`,
);

// CBC on the same model: the integer program with the lazily found pair rows written up front.
const cbc = spawnSync('cbc', ['-quit'], { encoding: 'utf8' });
if (cbc.error || !best) {
  console.log(
    best ? 'CBC is unavailable (`cbc` not on the PATH; Debian: coinor-cbc): no comparison' : 'no grouping',
  );
} else {
  const { model } = buildConsortiumModel(tender, pruned.kept, options);
  const position = new Map(pruned.kept.map((k, i) => [k.candidate.id, i]));
  for (const [a, b] of last.stats.lazyPairs) {
    model.rows.push({
      lower: Number.NEGATIVE_INFINITY,
      upper: 1,
      indices: [position.get(a)!, position.get(b)!],
      values: [1, 1],
    });
  }
  const mps = highs.withModel(toHighsModel(highs, model), (m) => {
    m.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-6 });
    const started = performance.now();
    m.run();
    const highsMs = performance.now() - started;
    return { bytes: m.exportModel('mps'), highsMs, highsObjective: m.getObjectiveValue() };
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meute-cbc-'));
  const file = path.join(dir, 'consortium.mps');
  fs.writeFileSync(file, mps.bytes);
  const started = performance.now();
  const out = spawnSync('cbc', [file, 'ratioGap', '0', 'allowableGap', '1e-6', 'solve', 'quit'], {
    encoding: 'utf8',
  });
  const cbcMs = performance.now() - started;
  fs.rmSync(dir, { recursive: true, force: true });
  const objective = Number(/Objective value:\s*(-?[\d.eE+-]+)/.exec(out.stdout)?.[1] ?? Number.NaN);
  const equal = Math.abs(objective - mps.highsObjective) <= 1e-4 * Math.max(1, Math.abs(objective));
  console.log(
    `same model (${model.numCols} columns, ${model.rows.length} rows): HiGHS ${ms(mps.highsMs)}, CBC ${ms(cbcMs)} ` +
      `(process included), ratio CBC/HiGHS ${(cbcMs / mps.highsMs).toFixed(2)}; objectives ${mps.highsObjective.toFixed(4)} ` +
      `vs ${objective.toFixed(4)}: ${equal ? 'equal' : 'DIFFERENT'}`,
  );
  if (!equal) process.exitCode = 1;
}
