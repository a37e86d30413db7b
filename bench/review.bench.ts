import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { planarGaussKrugerArea } from '../shared/geometry/area';
import { gainedLost } from '../shared/geometry/ops/changeParts';
import type { ProjectDocument } from '../shared/formats/projectDocument';
import { compareStates } from '../shared/review/compare';
import { REVIEW_GK, reviewStates } from './data/reviewStates';
import { reviewMergeBench } from './data/reviewMerge';
import { fmt, machine, median, writeSection } from './report';

/**
 * Issue 13: comparing two 10 000-zone versions (our compare beside GDAL's SpatiaLite ST_Difference
 * on the same pairs, in the same run, with the areas checked to agree) and merging a reviewer's
 * file of 1 000 comment threads.
 */
const RUNS = 5;

function time<T>(work: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = work();
  return { ms: performance.now() - t0, value };
}

function geojson(document: ProjectDocument): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: document.zones.map((z) => ({
      type: 'Feature',
      properties: { zone_id: z.id },
      geometry: z.geometry,
    })),
  });
}

/** GDAL's counterpart of our per-zone work: the command of design §9, verbatim. */
const DIFF_SQL =
  "SELECT b.zone_id AS zone_id, 'gain' AS side, ST_Difference(b.geom, a.geom) AS geom FROM vb b JOIN va a ON a.zone_id = b.zone_id WHERE a.geom IS NOT b.geom " +
  "UNION ALL SELECT a.zone_id, 'loss', ST_Difference(a.geom, b.geom) FROM va a JOIN vb b ON a.zone_id = b.zone_id WHERE a.geom IS NOT b.geom";

/** Our share of that work: every zone id in both states, fingerprint skip, gained and lost parts. */
function perZone(a: ProjectDocument, b: ProjectDocument) {
  const before = new Map(a.zones.map((z) => [z.id, z]));
  let gain = 0;
  let loss = 0;
  for (const zone of b.zones) {
    const old = before.get(zone.id);
    if (!old) continue;
    const parts = gainedLost([old.geometry], [zone.geometry], { gkZone: REVIEW_GK }, { sliverM2: 0 });
    // Planar GK areas, as SpatiaLite's ST_Area in EPSG:4537 measures them.
    if (parts.gained) gain += planarGaussKrugerArea(parts.gained, REVIEW_GK);
    if (parts.lost) loss += planarGaussKrugerArea(parts.lost, REVIEW_GK);
  }
  return { gain, loss };
}

test('review: compare two 10 000-zone versions beside GDAL, merge 1 000 comment threads', async () => {
  test.setTimeout(900_000);
  const dir = mkdtempSync(join(tmpdir(), 'hzw-bench-review-'));
  const { a, b, counts } = reviewStates();
  const options = { gkZone: REVIEW_GK };

  compareStates(a, b, options); // warm-up, as a running worker is
  const whole = Array.from({ length: RUNS }, () => time(() => compareStates(a, b, options)));
  perZone(a, b);
  const ours = Array.from({ length: RUNS }, () => time(() => perZone(a, b)));

  // GDAL: both states in one GeoPackage in GK zone 28 without prefix (not timed), then the diff.
  writeFileSync(join(dir, 'a.geojson'), geojson(a));
  writeFileSync(join(dir, 'b.geojson'), geojson(b));
  const v = join(dir, 'v.gpkg');
  execFileSync('ogr2ogr', ['-f', 'GPKG', v, join(dir, 'a.geojson'), '-nln', 'va', '-t_srs', 'EPSG:4537']);
  execFileSync('ogr2ogr', [
    '-f',
    'GPKG',
    '-update',
    v,
    join(dir, 'b.geojson'),
    '-nln',
    'vb',
    '-t_srs',
    'EPSG:4537',
  ]);
  const diff = join(dir, 'diff.gpkg');
  const command = ['-f', 'GPKG', diff, v, '-dialect', 'SQLite', '-nln', 'diff', '-sql', DIFF_SQL];
  const gdal = Array.from({ length: RUNS }, () => {
    rmSync(diff, { force: true });
    return time(() => execFileSync('ogr2ogr', command, { stdio: ['ignore', 'ignore', 'pipe'] })).ms;
  });
  const sums = execFileSync(
    'ogrinfo',
    [
      '-ro',
      '-q',
      diff,
      '-dialect',
      'SQLite',
      '-sql',
      'SELECT side, SUM(ST_Area(geom)) AS area FROM diff GROUP BY side',
    ],
    { encoding: 'utf8' },
  );
  const gdalArea = (side: string) =>
    Number(new RegExp(`side \\(String\\) = ${side}\\s+area \\(Real\\) = ([\\d.e+]+)`).exec(sums)?.[1] ?? NaN);
  const { gain, loss } = ours[0]!.value;
  const agreement = Math.max(
    Math.abs(gain - gdalArea('gain')) / gdalArea('gain'),
    Math.abs(loss - gdalArea('loss')) / gdalArea('loss'),
  );

  const merge = await reviewMergeBench(RUNS);
  const result = whole[0]!.value;
  const rows = [
    '| work | workbench (median) | GDAL, same work (median) |',
    '|---|---|---|',
    `| compare two 10 000-zone versions (${counts.moved} zones with a vertex moved 5 m, ${counts.removed} removed, ${counts.added} added, ${counts.attributes} with a changed attribute): per-zone kinds and fields, per object and zone type 调入/调出 polygons with ellipsoidal areas, totals | ${fmt(median(whole.map((w) => w.ms)))} | — |`,
    `| the geometric part alone: per zone id in both versions, skip equal geometries, gained and lost parts (GK plane) | ${fmt(median(ours.map((o) => o.ms)))} | \`ogr2ogr … ST_Difference\` both ways (command below): ${fmt(median(gdal))} |`,
    `| ${merge.label} | ${fmt(merge.ms)} | — |`,
  ];
  const text = [
    `Command: \`npm run bench\` (Playwright, \`bench/review.bench.ts\`), ${new Date().toISOString().slice(0, 10)}; ${RUNS} runs each, medians; workbench figures are in-process (the worker's code, warmed up once), GDAL figures include its process start.`,
    `Machine: ${machine()}.`,
    '',
    ...rows,
    '',
    `Compare result: ${result.zones.length} zone changes, ${result.units.length} changed units, 调入 ${result.units.reduce((s, u) => s + u.gainedM2, 0).toFixed(1)} m², 调出 ${result.units.reduce((s, u) => s + u.lostM2, 0).toFixed(1)} m² (ellipsoidal).`,
    `Per-zone gained/lost, planar GK areas: workbench ${gain.toFixed(3)} / ${loss.toFixed(3)} m², GDAL ${gdalArea('gain').toFixed(3)} / ${gdalArea('loss').toFixed(3)} m² (largest relative difference ${agreement.toExponential(1)}).`,
    merge.note,
    '',
    'GDAL, prepared untimed with `ogr2ogr -f GPKG v.gpkg a.geojson -nln va -t_srs EPSG:4537` and `ogr2ogr -f GPKG -update v.gpkg b.geojson -nln vb -t_srs EPSG:4537`; timed:',
    '```',
    `ogr2ogr -f GPKG diff.gpkg v.gpkg -dialect SQLite -nln diff -sql "${DIFF_SQL}"`,
    '```',
  ].join('\n');
  writeSection('review', text);
  console.log(text);
  if (!(agreement < 1e-6)) throw new Error(`gained/lost areas disagree with GDAL by ${agreement}`);
});
