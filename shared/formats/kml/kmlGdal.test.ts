import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Coordinates, LayerGeometry } from '../layer';
import { writeZip } from '../zip/zip';
import { readKml, writeKml } from './kmlAdapter';
import { wusuLayer } from './fixtures/wusuLayer';

/** Interoperability with GDAL's KML/LIBKML drivers, both directions. */
const dir = mkdtempSync(join(tmpdir(), 'hzw-kml-'));
const gdal = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

interface GeoJsonFeature {
  properties: Record<string, unknown>;
  geometry: LayerGeometry;
}

function gdalFeatures(source: string): GeoJsonFeature[] {
  const layers = gdal('ogrinfo', '-q', '-ro', source)
    .split('\n')
    .map((l) => /^\d+: (.+?)(?: \([^)]*\))?$/.exec(l.trim())?.[1])
    .filter((n): n is string => !!n);
  return layers.flatMap((name, i) => {
    const out = join(dir, `gdal-${Date.now()}-${i}.geojson`);
    gdal('ogr2ogr', '-f', 'GeoJSON', out, source, name);
    return (JSON.parse(readFileSync(out, 'utf8')) as { features: GeoJsonFeature[] }).features;
  });
}

const positions = (g: LayerGeometry | null): Coordinates[] => {
  if (!g) return [];
  const c = g.coordinates as unknown;
  const flat: Coordinates[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v) && typeof v[0] === 'number') flat.push(v as Coordinates);
    else if (Array.isArray(v)) v.forEach(walk);
  };
  walk(c);
  return flat;
};

function largestGap(a: LayerGeometry | null, b: LayerGeometry | null): number {
  const pa = positions(a);
  const pb = positions(b);
  expect(pa.length).toBe(pb.length);
  return Math.max(...pa.map((p, i) => Math.max(Math.abs(p[0]! - pb[i]![0]!), Math.abs(p[1]! - pb[i]![1]!))));
}

describe('GDAL reads our KML and KMZ', () => {
  const [kml] = writeKml([wusuLayer], { baseName: 'ours' });
  const [kmz] = writeKml([wusuLayer], { baseName: 'ours', kmz: true });
  writeFileSync(join(dir, 'ours.kml'), kml!.bytes);
  writeFileSync(join(dir, 'ours.kmz'), kmz!.bytes);

  it.each([
    ['KML', join(dir, 'ours.kml')],
    ['KMZ through /vsizip/', `/vsizip/${join(dir, 'ours.kmz')}/doc.kml`],
  ])('%s: same count, Chinese attributes, geometry within 1e-7°', (_, source) => {
    const features = gdalFeatures(source);
    expect(features).toHaveLength(wusuLayer.features.length);
    // Our own reading of the same file (ring orientation normalised, otherwise equal to the input).
    const ours = readKml([kml!]).layers[0]!.features;
    for (const original of wusuLayer.features) {
      const match = features.find((f) => f.properties.Name === original.properties.name)!;
      expect(match).toBeDefined();
      expect(match.properties).toMatchObject({
        zone_type: original.properties.zone_type,
        object_name: original.properties.object_name,
      });
      if (original.properties.sub_zone_no !== null)
        expect(match.properties.sub_zone_no).toBe(original.properties.sub_zone_no);
      expect(match.geometry.type).toBe(original.geometry!.type);
      const mine = ours.find((f) => f.properties.name === original.properties.name)!;
      expect(largestGap(match.geometry, mine.geometry)).toBeLessThanOrEqual(1e-7);
    }
  });
});

describe('we read GDAL-written KML and KMZ', () => {
  const source = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { Name: '惠远古城', 级别: '全国重点文物保护单位', 编号: 7, 面积: 1234.5 },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [81.2, 43.9],
              [81.21, 43.9],
              [81.21, 43.91],
              [81.2, 43.91],
              [81.2, 43.9],
            ],
            [
              [81.202, 43.902],
              [81.202, 43.904],
              [81.204, 43.904],
              [81.202, 43.902],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { Name: '特克斯八卦城', 级别: '自治区级', 编号: 8, 面积: 99.25 },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [81.83, 43.21],
                [81.84123456789, 43.21],
                [81.84, 43.22],
                [81.83, 43.21],
              ],
            ],
            [
              [
                [81.85, 43.21],
                [81.86, 43.21],
                [81.86, 43.22],
                [81.85, 43.21],
              ],
            ],
          ],
        },
      },
    ],
  };
  const geojson = join(dir, 'source.geojson');
  writeFileSync(geojson, JSON.stringify(source));
  const kmlPath = join(dir, 'gdal.kml');
  gdal('ogr2ogr', '-f', 'KML', kmlPath, geojson);
  const kmlBytes = new Uint8Array(readFileSync(kmlPath));

  it.each([
    ['gdal.kml', kmlBytes],
    ['gdal.kmz', writeZip([{ name: 'doc.kml', bytes: kmlBytes }])],
  ])('%s: same attributes, geometry within 1 mm', (name, bytes) => {
    const { layers, problems } = readKml([{ name, bytes }]);
    expect(problems).toEqual([]);
    const features = layers[0]!.features;
    expect(features).toHaveLength(2);
    source.features.forEach((original, i) => {
      const f = features[i]!;
      expect(f.properties).toMatchObject({
        name: original.properties.Name,
        级别: original.properties.级别,
        编号: original.properties.编号,
        面积: original.properties.面积,
      });
      // 1 mm is about 9e-9° of latitude
      expect(largestGap(f.geometry, original.geometry as LayerGeometry)).toBeLessThan(9e-9);
    });
  });
});
