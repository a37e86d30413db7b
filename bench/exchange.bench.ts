import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from '@playwright/test';
import { readImport } from '../shared/formats/mapping/readImport';
import { writeExport } from '../shared/formats/mapping/writeExport';
import type { ProjectDocument } from '../shared/formats/projectDocument';
import { timeCommand, writeSyntheticGeoJson, writeSyntheticShapefile } from './data/synthetic';
import { fmt, machine, median, writeSection } from './report';

/**
 * Exchange at county scale: reading a 50 000-polygon GBK shapefile and exporting 10 000 zones,
 * each set beside GDAL's ogr2ogr and mapshaper doing the same conversion in the same run, and
 * beside JSON.parse of the equivalent GeoJSON bytes (the floor for any import that lands as data).
 */
const RUNS = 5;
const MAPSHAPER = 'node_modules/.bin/mapshaper';

function shapefileSet(dir: string, base: string) {
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${base}.`) && !f.endsWith('.geojson'))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

const megabytes = (paths: string[]) =>
  (paths.reduce((n, p) => n + statSync(p).size, 0) / 1024 / 1024).toFixed(1);

test('exchange: 50 000-polygon shapefile import, 10 000-zone export', async () => {
  // Field names as the generic profile writes them (≤ 10 bytes), so GDAL keeps them unchanged.
  const big = writeSyntheticShapefile('farmland50k', {
    count: 50_000,
    vertices: 12,
    cell: 0.002,
    shortNames: true,
  });
  const files = shapefileSet(big.dir, 'farmland50k');
  const shpBytes = megabytes(files.map((f) => join(big.dir, f.name)));
  const ours: number[] = [];
  const gdal: number[] = [];
  const mapshaper: number[] = [];
  const jsonParse: number[] = [];
  const cli: number[] = [];
  let accepted = 0;
  const geojsonBytes = readFileSync(big.geojson);
  for (let i = 0; i < RUNS; i++) {
    const run = await timed(() =>
      readImport({ files: files.map((f) => ({ ...f, bytes: f.bytes.slice() })), options: {} }),
    );
    ours.push(run.ms);
    accepted = run.value.result.document.zones.length;
    const out = join(big.dir, `out-${i}`);
    gdal.push(timeCommand('ogr2ogr', ['-f', 'GeoJSON', `${out}-gdal.geojson`, big.shp]));
    mapshaper.push(
      timeCommand(MAPSHAPER, ['-i', big.shp, 'encoding=gbk', '-o', `${out}-ms.geojson`, 'format=geojson']),
    );
    cli.push(timeCommand('node', ['scripts/hzw.mjs', 'convert', big.shp, `${out}-hzw.geojson`]));
    const t0 = performance.now();
    JSON.parse(new TextDecoder().decode(geojsonBytes));
    jsonParse.push(performance.now() - t0);
  }
  if (accepted !== 50_000) throw new Error(`expected 50 000 zones, imported ${accepted}`);

  // Export: 10 000 zones from a document (as the app holds it) to a GBK shapefile and to GeoJSON.
  const src = writeSyntheticGeoJson('zones10k', { count: 10_000, vertices: 24, cell: 0.003 });
  const read = await readImport({
    files: [{ name: basename(src.path), bytes: new Uint8Array(readFileSync(src.path)) }],
    options: {},
  });
  const document: ProjectDocument = {
    settings: { name: '基准', gkZone: 28 },
    objects: read.result.document.objects,
    zones: read.result.document.zones,
  };
  if (document.zones.length !== 10_000)
    throw new Error(`expected 10 000 zones, got ${document.zones.length}`);
  const exportShp: number[] = [];
  const exportJson: number[] = [];
  const gdalShp: number[] = [];
  const msShp: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    exportShp.push(
      (await timed(() => writeExport({ document, options: { format: 'shapefile', encoding: 'gbk' } }))).ms,
    );
    exportJson.push((await timed(() => writeExport({ document, options: { format: 'geojson' } }))).ms);
    gdalShp.push(
      timeCommand('ogr2ogr', [
        '-f',
        'ESRI Shapefile',
        '-lco',
        'ENCODING=CP936',
        join(src.dir, `g${i}.shp`),
        src.path,
      ]),
    );
    msShp.push(timeCommand(MAPSHAPER, ['-i', src.path, '-o', join(src.dir, `m${i}.shp`), 'encoding=gbk']));
  }

  const rows = [
    '| work | workbench (median) | ogr2ogr (median) | mapshaper (median) | JSON.parse of the same data as GeoJSON |',
    '|---|---|---|---|---|',
    `| read 50 000-polygon GBK shapefile (${shpBytes} MB) → validated zones, in process (\`readImport\`, the worker's code) | ${fmt(median(ours))} | shp → GeoJSON file: ${fmt(median(gdal))} | shp → GeoJSON file: ${fmt(median(mapshaper))} | ${fmt(median(jsonParse))} |`,
    `| same shapefile → GeoJSON file with the CLI (\`hzw convert\`, process start included) | ${fmt(median(cli))} | ${fmt(median(gdal))} | ${fmt(median(mapshaper))} | — |`,
    `| export 10 000 zones (24 vertices) → GBK shapefile set (\`writeExport\`) | ${fmt(median(exportShp))} | GeoJSON → shp: ${fmt(median(gdalShp))} | GeoJSON → shp: ${fmt(median(msShp))} | — |`,
    `| export 10 000 zones → RFC 7946 GeoJSON (\`writeExport\`) | ${fmt(median(exportJson))} | — | — | — |`,
  ];
  const text = [
    `Command: \`npm run bench\` (Playwright, \`bench/exchange.bench.ts\`), ${new Date().toISOString().slice(0, 10)}; ${RUNS} runs each, medians.`,
    `Machine: ${machine()}. GDAL and mapshaper run as separate processes (their start-up, ≈ 50–300 ms, is included); the workbench rows marked "in process" do not include a process start.`,
    '',
    ...rows,
    '',
    `All runs (ms) — import: ${ours.map((v) => v.toFixed(0)).join(', ')}; ogr2ogr: ${gdal.map((v) => v.toFixed(0)).join(', ')}; mapshaper: ${mapshaper.map((v) => v.toFixed(0)).join(', ')}; hzw convert: ${cli.map((v) => v.toFixed(0)).join(', ')}; export shp: ${exportShp.map((v) => v.toFixed(0)).join(', ')}.`,
  ].join('\n');
  writeSection('exchange', text);
  console.log(text);
});
