/**
 * `node scripts/build-reference-data.ts [SHARED_DATA_DIR]`: regenerates the compact reference
 * files the product ships, from the public data set in `../shared/data` (present in development
 * and CI, not on a user's fresh clone — hence the outputs are committed):
 *
 * - `apps/server/src/reference/data/naf-rev2.json`: NAF rév. 2 as `[code, label]` tuples
 *   (`[code, label, section]` for divisions, whose section the code does not tell);
 * - `apps/server/src/reference/data/communes-centroids.json`: `{ "61169": [lon, lat] }`, 4 decimals;
 * - `apps/web/public/geo/{departements,regions}.geojson`: boundaries for SVG maps, 3 decimals.
 *
 * The output is deterministic: running it twice gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(process.argv[2] ?? path.join(root, '../shared/data'));
const serverData = path.join(root, 'apps/server/src/reference/data');
const webGeo = path.join(root, 'apps/web/public/geo');

if (!fs.existsSync(shared)) {
  console.error(`Reference data not found at ${shared}. Pass its directory as the first argument.`);
  process.exit(1);
}

function readJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(shared, relative), 'utf8')) as T;
}

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  const kib = (Buffer.byteLength(content) / 1024).toFixed(1);
  console.log(`${path.relative(root, file)}: ${kib} KiB`);
}

/** Rounds to `decimals` places; 1e-4° is 11 m, 1e-3° is 110 m. */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

// ---- NAF rév. 2 ----
interface NafItem {
  code: string;
  level: number;
  label: string;
  parent: string | null;
}
const naf = readJson<{ source: string; items: NafItem[] }>('naf/naf-rev2-hierarchy.json');
const cleanLabel = (label: string) =>
  label
    .replace(/\s+/g, ' ')
    // The source mixes typewriter and typographic apostrophes; INSEE mostly uses the former.
    .replace(/’/g, "'")
    .trim();
const nafEntries = naf.items.map((item) =>
  item.level === 2 ? [item.code, cleanLabel(item.label), item.parent] : [item.code, cleanLabel(item.label)],
);
write(
  path.join(serverData, 'naf-rev2.json'),
  `{"nomenclature":"NAFRev2","source":${JSON.stringify(naf.source)},"entries":[\n${nafEntries
    .map((entry) => JSON.stringify(entry))
    .join(',\n')}\n]}\n`,
);

// ---- Commune centroids ----
interface Centroid {
  code: string;
  lon: number;
  lat: number;
}
const centroids = readJson<Centroid[]>('geo/communes-centroides-approx.json')
  .filter((c) => Number.isFinite(c.lon) && Number.isFinite(c.lat))
  .sort((a, b) => (a.code < b.code ? -1 : 1));
// One commune a line, in code order, for readable diffs when the data is refreshed.
write(
  path.join(serverData, 'communes-centroids.json'),
  `{${centroids.map((c) => `"${c.code}":[${round(c.lon, 4)},${round(c.lat, 4)}]`).join(',\n')}}\n`,
);

// ---- NUTS-3 codes of France (eForms places of performance) ----
// Each French NUTS-3 area is a département: the label is enough to join them (see reference.ts).
const nuts = readJson<{ code: string; fr: string }[]>('eforms/nuts-fra-lvl3.json').sort((a, b) =>
  a.code < b.code ? -1 : 1,
);
write(
  path.join(serverData, 'nuts3-fr.json'),
  `{${nuts.map((n) => `${JSON.stringify(n.code)}:${JSON.stringify(n.fr)}`).join(',\n')}}\n`,
);

// ---- Boundaries for the web map ----
type Position = [number, number];
type Ring = Position[];
interface Feature {
  type: 'Feature';
  properties: { code: string; nom: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/** The ring at 3 decimals without the repeated points rounding creates, or null if it collapses. */
function simplifyRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const point: Position = [round(lon, 3), round(lat, 3)];
    const last = out.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const first = out[0];
  const last = out.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  // A closed ring needs 3 distinct points plus the closing one.
  return out.length >= 4 ? out : null;
}

/** The polygon's rings simplified; null when its outer ring collapses (a tiny islet). */
function simplifyPolygon(rings: Ring[]): Ring[] | null {
  const [outer, ...holes] = rings.map(simplifyRing);
  if (!outer) return null;
  return [outer, ...holes.filter((hole): hole is Ring => hole !== null)];
}

function simplifyGeoJson(relative: string, output: string, source: string): void {
  const collection = readJson<{ features: Feature[] }>(relative);
  const features = collection.features.map((feature): Feature => {
    const { code, nom } = feature.properties;
    const polygons = (
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates
    )
      .map(simplifyPolygon)
      .filter((polygon): polygon is Ring[] => polygon !== null);
    if (polygons.length === 0) throw new Error(`${relative}: ${code} vanished at 3 decimals`);
    const geometry: Feature['geometry'] =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0]! }
        : { type: 'MultiPolygon', coordinates: polygons };
    return { type: 'Feature', properties: { code, nom }, geometry };
  });
  features.sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
  const lines = features.map((feature) => JSON.stringify(feature));
  write(
    path.join(webGeo, output),
    `{"type":"FeatureCollection","source":${JSON.stringify(source)},"features":[\n${lines.join(',\n')}\n]}\n`,
  );
}

const geoSource =
  'IGN Admin Express COG 2018, simplified by the france-geojson project (Grégoire David); ' +
  'Licence Ouverte / Etalab 2.0; coordinates rounded to 3 decimals by Meute';
simplifyGeoJson('geo/departements-version-simplifiee.2018.geojson', 'departements.geojson', geoSource);
simplifyGeoJson('geo/regions-version-simplifiee.2018.geojson', 'regions.geojson', geoSource);
