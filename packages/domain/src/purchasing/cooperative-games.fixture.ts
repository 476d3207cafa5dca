/**
 * Published cooperative games with their expected Shapley value, nucleolus and core status: a
 * copy of `../shared/data/games/cooperative-games.json` (each game names its source), kept in
 * the repository so that the tests run on a clean clone; `cooperative-game.test.ts` checks the
 * copy against the shared file when that file is present.
 */

export interface CooperativeGameVector {
  id: string;
  n: number;
  kind: 'profit' | 'cost';
  /** Coalition values in `order`, when not given by a generator. */
  order?: 'size-lex' | 'dfs-lex';
  v?: number[];
  generator?:
    | { type: 'glove'; L: number[]; R: number[] }
    | { type: 'bankruptcy'; estate: number; claims: number[] }
    | { type: 'weighted-voting'; quota: number; weights: number[] }
    | { type: 'airport-cost'; cost: number[] };
  shapley?: number[];
  shapley_computed_here?: number[];
  nucleolus?: number[];
  core_nonempty?: boolean;
  source: string;
  note?: string;
}

export const COOPERATIVE_GAMES_FORMAT = {
  players: '1..n',
  order:
    "size-lex = coalitions sorted by size then lexicographically, as in R CoopGame/GameTheory (n=3: {1},{2},{3},{1,2},{1,3},{2,3},{1,2,3}); dfs-lex = depth-first lexicographic, as in Churkin's Nucleolus.jl tests (n=3: {1},{1,2},{1,2,3},{1,3},{2},{2,3},{3}); generator = value defined by a formula",
  kind: 'profit (v = worth to share) or cost (c = cost to allocate; nucleolus of a cost game = -nucleolus(-c))',
  nucleolus: 'nucleolus over the imputation set (x_i >= v({i}) for profit, x_i <= c({i}) for cost)',
  verified_by:
    'every expected value was reproduced independently (exact O(n 2^n) Shapley and sequential-LP nucleolus)',
};

export const COOPERATIVE_GAMES: CooperativeGameVector[] = [
  {
    id: 'glove_L12_R3',
    n: 3,
    kind: 'profit',
    generator: {
      type: 'glove',
      L: [1, 2],
      R: [3],
    },
    shapley: [0.16666666666666666, 0.16666666666666666, 0.6666666666666666],
    nucleolus: [0, 0, 1],
    core_nonempty: true,
    source:
      "R CoopGame tests/testthat/test_15_shapleyValue.R 'Check 15.4' (cites Wiese, p.65) for Shapley; nucleolus = unique core point (0,0,1) (standard textbook fact, e.g. Peters 2015 ch.9; reproduced by LP)",
  },
  {
    id: 'glove_L1_R2to10',
    n: 10,
    kind: 'profit',
    generator: {
      type: 'glove',
      L: [1],
      R: [2, 3, 4, 5, 6, 7, 8, 9, 10],
    },
    shapley: [
      0.9, 0.011111111111111112, 0.011111111111111112, 0.011111111111111112, 0.011111111111111112,
      0.011111111111111112, 0.011111111111111112, 0.011111111111111112, 0.011111111111111112,
      0.011111111111111112,
    ],
    source: "R CoopGame tests/testthat/test_15_shapleyValue.R 'Check 15.3' (9/10 and 1/90)",
  },
  {
    id: 'coopgame_15_1',
    n: 3,
    kind: 'profit',
    order: 'size-lex',
    v: [2, 4, 5, 18, 14, 9, 24],
    shapley: [9.5, 8.0, 6.5],
    source: "R CoopGame tests/testthat/test_15_shapleyValue.R 'Check 15.1'",
  },
  {
    id: 'aumann2010_ibn_ezra',
    n: 4,
    kind: 'profit',
    order: 'size-lex',
    v: [120, 60, 40, 30, 120, 120, 120, 60, 60, 40, 120, 120, 120, 60, 120],
    shapley: [80.83333333333333, 20.833333333333332, 10.833333333333334, 7.5],
    source:
      "R CoopGame docs, shapleyValue example (Aumann 2010, 'Some non-superadditive games, and their Shapley values, in the Talmud', IJGT 39:3-10); https://rdocumentation.org/packages/CoopGame/versions/0.2.2/topics/shapleyValue",
  },
  {
    id: 'coopproductgame_example',
    n: 3,
    kind: 'profit',
    order: 'size-lex',
    v: [68, 102, 0, 170, 710, 762, 992],
    shapley: [229, 272, 491],
    source:
      'R coopProductGame docs, shapleyValue example; https://rdrr.io/cran/coopProductGame/man/shapleyValue.html',
  },
  {
    id: 'cooperativegames_jl_runtests',
    n: 3,
    kind: 'profit',
    order: 'size-lex',
    v: [1, 2, 0, 3, 3, 2, 4],
    shapley: [1.6666666666666667, 1.6666666666666667, 0.6666666666666666],
    source: 'GitHub NoFishLikeIan/CooperativeGames.jl test/runtests.jl (shapley = [5 5 2]/3)',
  },
  {
    id: 'coopgame_67_1_nonsuperadditive',
    n: 3,
    kind: 'profit',
    order: 'size-lex',
    v: [2, 6, 5, 15, 1, 18, 14],
    nucleolus: [2, 7, 5],
    core_nonempty: false,
    source:
      "R CoopGame tests/testthat/test_67_Nucleolus.R 'Check 67.1' (GitHub anwanjohannes/CoopGame mirror)",
  },
  {
    id: 'ferguson_coal_3p',
    n: 3,
    kind: 'profit',
    order: 'size-lex',
    v: [-1, 0, 1, 3, 4, 2, 5],
    nucleolus: [2.6666666666666665, 0.6666666666666666, 1.6666666666666667],
    source:
      "R CoopGame tests/testthat/test_49_nucleolus.R 'Check 49.1', citing T. Ferguson, Game Theory notes, https://www.math.ucla.edu/~tom/Game_Theory/coal.pdf",
  },
  {
    id: 'lemaire_insurance',
    n: 3,
    kind: 'profit',
    order: 'size-lex',
    v: [46125, 17437.5, 5812.5, 69187.5, 53812.5, 30750, 90000],
    nucleolus: [52687.5, 24468.75, 12843.75],
    source:
      "Lemaire (1991) insurance example as used in Guajardo & Jornsten (2015) 'Common mistakes in computing the nucleolus', EJOR 241(3):931-935; values from Churkin's Nucleolus.jl test script (find_string id 21031494698); same v as R GameTheory ShapleyValue example 'LEMAIRE'",
    shapley_computed_here: [51750, 25875, 12375],
    note: 'shapley_computed_here is our own O(n2^n) result, not checked against Lemaire (1991) text',
  },
  {
    id: 'benedek2021_supplement_3p',
    n: 3,
    kind: 'profit',
    order: 'size-lex',
    v: [1, 2, 5, 6, 7, 8, 12],
    nucleolus: [2.75, 3.75, 5.5],
    source:
      "Benedek, Fliege & Nguyen (2021) 'Finding and verifying the nucleolus of cooperative games', Math. Programming 190:135-170, supplement example, as quoted in a public Python test helper (find_string id 21729934168)",
  },
  {
    id: 'ohshin2012_manufacturing_cost',
    n: 3,
    kind: 'cost',
    order: 'dfs-lex',
    v: [375144, 568232, 772500, 551055, 245280, 452411, 211239],
    nucleolus: [331695.25, 233051.25, 207753.5],
    source:
      'Oh & Shin (2012) via Guajardo & Jornsten (2015) EJOR 241(3); Churkin Nucleolus.jl test script Example #3',
  },
  {
    id: 'talmud_bankruptcy_E100',
    n: 3,
    kind: 'profit',
    generator: {
      type: 'bankruptcy',
      estate: 100,
      claims: [100, 200, 300],
    },
    nucleolus: [33.333333333333336, 33.333333333333336, 33.333333333333336],
    core_nonempty: true,
    source:
      "Aumann & Maschler (1985) 'Game theoretic analysis of a bankruptcy problem from the Talmud', JET 36:195-213: nucleolus of v(S)=max(0,E-sum_{j notin S} d_j) equals the Talmud (contested-garment-consistent) division; Mishna Ketubot 93a table (100: 33 1/3 each)",
  },
  {
    id: 'talmud_bankruptcy_E200',
    n: 3,
    kind: 'profit',
    generator: {
      type: 'bankruptcy',
      estate: 200,
      claims: [100, 200, 300],
    },
    nucleolus: [50, 75, 75],
    core_nonempty: true,
    source: 'Aumann & Maschler (1985), Talmud table E=200: 50,75,75',
  },
  {
    id: 'wvg_wikipedia_4_3211',
    n: 4,
    kind: 'profit',
    generator: {
      type: 'weighted-voting',
      quota: 4,
      weights: [3, 2, 1, 1],
    },
    shapley: [0.5, 0.16666666666666666, 0.16666666666666666, 0.16666666666666666],
    source:
      "Wikipedia 'Shapley-Shubik power index', example A,B,C,D with 3,2,1,1 votes, quota 4 (A=1/2, others 1/6)",
  },
  {
    id: 'wvg_eec_1958',
    n: 6,
    kind: 'profit',
    generator: {
      type: 'weighted-voting',
      quota: 12,
      weights: [4, 4, 4, 2, 2, 1],
    },
    shapley: [0.23333333333333334, 0.23333333333333334, 0.23333333333333334, 0.15, 0.15, 0],
    source:
      "EEC Council of Ministers 1958 (France, Germany, Italy 4; Belgium, Netherlands 2; Luxembourg 1; QMV quota 12): Luxembourg is a dummy; SS index 14/60, 9/60, 0 (Felsenthal & Machover 1998, 'The Measurement of Voting Power'; Le Breton, Montero & Zaporozhets 2012 MSS 63:159-173). Values reproduced here by enumeration and DP.",
  },
  {
    id: 'airport_wikipedia_8_11_13_18',
    n: 4,
    kind: 'cost',
    generator: {
      type: 'airport-cost',
      cost: [8, 11, 13, 18],
    },
    shapley: [2, 3, 4, 9],
    source: "Wikipedia 'Airport problem' example (Littlechild & Owen 1973, Management Science 20(3):370-372)",
  },
];
