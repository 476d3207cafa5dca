/**
 * Geographic helpers: great-circle distances, bounding boxes for SQL prefilters, and the
 * Lambert-93 projection in which SIRENE gives establishment coordinates in mainland France.
 */

/** A point in WGS84 (or RGF93, identical at this scale) longitude and latitude, in degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** Mean Earth radius (IUGG), in km: the sphere that best fits the ellipsoid for distances. */
export const EARTH_RADIUS_KM = 6371.0088;

const DEG = Math.PI / 180;

/**
 * Great-circle distance between two points, in km, by the haversine formula on a sphere of radius
 * {@link EARTH_RADIUS_KM}. Within 0.5 % of the ellipsoidal distance, which is plenty for "within
 * 60 km of Flers".
 */
export function distanceKm(a: LonLat, b: LonLat): number {
  const dLat = (b.lat - a.lat) * DEG;
  const dLon = (b.lon - a.lon) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * DEG) * Math.cos(b.lat * DEG) * Math.sin(dLon / 2) ** 2;
  // min() guards against h creeping above 1 through rounding for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A longitude/latitude rectangle, in degrees, bounds inclusive. */
export interface BoundingBox {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

/**
 * A rectangle that contains every point within `km` of `center` (by {@link distanceKm}), for a
 * cheap indexed prefilter (`lon BETWEEN … AND lat BETWEEN …`) before the exact distance test.
 * It is not the tightest box, but never too small. Latitudes are clamped to ±90; when the circle
 * reaches a pole or crosses the antimeridian, longitudes span the whole −180..180 range.
 * @param km radius in km, ≥ 0
 */
export function boundingBoxAround(center: LonLat, km: number): BoundingBox {
  // The 1e-7° (1 cm) margin keeps points exactly on the circle inside despite float rounding.
  const dLat = km / (EARTH_RADIUS_KM * DEG) + 1e-7;
  const minLat = Math.max(-90, center.lat - dLat);
  const maxLat = Math.min(90, center.lat + dLat);
  // A circle's widest longitude span is not at its centre's latitude but where the meridians
  // converge the most; using the box's extreme latitude keeps the box large enough.
  const extremeLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const cosExtreme = Math.cos(extremeLat * DEG);
  if (extremeLat >= 90 || cosExtreme <= 0) return { minLon: -180, maxLon: 180, minLat, maxLat };
  const dLon = km / (EARTH_RADIUS_KM * DEG * cosExtreme) + 1e-7;
  const minLon = center.lon - dLon;
  const maxLon = center.lon + dLon;
  if (minLon < -180 || maxLon > 180 || dLon >= 180) return { minLon: -180, maxLon: 180, minLat, maxLat };
  return { minLon, maxLon, minLat, maxLat };
}

/** True when `point` lies inside `box`, bounds included. */
export function isInBoundingBox(point: LonLat, box: BoundingBox): boolean {
  return (
    point.lon >= box.minLon && point.lon <= box.maxLon && point.lat >= box.minLat && point.lat <= box.maxLat
  );
}

// Lambert-93 (EPSG:2154): Lambert conformal conic, secant at 44° and 49° N, on the GRS80
// ellipsoid of RGF93; origin 3° E, 46.5° N at (700 000 m, 6 600 000 m).
const GRS80_A = 6378137;
const GRS80_F = 1 / 298.257222101;
const GRS80_E = Math.sqrt(GRS80_F * (2 - GRS80_F));

/** IGN ALG0001: isometric latitude of geodetic latitude `phi` (radians). */
function isometricLatitude(phi: number, e: number): number {
  const eSin = e * Math.sin(phi);
  return Math.log(Math.tan(Math.PI / 4 + phi / 2) * ((1 - eSin) / (1 + eSin)) ** (e / 2));
}

/** IGN ALG0002: geodetic latitude (radians) of isometric latitude `l`, by fixed-point iteration. */
function latitudeFromIsometric(l: number, e: number): number {
  const expL = Math.exp(l);
  let phi = 2 * Math.atan(expL) - Math.PI / 2;
  // Converges to 1e-12 rad (6 µm) in about 6 steps; the cap only guards against NaN input.
  for (let i = 0; i < 50; i++) {
    const eSin = e * Math.sin(phi);
    const next = 2 * Math.atan(((1 + eSin) / (1 - eSin)) ** (e / 2) * expL) - Math.PI / 2;
    if (Math.abs(next - phi) < 1e-12) return next;
    phi = next;
  }
  return phi;
}

/** Constants of a Lambert conformal conic projection, as in IGN's notes (NTG_71). */
export interface LambertConicConstants {
  /** Cone constant (exponent of the projection). */
  n: number;
  /** Projection constant, in metres. */
  c: number;
  /** Coordinates of the pole (apex of the cone), in metres. */
  xs: number;
  ys: number;
  /** Longitude of the central meridian, in radians east of Greenwich. */
  lambdaC: number;
  /** First eccentricity of the ellipsoid. */
  e: number;
}

/**
 * IGN ALG0054: the constants of a secant Lambert conformal conic projection from its defining
 * parameters (angles in radians, lengths in metres).
 */
export function lambertSecantConstants(params: {
  a: number;
  e: number;
  lambda0: number;
  phi0: number;
  phi1: number;
  phi2: number;
  x0: number;
  y0: number;
}): LambertConicConstants {
  const { a, e, lambda0, phi0, phi1, phi2, x0, y0 } = params;
  const grandNormal = (phi: number) => a / Math.sqrt(1 - (e * Math.sin(phi)) ** 2);
  const l1 = isometricLatitude(phi1, e);
  const l2 = isometricLatitude(phi2, e);
  const n = Math.log((grandNormal(phi2) * Math.cos(phi2)) / (grandNormal(phi1) * Math.cos(phi1))) / (l1 - l2);
  const c = ((grandNormal(phi1) * Math.cos(phi1)) / n) * Math.exp(n * l1);
  return { n, c, xs: x0, ys: y0 + c * Math.exp(-n * isometricLatitude(phi0, e)), lambdaC: lambda0, e };
}

/** The constants of Lambert-93, computed once from its official definition. */
export const LAMBERT_93: LambertConicConstants = lambertSecantConstants({
  a: GRS80_A,
  e: GRS80_E,
  lambda0: 3 * DEG,
  phi0: 46.5 * DEG,
  phi1: 44 * DEG,
  phi2: 49 * DEG,
  x0: 700000,
  y0: 6600000,
});

/**
 * IGN ALG0004: geographic coordinates (radians) of projected coordinates (metres) in a Lambert
 * conformal conic projection.
 */
export function lambertToGeographic(
  x: number,
  y: number,
  k: LambertConicConstants,
): { lambda: number; phi: number } {
  const dx = x - k.xs;
  const dy = y - k.ys;
  const r = Math.hypot(dx, dy);
  const gamma = Math.atan(dx / -dy);
  const lambda = k.lambdaC + gamma / k.n;
  const l = (-1 / k.n) * Math.log(Math.abs(r / k.c));
  return { lambda, phi: latitudeFromIsometric(l, k.e) };
}

/**
 * IGN ALG0003: projected coordinates (metres) of geographic coordinates (radians) in a Lambert
 * conformal conic projection.
 */
export function geographicToLambert(
  lambda: number,
  phi: number,
  k: LambertConicConstants,
): { x: number; y: number } {
  const r = k.c * Math.exp(-k.n * isometricLatitude(phi, k.e));
  const theta = k.n * (lambda - k.lambdaC);
  return { x: k.xs + r * Math.sin(theta), y: k.ys - r * Math.cos(theta) };
}

/**
 * Longitude and latitude (degrees, RGF93 ≈ WGS84 to well under a metre) of a point given in
 * Lambert-93 (EPSG:2154, metres), by IGN's exact formulas. Valid for mainland France and Corsica:
 * SIRENE gives overseas coordinates in local UTM projections, not Lambert-93.
 * @param x easting in metres (`coordonneeLambertAbscisseEtablissement`)
 * @param y northing in metres (`coordonneeLambertOrdonneeEtablissement`)
 */
export function lambert93ToWgs84(x: number, y: number): LonLat {
  const { lambda, phi } = lambertToGeographic(x, y, LAMBERT_93);
  return { lon: lambda / DEG, lat: phi / DEG };
}

/** Coefficients of the conformal-latitude series of GRS80 (Snyder, Map Projections, eq. 3-5). */
const CONFORMAL_SERIES = (() => {
  const e2 = LAMBERT_93.e ** 2;
  const e4 = e2 * e2;
  const e6 = e4 * e2;
  const e8 = e4 * e4;
  return {
    a2: e2 / 2 + (5 * e4) / 24 + e6 / 12 + (13 * e8) / 360,
    a4: (7 * e4) / 48 + (29 * e6) / 240 + (811 * e8) / 11520,
    a6: (7 * e6) / 120 + (81 * e8) / 1120,
    a8: (4279 * e8) / 161280,
  };
})();

/**
 * {@link lambert93ToWgs84} by the closed-form series of the conformal latitude instead of IGN's
 * iteration (ALG0002): within a few micrometres of it, and several times faster — for the
 * million points of a SIRENE stock file.
 */
export function lambert93ToWgs84BySeries(x: number, y: number): LonLat {
  const { n, c, xs, ys, lambdaC } = LAMBERT_93;
  const chi = 2 * Math.atan(Math.exp(-Math.log(Math.hypot(x - xs, ys - y) / c) / n)) - Math.PI / 2;
  const { a2, a4, a6, a8 } = CONFORMAL_SERIES;
  const phi =
    chi + a2 * Math.sin(2 * chi) + a4 * Math.sin(4 * chi) + a6 * Math.sin(6 * chi) + a8 * Math.sin(8 * chi);
  return { lon: (lambdaC + Math.atan((x - xs) / (ys - y)) / n) / DEG, lat: phi / DEG };
}

/** Lambert-93 coordinates (metres) of a longitude/latitude in degrees; inverse of {@link lambert93ToWgs84}. */
export function wgs84ToLambert93(point: LonLat): { x: number; y: number } {
  return geographicToLambert(point.lon * DEG, point.lat * DEG, LAMBERT_93);
}
