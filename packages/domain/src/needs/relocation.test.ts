import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RelocationCandidate, rankRelocationCandidates } from './relocation.ts';

const CANDIDATES: RelocationCandidate[] = [
  {
    organisationId: 'usinage-savoie',
    description: 'Usinage de précision, tournage et fraisage de pièces en inox et aluminium.',
    competenceLabels: ['Usinage CN', 'Fraisage 5 axes'],
    nafCode: '25.62B',
    certifications: ['ISO 9001', 'EN 9100'],
    distanceKm: 35,
  },
  {
    organisationId: 'mecanique-bresse',
    description: 'Mécanique générale : usinage de pièces unitaires et petites séries.',
    nafCode: '25.62B',
    certifications: ['ISO 9001'],
    distanceKm: 120,
  },
  {
    organisationId: 'imprimerie-leduc',
    description: 'Impression d’étiquettes adhésives et d’emballages en carton.',
    nafCode: '18.12Z',
    certifications: ['ISO 9001', 'EN 9100'],
    distanceKm: 5,
  },
  {
    organisationId: 'decolletage-arve',
    description: 'Décolletage de petites pièces de révolution en laiton et inox.',
    nafCode: '25.62A',
    distanceKm: null,
  },
];

describe('rankRelocationCandidates', () => {
  const ranked = rankRelocationCandidates(
    {
      description: 'Usinage de pièces en inox pour nos machines',
      nafCode: '25.62B',
      requiredCertifications: ['EN 9100'],
    },
    CANDIDATES,
  );

  it('ranks first the members that make what is bought, and leaves out those that do not', () => {
    assert.deepEqual(
      ranked.map((match) => match.organisationId),
      ['usinage-savoie', 'mecanique-bresse', 'decolletage-arve'],
    );
  });

  it('explains each candidate: matched words, NAF level, certifications, distance', () => {
    const best = ranked[0]!;
    assert.equal(best.nafMatch, 'class');
    assert.deepEqual(best.certificationsHeld, ['EN 9100']);
    assert.deepEqual(ranked[1]!.certificationsMissing, ['EN 9100']);
    assert.equal(best.distanceKm, 35);
    const terms = best.matchedTerms.map((term) => term.term);
    // « inox » is a raw material of the thesaurus: it shows as that concept.
    assert.ok(terms.includes('usinage') && terms.includes('Matières premières'), terms.join());
    assert.equal(ranked[2]!.nafMatch, 'class');
    assert.ok(ranked.every((match) => match.score >= 0 && match.score <= 1));
  });

  it('returns nothing without candidates and refuses duplicate organisations', () => {
    assert.deepEqual(rankRelocationCandidates({ description: 'étiquettes' }, []), []);
    assert.throws(() =>
      rankRelocationCandidates({ description: 'étiquettes' }, [CANDIDATES[0]!, CANDIDATES[0]!]),
    );
  });
});
