import { Readable } from 'node:stream';
import { luhnCheckDigit, wgs84ToLambert93 } from '@meute/domain';
import type { Kysely } from 'kysely';
import { createImportsService } from '../../modules/imports/imports.service.ts';
import { SIRENE_ETABLISSEMENT_COLUMNS } from '../../modules/imports/sirene-format.ts';
import { createNetworksRepository } from '../../modules/networks/networks.repository.ts';
import { communesWithin, getCommune } from '../../reference/reference.ts';
import type { DB } from '../schema.ts';
import { seededRandom } from './demo-members.ts';

/**
 * The SIRENE register of the demo club (decision 0016): a StockEtablissement file of fictional
 * establishments of Normandy — its members among them — imported as staff would import theirs,
 * so that a visitor can search it and take companies in. Deterministic (seeded).
 */

const CLUB = 'club-eti-normandie';
const ESTABLISHMENTS = 360;

const TRADES: readonly (readonly [string, string])[] = [
  ['25.62B', 'MÉCANIQUE'],
  ['25.62A', 'DÉCOLLETAGE'],
  ['25.11Z', 'CHAUDRONNERIE'],
  ['22.29A', 'PLASTURGIE'],
  ['10.71C', 'BOULANGERIE'],
  ['10.51C', 'FROMAGERIE'],
  ['43.21A', 'ÉLECTRICITÉ'],
  ['43.22A', 'PLOMBERIE'],
  ['16.23Z', 'MENUISERIE'],
  ['49.41A', 'TRANSPORTS'],
  ['62.01Z', 'LOGICIELS'],
  ['71.12B', 'INGÉNIERIE'],
  ['28.29B', 'MACHINES'],
  ['33.12Z', 'MAINTENANCE'],
  ['20.59Z', 'CHIMIE FINE'],
  ['27.12Z', 'TABLEAUX ÉLECTRIQUES'],
];
const FAMILIES = [
  'LEROY',
  'MARIE',
  'LECOMTE',
  'DUVAL',
  'LEFEBVRE',
  'HÉBERT',
  'LEMONNIER',
  'JOUENNE',
  'PERIER',
  'GUÉRIN',
  'LAUNAY',
  'HAMEL',
];
const PLACES = [
  'DU BOCAGE',
  'DU COTENTIN',
  'DE LA SEINE',
  'DU PAYS D’AUGE',
  'NORMANDE',
  'DE L’ORNE',
  'DU PERCHE',
  'DE LA MANCHE',
];
const BANDS = ['01', '02', '03', '11', '11', '12', '12', '21', '21', '22', '31', '32', '41', '42', '51'];

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The club's members and a few hundred more establishments around Caen, as a SIRENE file. */
export async function demoRegisterFile(db: Kysely<DB>): Promise<string> {
  const random = seededRandom(2154);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const caen = getCommune('14118')!.point!;
  // Normandy (région 28) around Caen.
  const communes = communesWithin(caen, 110).filter(
    (commune) => commune.point && commune.region.code === '28',
  );
  const members = await db
    .selectFrom('organisations')
    .innerJoin('network_organisations', 'network_organisations.organisation_id', 'organisations.id')
    .innerJoin('networks', 'networks.id', 'network_organisations.network_id')
    .select([
      'organisations.siret',
      'organisations.name',
      'organisations.naf_code',
      'organisations.headcount_band',
      'organisations.commune_code',
      'organisations.lon',
      'organisations.lat',
    ])
    .where('networks.slug', '=', CLUB)
    .where('organisations.siret', 'is not', null)
    .execute();
  // The members as the directory knows them, so that the import finds nothing to change.
  const rows: Record<string, string>[] = members.map((member) => {
    const point =
      member.lon !== null && member.lat !== null
        ? wgs84ToLambert93({ lon: member.lon, lat: member.lat })
        : null;
    return {
      siret: member.siret!,
      denominationUsuelleEtablissement: member.name,
      activitePrincipaleEtablissement: member.naf_code ?? '',
      trancheEffectifsEtablissement: member.headcount_band ?? '',
      codeCommuneEtablissement: member.commune_code ?? '',
      coordonneeLambertAbscisseEtablissement: point ? point.x.toFixed(3) : '',
      coordonneeLambertOrdonneeEtablissement: point ? point.y.toFixed(3) : '',
    };
  });
  const seen = new Set(rows.map((row) => row.siret));
  while (rows.length < ESTABLISHMENTS) {
    const sirenBody = String(Math.floor(random() * 1e8)).padStart(8, '0');
    const siren = sirenBody + luhnCheckDigit(sirenBody);
    const nicBody = String(1 + Math.floor(random() * 40)).padStart(4, '0');
    const siret = siren + nicBody + luhnCheckDigit(siren + nicBody);
    if (seen.has(siret)) continue;
    seen.add(siret);
    const [naf, trade] = pick(TRADES);
    const commune = pick(communes);
    const point = wgs84ToLambert93({
      lon: commune.point!.lon + (random() - 0.5) * 0.02,
      lat: commune.point!.lat + (random() - 0.5) * 0.02,
    });
    rows.push({
      siret,
      denominationUsuelleEtablissement:
        random() < 0.5 ? `${trade} ${pick(FAMILIES)}` : `${trade} ${pick(PLACES)}`,
      activitePrincipaleEtablissement: naf,
      trancheEffectifsEtablissement: pick(BANDS),
      codeCommuneEtablissement: commune.code,
      coordonneeLambertAbscisseEtablissement: point.x.toFixed(1),
      coordonneeLambertOrdonneeEtablissement: point.y.toFixed(1),
      // One in twenty has closed: the register keeps active establishments only.
      etatAdministratifEtablissement: random() < 0.05 ? 'F' : 'A',
    });
  }
  const lines = [SIRENE_ETABLISSEMENT_COLUMNS.join(',')];
  for (const row of rows) {
    const values: Record<string, string> = {
      siren: row.siret!.slice(0, 9),
      nic: row.siret!.slice(9),
      statutDiffusionEtablissement: 'O',
      etablissementSiege: 'true',
      etatAdministratifEtablissement: 'A',
      nomenclatureActivitePrincipaleEtablissement: 'NAFRev2',
      ...row,
    };
    lines.push(SIRENE_ETABLISSEMENT_COLUMNS.map((column) => csvField(values[column] ?? '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Imports the demo club's SIRENE register through the imports service, as its staff would. */
export async function loadDemoRegister(db: Kysely<DB>, databaseUrl: string): Promise<void> {
  const imports = createImportsService({ db, databaseUrl, networks: createNetworksRepository() });
  const file = Buffer.from(await demoRegisterFile(db));
  const report = await imports.importAsOperator(
    CLUB,
    { kind: 'sirene', locale: 'fr' },
    Readable.from([{ role: 'file', stream: Readable.from([file]) }]),
  );
  if (report.status !== 'imported') {
    throw new Error(`demo SIRENE register refused: ${JSON.stringify(report.errors.slice(0, 3))}`);
  }
}
