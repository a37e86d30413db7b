import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Synthetic but realistic-sized inputs for the benchmarks: polygons on a grid around Wusu (zone 28),
 * each an irregular ring of `vertices` points, with Chinese attribute text. Seeded, so every run
 * measures the same bytes.
 */
export interface SyntheticOptions {
  count: number;
  /** Vertices per ring, or [min, max]: each ring gets a seeded count in that range. */
  vertices: number | [number, number];
  /** Zones per protected object (consecutive zones share one); default one object per zone. */
  zonesPerObject?: number;
  /** Cell size in degrees; polygons fill about 70 % of their cell. */
  cell: number;
  seed?: number;
  origin?: [number, number];
  /** DBF-sized property names (the generic field profile) instead of the GeoJSON ones. */
  shortNames?: boolean;
  /** The first `count` rings get `vertices` points each (a few surveyed boundaries among simple ones). */
  large?: { count: number; vertices: number };
}

/** Where polygon `i` is centred (lon, lat), so a bench can find it on the map. */
export function syntheticCentre(options: SyntheticOptions, i: number): [number, number] {
  const [lon0, lat0] = options.origin ?? [84.5, 44.3];
  const side = Math.ceil(Math.sqrt(options.count));
  return [
    lon0 + (i % side) * options.cell + options.cell / 2,
    lat0 + Math.floor(i / side) * options.cell + options.cell / 2,
  ];
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NAMES = ['乌苏古城墙', '巴音沟承化寺', '夏尔苏满喇嘛庙遗址', '克孜加尔村', '安集海村', '赛力克提村'];
const SHORT: Record<string, string> = {
  object_name: 'OBJ_NAME',
  zone_type: 'ZONE_TYPE',
  boundary_text: 'BNDRY_TEXT',
  height_limit_m: 'HEIGHT_M',
};
const TYPES = ['protection_range', 'construction_control_zone', 'environment_coordination_zone', 'body'];

export function syntheticPolygons(options: SyntheticOptions): object {
  const rnd = random(options.seed ?? 42);
  const [lon0, lat0] = options.origin ?? [84.5, 44.3];
  const side = Math.ceil(Math.sqrt(options.count));
  const features = [];
  for (let i = 0; i < options.count; i++) {
    const cx = lon0 + (i % side) * options.cell + options.cell / 2;
    const cy = lat0 + Math.floor(i / side) * options.cell + options.cell / 2;
    const object = Math.floor(i / (options.zonesPerObject ?? 1));
    const ring: number[][] = [];
    const [min, max] =
      typeof options.vertices === 'number' ? [options.vertices, options.vertices] : options.vertices;
    const drawn = min === max ? min : min + Math.floor(rnd() * (max - min + 1));
    const vertices = options.large && i < options.large.count ? options.large.vertices : drawn;
    for (let k = 0; k < vertices; k++) {
      // Counter-clockwise (RFC 7946) star-free ring: radius varies, angle increases monotonically.
      const a = (2 * Math.PI * k) / vertices;
      const r = options.cell * (0.25 + 0.1 * rnd());
      ring.push([+(cx + r * Math.cos(a)).toFixed(7), +(cy + r * Math.sin(a) * 0.72).toFixed(7)]);
    }
    ring.push(ring[0]!);
    features.push({
      type: 'Feature',
      properties: Object.fromEntries(
        Object.entries({
          object_name: `${NAMES[object % NAMES.length]}${object}`,
          zone_type: TYPES[i % TYPES.length],
          boundary_text: `东至道路，南至农田，西至水渠，北至山脚（第${i}号）`,
          height_limit_m: 9 + (i % 4) * 3,
        }).map(([k, v]) => [options.shortNames ? SHORT[k]! : k, v]),
      ),
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Write the polygons as GeoJSON in a new temp folder; returns the folder and the file path. */
export function writeSyntheticGeoJson(
  name: string,
  options: SyntheticOptions,
): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), `hzw-bench-${name}-`));
  const path = join(dir, `${name}.geojson`);
  writeFileSync(path, JSON.stringify(syntheticPolygons(options)));
  return { dir, path };
}

/** The same polygons as a shapefile written by GDAL (so the input is what other tools produce). */
export function writeSyntheticShapefile(
  name: string,
  options: SyntheticOptions,
  gdalOptions: string[] = ['-lco', 'ENCODING=CP936'],
): { dir: string; shp: string; geojson: string } {
  const { dir, path } = writeSyntheticGeoJson(name, options);
  const shp = join(dir, `${name}.shp`);
  execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', ...gdalOptions, shp, path]);
  return { dir, shp, geojson: path };
}

/** Wall time of a command, in ms. */
export function timeCommand(command: string, args: string[]): number {
  const t0 = performance.now();
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  return performance.now() - t0;
}

/** Wall time of a command (ms) and its peak resident memory (KiB), from GNU time. */
export function measureCommand(command: string, args: string[]): { ms: number; peakKiB: number } {
  const t0 = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const peakKiB = Number(result.stderr.trim().split('\n').at(-1));
  return { ms, peakKiB };
}
