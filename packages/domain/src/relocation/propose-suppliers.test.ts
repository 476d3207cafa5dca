import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proposeRelocationSuppliers, type SupplierCandidate } from './propose-suppliers.ts';

const CAEN = { lon: -0.3707, lat: 49.1829 };
const ROUEN = { lon: 1.0993, lat: 49.4431 };
const CHERBOURG = { lon: -1.6222, lat: 49.6337 };

const CANDIDATES: SupplierCandidate[] = [
  {
    organisationId: 'usinage-caen',
    description: 'Usinage de précision, tournage et fraisage de pièces en inox et aluminium.',
    competenceLabels: ['Usinage CN', 'Fraisage 5 axes'],
    nafCode: '25.62B',
    certifications: [
      { name: 'ISO 9001', expiresOn: '2030-01-01' },
      { name: 'EN 9100', expiresOn: null },
    ],
    point: CAEN,
  },
  {
    organisationId: 'mecanique-rouen',
    description: 'Mécanique générale : usinage de pièces unitaires et petites séries.',
    nafCode: '25.62B',
    certifications: [{ name: 'EN 9100', expiresOn: '2020-06-30' }],
    point: ROUEN,
  },
  {
    organisationId: 'imprimerie-cherbourg',
    description: 'Impression d’étiquettes adhésives et d’emballages en carton.',
    freeCompetences: ['Étiquettes adhésives'],
    nafCode: '18.12Z',
    certifications: [{ name: 'EN 9100', expiresOn: null }],
    point: CHERBOURG,
  },
  {
    organisationId: 'buyer',
    description: 'Usinage de pièces en inox, nous aussi.',
    nafCode: '25.62B',
    point: CAEN,
  },
];

const PURCHASE = {
  buyerOrganisationId: 'buyer',
  description: 'Usinage de pièces en inox pour nos machines',
  nafCode: '25.62B',
  requiredCertifications: ['EN 9100'],
  point: CAEN,
};
const TODAY = '2026-11-22';

describe('proposeRelocationSuppliers', () => {
  const proposals = proposeRelocationSuppliers(PURCHASE, CANDIDATES, { today: TODAY });

  it('proposes the companies that make what is bought, best first, and never the buyer itself', () => {
    assert.deepEqual(
      proposals.map((p) => p.organisationId),
      ['usinage-caen', 'mecanique-rouen'],
    );
  });

  it('explains each proposal: words, competences, NAF level, certifications and distance', () => {
    const [first, second] = proposals;
    assert.ok(first && second);
    assert.ok(
      first.matchedWords.some((word) => word.includes('usinage')),
      first.matchedWords.join(),
    );
    assert.deepEqual(first.matchedCompetences, ['Usinage CN']);
    assert.equal(first.nafMatch, 'class');
    assert.deepEqual(first.certificationsHeld, ['EN 9100']);
    assert.equal(first.distanceKm, 0);
    assert.ok(second.distanceKm !== null && second.distanceKm > 100 && second.distanceKm < 120);
  });

  it('does not count an expired certification, and says it has expired', () => {
    const rouen = proposals.find((p) => p.organisationId === 'mecanique-rouen');
    assert.deepEqual(rouen?.certificationsHeld, []);
    assert.deepEqual(rouen?.certificationsExpired, ['EN 9100']);
    assert.deepEqual(rouen?.certificationsMissing, []);
  });

  it('matches a purchase by its words alone, across accents and elisions', () => {
    const labels = proposeRelocationSuppliers(
      { buyerOrganisationId: 'buyer', description: "l'achat d'etiquettes adhesives" },
      CANDIDATES,
      { today: TODAY },
    );
    assert.equal(labels[0]?.organisationId, 'imprimerie-cherbourg');
    assert.deepEqual(labels[0]?.matchedCompetences, ['Étiquettes adhésives']);
    assert.equal(labels[0]?.nafMatch, null);
    assert.equal(labels[0]?.distanceKm, null);
  });

  it('gives the same answer whatever the order of the candidates', () => {
    const reversed = proposeRelocationSuppliers(PURCHASE, [...CANDIDATES].reverse(), { today: TODAY });
    assert.deepEqual(reversed, proposals);
  });

  it('proposes nobody when no company does what is bought', () => {
    assert.deepEqual(
      proposeRelocationSuppliers(
        { buyerOrganisationId: 'buyer', description: 'Billets d’avion pour les salons' },
        CANDIDATES,
        { today: TODAY },
      ),
      [],
    );
  });

  it('keeps at most `limit` proposals', () => {
    assert.equal(proposeRelocationSuppliers(PURCHASE, CANDIDATES, { today: TODAY, limit: 1 }).length, 1);
  });
});
