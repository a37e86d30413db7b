import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from '@playwright/test';
import { readImport } from '../shared/formats/mapping/readImport';
import { writeExport } from '../shared/formats/mapping/writeExport';
import type { ProjectDocument } from '../shared/formats/projectDocument';
import { writeProjectFile } from '../shared/formats/projectFile';
import {
  measureCommand,
  timeCommand,
  writeSyntheticGeoJson,
  writeSyntheticShapefile,
} from './data/synthetic';
import { fmt, machine, median, writeSection } from './report';

/**
 * Exchange at county scale, each figure beside GDAL's ogr2ogr and mapshaper doing the same
 * conversion in the same run, or beside JSON.parse of the same data: reading a 50 000-polygon GBK
 * shapefile, exporting 10 000 zones (app and CLI), the GeoPackage export with its spatial index,
 * and the peak memory of converting a 100 MB GeoJSON.
 */
const RUNS = 5;
const MAPSHAPER = 'node_modules/.bin/mapshaper';
const HZW = ['scripts/hzw.mjs'];

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
const runs = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}×`;

test('exchange: 50 000-polygon shapefile import, 10 000-zone export, 100 MB conversion memory', async () => {
  test.setTimeout(3_600_000);
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
    cli.push(timeCommand('node', [...HZW, 'convert', big.shp, `${out}-hzw.geojson`]));
    const t0 = performance.now();
    JSON.parse(new TextDecoder().decode(geojsonBytes));
    jsonParse.push(performance.now() - t0);
  }
  if (accepted !== 50_000) throw new Error(`expected 50 000 zones, imported ${accepted}`);

  // Export: 10 000 zones from a document (as the app holds it).
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
  const project = join(src.dir, 'zones10k.hzw');
  writeFileSync(project, await writeProjectFile(document, { generator: 'bench' }));
  // The same zones and attributes as the GeoPackage holds them, as GeoJSON: what JSON.parse reads.
  const fullJson = (await writeExport({ document, options: { format: 'geojson', profile: 'full' } }))
    .files[0]!;
  const fullText = new TextDecoder().decode(fullJson.bytes);
  const fullPath = join(src.dir, 'full.geojson');
  writeFileSync(fullPath, fullJson.bytes);

  const exportZip: number[] = [];
  const exportShp: number[] = [];
  const exportJson: number[] = [];
  const exportGpkg: number[] = [];
  const parseFull: number[] = [];
  const cliShp: number[] = [];
  const gdalShp: number[] = [];
  const msShp: number[] = [];
  const gdalGpkg: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const shp = { format: 'shapefile', encoding: 'gbk' } as const;
    exportZip.push((await timed(() => writeExport({ document, options: shp }))).ms);
    exportShp.push((await timed(() => writeExport({ document, options: { ...shp, zip: false } }))).ms);
    exportJson.push((await timed(() => writeExport({ document, options: { format: 'geojson' } }))).ms);
    exportGpkg.push((await timed(() => writeExport({ document, options: { format: 'geopackage' } }))).ms);
    parseFull.push((await timed(() => JSON.parse(fullText) as unknown)).ms);
    const out = (name: string) => join(src.dir, `${name}${i}`);
    cliShp.push(
      timeCommand('node', [...HZW, 'convert', project, `${out('h')}.shp`, '--out-encoding', 'gbk']),
    );
    gdalShp.push(
      timeCommand('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=CP936', `${out('g')}.shp`, src.path]),
    );
    msShp.push(timeCommand(MAPSHAPER, ['-i', src.path, '-o', `${out('m')}.shp`, 'encoding=gbk']));
    gdalGpkg.push(timeCommand('ogr2ogr', ['-f', 'GPKG', `${out('g')}.gpkg`, fullPath]));
  }

  // Peak memory of converting 100 MB of GeoJSON to shapefiles (GNU time's maximum resident set).
  const huge = writeSyntheticGeoJson('zones100mb', {
    count: 34_500,
    vertices: [24, 200],
    cell: 0.002,
    zonesPerObject: 10,
  });
  const inputMiB = statSync(huge.path).size / 1024 / 1024;
  const memory = { hzw: [] as number[], gdal: [] as number[], ms: [] as number[] };
  const memoryMs = { hzw: [] as number[], gdal: [] as number[], ms: [] as number[] };
  for (let i = 0; i < 3; i++) {
    const out = (name: string) => join(huge.dir, `${name}${i}.shp`);
    const tools = {
      hzw: measureCommand('node', [...HZW, 'convert', huge.path, out('h')]),
      gdal: measureCommand('ogr2ogr', ['-f', 'ESRI Shapefile', out('g'), huge.path]),
      ms: measureCommand(MAPSHAPER, ['-i', huge.path, '-o', out('m')]),
    };
    for (const key of ['hzw', 'gdal', 'ms'] as const) {
      memory[key].push(tools[key].peakKiB / 1024);
      memoryMs[key].push(tools[key].ms);
    }
  }
  const times = (key: keyof typeof memory) =>
    `${(median(memory[key]) / inputMiB).toFixed(2)}× (${median(memory[key]).toFixed(0)} MiB, ${fmt(median(memoryMs[key]))})`;

  const text = [
    `Command: \`npm run bench:exchange\` (Playwright, \`bench/exchange.bench.ts\`), ${new Date().toISOString().slice(0, 10)}; ${RUNS} runs each (memory: 3), medians.`,
    `Machine: ${machine()}. GDAL and mapshaper run as separate processes (their start-up, ≈ 50–300 ms, is included), and so does \`hzw\`; rows marked "in process" run the worker's code in the bench's Node process.`,
    '',
    '| work | workbench (median) | ogr2ogr (median) | mapshaper (median) | JSON.parse of the same data |',
    '|---|---|---|---|---|',
    `| read 50 000-polygon GBK shapefile (${shpBytes} MB) → validated zones, in process (\`readImport\`) | ${fmt(median(ours))} | shp → GeoJSON file: ${fmt(median(gdal))} | shp → GeoJSON file: ${fmt(median(mapshaper))} | ${fmt(median(jsonParse))} |`,
    `| same shapefile → GeoJSON file with the CLI (\`hzw convert\`) | ${fmt(median(cli))} | ${fmt(median(gdal))} | ${fmt(median(mapshaper))} | — |`,
    `| export 10 000 zones (24 vertices) → GBK shapefile set, in process (\`writeExport\`, generic profile, 55 fields) | ${fmt(median(exportShp))} (**${ratio(exportShp, gdalShp)}** ogr2ogr) | GeoJSON (4 fields) → shp: ${fmt(median(gdalShp))} | GeoJSON → shp: ${fmt(median(msShp))} | — |`,
    `| the same as the app saves it: one .zip (deflate level 1) | ${fmt(median(exportZip))} (${ratio(exportZip, gdalShp)} ogr2ogr) | — | — | — |`,
    `| \`hzw convert zones10k.hzw out.shp --out-encoding gbk\` (project file read, validated, exported) | ${fmt(median(cliShp))} (**${ratio(cliShp, gdalShp)}** ogr2ogr) | GeoJSON → shp: ${fmt(median(gdalShp))} | — | — |`,
    `| export 10 000 zones → GeoPackage with its R-tree index, in process (\`writeExport\`, full profile) | ${fmt(median(exportGpkg))} (**${ratio(exportGpkg, parseFull)}** JSON.parse) | GeoJSON (full) → GPKG: ${fmt(median(gdalGpkg))} | — | the same layer as GeoJSON (${(fullJson.bytes.length / 1024 / 1024).toFixed(1)} MB): ${fmt(median(parseFull))} |`,
    `| export 10 000 zones → RFC 7946 GeoJSON, in process (\`writeExport\`) | ${fmt(median(exportJson))} | — | — | — |`,
    '',
    `Peak memory converting ${inputMiB.toFixed(1)} MiB of GeoJSON (34 500 zones of 24–200 vertices) to a shapefile set, as multiples of the input (maximum resident set size, whole process; time in brackets): \`hzw convert\` **${times('hzw')}**, ogr2ogr ${times('gdal')}, mapshaper ${times('ms')}.`,
    '',
    `All runs (ms) — import: ${runs(ours)}; ogr2ogr: ${runs(gdal)}; mapshaper: ${runs(mapshaper)}; hzw convert: ${runs(cli)}; export shp: ${runs(exportShp)}; zip: ${runs(exportZip)}; hzw .hzw→shp: ${runs(cliShp)}; ogr2ogr →shp: ${runs(gdalShp)}; gpkg: ${runs(exportGpkg)}; JSON.parse (full): ${runs(parseFull)}. Peak MiB — hzw: ${runs(memory.hzw)}; ogr2ogr: ${runs(memory.gdal)}; mapshaper: ${runs(memory.ms)}.`,
  ].join('\n');
  writeSection('exchange', text);
  console.log(text);
});
