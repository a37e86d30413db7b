import type { Position, Ring, ZoneGeometry } from '../domain/geometry';
import { ObjectAttributesSchema, ZoneAttributesSchema, type ZoneAttributesInput } from '../domain/schema';
import type { DocumentObject, DocumentZone } from '../formats/projectDocument';
import type { CompareState } from './compare';

/**
 * The compare fixture of issue 13 (test helper): three zones of three objects near Wusu (GK zone
 * 28). From A to B zone 1 (a protection range) is extended north by a 10 m strip, zone 2 (a
 * construction-control zone) is deleted, zone 3's management rules change. The zones are lat/lon
 * quadrangles whose parallels are densified every 5 m, so their areas have a closed form on GRS80,
 * computed here without the app's area code.
 */

const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const B2 = (A * (1 - F)) ** 2;
const RAD = Math.PI / 180;

const q = (phi: number) => {
  const s = Math.sin(phi);
  return s / (1 - E2 * s * s) + (1 / (2 * E)) * Math.log((1 + E * s) / (1 - E * s));
};

/** Area between two parallels and two meridians on GRS80, m²: (b²·Δλ/2)·[Q(φb) − Q(φa)]. */
export function quadrangleArea(lat1: number, lat2: number, lon1: number, lon2: number): number {
  return ((B2 * (lon2 - lon1) * RAD) / 2) * (q(lat2 * RAD) - q(lat1 * RAD));
}

/** Meridian radius of curvature M(φ), m. */
function meridianRadius(latDeg: number): number {
  const s = Math.sin(latDeg * RAD);
  return (A * (1 - E2)) / (1 - E2 * s * s) ** 1.5;
}

/** Points along a parallel from lon1 to lon2, at most `stepM` metres apart. */
function parallel(lat: number, lon1: number, lon2: number, stepM = 5): Position[] {
  const s = Math.sin(lat * RAD);
  const n = A / Math.sqrt(1 - E2 * s * s);
  const length = Math.abs(lon2 - lon1) * RAD * n * Math.cos(lat * RAD);
  const count = Math.max(1, Math.ceil(length / stepM));
  return Array.from({ length: count + 1 }, (_, i) => [lon1 + ((lon2 - lon1) * i) / count, lat] as Position);
}

/**
 * A counter-clockwise quadrangle; `extraLats` are latitudes kept as vertices on both meridian
 * edges (the old corners of an extended zone, so A's edge is exactly a part of B's).
 */
export function quadrangle(lat1: number, lat2: number, lon1: number, lon2: number, extraLats: number[] = []) {
  const east = [lat1, ...extraLats, lat2].map((lat): Position => [lon2, lat]);
  const west = [lat2, ...[...extraLats].reverse(), lat1].map((lat): Position => [lon1, lat]);
  const ring: Ring = [
    ...parallel(lat1, lon1, lon2).slice(0, -1),
    ...east.slice(0, -1),
    ...parallel(lat2, lon2, lon1).slice(0, -1),
    ...west.slice(0, -1),
  ];
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] } as ZoneGeometry;
}

const T = '2026-12-01T00:00:00.000Z';

export function fixtureObject(id: string, name: string): DocumentObject {
  const attributes = ObjectAttributesSchema.parse({ name, objectType: 'relic_unit', xzqdm: '654202' });
  return { id, attributes, createdAt: T, updatedAt: T };
}

export function fixtureZone(
  id: string,
  objectId: string,
  geometry: ZoneGeometry,
  attributes: ZoneAttributesInput,
): DocumentZone {
  return {
    id,
    objectId,
    attributes: ZoneAttributesSchema.parse(attributes),
    geometry,
    createdAt: T,
    updatedAt: T,
  };
}

export const FIXTURE_GK_ZONE = 28;
const LON1 = 84.6;
const LON2 = 84.61;
const LAT1 = 44.4;
/** Zone 1's north edge in A. */
const LAT2 = 44.405;
/** Zone 1's north edge in B: 10 m further north along the meridian. */
const LAT2_B = LAT2 + 10 / meridianRadius(LAT2) / RAD;

/** The expected 调入 (the strip) and 调出 (zone 2), m², from the closed form. */
export const EXPECTED = {
  gainedM2: quadrangleArea(LAT2, LAT2_B, LON1, LON2),
  lostM2: quadrangleArea(44.41, 44.412, 84.62, 84.623),
};

export function compareFixture(): { a: CompareState; b: CompareState } {
  const objects = [
    fixtureObject('o1', '乌苏文庙'),
    fixtureObject('o2', '古城遗址'),
    fixtureObject('o3', '烽火台'),
  ];
  const zone2 = fixtureZone('z2', 'o2', quadrangle(44.41, 44.412, 84.62, 84.623), {
    zoneType: 'construction_control_zone',
  });
  const zone3 = (rules: string) =>
    fixtureZone('z3', 'o3', quadrangle(44.42, 44.421, 84.6, 84.602), { zoneType: 'protection_range', rules });
  const range = { zoneType: 'protection_range', bsm: '654202000000000017' } as const;
  const a = {
    objects,
    zones: [fixtureZone('z1', 'o1', quadrangle(LAT1, LAT2, LON1, LON2), range), zone2, zone3('禁止建设')],
  };
  const b = {
    objects,
    zones: [
      fixtureZone('z1', 'o1', quadrangle(LAT1, LAT2_B, LON1, LON2, [LAT2]), range),
      zone3('禁止新建、扩建'),
    ],
  };
  return { a, b };
}
