import assert from 'node:assert/strict';
import { before, describe, it, type TestContext } from 'node:test';
import type { Highs } from 'highs';
import {
  type CoalitionTable,
  coalitionMasksInOrder,
  coalitionSize,
  findLargestExcess,
  maskOf,
  playersOf,
  shapleyValue,
  tableFromCoalitionValues,
  tabulateGame,
} from './cooperative-game.ts';
import {
  COOPERATIVE_GAMES,
  COOPERATIVE_GAMES_FORMAT,
  type CooperativeGameVector,
} from './cooperative-games.fixture.ts';
import { computeLeastCore, computeNucleolus, loadHighs } from './core-lp.ts';

/** Members of a bitmask as the 1-based players of the published games. */
const publishedPlayers = (mask: number) => playersOf(mask).map((player) => player + 1);

/** The characteristic function of a published game as a table. */
function tableOfGame(game: CooperativeGameVector): CoalitionTable {
  if (game.v !== undefined && game.order !== undefined)
    return tableFromCoalitionValues(game.n, game.v, game.order);
  const generator = game.generator;
  if (generator === undefined) throw new Error(`${game.id}: no values and no generator`);
  return tabulateGame(game.n, (mask) => {
    const members = publishedPlayers(mask);
    switch (generator.type) {
      case 'glove': {
        const left = members.filter((player) => generator.L.includes(player)).length;
        const right = members.filter((player) => generator.R.includes(player)).length;
        return Math.min(left, right);
      }
      case 'bankruptcy': {
        const claimsOfOthers = generator.claims.reduce(
          (sum, claim, index) => (members.includes(index + 1) ? sum : sum + claim),
          0,
        );
        return Math.max(0, generator.estate - claimsOfOthers);
      }
      case 'weighted-voting': {
        const weight = members.reduce((sum, player) => sum + generator.weights[player - 1]!, 0);
        return weight >= generator.quota ? 1 : 0;
      }
      case 'airport-cost':
        return Math.max(...members.map((player) => generator.cost[player - 1]!));
    }
  });
}

function assertClose(
  actual: ArrayLike<number>,
  expected: readonly number[],
  tolerance: number,
  what: string,
) {
  assert.equal(actual.length, expected.length, what);
  expected.forEach((value, index) => {
    const difference = Math.abs(actual[index]! - value);
    assert.ok(difference <= tolerance, `${what}[${index}]: ${actual[index]} vs ${value}`);
  });
}

describe('coalition orders of published games', () => {
  it('lists 3-player coalitions in size-lex and dfs-lex order as the format describes', () => {
    const asSets = (order: 'size-lex' | 'dfs-lex') =>
      coalitionMasksInOrder(3, order).map((mask) => publishedPlayers(mask).join(''));
    assert.deepEqual(asSets('size-lex'), ['1', '2', '3', '12', '13', '23', '123']);
    assert.deepEqual(asSets('dfs-lex'), ['1', '12', '123', '13', '2', '23', '3']);
    assert.match(COOPERATIVE_GAMES_FORMAT.order, /n=3: \{1\},\{2\},\{3\},\{1,2\},\{1,3\},\{2,3\},\{1,2,3\}/);
    assert.match(COOPERATIVE_GAMES_FORMAT.order, /n=3: \{1\},\{1,2\},\{1,2,3\},\{1,3\},\{2\},\{2,3\},\{3\}/);
  });

  it('lists every non-empty coalition exactly once', () => {
    for (const order of ['size-lex', 'dfs-lex'] as const) {
      const masks = coalitionMasksInOrder(6, order);
      assert.equal(new Set(masks).size, 63);
      assert.ok(masks.every((mask) => mask > 0 && mask < 64));
    }
  });

  it('converts between bitmasks and players', () => {
    assert.deepEqual(playersOf(0b10110), [1, 2, 4]);
    assert.equal(maskOf([4, 1, 2]), 0b10110);
    assert.equal(coalitionSize(0b10110), 3);
    assert.equal(coalitionSize(2 ** 25 - 1), 25);
  });

  it('refuses a list of values of the wrong length', () => {
    assert.throws(() => tableFromCoalitionValues(3, [1, 2, 3], 'size-lex'), RangeError);
  });
});

describe('published test vectors (../shared/data/games/cooperative-games.json)', () => {
  let highs: Highs;
  before(async () => {
    highs = await loadHighs();
  });

  it('has every game of the shared file', async (t: TestContext) => {
    const url = new URL('../../../../../shared/data/games/cooperative-games.json', import.meta.url);
    let shared: { default: { games: unknown[] } };
    try {
      shared = await import(url.href, { with: { type: 'json' } });
    } catch {
      t.skip('the shared data set is not next to the repository');
      return;
    }
    assert.deepEqual(COOPERATIVE_GAMES, shared.default.games);
    assert.equal(COOPERATIVE_GAMES.length, 16);
  });

  for (const game of COOPERATIVE_GAMES) {
    it(`${game.id}: Shapley value, core and nucleolus as published`, () => {
      const table = tableOfGame(game);
      let checks = 0;
      const expectedShapley = game.shapley ?? game.shapley_computed_here;
      if (expectedShapley !== undefined) {
        assertClose(shapleyValue(table), expectedShapley, 1e-6, 'shapley');
        checks++;
      }
      if (game.core_nonempty !== undefined) {
        const leastCore = computeLeastCore(highs, table, game.kind);
        assert.equal(leastCore.isCoreNonEmpty, game.core_nonempty, `least core ε = ${leastCore.epsilon}`);
        if (leastCore.isCoreNonEmpty) {
          const excess = findLargestExcess(table, leastCore.allocation, game.kind).excess;
          assert.ok(excess <= 1e-6, `the least-core split is in the core (excess ${excess})`);
        }
        checks++;
      }
      if (game.nucleolus !== undefined) {
        const scale = Math.max(1, ...Array.from(table, Math.abs));
        const nucleolus = computeNucleolus(highs, table, game.kind);
        assert.ok(nucleolus !== null, 'the imputation set is not empty');
        assertClose(nucleolus, game.nucleolus, 1e-6 * scale, 'nucleolus');
        checks++;
      }
      assert.ok(checks > 0, 'every game checks something');
    });
  }
});

describe('shapleyValue', () => {
  it('gives a dummy player nothing and shares an additive game by its values', () => {
    // v(S) = Σ 10·(i+1) over S, plus nothing for player 3 (a dummy).
    const additive = tabulateGame(4, (mask) =>
      playersOf(mask).reduce((sum, p) => sum + (p === 3 ? 0 : 10 * (p + 1)), 0),
    );
    assertClose(shapleyValue(additive), [10, 20, 30, 0], 1e-12, 'additive');
  });

  it('adds up to the grand coalition and treats symmetric players alike', () => {
    // c(S) = sqrt(|S|): every player is symmetric.
    const table = tabulateGame(12, (mask) => Math.sqrt(coalitionSize(mask)));
    const shares = shapleyValue(table);
    assert.ok(Math.abs(shares.reduce((sum, share) => sum + share, 0) - Math.sqrt(12)) < 1e-12);
    for (const share of shares) assert.ok(Math.abs(share - Math.sqrt(12) / 12) < 1e-12);
  });

  it('leaves its input table unchanged', () => {
    const table = tabulateGame(3, (mask) => mask);
    const copy = table.slice();
    shapleyValue(table);
    assert.deepEqual(table, copy);
  });
});

describe('findLargestExcess', () => {
  // Airport game: c(S) = the longest runway S needs.
  const airport = tabulateGame(4, (mask) => Math.max(...playersOf(mask).map((p) => [8, 11, 13, 18][p]!)));

  it('finds no objection to a core split of a cost game', () => {
    const largest = findLargestExcess(airport, [2, 3, 4, 9]);
    assert.ok(largest.excess <= 0);
  });

  it('names the coalition that would pay less alone', () => {
    // Players 0, 1 and 2 pay 16 together but need only a runway of 13: excess 3.
    const largest = findLargestExcess(airport, [2, 7, 7, 2]);
    assert.deepEqual(playersOf(largest.mask), [0, 1, 2]);
    assert.equal(largest.excess, 16 - 13);
  });

  it('measures a profit game by what a coalition would gain alone beyond its shares', () => {
    const glove = tableOfGame(COOPERATIVE_GAMES.find((game) => game.id === 'glove_L12_R3')!);
    // Players 2 and 3 (a left glove and the right one) make 1 alone but receive 0.5.
    const largest = findLargestExcess(glove, [0.5, 0, 0.5], 'profit');
    assert.equal(largest.excess, 0.5);
    assert.deepEqual(publishedPlayers(largest.mask), [2, 3]);
  });
});
