import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerToImport } from '../mapping/layerToImport';
import { readShapefile } from './readShapefile';
import { gdalRead, loadSet, maxDifference } from './testData.test';

/**
 * Real shapefiles from GDAL's autotest suite (fixtures/gdal, see SOURCES.md): the odd files GDAL
 * reads must read here too, feature for feature, or be refused record by record with a reason.
 */
const DIR = join(__dirname, 'fixtures', 'gdal');
const read = (base: string) => readShapefile(loadSet(DIR, base), {});
const gdal = (base: string) => gdalRead(join(DIR, `${base}.shp`));

describe('shapefiles GDAL reads', () => {
  it.each([
    'nonconformant_shx_ticket5608', // .shx lengths count the 8-byte record header too
    'mixed_shape_type_non_conformant', // points, lines and polygons in one file
    'testpointzm',
    'arcm_with_m',
    'polygonm_with_m',
    'emptymultipoint', // no points: no geometry
    'emptymultiline', // no parts: no geometry
    'emptymultipoly',
  ])('%s: the same features, attributes and (2D) geometry as GDAL', (base) => {
    const result = read(base);
    expect(result.problems).toEqual([]);
    const reference = gdal(base);
    const ours = result.layers[0]!.features;
    expect(ours).toHaveLength(reference.length);
    expect(ours.length).toBeGreaterThan(0);
    ours.forEach((f, i) => {
      const expected = reference[i]!;
      if (Object.keys(expected.properties).length) expect(f.properties).toEqual(expected.properties);
      if (!expected.geometry) expect(f.geometry).toBeNull();
      else expect(maxDifference(f.geometry, flat(expected.geometry))).toBeLessThan(1e-9);
    });
  });

  it('pointnan: a point of NaN reads without geometry and is named in a warning, never as NaN', () => {
    const result = read('pointnan');
    const features = result.layers[0]!.features;
    expect(features.map((f) => f.geometry?.type ?? null)).toEqual(
      gdal('pointnan').map((f) => f.geometry?.type ?? null),
    );
    expect(features[1]!.geometry).toBeNull();
    expect(features[1]!.properties).toEqual(gdal('pointnan')[1]!.properties);
    expect(result.info.warnings.map((w) => w.en)).toContain(
      'pointnan.shp record 2: the point is empty (NaN coordinates); read without geometry',
    );
    for (const f of features)
      if (f.geometry) expect(JSON.stringify(f.geometry.coordinates)).not.toMatch(/null/);
  });

  it.each([
    ['gdal', 'multipatch'], // triangle strips, fans, outer and inner rings
    ['fiona', 'test_tin'], // a TIN
  ])(
    '%s/%s: a MultiPatch reads as the polygons GDAL makes of it (ogr2ogr -nlt MULTIPOLYGON)',
    (folder, base) => {
      const path = join(__dirname, 'fixtures', folder);
      const result = readShapefile(loadSet(path, base), {});
      expect(result.problems).toEqual([]);
      const reference = gdalRead(join(path, `${base}.shp`), {}, ['-nlt', 'MULTIPOLYGON']);
      const ours = result.layers[0]!.features;
      expect(ours).toHaveLength(reference.length);
      ours.forEach((f, i) => {
        expect(f.geometry?.type).toBe('MultiPolygon');
        expect(f.geometry).toEqual(flat(reference[i]!.geometry));
      });
    },
  );

  it.each([
    ['buggymultipoint', 'point count 3 does not fit the record length'],
    ['buggymultiline', '3 parts and 5 points do not fit the record length'],
    ['buggymultipoly', '1 parts and 16 points do not fit the record length'],
    ['buggymultipoly2', 'part 1 has an invalid start index'],
  ])('%s: the corrupt record GDAL cannot read either is refused with “%s”', (base, reason) => {
    const result = read(base);
    expect(result.layers[0]!.features).toEqual([]);
    expect(result.problems.map((p) => p.reason.en)).toEqual([`${base}.shp record 1: ${reason}`]);
    expect(gdal(base)[0]!.geometry).toBeNull(); // GDAL: "Corrupted .shp file", no geometry
  });

  it('buggypoint: a .shx length that disagrees with a complete .shp record is outvoted by the .shp', () => {
    const result = read('buggypoint');
    expect(result.problems).toEqual([]);
    expect(result.layers[0]!.features[0]!.geometry).toEqual({
      type: 'Point',
      coordinates: [500000, 4000000],
    });
  });

  it('water_main_dist: a date field holding MM/DD/YYYY reads as the date GDAL reads, every value as GDAL', () => {
    const ours = readShapefile(loadSet(DIR, 'water_main_dist'), {}).layers[0]!.features;
    const reference = gdalRead(join(DIR, 'water_main_dist.dbf'));
    expect(ours.map((f) => f.properties)).toEqual(reference.map((f) => f.properties));
    expect(ours[0]!.properties.installe_1).toBe('1989-04-25');
  });

  it('a date field holding text that is no date keeps the text', () => {
    const set = loadSet(DIR, 'water_main_dist');
    const bytes = set[0]!.bytes.slice();
    const at = Buffer.from(bytes).indexOf('04/25/1989');
    bytes.set(new TextEncoder().encode('13/25/1989'), at);
    const ours = readShapefile([{ name: 'water_main_dist.dbf', bytes }], {}).layers[0]!.features;
    expect(ours[0]!.properties.installe_1).toBe('13/25/1989');
  });

  it('a .dbf alone (as GDAL opens it) is an attribute table, which the import names and skips', () => {
    const result = readShapefile(loadSet(DIR, 'chinese'), {});
    const layer = result.layers[0]!;
    expect(layer).toMatchObject({ name: 'chinese', epsg: null, attributeTable: true });
    expect(layer.features).toEqual([{ geometry: null, properties: { 中国: '中国' } }]);
    const imported = layerToImport([{ layer, problems: [] }], 'chinese.dbf');
    expect(imported.document.zones).toEqual([]);
    expect(imported.warnings[0]!.map((w) => w.en)).toEqual([
      'Layer chinese is an attribute table (1 rows), not zones; not imported',
    ]);
  });
});

/** GDAL's geometry with Z/M dropped, as our reader keeps it. */
function flat<T>(geometry: T): T {
  const strip = (v: unknown): unknown =>
    Array.isArray(v) && typeof v[0] === 'number' ? v.slice(0, 2) : Array.isArray(v) ? v.map(strip) : v;
  const g = geometry as { type: string; coordinates: unknown };
  return { ...g, coordinates: strip(g.coordinates) } as T;
}
