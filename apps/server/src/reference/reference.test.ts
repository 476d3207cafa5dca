import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  currentCommuneCode,
  getCommune,
  getDepartement,
  getEpci,
  getNafNode,
  getNafPath,
  getRegion,
  headcountBands,
  listDepartements,
  listEpcis,
  listRegions,
  searchCommunes,
  searchNaf,
} from './reference.ts';

const codes = (items: { code: string }[]) => items.map((item) => item.code);

describe('communes', () => {
  it('places Flers in the Orne, Normandie and its agglomeration', () => {
    const flers = getCommune('61169');
    assert.equal(flers?.name, 'Flers');
    assert.deepEqual(flers?.departement, { code: '61', name: 'Orne' });
    assert.deepEqual(flers?.region, { code: '28', name: 'Normandie' });
    assert.deepEqual(flers?.epci, { code: '200035814', name: 'CA Flers Agglo' });
    assert.deepEqual(flers?.postalCodes, ['61100']);
    assert.ok((flers?.population ?? 0) > 10000);
    assert.ok(
      flers?.point && Math.abs(flers.point.lon - -0.5624) < 0.01 && Math.abs(flers.point.lat - 48.74) < 0.01,
    );
    assert.equal(flers?.parentCommuneCode, null);
  });

  it('puts Villeurbanne in the Métropole de Lyon and Craon in the CC du Pays de Craon', () => {
    assert.equal(getCommune('69266')?.epci?.name, 'Métropole de Lyon');
    assert.equal(getCommune('53084')?.epci?.name, 'CC du Pays de Craon');
  });

  it('gives the communes outside any EPCI a null EPCI', () => {
    assert.equal(getCommune('85113')?.name, "L'Île-d'Yeu");
    assert.equal(getCommune('85113')?.epci, null);
  });

  it('returns a null point for a commune without a known centroid', () => {
    const oreeDAnjou = getCommune('49126');
    assert.equal(oreeDAnjou?.name, "Orée d'Anjou");
    assert.equal(oreeDAnjou?.point, null);
    assert.equal(getCommune('98411')?.point, null);
  });

  it('resolves the arrondissement codes SIRENE uses for Paris, Lyon and Marseille', () => {
    const paris8 = getCommune('75108');
    assert.equal(paris8?.name, 'Paris 8e Arrondissement');
    assert.equal(paris8?.parentCommuneCode, '75056');
    assert.equal(paris8?.epci?.name, 'Métropole du Grand Paris');
    assert.deepEqual(paris8?.point, getCommune('75056')?.point);
    assert.equal(getCommune('69388')?.epci?.name, 'Métropole de Lyon');
  });

  it('accepts Corsican codes in either case and returns null for unknown ones', () => {
    assert.equal(getCommune('2A004')?.name, 'Ajaccio');
    assert.equal(getCommune('2a004')?.name, 'Ajaccio');
    assert.equal(getCommune('99999'), null);
    assert.equal(getCommune(''), null);
  });

  it('maps the code of a merged commune to the commune that absorbed it', () => {
    assert.equal(currentCommuneCode('61169'), '61169');
    // Saint-Priest took in a commune of the Isère, 38447, when it moved to the Rhône.
    assert.equal(currentCommuneCode('38447'), '69290');
    assert.equal(currentCommuneCode('99999'), null);
  });
});

describe('searchCommunes', () => {
  it('finds Saint-Priest by name, however it is typed, the largest homonym first', () => {
    for (const query of ['saint-priest', 'Saint Priest', 'SAINT-PRIEST', 'st priest']) {
      const hits = searchCommunes(query);
      assert.equal(hits[0]?.code, '69290', query);
      assert.ok(
        hits.slice(1, 3).every((c) => c.name === 'Saint-Priest'),
        `${query}: ${hits.map((c) => c.name).join()}`,
      );
    }
  });

  it('finds communes by postal code, INSEE code and the beginning of a postal code', () => {
    assert.deepEqual(codes(searchCommunes('69800')), ['69290']);
    assert.equal(searchCommunes('61169')[0]?.name, 'Flers');
    assert.equal(searchCommunes('75008')[0]?.code, '75056');
    assert.equal(searchCommunes('75108')[0]?.code, '75056');
    const hits = searchCommunes('6110', 50);
    assert.ok(hits.length > 1 && hits.every((c) => c.postalCodes.some((p) => p.startsWith('6110'))));
    assert.equal(hits[0]?.code, '61169');
  });

  it('ranks an exact name before names that start with it or contain it as a word', () => {
    const hits = searchCommunes('flers', 10);
    assert.equal(hits[0]?.code, '61169');
    assert.ok(hits.every((c) => c.name.toLowerCase().includes('flers')));
    assert.ok(searchCommunes('priest', 30).some((c) => c.code === '69290'));
  });

  it('honours the limit and ignores blank queries', () => {
    assert.equal(searchCommunes('saint', 5).length, 5);
    assert.deepEqual(searchCommunes('   '), []);
    assert.deepEqual(searchCommunes('saint', 0), []);
  });
});

describe('territories', () => {
  it('lists the départements and régions, overseas ones marked', () => {
    const departements = listDepartements();
    assert.equal(departements.find((d) => d.code === '61')?.region.name, 'Normandie');
    assert.ok(departements.some((d) => d.code === '2A'));
    assert.equal(departements.find((d) => d.code === '974')?.zone, 'drom');
    const regions = listRegions();
    assert.equal(regions.filter((r) => r.zone === 'metro').length, 13);
    assert.equal(getRegion('28')?.name, 'Normandie');
    assert.equal(getDepartement('53')?.name, 'Mayenne');
  });

  it('gives an EPCI with its members', () => {
    const craon = getEpci('200048551');
    assert.equal(craon?.name, 'CC du Pays de Craon');
    assert.equal(craon?.type, 'CC');
    assert.ok(craon?.communeCodes.includes('53084'));
    assert.equal(getEpci('nope'), null);
    assert.ok(listEpcis().length > 1200);
  });
});

describe('NAF and headcount', () => {
  it('gives the path of 62.01Z from its section', () => {
    assert.deepEqual(getNafPath('62.01Z'), {
      section: { code: 'J', label: 'Information et communication' },
      division: { code: '62', label: 'Programmation, conseil et autres activités informatiques' },
      group: { code: '62.0', label: 'Programmation, conseil et autres activités informatiques' },
      class: { code: '62.01', label: 'Programmation informatique' },
      subclass: { code: '62.01Z', label: 'Programmation informatique' },
    });
    assert.equal(getNafPath('99.99Z'), null);
  });

  it('holds the whole nomenclature: 21 sections down to 732 sub-classes', () => {
    const count = (code: string): number => {
      const node = getNafNode(code)!;
      return node.level === 'subclass' ? 1 : node.children.reduce((sum, child) => sum + count(child), 0);
    };
    const sections = 'ABCDEFGHIJKLMNOPQRSTU'.split('');
    assert.ok(sections.every((s) => getNafNode(s)?.level === 'section'));
    assert.equal(
      sections.reduce((sum, s) => sum + count(s), 0),
      732,
    );
  });

  it('finds installation électrique from « electricite » and 62.01Z from « 62.01 »', () => {
    const labels = searchNaf('electricite', 30).map((hit) => hit.label);
    assert.ok(labels.includes("Travaux d'installation électrique dans tous locaux"), labels.join(' | '));
    assert.deepEqual(codes(searchNaf('62.01')), ['62.01', '62.01Z']);
    assert.deepEqual(codes(searchNaf('62.01', 5, ['subclass'])), ['62.01Z']);
  });

  it('lists the 16 INSEE headcount bands', () => {
    assert.equal(headcountBands().length, 16);
    assert.equal(headcountBands()[0]?.code, 'NN');
  });
});

describe('NUTS-3 points', () => {
  it('gives every French NUTS-3 area its département’s point', async () => {
    const { nutsPoint, nutsPointCount } = await import('./reference.ts');
    assert.equal(nutsPointCount(), 101);
    // Calvados (FRD11): its communes' mean lies near Caen, within the département.
    const calvados = nutsPoint('FRD11');
    assert.ok(
      calvados && calvados.lon > -1.2 && calvados.lon < 0 && calvados.lat > 48.9 && calvados.lat < 49.4,
      JSON.stringify(calvados),
    );
    assert.equal(nutsPoint('FRZZZ'), null);
    assert.ok(nutsPoint('frd11'), 'case does not matter');
  });
});
