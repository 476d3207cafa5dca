import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectNeedLanguage, extractContentWords, tokeniseNeedText } from './text.ts';
import {
  buildThesaurus,
  findConceptsInText,
  matchConcepts,
  type SynonymSet,
  type Thesaurus,
} from './thesaurus.ts';
import { DEFAULT_SYNONYM_SETS } from './thesaurus-default.ts';

function conceptsOf(thesaurus: Thesaurus, text: string): string[] {
  const tokens = tokeniseNeedText(text);
  const { words } = extractContentWords(tokens, {
    language: detectNeedLanguage(tokens),
    removeStopWords: true,
    stem: true,
  });
  return matchConcepts(thesaurus, words).map((match) => `${match.conceptId}@${match.distance}`);
}

const SETS: SynonymSet[] = [
  { id: 'cybersecurity', label: 'Cybersécurité', terms: ['cybersécurité', 'sécurité informatique'] },
  {
    id: 'security-testing',
    label: 'Test d’intrusion',
    terms: ['pentest', 'test d’intrusion', 'audit de sécurité offensif'],
    broader: ['cybersecurity'],
  },
];

describe('buildThesaurus and matchConcepts', () => {
  const thesaurus = buildThesaurus(SETS);

  it('matches a phrase whatever its stop words, accents, elisions and plural', () => {
    for (const text of [
      "Test d'intrusion",
      'tests d’intrusion',
      'TEST DE L’INTRUSION',
      'un test intrusion',
    ]) {
      assert.deepEqual(conceptsOf(thesaurus, text), ['security-testing@0', 'cybersecurity@1'], text);
    }
  });

  it('prefers the longest phrase at a position', () => {
    assert.deepEqual(conceptsOf(thesaurus, 'un audit de sécurité offensif'), [
      'security-testing@0',
      'cybersecurity@1',
    ]);
    assert.deepEqual(conceptsOf(thesaurus, 'la sécurité informatique puis un pentest'), [
      'cybersecurity@0',
      'security-testing@0',
      'cybersecurity@1',
    ]);
  });

  it('matches English texts through the English stems of the same terms', () => {
    const english = buildThesaurus([
      { id: 'security-testing', label: 'Pentest', terms: ['penetration testing'] },
    ]);
    assert.deepEqual(conceptsOf(english, 'we need penetration tests for our servers'), [
      'security-testing@0',
    ]);
  });

  it('lets staff extend a default concept by reusing its id', () => {
    const extended = buildThesaurus([
      ...SETS,
      { id: 'security-testing', label: 'ignored: the first label stays', terms: ['red team'] },
    ]);
    assert.deepEqual(conceptsOf(extended, 'exercice red team'), ['security-testing@0', 'cybersecurity@1']);
    assert.equal(extended.concepts.get('security-testing')?.label, 'Test d’intrusion');
  });

  it('reports terms that can never match and broader ids that name no concept', () => {
    const faulty = buildThesaurus([{ id: 'x', label: 'X', terms: ['de la', 'utile'], broader: ['nowhere'] }]);
    assert.deepEqual(
      faulty.ignoredTerms.map(({ term, reason }) => [term, reason]),
      [
        ['nowhere', 'unknown-broader-concept'],
        ['de la', 'only-stop-words'],
      ],
    );
  });

  it('finds the concepts of a raw text', () => {
    assert.deepEqual(
      findConceptsInText(thesaurus, 'Nous cherchons un pentest').map(({ conceptId, surface, distance }) => [
        conceptId,
        surface,
        distance,
      ]),
      [
        ['security-testing', 'pentest', 0],
        ['cybersecurity', 'pentest', 1],
      ],
    );
  });

  it('survives cycles of broader concepts', () => {
    const cyclic = buildThesaurus([
      { id: 'a', label: 'A', terms: ['alpha'], broader: ['b'] },
      { id: 'b', label: 'B', terms: ['beta'], broader: ['a'] },
    ]);
    assert.deepEqual(conceptsOf(cyclic, 'alpha'), ['a@0', 'b@1']);
  });
});

describe('the default thesaurus', () => {
  const thesaurus = buildThesaurus(DEFAULT_SYNONYM_SETS);

  it('compiles without an ignored term and with unique ids', () => {
    assert.deepEqual(thesaurus.ignoredTerms, []);
    assert.equal(new Set(DEFAULT_SYNONYM_SETS.map((set) => set.id)).size, DEFAULT_SYNONYM_SETS.length);
  });

  it('knows the words of the product’s examples', () => {
    assert.ok(conceptsOf(thesaurus, 'pentest commun').includes('security-testing@0'));
    assert.ok(conceptsOf(thesaurus, "test d'intrusion").includes('security-testing@0'));
    assert.ok(conceptsOf(thesaurus, 'audit de sécurité offensif').includes('security-testing@0'));
    assert.ok(conceptsOf(thesaurus, "Achat groupé d'électricité").includes('energy-purchasing@0'));
    assert.ok(conceptsOf(thesaurus, "Mutualiser nos contrats d'énergie").includes('energy-purchasing@0'));
  });
});
