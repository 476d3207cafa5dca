import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EXAMPLE_NEEDS, EXPECTED_EXAMPLE_GROUPS } from './example-needs.ts';
import { buildNeedIndex, compareNeeds, type Need, needSimilarity } from './need-index.ts';
import {
  cannotLinksForDismissedGroup,
  constraintsForSplit,
  findSharedNeeds,
  groupSharedNeeds,
  mustLinksForMerge,
  placeNeed,
} from './shared-needs.ts';

const groupsOf = (needs: readonly Need[], options: Parameters<typeof findSharedNeeds>[1] = {}) =>
  findSharedNeeds(needs, options).groups.map((group) => group.needIds);

const need = (id: string, organisationId: string, title: string, extra: Partial<Need> = {}): Need => ({
  id,
  organisationId,
  title,
  ...extra,
});

describe('findSharedNeeds on the hand-written example', () => {
  const grouping = findSharedNeeds(EXAMPLE_NEEDS);

  it('groups needs that say the same thing in different words, and nothing else', () => {
    assert.deepEqual(
      grouping.groups.map((group) => group.needIds),
      EXPECTED_EXAMPLE_GROUPS,
    );
  });

  it('ranks groups by number of organisations and gives a confidence in [0, 1]', () => {
    assert.deepEqual(
      grouping.groups.map((group) => group.organisationIds.length),
      [4, 2],
    );
    for (const group of grouping.groups) assert.ok(group.confidence > 0 && group.confidence <= 1);
  });

  it('explains a group with readable concepts and, for each pair, what weighed most', () => {
    const cyber = grouping.groups[0]!;
    assert.deepEqual(
      cyber.explanation.sharedConcepts.map((concept) => concept.conceptId),
      ['cybersecurity', 'security-assessment', 'security-testing'],
    );
    assert.equal(cyber.explanation.pairCount, 6);
    const strongest = cyber.explanation.pairs[0]!;
    assert.deepEqual(strongest.needIds, ['cyber-english', 'cyber-pentest']);
    assert.equal(strongest.topContributions[0]?.term, 'Test d’intrusion');
    const total = strongest.topContributions.reduce((sum, part) => sum + part.contribution, 0);
    assert.ok(total <= strongest.text + 1e-9);
  });

  it('shows words as written, with their accents', () => {
    const grouping = findSharedNeeds([
      need('a', 'org-a', 'Sécurité des machines'),
      need('b', 'org-b', 'Securite des machines'),
    ]);
    const terms = grouping.groups[0]!.explanation.sharedTerms.map((term) => term.term);
    assert.ok(terms.includes('sécurité'), terms.join());
  });

  it('does not let one organisation form a group alone', () => {
    const alone = [
      need('a1', 'org-a', 'Formation CACES chariot élévateur'),
      need('a2', 'org-a', 'Formation CACES chariot élévateur'),
    ];
    assert.deepEqual(groupsOf(alone), []);
    assert.deepEqual(
      groupsOf([...alone, need('b1', 'org-b', 'Former nos caristes au CACES chariot élévateur')]),
      [['a1', 'a2', 'b1']],
    );
  });

  it('reports competences and NAF codes that several organisations share', () => {
    const grouping = findSharedNeeds([
      need('a', 'org-a', 'Maintenance des compresseurs', {
        competenceIds: ['air-comprime'],
        nafCode: '33.12Z',
      }),
      need('b', 'org-b', 'Entretien de nos compresseurs', {
        competenceIds: ['air-comprime', 'froid'],
        nafCode: '33.12',
      }),
    ]);
    const { sharedCompetences, sharedNaf } = grouping.groups[0]!.explanation;
    assert.deepEqual(sharedCompetences, [{ competenceId: 'air-comprime', organisationCount: 2 }]);
    assert.deepEqual(sharedNaf, [{ code: '33.12', level: 'class', organisationCount: 2 }]);
  });
});

describe('staff decisions', () => {
  it('never proposes a dismissed pair again', () => {
    const first = findSharedNeeds(EXAMPLE_NEEDS).groups[1]!;
    const dismissed = cannotLinksForDismissedGroup(EXAMPLE_NEEDS.filter((n) => first.needIds.includes(n.id)));
    assert.deepEqual(dismissed, [['energy-purchase', 'energy-contracts']]);
    assert.deepEqual(groupsOf(EXAMPLE_NEEDS, { cannotLink: dismissed }), [EXPECTED_EXAMPLE_GROUPS[0]]);
  });

  it('keeps merged needs together and reports a merge that contradicts a dismissal', () => {
    const mustLink = mustLinksForMerge(['trade-show', 'nursery']);
    const merged = findSharedNeeds(EXAMPLE_NEEDS, { mustLink });
    assert.ok(merged.groups.some((group) => group.needIds.join() === 'nursery,trade-show'));
    const contradicted = findSharedNeeds(EXAMPLE_NEEDS, {
      mustLink,
      cannotLink: [['nursery', 'trade-show']],
    });
    assert.deepEqual(contradicted.ignoredMustLinks, [['nursery', 'trade-show']]);
  });

  it('records a split as parts kept together and never joined again', () => {
    const split = constraintsForSplit([
      ['cyber-audit', 'cyber-test'],
      ['cyber-pentest', 'cyber-english'],
    ]);
    assert.equal(split.cannotLink.length, 4);
    const groups = groupsOf(EXAMPLE_NEEDS, split);
    assert.ok(groups.some((ids) => ids.join() === 'cyber-audit,cyber-test'));
    assert.ok(groups.some((ids) => ids.join() === 'cyber-english,cyber-pentest'));
  });

  it('ignores constraints naming needs that are gone', () => {
    assert.deepEqual(
      groupsOf(EXAMPLE_NEEDS, { cannotLink: [['gone', 'cyber-test']], mustLink: [['gone', 'nursery']] }),
      [...EXPECTED_EXAMPLE_GROUPS],
    );
  });
});

/** The example needs with some of them in several copies under new ids and organisations. */
const exampleCorpus = fc
  .array(fc.integer({ min: 0, max: EXAMPLE_NEEDS.length - 1 }), { maxLength: 6 })
  .map((copies) => [
    ...EXAMPLE_NEEDS,
    ...copies.map((k, c) => ({ ...EXAMPLE_NEEDS[k]!, id: `copy-${c}`, organisationId: `copier-${c % 3}` })),
  ]);

const shuffled = <T>(list: readonly T[], seed: number): T[] =>
  list
    .map((value, k) => ({ value, key: Math.sin(seed * 31 + k * 7919) }))
    .sort((x, y) => x.key - y.key)
    .map(({ value }) => value);

describe('grouping properties', () => {
  it('gives the same groups whatever the order of the needs and constraints', () => {
    fc.assert(
      fc.property(exampleCorpus, fc.integer(), (needs, seed) => {
        const cannotLink = [['cyber-test', 'cyber-pentest'] as const];
        const once = findSharedNeeds(needs, { cannotLink });
        const again = findSharedNeeds(shuffled(needs, seed), { cannotLink });
        assert.deepEqual(again, once);
      }),
      { numRuns: 40 },
    );
  });

  it('never puts a cannot-link pair in one group', () => {
    fc.assert(
      fc.property(
        exampleCorpus,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 5 }),
        (needs, picks) => {
          const cannotLink = picks.map(
            ([a, b]) => [needs[a % needs.length]!.id, needs[b % needs.length]!.id] as const,
          );
          for (const group of findSharedNeeds(needs, { cannotLink }).groups) {
            for (const [a, b] of cannotLink)
              if (a !== b) assert.ok(!(group.needIds.includes(a) && group.needIds.includes(b)));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('always puts a need with another organisation’s identical need', () => {
    fc.assert(
      fc.property(exampleCorpus, fc.nat(), (needs, pick) => {
        const original = needs[pick % needs.length]!;
        const twin = { ...original, id: 'twin', organisationId: 'twin-org' };
        const group = findSharedNeeds([...needs, twin]).groups.find((g) => g.needIds.includes('twin'));
        assert.ok(group?.needIds.includes(original.id));
      }),
      { numRuns: 40 },
    );
  });

  it('has a symmetric similarity in [0, 1], 1 for a need and itself', () => {
    const texts = fc.string({ unit: 'grapheme', maxLength: 60 });
    fc.assert(
      fc.property(
        texts,
        texts,
        fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
        fc.constantFrom(null, '62.01Z', '62.02A', '62', '47.11F', 'J', 'nonsense'),
        (titleA, titleB, competences, nafCode) => {
          const a = need('a', 'x', titleA, { competenceIds: competences, nafCode });
          const b = need('b', 'y', titleB, { nafCode: '62.01Z' });
          const ab = compareNeeds(a, b);
          const ba = compareNeeds(b, a);
          assert.equal(ab.similarity, ba.similarity);
          assert.ok(ab.similarity >= 0 && ab.similarity <= 1);
          const self = compareNeeds(a, { ...a, id: 'a2' });
          if (normaliseHasWords(titleA)) assert.ok(Math.abs(self.similarity - 1) < 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Whether a title keeps any feature after stop words (else its text vector is empty). */
function normaliseHasWords(title: string): boolean {
  const index = buildNeedIndex([need('t', 'o', title)]);
  return index.vectors[0]!.ids.length > 0;
}

describe('needSimilarity', () => {
  const index = buildNeedIndex(EXAMPLE_NEEDS);

  it('combines text, competences and NAF, leaving out what a need lacks', () => {
    const similarity = needSimilarity(index, 'energy-purchase', 'energy-contracts')!;
    assert.equal(similarity.competences, null);
    assert.equal(similarity.naf, null);
    assert.equal(similarity.similarity, similarity.text);
    assert.equal(needSimilarity(index, 'energy-purchase', 'nowhere'), null);
  });

  it('counts shared competences and NAF when both needs have them', () => {
    const a = need('a', 'x', 'Maintenance', { competenceIds: ['c1', 'c2'], nafCode: '33.12Z' });
    const b = need('b', 'y', 'Logistique', { competenceIds: ['c2'], nafCode: '33.14Z' });
    const similarity = compareNeeds(a, b);
    assert.equal(similarity.competences, 0.5);
    assert.equal(similarity.naf, 2 / 3);
    assert.ok(similarity.similarity > similarity.text);
  });
});

describe('placeNeed', () => {
  const index = buildNeedIndex(EXAMPLE_NEEDS);
  const grouping = groupSharedNeeds(index);

  it('places a new need into the group that says the same thing', () => {
    const placement = placeNeed(index, grouping, need('new', 'new-org', "Test d'intrusion de nos serveurs"));
    assert.equal(placement.kind, 'joins-group');
    if (placement.kind === 'joins-group') {
      assert.equal(placement.groupKey, 'cyber-audit');
      assert.ok(placement.similarity >= index.settings.threshold);
      assert.equal(placement.evidence.needIds[0], 'new');
    }
  });

  it('proposes a new group with a lone need of another organisation', () => {
    const placement = placeNeed(
      index,
      grouping,
      need('new', 'new-org', 'Crèche pour les enfants des salariés'),
    );
    assert.equal(placement.kind, 'forms-group');
    if (placement.kind === 'forms-group') assert.equal(placement.needId, 'nursery');
  });

  it('respects dismissals and leaves an unrelated need alone', () => {
    const forbidden = placeNeed(
      index,
      grouping,
      need('new', 'new-org', 'Crèche pour les enfants des salariés'),
      {
        cannotLink: [['nursery', 'new']],
      },
    );
    assert.equal(forbidden.kind, 'alone');
    assert.equal(placeNeed(index, grouping, need('new', 'new-org', 'Location de tracteurs')).kind, 'alone');
  });
});

describe('staff synonyms', () => {
  it('group needs that only a staff-added synonym set relates', () => {
    const needs = [
      need('a', 'org-a', 'Décolletage de précision'),
      need('b', 'org-b', 'Tournage de petites pièces'),
    ];
    assert.deepEqual(groupsOf(needs), []);
    const extraSynonymSets = [
      { id: 'bar-turning', label: 'Décolletage', terms: ['décolletage', 'tournage de petites pièces'] },
    ];
    assert.deepEqual(groupsOf(needs, { extraSynonymSets }), [['a', 'b']]);
  });
});
