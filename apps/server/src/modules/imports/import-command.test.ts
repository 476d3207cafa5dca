import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../db/database.ts';
import { createTestDatabase } from '../../test/database.ts';
import { runCli } from '../../test/process.ts';
import {
  breakSiret,
  etablissement,
  makeSiret,
  sireneCsv,
  uniteLegaleCsv,
  windows1252,
} from './test-files.ts';

/**
 * `meute import` as an operator runs it, as a real process, on this test's own database (given as
 * DATABASE_URL: the command opens it like any `meute` command, on the embedded PostgreSQL of
 * `npm test` or on TEST_DATABASE_URL's server alike).
 */
describe('meute import', () => {
  let database: Database;
  let dir: string;
  let env: Record<string, string>;
  const slug = 'club-cli';

  before(async () => {
    database = await createTestDatabase();
    await database.db.insertInto('networks').values({ slug, name: 'Club CLI', kind: 'club' }).execute();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meute-import-cli-'));
    env = { DATABASE_URL: database.url, MEUTE_DATA_DIR: dir };
  });
  after(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('imports a SIRENE file into the register, then as members with its legal units, and prints the summary', async () => {
    const file = write(
      'etab.csv',
      sireneCsv([
        etablissement(makeSiret(1)),
        etablissement(makeSiret(2)),
        etablissement(makeSiret(3), { etatAdministratifEtablissement: 'F' }),
      ]),
    );
    const ul = write(
      'ul.csv',
      uniteLegaleCsv([{ siren: makeSiret(1).slice(0, 9), denominationUniteLegale: 'FONDERIE DE FLERS' }]),
    );
    const register = await runCli(['import', 'sirene', file, '--network', slug], env);
    assert.equal(register.code, 0, register.output);
    assert.match(register.output, /3 lignes lues, 0 organisations créées, 0 mises à jour, 1 ignorées/);
    assert.match(register.output, /Registre SIRENE du réseau : 2 établissements/);
    assert.equal((await database.db.selectFrom('organisations').select('id').execute()).length, 0);

    const result = await runCli(
      ['import', 'sirene', file, '--network', slug, '--unite-legale', ul, '--members'],
      env,
    );
    assert.equal(result.code, 0, result.output);
    assert.match(
      result.output,
      /Import terminé : 3 lignes lues, 2 organisations créées, 0 mises à jour, 1 ignorées/,
    );
    assert.doesNotMatch(result.output, /Lecture/, 'no progress bar when stderr is not a terminal');
    const names = await database.db.selectFrom('organisations').select('name').orderBy('name').execute();
    assert.deepEqual(
      names.map((n) => n.name),
      ['FONDERIE DE FLERS', `SIRET ${makeSiret(2)}`],
    );

    const again = await runCli(
      ['import', 'sirene', file, '--network', slug, '--include-closed', '--members'],
      env,
    );
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /3 lignes lues, 1 organisations créées, 2 mises à jour, 0 ignorées/);
  });

  it('refuses a bad member file with exit code 1 and lists its bad rows by line, in French', async () => {
    const file = write(
      'membres.csv',
      windows1252(
        [
          'siret;nom;code_naf',
          `${makeSiret(10)};Société Générale d’Usinage;25.62A`,
          `${breakSiret(makeSiret(11))};Mécanique;25.62A`,
          `${makeSiret(12)};;12.34Z`,
        ].join('\r\n'),
      ),
    );
    const result = await runCli(['import', 'members', file, '--network', slug], env);
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /Import refusé, rien n’a été importé : 3 erreurs sur 3 lignes lues/);
    assert.match(result.output, /ligne 3, colonne siret : SIRET invalide/);
    assert.match(result.output, /ligne 4, colonne nom : Nom manquant/);
    assert.match(result.output, /ligne 4, colonne code_naf : Code NAF inconnu « 12\.34Z »/);
    const none = await database.db
      .selectFrom('organisations')
      .select('id')
      .where('siret', '=', makeSiret(10))
      .execute();
    assert.equal(none.length, 0);
  });

  it('says so when the network or the file does not exist', async () => {
    const file = write('m.csv', `siret;nom\n${makeSiret(20)};X\n`);
    const network = await runCli(['import', 'members', file, '--network', 'nowhere'], env);
    assert.equal(network.code, 1);
    assert.match(network.output, /Réseau introuvable/);
    const missing = await runCli(['import', 'members', path.join(dir, 'absent.csv'), '--network', slug], env);
    assert.equal(missing.code, 1);
    assert.match(missing.output, /fichier introuvable/);
  });
});
