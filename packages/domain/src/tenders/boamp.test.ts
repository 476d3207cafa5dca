import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBoampNotice } from './boamp.ts';

// Tests read their fixtures; the domain itself never does I/O.
const fs = process.getBuiltinModule('node:fs');

const record = {
  idweb: '26-104512',
  objet: 'Réhabilitation de 48 logements à Villeurbanne',
  nomacheteur: 'Est Métropole Habitat',
  datelimitereponse: '2027-01-15T12:00:00+01:00',
  code_departement: ['69'],
  descripteur_libelle: ['Isolation', 'Chauffage', 'Menuiserie'],
  donnees: JSON.stringify({ OBJET: { TITRE_MARCHE: 'Réhabilitation' } }),
};

describe('readBoampNotice', () => {
  it('reads a record of the open data, alone, in a list or in the API’s results', () => {
    for (const text of [
      JSON.stringify(record),
      JSON.stringify([record]),
      JSON.stringify({ results: [record] }),
    ]) {
      const read = readBoampNotice(text);
      assert.ok(read.ok, JSON.stringify(read));
      assert.deepEqual(read.notice, {
        id: '26-104512',
        title: 'Réhabilitation de 48 logements à Villeurbanne',
        buyer: 'Est Métropole Habitat',
        deadline: '2027-01-15T11:00:00.000Z',
        departements: ['69'],
        descriptors: ['Isolation', 'Chauffage', 'Menuiserie'],
        eformsXml: null,
      });
    }
  });

  it('finds the eForms notice that `donnees` carries', () => {
    const xml = fs.readFileSync(new URL('./fixtures/cn_24_minimal.xml', import.meta.url), 'utf8');
    const read = readBoampNotice(JSON.stringify({ ...record, donnees: JSON.stringify({ EFORMS: { xml } }) }));
    assert.ok(read.ok);
    assert.equal(read.notice.eformsXml, xml);
  });

  it('says where a file is wrong', () => {
    const broken = readBoampNotice('{\n  "objet": "x",\n  "idweb": }');
    assert.deepEqual(broken, { ok: false, error: { path: '/', code: 'JSON_INVALID', line: 3, column: 12 } });
    assert.deepEqual(readBoampNotice(JSON.stringify({ results: [record, record] })), {
      ok: false,
      error: { path: 'results', code: 'NOT_ONE_NOTICE', value: '2' },
    });
    assert.deepEqual(readBoampNotice(JSON.stringify({ ...record, objet: ' ' })), {
      ok: false,
      error: { path: 'objet', code: 'NO_OBJET' },
    });
    assert.deepEqual(readBoampNotice(JSON.stringify([{ ...record, code_departement: '99' }])), {
      ok: false,
      error: { path: '[0].code_departement', code: 'DEPARTEMENT_INVALID', value: '99' },
    });
    const donnees = readBoampNotice(JSON.stringify({ ...record, donnees: '{oops' }));
    assert.ok(!donnees.ok);
    assert.deepEqual([donnees.error.path, donnees.error.code], ['donnees', 'DONNEES_INVALID']);
    assert.ok(!readBoampNotice(JSON.stringify({ ...record, datelimitereponse: 'demain' })).ok);
  });
});
