import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildNafIndex,
  type NafEntry,
  nafLevelOfCode,
  nafNode,
  nafPath,
  normaliseNafCode,
  searchNaf,
} from './naf.ts';

// An excerpt of NAF rév. 2 with its real labels.
const ENTRIES: NafEntry[] = [
  { code: 'C', label: 'Industrie manufacturière' },
  { code: 'D', label: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné" },
  { code: 'F', label: 'Construction' },
  { code: 'J', label: 'Information et communication' },
  { code: '27', label: "Fabrication d'équipements électriques", parent: 'C' },
  { code: '27.3', label: "Fabrication de fils et câbles et de matériel d'installation électrique" },
  { code: '27.33', label: "Fabrication de matériel d'installation électrique" },
  { code: '27.33Z', label: "Fabrication de matériel d'installation électrique" },
  {
    code: '35',
    label: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
    parent: 'D',
  },
  { code: '35.1', label: "Production, transport et distribution d'électricité" },
  { code: '35.11', label: "Production d'électricité" },
  { code: '35.11Z', label: "Production d'électricité" },
  { code: '35.12', label: "Transport d'électricité" },
  { code: '35.12Z', label: "Transport d'électricité" },
  { code: '43', label: 'Travaux de construction spécialisés', parent: 'F' },
  { code: '43.2', label: "Travaux d'installation électrique, plomberie et autres travaux d'installation" },
  { code: '43.21', label: 'Installation électrique' },
  { code: '43.21A', label: "Travaux d'installation électrique dans tous locaux" },
  { code: '43.21B', label: "Travaux d'installation électrique sur la voie publique" },
  { code: '43.22', label: "Travaux de plomberie et installation de chauffage et de conditionnement d'air" },
  { code: '43.22A', label: "Travaux d'installation d'eau et de gaz en tous locaux" },
  { code: '43.29', label: "Autres travaux d'installation" },
  { code: '43.29A', label: "Travaux d'isolation" },
  { code: '62', label: 'Programmation, conseil et autres activités informatiques', parent: 'J' },
  { code: '62.0', label: 'Programmation, conseil et autres activités informatiques' },
  { code: '62.01', label: 'Programmation informatique' },
  { code: '62.01Z', label: 'Programmation informatique' },
  { code: '62.02', label: 'Conseil informatique' },
  { code: '62.02A', label: 'Conseil en systèmes et logiciels informatiques' },
  { code: '62.02B', label: 'Tierce maintenance de systèmes et d’applications informatiques' },
  { code: '62.09', label: 'Autres activités informatiques' },
  { code: '62.09Z', label: 'Autres activités informatiques' },
];

const index = buildNafIndex(ENTRIES);
const codes = (hits: { code: string }[]) => hits.map((hit) => hit.code);

describe('NAF codes', () => {
  it('tells the level of a code from its shape', () => {
    assert.deepEqual(['J', '62', '62.0', '62.01', '62.01Z', '6201Z', 'V', '62.01z', ''].map(nafLevelOfCode), [
      'section',
      'division',
      'group',
      'class',
      'subclass',
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads codes as people type them', () => {
    assert.equal(normaliseNafCode('6201z'), '62.01Z');
    assert.equal(normaliseNafCode(' 62 01 Z '), '62.01Z');
    assert.equal(normaliseNafCode('62.01'), '62.01');
    assert.equal(normaliseNafCode('620'), '62.0');
    assert.equal(normaliseNafCode('j'), 'J');
    for (const input of ['', '6', '620Z', '62011', 'Z', 'programmation'])
      assert.equal(normaliseNafCode(input), null);
  });

  it('gives every canonical sub-class code back unchanged', () => {
    const subclass = fc
      .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(...'ABCDEZ'))
      .map(([d, c, l]) => `${String(d).padStart(2, '0')}.${String(c).padStart(2, '0')}${l}`);
    fc.assert(
      fc.property(subclass, (code) => normaliseNafCode(code) === code && nafLevelOfCode(code) === 'subclass'),
    );
  });
});

describe('buildNafIndex', () => {
  it('links every item to its parent and lists children in code order', () => {
    assert.equal(index.nodes.get('62.01Z')?.parent, '62.01');
    assert.equal(index.nodes.get('62.0')?.parent, '62');
    assert.deepEqual(index.nodes.get('62.0')?.children, ['62.01', '62.02', '62.09']);
    assert.deepEqual(
      index.sections.map((s) => s.code),
      ['C', 'D', 'F', 'J'],
    );
  });

  it('refuses data that breaks the hierarchy', () => {
    assert.throws(() => buildNafIndex([{ code: '62', label: 'Sans section' }]), /no section/);
    assert.throws(() => buildNafIndex([{ code: '62.01', label: 'Orpheline' }]), /62\.0/);
    assert.throws(() => buildNafIndex([{ code: '6201', label: 'Mal formé' }]), /malformed/);
    assert.throws(() => buildNafIndex([...ENTRIES, { code: 'J', label: 'Encore' }]), /duplicate/);
    assert.throws(
      () =>
        buildNafIndex([
          { code: 'J', label: 'J' },
          { code: '62', label: '62', parent: 'J' },
          { code: '62.0', label: 'x', parent: 'J' },
        ]),
      /not a division/,
    );
  });
});

describe('nafPath', () => {
  it('gives the chain from section to sub-class with labels', () => {
    assert.deepEqual(nafPath(index, '62.01Z'), {
      section: { code: 'J', label: 'Information et communication' },
      division: { code: '62', label: 'Programmation, conseil et autres activités informatiques' },
      group: { code: '62.0', label: 'Programmation, conseil et autres activités informatiques' },
      class: { code: '62.01', label: 'Programmation informatique' },
      subclass: { code: '62.01Z', label: 'Programmation informatique' },
    });
  });

  it('stops at the level of the code and accepts codes as typed', () => {
    const path = nafPath(index, '4321');
    assert.equal(path?.section.code, 'F');
    assert.equal(path?.class?.code, '43.21');
    assert.equal(path?.subclass, null);
    assert.equal(nafNode(index, '4321a')?.label, "Travaux d'installation électrique dans tous locaux");
  });

  it('returns null for an unknown or malformed code', () => {
    assert.equal(nafPath(index, '99.99Z'), null);
    assert.equal(nafPath(index, 'informatique'), null);
  });
});

describe('searchNaf', () => {
  it('finds installation électrique when the query is « electricite », without accents', () => {
    const hits = searchNaf(index, 'electricite', 50);
    assert.ok(codes(hits).includes('43.21A'), codes(hits).join());
    assert.ok(codes(hits).includes('43.21'));
    // Labels with the very word come before those that only share its stem, shorter labels first.
    assert.deepEqual(codes(hits).slice(0, 7), ['35.12', '35.12Z', '35.11', '35.11Z', '35.1', '35', 'D']);
    assert.equal(hits[7]?.code, '43.21');
  });

  it('puts the exact code first, then the codes below it', () => {
    assert.deepEqual(codes(searchNaf(index, '62.01')), ['62.01', '62.01Z']);
    assert.deepEqual(codes(searchNaf(index, '6201Z')), ['62.01Z']);
    assert.deepEqual(codes(searchNaf(index, '62', 4)), ['62', '62.0', '62.01', '62.01Z']);
    assert.equal(searchNaf(index, '62.01')[0]?.match, 'code');
    assert.equal(searchNaf(index, '62.01')[1]?.match, 'code-prefix');
  });

  it('ranks a label prefix above a word found further in the label', () => {
    const hits = searchNaf(index, 'install');
    assert.deepEqual(
      hits.slice(0, 1).map((h) => [h.code, h.match]),
      [['43.21', 'label-prefix']],
    );
    assert.ok(hits.slice(1).every((h) => h.match === 'words'));
    assert.ok(codes(hits).includes('43.21A'));
  });

  it('requires every meaningful word and ignores small words, case, accents and punctuation', () => {
    assert.deepEqual(codes(searchNaf(index, 'CONSEIL ; informatique')), ['62.02', '62.02A', '62', '62.0']);
    assert.deepEqual(codes(searchNaf(index, "travaux d'isolation")), ['43.29A']);
    assert.deepEqual(codes(searchNaf(index, 'systèmes logiciels')), ['62.02A']);
  });

  it('restricts hits to the requested levels and honours the limit', () => {
    const subclasses = searchNaf(index, 'informatique', 20, ['subclass']);
    assert.ok(subclasses.length > 0 && subclasses.every((h) => h.level === 'subclass'));
    assert.equal(searchNaf(index, 'informatique', 2).length, 2);
    assert.deepEqual(searchNaf(index, '   '), []);
    assert.deepEqual(searchNaf(index, 'informatique', 0), []);
  });

  it('never returns more than the limit nor the same code twice', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 40 }), (query, limit) => {
        const hits = codes(searchNaf(index, query, limit));
        return hits.length <= limit && new Set(hits).size === hits.length;
      }),
    );
  });
});
