import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  boundingBoxAround,
  distanceKm,
  EARTH_RADIUS_KM,
  isInBoundingBox,
  LAMBERT_93,
  type LonLat,
  lambert93ToWgs84,
  lambert93ToWgs84BySeries,
  lambertToGeographic,
  wgs84ToLambert93,
} from './geo.ts';

const flers = { lon: -0.5624, lat: 48.74 };
const caen = { lon: -0.3698, lat: 49.1848 };
const paris = { lon: 2.3428, lat: 48.8566 };
const marseille = { lon: 5.4219, lat: 43.2924 };

/** The point `km` away from `from` along the initial bearing `bearingDeg`, on the same sphere. */
function destination(from: LonLat, bearingDeg: number, km: number): LonLat {
  const rad = Math.PI / 180;
  const delta = km / EARTH_RADIUS_KM;
  const theta = bearingDeg * rad;
  const phi1 = from.lat * rad;
  const phi2 = Math.asin(
    Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta),
  );
  const lambda2 =
    from.lon * rad +
    Math.atan2(
      Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
      Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2),
    );
  return { lon: lambda2 / rad, lat: phi2 / rad };
}

const metres = (a: LonLat, b: LonLat) => distanceKm(a, b) * 1000;

describe('distanceKm', () => {
  it('measures known distances between French cities within 1 %', () => {
    // Great-circle references between commune centroids: Paris–Marseille 661 km, Flers–Caen 51 km.
    assert.ok(Math.abs(distanceKm(paris, marseille) - 661) < 6.6, String(distanceKm(paris, marseille)));
    assert.ok(Math.abs(distanceKm(flers, caen) - 51) < 0.6, String(distanceKm(flers, caen)));
    // One degree along a meridian.
    assert.ok(Math.abs(distanceKm({ lon: 0, lat: 45 }, { lon: 0, lat: 46 }) - 111.195) < 0.001);
  });

  it('is zero from a point to itself, symmetric, and never exceeds half the circumference', () => {
    const point = fc.record({
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = distanceKm(a, b);
        return (
          distanceKm(a, a) === 0 &&
          Math.abs(d - distanceKm(b, a)) < 1e-9 &&
          d >= 0 &&
          d <= Math.PI * EARTH_RADIUS_KM + 1e-9
        );
      }),
    );
  });
});

describe('boundingBoxAround', () => {
  it('contains every point within the radius, wherever the centre is', () => {
    fc.assert(
      fc.property(
        fc.record({
          lon: fc.double({ min: -179, max: 179, noNaN: true }),
          lat: fc.double({ min: -85, max: 85, noNaN: true }),
        }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (center, km, bearing, fraction) => {
          const point = destination(center, bearing, km * fraction);
          fc.pre(point.lon >= -180 && point.lon <= 180);
          return isInBoundingBox(point, boundingBoxAround(center, km));
        },
      ),
    );
  });

  it('is about 2 × 60 km tall and wide around Flers', () => {
    const box = boundingBoxAround(flers, 60);
    const height = metres({ lon: flers.lon, lat: box.minLat }, { lon: flers.lon, lat: box.maxLat }) / 1000;
    const width = metres({ lon: box.minLon, lat: flers.lat }, { lon: box.maxLon, lat: flers.lat }) / 1000;
    assert.ok(Math.abs(height - 120) < 0.01, String(height));
    assert.ok(width >= 120 && width < 123, String(width));
    assert.equal(isInBoundingBox(caen, box), true);
    assert.equal(isInBoundingBox(paris, box), false);
  });

  it('spans every longitude when the circle reaches a pole or the antimeridian', () => {
    assert.deepEqual(
      [
        boundingBoxAround({ lon: 10, lat: 89.9 }, 50).minLon,
        boundingBoxAround({ lon: 10, lat: 89.9 }, 50).maxLon,
      ],
      [-180, 180],
    );
    const wallis = boundingBoxAround({ lon: -176.2, lat: -13.3 }, 500);
    assert.deepEqual([wallis.minLon, wallis.maxLon], [-180, 180]);
  });
});

describe('Lambert-93', () => {
  it('derives the constants IGN publishes for Lambert-93', () => {
    assert.ok(Math.abs(LAMBERT_93.n - 0.725607765) < 1e-9);
    assert.ok(Math.abs(LAMBERT_93.c - 11754255.426) < 1e-3);
    assert.ok(Math.abs(LAMBERT_93.ys - 12655612.05) < 1e-2);
  });

  it("reproduces IGN's worked example of the inverse projection (note NTG_71, ALG0004)", () => {
    const { lambda, phi } = lambertToGeographic(1029705.083, 272723.849, {
      n: 0.7604059656,
      c: 11603796.98,
      xs: 600000,
      ys: 5657616.674,
      lambdaC: 0.04079234433,
      e: 0.0824832568,
    });
    assert.ok(Math.abs(lambda - 0.145512099) < 1e-9, String(lambda));
    assert.ok(Math.abs(phi - 0.872664626) < 1e-9, String(phi));
  });

  it('agrees with the series version to the micrometre over France (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50_000, max: 1_250_000, noNaN: true }),
        fc.double({ min: 6_000_000, max: 7_150_000, noNaN: true }),
        (x, y) => {
          const exact = lambert93ToWgs84(x, y);
          const series = lambert93ToWgs84BySeries(x, y);
          // 1e-10 degree is about 11 micrometres.
          return Math.abs(exact.lon - series.lon) < 1e-10 && Math.abs(exact.lat - series.lat) < 1e-10;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('maps the projection origin (700 000, 6 600 000) to 3° E, 46.5° N', () => {
    const origin = lambert93ToWgs84(700000, 6600000);
    assert.ok(
      Math.abs(origin.lon - 3) < 1e-12 && Math.abs(origin.lat - 46.5) < 1e-12,
      JSON.stringify(origin),
    );
  });

  it('places known Paris points within 1 m', () => {
    // A reference pair from the proj4php test suite (13th arrondissement).
    const p13 = lambert93ToWgs84(652709.401, 6859290.946);
    assert.ok(metres(p13, { lon: 2.355781, lat: 48.831938 }) < 1, JSON.stringify(p13));
    // Notre-Dame de Paris, 2.3499 E 48.8530 N given to 4 decimals (±6 m).
    const notreDame = lambert93ToWgs84(652297, 6861636);
    assert.ok(metres(notreDame, { lon: 2.3499, lat: 48.853 }) < 7, JSON.stringify(notreDame));
  });

  it('round-trips any point of mainland France to within a millimetre', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5.5, max: 10, noNaN: true }),
        fc.double({ min: 41, max: 51.5, noNaN: true }),
        (lon, lat) => {
          const { x, y } = wgs84ToLambert93({ lon, lat });
          return metres(lambert93ToWgs84(x, y), { lon, lat }) < 0.001;
        },
      ),
    );
  });
});
