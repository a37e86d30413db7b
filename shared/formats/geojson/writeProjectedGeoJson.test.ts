import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQUARE_WITH_HOLE, testObject, testZone } from '../coordinateTable/testZones';
import { writeProjectedGeoJson } from './writeProjectedGeoJson';

const document = {
  settings: { name: '投影', gkZone: 28 },
  objects: [testObject('o1')],
  zones: [testZone('z1', 'o1', SQUARE_WITH_HOLE)],
};

/** GDAL's own transformation of lon/lat points (one "lon lat" per line) into `epsg`, easting first. */
function gdalTransform(points: number[][], epsg: number): number[][] {
  const out = execFileSync('gdaltransform', ['-s_srs', 'EPSG:4490', '-t_srs', `EPSG:${epsg}`, '-output_xy'], {
    input: points.map((p) => `${p[0]} ${p[1]}`).join('\n') + '\n',
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
}

describe('writeProjectedGeoJson', () => {
  it.each([4516, 4537])(
    'GDAL reads EPSG:%i and the coordinates match its own transformation within 1 mm',
    (epsg) => {
      const file = join(mkdtempSync(join(tmpdir(), 'hzw-pgj-')), 'zones.geojson');
      writeFileSync(file, writeProjectedGeoJson(document, { epsg }));
      const srs = execFileSync('gdalsrsinfo', ['-o', 'epsg', file], { encoding: 'utf8' });
      expect(srs).toContain(`EPSG:${epsg}`);
      // GDAL's reading of our coordinates, as CSV with WKT geometry.
      const csv = execFileSync('ogr2ogr', ['-f', 'CSV', '/vsistdout/', file, '-lco', 'GEOMETRY=AS_WKT'], {
        encoding: 'utf8',
      });
      const numbers = [...csv.matchAll(/(\d{6,}\.\d+) (\d{7}\.\d+)/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      const rings = (SQUARE_WITH_HOLE.coordinates as number[][][]).flat();
      expect(numbers).toHaveLength(rings.length);
      const expected = gdalTransform(rings, epsg);
      // The writer orients rings (RFC 7946 order), so compare each written vertex with its nearest expected one.
      for (const [e, n] of numbers) {
        const nearest = Math.min(...expected.map(([e2, n2]) => Math.hypot(e! - e2!, n! - n2!)));
        expect(nearest).toBeLessThan(0.001);
      }
    },
  );

  it('labels the file as non-standard and keeps the workbench properties', () => {
    const json = JSON.parse(new TextDecoder().decode(writeProjectedGeoJson(document, { epsg: 4516 })));
    expect(json.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::4516');
    expect(json.hzw.standard).toBe(false);
    expect(json.hzw.note.en).toMatch(/Non-standard/);
    expect(json.features[0].properties.object_name).toBe('示例遗址');
    expect(() => writeProjectedGeoJson(document, { epsg: 4326 })).toThrow(/not a CGCS2000/);
  });
});
