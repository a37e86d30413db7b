import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZONE_TYPE_LABELS } from '../../domain/taxonomy';
import { ellipsoidalArea } from '../../geometry/area';
import { buildTekesSample } from '../../sample/buildSample';
import { writeGeoJson } from '../geojson/writeGeoJson';
import type { Layer, LayerGeometry } from '../layer';
import { readGeoPackage } from './readGeoPackage';
import { writeGeoPackage } from './writeGeoPackage';
import { resolveLayer } from '../../crs/placeLayer';

/** GDAL (ogrinfo, ogr2ogr) and sqlite3 judge our files; CI installs them with gdal-bin. */
const dir = mkdtempSync(join(tmpdir(), 'hzw-gpkg-'));
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function sampleLayer(): Layer {
  const sample = buildTekesSample();
  const names = new Map(sample.objects.map((o) => [o.id, o.attributes.name]));
  return {
    name: 'zones',
    epsg: 4490,
    fields: [
      { name: 'zone_id', type: 'string' },
      { name: '保护对象', type: 'string' },
      { name: '区划类型', type: 'string' },
      { name: 'sub_zone_no', type: 'integer' },
    ],
    features: sample.zones.map((z) => ({
      geometry: z.geometry as LayerGeometry,
      properties: {
        zone_id: z.id,
        保护对象: names.get(z.objectId) ?? null,
        区划类型: ZONE_TYPE_LABELS[z.attributes.zoneType].zh,
        sub_zone_no: z.attributes.subZoneNo ?? null,
      },
    })),
  };
}

function allPositions(g: LayerGeometry | null): number[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates.flat();
  if (g.type === 'MultiPolygon') return g.coordinates.flat(2);
  return [];
}

describe('GDAL reads our GeoPackage', () => {
  it('with the same features, Chinese attributes, geometry and areas, and no errors', async () => {
    const layer = sampleLayer();
    const path = join(dir, 'ours.gpkg');
    writeFileSync(path, await writeGeoPackage([layer]));

    expect(run('sqlite3', [path, 'PRAGMA integrity_check']).trim()).toBe('ok');
    const summary = run('ogrinfo', ['-ro', '-so', '-al', path]);
    expect(summary).toContain(`Feature Count: ${layer.features.length}`);
    expect(summary).toMatch(/ID\["EPSG",4490\]/);
    // ogrinfo prints problems ("ERROR n:", "Warning n:") on stderr while reading every feature.
    const stderr = execFileSync('sh', ['-c', `ogrinfo -ro -al "${path}" 2>&1 >/dev/null`], {
      encoding: 'utf8',
    });
    expect(stderr).toBe('');

    const geojsonPath = join(dir, 'ours.geojson');
    run('ogr2ogr', ['-f', 'GeoJSON', geojsonPath, path]);
    const back = JSON.parse(readFileSync(geojsonPath, 'utf8')) as {
      features: { properties: Record<string, unknown>; geometry: LayerGeometry }[];
    };
    expect(back.features).toHaveLength(layer.features.length);
    back.features.forEach((f, i) => {
      const source = layer.features[i]!;
      expect(f.properties).toMatchObject(source.properties);
      const a = allPositions(f.geometry);
      const b = allPositions(source.geometry);
      expect(a.length).toBe(b.length);
      a.forEach((p, k) => {
        expect(Math.abs(p[0]! - b[k]![0]!)).toBeLessThanOrEqual(1e-7);
        expect(Math.abs(p[1]! - b[k]![1]!)).toBeLessThanOrEqual(1e-7);
      });
    });

    const areas = run('ogrinfo', [
      '-ro',
      '-q',
      '-dialect',
      'sqlite',
      '-sql',
      'SELECT zone_id, ST_Area(geom, 1) AS a FROM zones',
      path,
    ]);
    const measured = new Map(
      [...areas.matchAll(/zone_id \(String\) = (\S+)\s+a \(Real\) = ([\d.e+-]+)/g)].map((m) => [
        m[1],
        Number(m[2]),
      ]),
    );
    expect(measured.size).toBe(layer.features.length);
    for (const f of layer.features) {
      const ours = ellipsoidalArea(f.geometry as Parameters<typeof ellipsoidalArea>[0]);
      const gdal = measured.get(f.properties.zone_id as string)!;
      expect(Math.abs(gdal - ours) / ours).toBeLessThanOrEqual(1e-4);
    }
  });
});

describe('we read GeoPackages GDAL wrote', () => {
  it('within a millimetre and with the same attributes', async () => {
    const sample = buildTekesSample();
    const source = join(dir, 'sample.geojson');
    writeFileSync(source, writeGeoJson(sample));
    const gpkg = join(dir, 'gdal.gpkg');
    run('ogr2ogr', ['-f', 'GPKG', '-nln', '区划', gpkg, source]);
    const result = await readGeoPackage(new Uint8Array(readFileSync(gpkg)), 'gdal.gpkg');
    expect(result.problems).toEqual([]);
    expect(result.layers).toHaveLength(1);
    const [layer] = result.layers;
    expect(layer!.name).toBe('区划');
    expect(resolveLayer(layer!).layer.epsg).toBe(4326);
    const original = JSON.parse(new TextDecoder().decode(writeGeoJson(sample))) as {
      features: { properties: Record<string, unknown>; geometry: LayerGeometry }[];
    };
    expect(layer!.features).toHaveLength(original.features.length);
    layer!.features.forEach((f, i) => {
      const o = original.features[i]!;
      expect(f.properties.object_name).toBe(o.properties.object_name);
      expect(f.properties.zone_type_label).toBe(o.properties.zone_type_label);
      expect(f.properties.area_m2).toBe(o.properties.area_m2);
      expect(f.properties.same_as_range).toBe(o.properties.same_as_range);
      const a = allPositions(f.geometry);
      const b = allPositions(o.geometry);
      expect(a.length).toBe(b.length);
      // 1e-8° is about a millimetre.
      a.forEach((p, k) => expect(Math.hypot(p[0]! - b[k]![0]!, p[1]! - b[k]![1]!)).toBeLessThan(1e-8));
    });
  });
});

describe('GDAL understands the CRS of a projected layer', () => {
  it('as CGCS2000 3° Gauss-Krüger zone 28 (EPSG:4516)', async () => {
    const layer: Layer = {
      name: 'gk',
      epsg: 4516,
      fields: [],
      features: [{ geometry: { type: 'Point', coordinates: [28_500_000, 4_780_000] }, properties: {} }],
    };
    const path = join(dir, 'gk.gpkg');
    writeFileSync(path, await writeGeoPackage([layer]));
    const info = run('ogrinfo', ['-ro', '-so', path, 'gk']);
    expect(info).toMatch(/CGCS2000 \/ 3-degree Gauss-Kruger zone 28/);
    expect(info).toMatch(/PARAMETER\["False easting",28500000/);
    const back = await readGeoPackage(new Uint8Array(readFileSync(path)), 'gk.gpkg');
    expect(resolveLayer(back.layers[0]!).layer.epsg).toBe(4516);
  });
});
