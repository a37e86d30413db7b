import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { overlapAnalysis } from '../shared/analysis/overlaps';
import { packReferenceLayer } from '../shared/analysis/overlapsReferenceLayer';
import { overlapFixture, random, star } from '../shared/analysis/fixtures/overlapFixture';
import { FixtureBuilder } from '../shared/checks/fixtures/checkFixture';
import { runChecks } from '../shared/checks/runChecks';
import { fromGaussKruger } from '../shared/crs/gaussKruger';
import { deriveZones } from '../shared/derive/deriveZones';
import type { DeriveRequest } from '../shared/derive/types';
import { fmt, machine, median } from './report';
import { writeSection } from './report';

/**
 * Heritage tools at county scale, each beside GDAL doing the same work in the same run
 * (ogr2ogr / ogrinfo with the SQLite dialect and SpatiaLite functions, in the same projection).
 */
const RUNS = 5;
const GK = 28;

function time<T>(work: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = work();
  return { ms: performance.now() - t0, value };
}

function gdal(args: string[]): { ms: number; out: string } {
  const t0 = performance.now();
  const out = execFileSync(args[0]!, args.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ms: performance.now() - t0, out };
}

const featureCollection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

test('heritage: derive, check and overlap at county scale', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hzw-bench-heritage-'));
  const rand = random(11);

  // 1. 1 000 irregular protection ranges → 30 m construction-control zones (round corners).
  const rangesGk = Array.from({ length: 1000 }, (_, i) =>
    star(rand, 450_000 + (i % 40) * 600, 4_900_000 + Math.floor(i / 40) * 600, 80 + rand() * 40, 16),
  );
  const requests: DeriveRequest[] = rangesGk.map((ring, i) => ({
    source: {
      kind: 'zone',
      zoneId: `r${i}`,
      geometry: {
        type: 'Polygon',
        coordinates: [ring.map((p) => fromGaussKruger(p, GK, { prefixed: false }))],
      },
    },
    spec: { method: 'buffer', distanceM: 30, corner: 'round' },
  }));
  writeFileSync(
    join(dir, 'ranges.geojson'),
    featureCollection(
      rangesGk.map((ring, i) => ({
        type: 'Feature',
        properties: { i },
        geometry: { type: 'Polygon', coordinates: [ring] },
      })),
    ),
  );
  deriveZones(requests, { gkZone: GK }); // warm-up, as a running app is
  const derive = Array.from({ length: RUNS }, () => time(() => deriveZones(requests, { gkZone: GK })).ms);
  const gdalBuffer = Array.from(
    { length: RUNS },
    () =>
      gdal([
        'ogr2ogr',
        '-f',
        'GeoJSON',
        join(dir, `buffered-${Math.random()}.geojson`),
        join(dir, 'ranges.geojson'),
        '-dialect',
        'sqlite',
        '-sql',
        'SELECT ST_Buffer(geometry, 30) AS geometry FROM ranges',
      ]).ms,
  );

  // 2. Full check of 10 000 zones (3 334 relic units: body, range, CCZ).
  const builder = new FixtureBuilder();
  for (let i = 0; i < 3334; i++) builder.relic(`r${i}`, i);
  const document = builder.document();
  document.zones = document.zones.slice(0, 10_000);
  runChecks(document);
  const checks = Array.from({ length: RUNS }, () => time(() => runChecks(document)));
  const findings = checks[0]!.value.findings.length;
  writeFileSync(
    join(dir, 'zones.geojson'),
    featureCollection(
      document.zones.map((z) => ({ type: 'Feature', properties: { id: z.id }, geometry: z.geometry })),
    ),
  );
  const gdalValid = Array.from(
    { length: RUNS },
    () =>
      gdal([
        'ogrinfo',
        '-q',
        join(dir, 'zones.geojson'),
        '-dialect',
        'sqlite',
        '-sql',
        'SELECT count(*) FROM zones WHERE NOT ST_IsValid(geometry)',
      ]).ms,
  );

  // 3. Overlap of 1 000 zones with a 100 000-polygon reference layer (planar GK areas).
  const fixture = overlapFixture(1000, 317, 316);
  const packed = packReferenceLayer(fixture.layer, {
    id: 'farmland',
    projectId: 'bench',
    name: '永久基本农田',
    kind: 'permanent_basic_farmland',
    sourceFile: 'synthetic',
    gkZone: GK,
    createdAt: new Date().toISOString(),
  }).layer;
  overlapAnalysis(fixture.zones, packed, { gkZone: GK });
  const overlaps = Array.from({ length: RUNS }, () =>
    time(() => overlapAnalysis(fixture.zones, packed, { gkZone: GK })),
  );
  writeFileSync(
    join(dir, 'zk.geojson'),
    featureCollection(
      fixture.zonesGk.map((z) => ({
        type: 'Feature',
        properties: { zid: z.id },
        geometry: { type: 'Polygon', coordinates: z.rings },
      })),
    ),
  );
  writeFileSync(
    join(dir, 'ref.geojson'),
    featureCollection(
      fixture.referenceGk.map((rings, i) => ({
        type: 'Feature',
        properties: { fi: i },
        geometry: { type: 'Polygon', coordinates: rings },
      })),
    ),
  );
  // GDAL with a spatial index: both layers in one GeoPackage (R-tree built by the driver, not timed).
  const gpkg = join(dir, 'overlap.gpkg');
  execFileSync('ogr2ogr', ['-f', 'GPKG', gpkg, join(dir, 'ref.geojson'), '-nln', 'ref']);
  execFileSync('ogr2ogr', ['-update', gpkg, join(dir, 'zk.geojson'), '-nln', 'zk']);
  const sql =
    'SELECT sum(ST_Area(ST_Intersection(a.geom, b.geom))) AS total FROM zk a JOIN rtree_ref_geom r ' +
    'ON r.minx <= ST_MaxX(a.geom) AND r.maxx >= ST_MinX(a.geom) AND r.miny <= ST_MaxY(a.geom) AND r.maxy >= ST_MinY(a.geom) ' +
    'JOIN ref b ON b.fid = r.id WHERE ST_Intersects(a.geom, b.geom)';
  const gdalOverlap = Array.from({ length: RUNS }, () => gdal(['ogrinfo', '-q', gpkg, '-sql', sql]));
  const gdalTotal = Number(gdalOverlap[0]!.out.match(/total \(Real\) = ([\d.]+)/)?.[1] ?? NaN);
  const ourTotal = overlaps[0]!.value.totalM2;

  const rows = [
    '| work | goal | workbench (median) | GDAL, same work (median) |',
    '|---|---|---|---|',
    `| derive 30 m CCZs for 1 000 protection ranges (16 vertices, round corners, GK zone 28) | ≤ 1 s | ${fmt(median(derive))} | \`ogr2ogr -dialect sqlite ST_Buffer\`: ${fmt(median(gdalBuffer))} |`,
    `| full heritage check of 10 000 zones (validity, spikes, slivers, nesting, partitions, overlaps, attributes) | ≤ 2 s | ${fmt(median(checks.map((c) => c.ms)))} | validity only (\`ST_IsValid\`): ${fmt(median(gdalValid))} |`,
    `| overlap of 1 000 zones with a ${packed.featureCount.toLocaleString('en')}-polygon reference layer (${packed.vertexCount.toLocaleString('en')} vertices), with areas | ≤ 3 s | ${fmt(median(overlaps.map((o) => o.ms)))} | GeoPackage R-tree join + \`ST_Intersection\`: ${fmt(median(gdalOverlap.map((g) => g.ms)))} |`,
  ];
  const text = [
    `Command: \`npm run bench\` (Playwright, \`bench/heritage.bench.ts\`), ${new Date().toISOString().slice(0, 10)}; ${RUNS} runs each, medians; workbench figures are in-process (the worker's code, warmed up once), GDAL figures include its process start.`,
    `Machine: ${machine()}.`,
    '',
    ...rows,
    '',
    `Check findings on the clean 10 000-zone fixture: ${findings}. Total overlap area: workbench ${ourTotal.toFixed(1)} m², GDAL ${gdalTotal.toFixed(1)} m² (difference ${((Math.abs(ourTotal - gdalTotal) / gdalTotal) * 100).toFixed(4)} %).`,
  ].join('\n');
  writeSection('heritage', text);
  console.log(text);
  if (!(Math.abs(ourTotal - gdalTotal) / gdalTotal < 0.001))
    throw new Error('overlap totals disagree with GDAL');
});
