import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlapAnalysis } from './overlaps';
import { packReferenceLayer } from './overlapsReferenceLayer';
import { GK_ZONE, overlapFixture, overlapFixtureGeoJson } from './fixtures/overlapFixture';

const meta = {
  id: 'ref',
  projectId: 'p',
  name: 'farmland',
  kind: 'permanent_basic_farmland' as const,
  sourceFile: 'farmland.geojson',
  gkZone: GK_ZONE,
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** GDAL's planar ST_Area(ST_Intersection(zone, feature)) over GeoJSON inputs in GK metres. */
function gdalAreas(fixture: ReturnType<typeof overlapFixture>): Map<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'hzw-overlap-'));
  const geojson = overlapFixtureGeoJson(fixture);
  writeFileSync(join(dir, 'zones.geojson'), geojson.zones);
  writeFileSync(join(dir, 'ref.geojson'), geojson.reference);
  const layer = (name: string) =>
    `<OGRVRTLayer name="${name}"><SrcDataSource>${join(dir, `${name}.geojson`)}</SrcDataSource><SrcLayer>${name}</SrcLayer></OGRVRTLayer>`;
  writeFileSync(
    join(dir, 'both.vrt'),
    `<OGRVRTDataSource>${layer('zones')}${layer('ref')}</OGRVRTDataSource>`,
  );
  const sql =
    'SELECT a.zid AS zid, b.fi AS fi, ST_Area(ST_Intersection(a.geometry, b.geometry)) AS ar FROM zones a, ref b WHERE ST_Intersects(a.geometry, b.geometry)';
  const out = execFileSync(
    'ogr2ogr',
    ['-f', 'CSV', '/vsistdout/', join(dir, 'both.vrt'), '-dialect', 'sqlite', '-sql', sql],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const areas = new Map<string, number>();
  for (const line of out.trim().split('\n').slice(1)) {
    const [zid, fi, ar] = line.replace(/"/g, '').split(',');
    if (Number(ar) > 0.01) areas.set(`${zid}|${fi}`, Number(ar));
  }
  return areas;
}

describe('overlap analysis against a reference layer', () => {
  it('matches GDAL ST_Area(ST_Intersection) within 0.1 % per zone–feature pair', () => {
    const fixture = overlapFixture(60, 30, 30);
    const { layer } = packReferenceLayer(fixture.layer, meta);
    const result = overlapAnalysis(fixture.zones, layer, { gkZone: GK_ZONE });
    const ours = new Map(result.pairs.map((p) => [`${p.zoneId}|${p.feature}`, p.areaM2]));
    const gdal = gdalAreas(fixture);
    expect(gdal.size).toBeGreaterThan(100);
    expect([...ours.keys()].sort()).toEqual([...gdal.keys()].sort());
    let worst = 0;
    for (const [key, expected] of gdal)
      worst = Math.max(worst, Math.abs(ours.get(key)! - expected) / expected);
    expect(worst).toBeLessThan(0.001);
    // The zone inside the big polygon's shell (not its hole) overlaps it by its whole area.
    const inside = result.zones.find((z) => z.zoneId === 'inside-big')!;
    expect(inside.share).toBeCloseTo(1, 6);
    expect(result.features).toContain(fixture.referenceGk.length - 1);
  }, 60_000);

  it('reports nothing for zones away from the layer', () => {
    const fixture = overlapFixture(0, 5, 5);
    const { layer } = packReferenceLayer(fixture.layer, meta);
    const far = fixture.zones.map((z) => ({
      ...z,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [80, 40],
            [80.001, 40],
            [80.001, 40.001],
            [80, 40],
          ],
        ] as [number, number][][],
      },
    }));
    expect(overlapAnalysis(far, layer, { gkZone: GK_ZONE }).pairs).toEqual([]);
  });
});
