import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayerGeometry, NamedBytes } from '../layer';
import { signedArea2, type PlanarRing } from '../../geometry/rings';
import { partsOf } from '../../crs/placeLayer';

/**
 * Shared helpers of the Shapefile tests (GDAL as the independent reader and writer), kept in a
 * test file because only tests may use node:*. The one test here checks the tools exist.
 */
export function ogr2ogr(args: string[], env: Record<string, string> = {}): string {
  return execFileSync('ogr2ogr', args, {
    encoding: 'utf8',
    maxBuffer: 1 << 29,
    env: { ...process.env, ...env },
  });
}

export interface GdalFeature {
  properties: Record<string, unknown>;
  geometry: LayerGeometry | null;
}

/** GDAL's reading of a shapefile, as GeoJSON features in the file's CRS (15 significant digits). */
export function gdalRead(shp: string, env: Record<string, string> = {}, args: string[] = []): GdalFeature[] {
  const out = ogr2ogr(['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=10', ...args, '/vsistdout/', shp], env);
  return (JSON.parse(out) as { features: GdalFeature[] }).features;
}

/** iconv's reading (GDAL recodes with iconv) of each byte 0x80–0xFF; '' where iconv has none. */
export function iconvUpperHalf(name: string): string[] {
  const input = Buffer.alloc(256);
  for (let b = 0; b < 128; b++) {
    input[2 * b] = 0x80 + b;
    input[2 * b + 1] = 0x0a; // a line break after each byte keeps positions when -c drops one
  }
  return execFileSync('iconv', ['-c', '-f', name, '-t', 'UTF-8'], { input }).toString('utf8').split('\n');
}

/** The files of one set in a folder: `<base>.*`. */
export function loadSet(dir: string, base: string): NamedBytes[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${base}.`))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

/** Largest coordinate difference between two geometries, ring direction ignored; Infinity if shapes differ. */
export function maxDifference(a: LayerGeometry | null, b: LayerGeometry | null): number {
  if (a?.type !== b?.type) return Infinity;
  const ra = partsOf(a);
  const rb = partsOf(b);
  if (ra.length !== rb.length) return Infinity;
  let max = 0;
  for (let i = 0; i < ra.length; i++) {
    let x = ra[i]!;
    const y = rb[i]!;
    if (x.length !== y.length) return Infinity;
    const ccw = (r: number[][]) => signedArea2(r as unknown as PlanarRing) > 0;
    if (x.length > 3 && ccw(x) !== ccw(y)) x = x.slice().reverse();
    for (let k = 0; k < x.length; k++) {
      max = Math.max(max, Math.abs(x[k]![0]! - y[k]![0]!), Math.abs(x[k]![1]! - y[k]![1]!));
    }
  }
  return max;
}

/** Planar area of a polygon geometry (holes subtracted). */
export function planarArea(g: LayerGeometry | null): number {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return 0;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let sum = 0;
  for (const p of polygons) {
    p.forEach((r, i) => {
      const a = Math.abs(signedArea2(r as unknown as PlanarRing)) / 2;
      sum += i === 0 ? a : -a;
    });
  }
  return sum;
}

const SQUARE = (x: number, y: number, s: number, ccw = true): number[][] => {
  const r = [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ];
  return ccw ? r : r.reverse();
};

export const NAMES = ['乌苏古城遗址', '博物馆·西区', '文物保护单位（省级）', 'Tekes 特克斯', '白杨沟佛寺'];

/** Lon/lat features around Wusu: squares, a polygon with two holes, a two-part multipolygon. */
export function sampleCollection(count = 12): { type: 'FeatureCollection'; features: unknown[] } {
  const features = [];
  for (let i = 0; i < count; i++) {
    const x = 84.6 + (i % 4) * 0.01;
    const y = 44.4 + Math.floor(i / 4) * 0.01;
    let geometry: unknown = { type: 'Polygon', coordinates: [SQUARE(x, y, 0.008)] };
    if (i % 3 === 1) {
      geometry = {
        type: 'Polygon',
        coordinates: [
          SQUARE(x, y, 0.008),
          SQUARE(x + 0.001, y + 0.001, 0.002, false),
          SQUARE(x + 0.005, y + 0.005, 0.002, false),
        ],
      };
    } else if (i % 3 === 2) {
      geometry = {
        type: 'MultiPolygon',
        coordinates: [
          [SQUARE(x, y, 0.003), SQUARE(x + 0.001, y + 0.001, 0.001, false)],
          [SQUARE(x + 0.004, y + 0.004, 0.003)],
        ],
      };
    }
    features.push({
      type: 'Feature',
      properties: {
        名称: `${NAMES[i % NAMES.length]}${i}`,
        BSM: `654202000000${String(i).padStart(6, '0')}`,
        MJ: 1234.5 + i * 0.25,
        NUM: i * 7 - 20,
        PDATE: `2024-0${(i % 9) + 1}-1${i % 10}`,
      },
      geometry,
    });
  }
  return { type: 'FeatureCollection', features };
}

describe('test tools', () => {
  it('GDAL has the ESRI Shapefile and GeoJSON drivers', () => {
    const drivers = execFileSync('ogrinfo', ['--formats'], { encoding: 'utf8' });
    expect(drivers).toMatch(/ESRI Shapefile/);
    expect(drivers).toMatch(/GeoJSON/);
  });
});
