/**
 * Metropolitan France drawn as SVG from the GeoJSON of départements and régions served in
 * /geo: an equirectangular projection corrected by cos(46.5°), so that a degree of longitude is
 * as long as it is at the middle of the country. No tile server, no library.
 */

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
interface Feature {
  properties: { code: string; nom: string };
  geometry: Geometry;
}

export const FRAME = { west: -5.3, east: 9.7, south: 41.25, north: 51.2 } as const;
const COS_LAT = Math.cos((46.5 * Math.PI) / 180);
/** Map units per degree of latitude. */
const SCALE = 100;
export const MAP_WIDTH = Math.round((FRAME.east - FRAME.west) * COS_LAT * SCALE);
export const MAP_HEIGHT = Math.round((FRAME.north - FRAME.south) * SCALE);
/** Map units per kilometre (a degree of latitude is about 111.2 km). */
export const UNITS_PER_KM = SCALE / 111.2;

export function project(lon: number, lat: number): [number, number] {
  return [(lon - FRAME.west) * COS_LAT * SCALE, (FRAME.north - lat) * SCALE];
}

export function isInFrame(lon: number, lat: number): boolean {
  return lon >= FRAME.west && lon <= FRAME.east && lat >= FRAME.south && lat <= FRAME.north;
}

export interface Shape {
  code: string;
  name: string;
  path: string;
}

function ringPath(ring: Ring): string {
  let path = '';
  for (let i = 0; i < ring.length; i++) {
    const point = ring[i];
    if (!point) continue;
    const [x, y] = project(point[0], point[1]);
    path += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
  }
  return `${path}Z`;
}

function shapesOf(collection: { features: Feature[] }): Shape[] {
  return collection.features.map((feature) => {
    const polygons =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    return {
      code: feature.properties.code,
      name: feature.properties.nom,
      path: polygons.map((rings) => rings.map(ringPath).join('')).join(''),
    };
  });
}

export interface FranceShapes {
  departements: Shape[];
  regions: Shape[];
}

let loading: Promise<FranceShapes> | undefined;

/** The outlines, fetched once per page load (about 300 KB, cached by the browser after). */
export function loadFranceShapes(): Promise<FranceShapes> {
  loading ??= Promise.all(
    ['/geo/departements.geojson', '/geo/regions.geojson'].map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return shapesOf((await response.json()) as { features: Feature[] });
    }),
  ).then(
    ([departements = [], regions = []]) => ({ departements, regions }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
