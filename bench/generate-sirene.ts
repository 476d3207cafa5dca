/**
 * `node bench/generate-sirene.ts N FILE [--unite-legale FILE] [--seed S]`: writes a realistic
 * SIRENE `StockEtablissement` CSV of N establishments (format 3.11: all the columns of the real
 * header, in INSEE's order, comma-separated UTF-8), and optionally the matching
 * `StockUniteLegale` file (one row per SIREN).
 *
 * - valid SIRENs and SIRETs (Luhn keys), a few La Poste establishments (digit sum a multiple of
 *   5), 1 to 30 establishments per company;
 * - real commune codes (weighted by population, Paris, Lyon and Marseille by arrondissement, as
 *   SIRENE writes them) with their postal code and name, Lambert-93 coordinates within ~2 km of
 *   the commune's centroid (none overseas, as most geocoded records);
 * - real NAF rév. 2 sub-classes, realistic headcount bands (most establishments employ nobody);
 * - ~5 % closed (etatAdministratifEtablissement = F), ~2 % partially diffused (statut P: address,
 *   coordinates and signs read `[ND]`).
 *
 * Deterministic for a given seed. Run without arguments it prints its usage (so that
 * `npm run bench` passes over it).
 */

import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { luhnCheckDigit, wgs84ToLambert93 } from '@meute/domain';
import {
  SIRENE_ETABLISSEMENT_COLUMNS,
  SIRENE_UNITE_LEGALE_COLUMNS,
} from '../apps/server/src/modules/imports/sirene-format.ts';
import { getCommune, getNafIndex } from '../apps/server/src/reference/reference.ts';

export interface GenerateOptions {
  rows: number;
  file: string;
  uniteLegaleFile?: string | undefined;
  seed?: number;
}

export interface GenerateResult {
  rows: number;
  bytes: number;
  closed: number;
  partial: number;
  companies: number;
}

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RawCommune {
  code: string;
  type: string;
  population?: number;
  commune?: string;
}

interface Place {
  code: string;
  name: string;
  postalCode: string;
  lon: number | null;
  lat: number | null;
  mainland: boolean;
}

/** Where establishments are: communes weighted by population; arrondissements instead of PLM. */
function loadPlaces(): { places: Place[]; cumulative: Float64Array } {
  const require = createRequire(import.meta.url);
  const raw = JSON.parse(
    fs.readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
  ) as RawCommune[];
  const withArrondissements = new Set(
    raw.filter((c) => c.type === 'arrondissement-municipal').map((c) => c.commune),
  );
  const places: Place[] = [];
  const weights: number[] = [];
  for (const c of raw) {
    const isCommune = c.type === 'commune-actuelle' && !withArrondissements.has(c.code);
    if (!isCommune && c.type !== 'arrondissement-municipal') continue;
    const commune = getCommune(c.code);
    if (!commune) continue;
    const departement = commune.departement.code;
    places.push({
      code: commune.code,
      name: foldUpper(commune.name),
      postalCode: commune.postalCodes[0] ?? '',
      lon: commune.point?.lon ?? null,
      lat: commune.point?.lat ?? null,
      mainland: !departement.startsWith('97') && !departement.startsWith('98'),
    });
    // Businesses per inhabitant fall with town size, but not to zero in a hamlet.
    weights.push(Math.max(20, c.population ?? 20) ** 0.9);
  }
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!;
    cumulative[i] = sum;
  }
  for (let i = 0; i < cumulative.length; i++) cumulative[i]! /= sum;
  return { places, cumulative };
}

function foldUpper(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function pickWeighted(cumulative: Float64Array, random: () => number): number {
  const r = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Share of establishments per headcount band: SIRENE's stock is mostly non-employers.
const BANDS: [string, number][] = [
  ['', 0.3],
  ['NN', 0.38],
  ['00', 0.05],
  ['01', 0.1],
  ['02', 0.065],
  ['03', 0.04],
  ['11', 0.03],
  ['12', 0.02],
  ['21', 0.006],
  ['22', 0.004],
  ['31', 0.0012],
  ['32', 0.0014],
  ['41', 0.0007],
  ['42', 0.0004],
  ['51', 0.0002],
  ['52', 0.00007],
  ['53', 0.00003],
];
const BAND_CUMULATIVE = (() => {
  const total = BANDS.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  return Float64Array.from(BANDS.map(([, w]) => (acc += w / total)));
})();

const STREET_TYPES = ['RUE', 'RUE', 'RUE', 'AV', 'BD', 'CHE', 'RTE', 'PL', 'IMP', 'ALL', 'ZA', 'QUAI'];
const STREET_NAMES = [
  'DE LA REPUBLIQUE',
  'VICTOR HUGO',
  'JEAN JAURES',
  'DU GENERAL DE GAULLE',
  'PASTEUR',
  'DE LA GARE',
  "DE L'EGLISE",
  'DES ARTISANS',
  'DU MOULIN',
  'DES PRES',
  'DE LA LIBERATION',
  'GAMBETTA',
  'DU 8 MAI 1945',
  "DE L'INDUSTRIE",
  'DES FORGES',
  'ANATOLE FRANCE',
  'DU STADE',
  'DES CHENES',
  'DE PARIS',
  'MARCEL PAUL',
];
const NAME_WORDS = [
  'ATELIERS',
  'MECANIQUE',
  'NORMANDE',
  'BOIS',
  'ALU',
  'TECHNI',
  'SERVICES',
  'CONSEIL',
  'BATIMENT',
  'ELEC',
  'PLAST',
  'INDUSTRIE',
  'TRANSPORTS',
  'MENUISERIE',
  'GARAGE',
  'BOULANGERIE',
  'PRECISION',
  'DUPONT',
  'MARTIN',
  'LEROY',
  'MOREAU',
  'GIRARD',
  'OUEST',
  'ALPES',
  'ATLANTIQUE',
  'SOLUTIONS',
  'DIGITAL',
  'ENERGIE',
];
const LEGAL_FORMS = ['SARL', 'SAS', 'SASU', 'EURL', 'SA', 'SCI', ''];

function companyName(random: () => number): string {
  const words = [pick(NAME_WORDS, random), pick(NAME_WORDS, random)];
  if (random() < 0.3) words.push(pick(NAME_WORDS, random));
  const form = pick(LEGAL_FORMS, random);
  return (form ? `${form} ` : '') + words.join(' ');
}

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function date(random: () => number, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  return `${year}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
}

const LA_POSTE = '356000000';

export async function generateSirene(options: GenerateOptions): Promise<GenerateResult> {
  const random = prng(options.seed ?? 20261122);
  const { places, cumulative } = loadPlaces();
  const subclasses = [...getNafIndex().nodes.values()]
    .filter((node) => node.level === 'subclass')
    .map((node) => node.code);
  const columnIndex = new Map<string, number>(SIRENE_ETABLISSEMENT_COLUMNS.map((name, i) => [name, i]));
  const width = SIRENE_ETABLISSEMENT_COLUMNS.length;

  const out = fs.createWriteStream(options.file);
  const ul = options.uniteLegaleFile ? fs.createWriteStream(options.uniteLegaleFile) : undefined;
  let bytes = 0;
  const write = async (stream: fs.WriteStream, text: string) => {
    if (stream === out) bytes += Buffer.byteLength(text);
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await write(out, `${SIRENE_ETABLISSEMENT_COLUMNS.join(',')}\n`);
  if (ul) await write(ul, `${SIRENE_UNITE_LEGALE_COLUMNS.join(',')}\n`);

  // SIRENs as a permutation of 8-digit numbers (unique, scattered), completed with their key.
  const MULTIPLIER = 48_271_417; // odd and not a multiple of 5: coprime with 10^8
  let companyIndex = 0;
  let laPosteNic = 0;
  let written = 0;
  let closed = 0;
  let partial = 0;
  let buffer = '';
  let ulBuffer = '';
  const row: string[] = new Array(width).fill('');
  const set = (column: string, value: string) => {
    row[columnIndex.get(column)!] = value;
  };

  while (written < options.rows) {
    companyIndex++;
    // Establishments of this company: most have one, a few have many; La Poste now and then.
    // (La Poste's NICs are 5 digits: stop before they run out.)
    const isLaPoste = companyIndex % 997 === 0 && laPosteNic < 99_000;
    const count = isLaPoste
      ? 20
      : random() < 0.72
        ? 1
        : random() < 0.9
          ? 2 + Math.floor(random() * 4)
          : 6 + Math.floor(random() * 25);
    const siren = isLaPoste
      ? LA_POSTE
      : (() => {
          let body = pad((((companyIndex * MULTIPLIER) % 90_000_000) + 10_000_000) % 100_000_000, 8);
          if (body === LA_POSTE.slice(0, 8)) body = '99999999';
          return body + luhnCheckDigit(body);
        })();
    const name = companyName(random);
    const companyNaf = pick(subclasses, random);
    const companyPlace = places[pickWeighted(cumulative, random)]!;
    let bestBand = '';
    for (let e = 0; e < count && written < options.rows; e++) {
      row.fill('');
      let nic: string;
      if (isLaPoste) {
        // La Poste's NICs outgrew the key: valid when the digit sum is a multiple of 5.
        for (;;) {
          laPosteNic++;
          nic = pad(laPosteNic, 5);
          const sum = [...(siren + nic)].reduce((s, d) => s + Number(d), 0);
          if (sum % 5 === 0) break;
        }
      } else {
        const body = pad(e + 1, 4);
        nic = body + luhnCheckDigit(siren + body);
      }
      const siret = siren + nic;
      const isClosed = random() < 0.05;
      const isPartial = random() < 0.02;
      if (isClosed) closed++;
      if (isPartial) partial++;
      const place = e === 0 || random() < 0.5 ? companyPlace : places[pickWeighted(cumulative, random)]!;
      const band = BANDS[pickWeighted(BAND_CUMULATIVE, random)]![0];
      if (band > bestBand && band !== 'NN') bestBand = band;
      const naf = random() < 0.8 ? companyNaf : pick(subclasses, random);

      set('siren', siren);
      set('nic', nic);
      set('siret', siret);
      set('statutDiffusionEtablissement', isPartial ? 'P' : 'O');
      set('dateCreationEtablissement', date(random, 1960, 2025));
      set('trancheEffectifsEtablissement', band);
      set('anneeEffectifsEtablissement', band && band !== 'NN' ? '2023' : '');
      set(
        'dateDernierTraitementEtablissement',
        `${date(random, 2019, 2025)}T0${Math.floor(random() * 10)}:12:31.000`,
      );
      set('etablissementSiege', e === 0 ? 'true' : 'false');
      set('nombrePeriodesEtablissement', String(1 + Math.floor(random() * 4)));
      set('numeroVoieEtablissement', String(1 + Math.floor(random() * 120)));
      set('typeVoieEtablissement', pick(STREET_TYPES, random));
      set('libelleVoieEtablissement', pick(STREET_NAMES, random));
      set('codePostalEtablissement', place.postalCode);
      set('libelleCommuneEtablissement', place.name);
      set('codeCommuneEtablissement', place.code);
      set('identifiantAdresseEtablissement', `${place.code}_${pad(Math.floor(random() * 9999), 4)}_00001`);
      if (place.mainland && place.lon !== null && place.lat !== null && random() < 0.92) {
        const { x, y } = wgs84ToLambert93({ lon: place.lon, lat: place.lat });
        set('coordonneeLambertAbscisseEtablissement', (x + (random() - 0.5) * 4000).toFixed(1));
        set('coordonneeLambertOrdonneeEtablissement', (y + (random() - 0.5) * 4000).toFixed(1));
      }
      set('dateDebut', date(random, 2000, 2025));
      set('etatAdministratifEtablissement', isClosed ? 'F' : 'A');
      if (random() < 0.1) set('enseigne1Etablissement', random() < 0.1 ? `${name}, ATELIER` : name);
      if (random() < 0.08) set('denominationUsuelleEtablissement', `"${pick(NAME_WORDS, random)}" ${name}`);
      set('activitePrincipaleEtablissement', naf);
      set('nomenclatureActivitePrincipaleEtablissement', 'NAFRev2');
      set('caractereEmployeurEtablissement', band && band !== 'NN' && band !== '00' ? 'O' : 'N');
      if (isPartial) {
        for (const column of [
          'complementAdresseEtablissement',
          'numeroVoieEtablissement',
          'typeVoieEtablissement',
          'libelleVoieEtablissement',
          'identifiantAdresseEtablissement',
          'coordonneeLambertAbscisseEtablissement',
          'coordonneeLambertOrdonneeEtablissement',
          'enseigne1Etablissement',
          'denominationUsuelleEtablissement',
        ]) {
          set(column, '[ND]');
        }
      }
      buffer += `${row.map(csvField).join(',')}\n`;
      written++;
      if (buffer.length > 1 << 20) {
        await write(out, buffer);
        buffer = '';
      }
    }
    if (ul) {
      const ulRow: Record<string, string> = {
        siren,
        statutDiffusionUniteLegale: 'O',
        dateCreationUniteLegale: date(random, 1960, 2025),
        trancheEffectifsUniteLegale: bestBand,
        categorieEntreprise: bestBand >= '51' ? 'GE' : bestBand >= '32' ? 'ETI' : 'PME',
        anneeCategorieEntreprise: '2022',
        dateDebut: date(random, 2000, 2025),
        etatAdministratifUniteLegale: 'A',
        denominationUniteLegale: isLaPoste ? 'LA POSTE' : name,
        categorieJuridiqueUniteLegale: '5710',
        activitePrincipaleUniteLegale: companyNaf,
        nomenclatureActivitePrincipaleUniteLegale: 'NAFRev2',
        nicSiegeUniteLegale: isLaPoste ? '00001' : `0001${luhnCheckDigit(`${siren}0001`)}`,
        caractereEmployeurUniteLegale: 'N',
      };
      if (!isLaPoste || companyIndex === 997) {
        ulBuffer += `${SIRENE_UNITE_LEGALE_COLUMNS.map((c) => csvField(ulRow[c] ?? '')).join(',')}\n`;
      }
      if (ulBuffer.length > 1 << 20) {
        await write(ul, ulBuffer);
        ulBuffer = '';
      }
    }
  }
  if (buffer) await write(out, buffer);
  out.end();
  await once(out, 'finish');
  if (ul) {
    if (ulBuffer) await write(ul, ulBuffer);
    ul.end();
    await once(ul, 'finish');
  }
  return { rows: written, bytes, closed, partial, companies: companyIndex };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i === -1) return undefined;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const uniteLegaleFile = option('--unite-legale');
  const seed = option('--seed');
  const [rows, file] = args;
  if (!rows || !file) {
    console.log('usage: node bench/generate-sirene.ts N FILE [--unite-legale FILE] [--seed S]');
  } else {
    const started = performance.now();
    const result = await generateSirene({
      rows: Number(rows),
      file,
      uniteLegaleFile,
      ...(seed ? { seed: Number(seed) } : {}),
    });
    console.log(
      `${result.rows} establishments of ${result.companies} companies (${result.closed} closed, ${result.partial} partially diffused), ${(result.bytes / 1e6).toFixed(1)} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s → ${file}`,
    );
  }
}
