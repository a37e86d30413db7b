import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NamedBytes } from './layer';
import { readFiles, type FileRead } from './registry';
import { gdalRead, loadSet, ogr2ogr, sampleCollection } from './shapefile/testData.test';
import { writeZip } from './zip/zip';

/**
 * Zips as WFS services and data portals hand them out: a dataset plus readme, metadata, licence
 * and style files. The dataset is read as GDAL reads it; the side files are ignored and named.
 */
let dir: string;
let shapefile: NamedBytes[];
const text = (s: string) => new TextEncoder().encode(s);
const SIDE_FILES: NamedBytes[] = [
  { name: 'readme.txt', bytes: text('Downloaded from the county portal. 数据说明。\n') },
  { name: 'metadata.xml', bytes: text('<?xml version="1.0"?><metadata/>') },
  { name: 'data/zones.shp.xml', bytes: text('<metadata/>') },
  { name: 'licence.pdf', bytes: text('%PDF-1.4\n') },
  { name: 'index.html', bytes: text('<html></html>') },
  { name: 'metadata.json', bytes: text('{"title": "保护区划", "crs": "EPSG:4490"}') },
  { name: 'style.qml', bytes: text('<qgis/>') },
  { name: 'old.zip', bytes: writeZip([{ name: 'x.txt', bytes: text('x') }]) },
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-units-'));
  writeFileSync(join(dir, 'src.geojson'), JSON.stringify(sampleCollection(12)));
  ogr2ogr([
    '-f',
    'ESRI Shapefile',
    '-lco',
    'ENCODING=CP936',
    join(dir, 'zones.shp'),
    join(dir, 'src.geojson'),
  ]);
  shapefile = loadSet(dir, 'zones').map((f) => ({ name: `data/${f.name}`, bytes: f.bytes }));
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const layersOf = (reads: FileRead[]) =>
  reads.flatMap((r) => (r.kind === 'layers' ? r.result.layers.map((l) => [l.name, l.features.length]) : []));
const warningsOf = (reads: FileRead[]) =>
  reads.flatMap((r) => (r.kind === 'layers' ? r.result.info.warnings.map((w) => w.en) : []));

describe('zips from WFS downloads and portals', () => {
  it('a shapefile in a folder with readme, metadata, licence and style files: the data read, the rest named', async () => {
    const zip = writeZip([...SIDE_FILES, ...shapefile]);
    const reads = await readFiles([{ name: 'zones.zip', bytes: zip }], {});
    expect(layersOf(reads)).toEqual([['zones', 12]]);
    const read = reads[0]!;
    expect(read.kind === 'layers' && read.result.layers[0]!.features.map((f) => f.properties)).toEqual(
      gdalRead(join(dir, 'zones.shp')).map((f) => f.properties),
    );
    const note = warningsOf(reads).find((w) => w.startsWith('zones.zip: not data, ignored: '));
    expect(note).toBeDefined();
    for (const side of SIDE_FILES) expect(note).toContain(side.name);
  });

  it('a .txt alone in a zip is still read as a coordinate table', async () => {
    const table = readFileSync(join(__dirname, 'coordinateTable', 'fixtures', 'wusu-square-hole.gbk.txt'));
    const zip = writeZip([{ name: '界址点/乌苏.txt', bytes: new Uint8Array(table) }]);
    const reads = await readFiles([{ name: 'table.zip', bytes: zip }], {});
    expect(reads).toHaveLength(1);
    expect(reads[0]!.kind === 'layers' && reads[0]!.format).toBe('coordinate-table');
    expect(layersOf(reads)[0]![1]).toBeGreaterThan(0);
  });

  it('two sets with the same name in different folders stay two layers, told apart by folder', async () => {
    const zip = writeZip([
      ...shapefile.map((f) => ({ name: f.name.replace('data/', 'a/'), bytes: f.bytes })),
      ...shapefile.map((f) => ({ name: f.name.replace('data/', 'b/'), bytes: f.bytes })),
      { name: 'readme.txt', bytes: text('two') },
    ]);
    const reads = await readFiles([{ name: 'two.zip', bytes: zip }], {});
    expect(layersOf(reads)).toEqual([
      ['a/zones', 12],
      ['b/zones', 12],
    ]);
  });

  it('a GeoJSON beside a metadata .json: the GeoJSON read, the metadata ignored', async () => {
    const zip = writeZip([
      { name: 'zones.geojson', bytes: readFileSync(join(dir, 'src.geojson')) },
      { name: 'metadata.json', bytes: text('{"title": "说明"}') },
    ]);
    const reads = await readFiles([{ name: 'wfs.zip', bytes: zip }], {});
    expect(layersOf(reads).map(([, n]) => n)).toEqual([12]);
    expect(warningsOf(reads)).toContain('wfs.zip: not data, ignored: metadata.json');
  });

  it('a KMZ under a .zip name, with a readme beside doc.kml, still reads as KML', async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>碑</name><Point><coordinates>84.6,44.4</coordinates></Point></Placemark></Document></kml>`;
    const zip = writeZip([
      { name: 'doc.kml', bytes: text(kml) },
      { name: 'readme.txt', bytes: text('x') },
    ]);
    const reads = await readFiles([{ name: 'places.zip', bytes: zip }], {});
    expect(reads[0]!.kind === 'layers' && reads[0]!.format).toBe('kml');
    expect(layersOf(reads).map(([, n]) => n)).toEqual([1]);
  });

  it('a zip with nothing readable is refused, naming what it holds', async () => {
    const zip = writeZip([
      { name: 'licence.pdf', bytes: text('%PDF') },
      { name: 'style.qml', bytes: text('<qgis/>') },
    ]);
    await expect(readFiles([{ name: 'empty.zip', bytes: zip }], {})).rejects.toThrow(
      /Unrecognised file type empty\.zip \(licence\.pdf, style\.qml\)/,
    );
  });

  it('loose files are taken as chosen: an unknown one is refused', async () => {
    await expect(
      readFiles([...loadSet(dir, 'zones'), { name: 'notes.doc', bytes: text('x') }], {}),
    ).rejects.toThrow(/Unrecognised file type notes\.doc/);
  });
});
