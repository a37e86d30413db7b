import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWusuSample } from '../sample/buildSample';
import { FormatError, type InputProblem } from './formatError';
import { createProperties, setProperty, type Layer, type NamedBytes } from './layer';
import { readImport } from './mapping/readImport';
import type { ReadImportOutput } from './mapping/types';
import { writeExport } from './mapping/writeExport';
import { writeProjectFile } from './projectFile';
import { writeShapefile } from './shapefile/writeShapefile';
import { crc32 } from './zip/crc32';
import { rawZip } from './zip/rawZip';
import { writeZip } from './zip/zip';

/**
 * Hostile inputs through the entry the app and `hzw` use (readImport): each is refused as a file
 * (FormatError naming it, with a bilingual reason) or has its bad features in `rejected`, and
 * every one is settled within 5 s. Inputs are generated here; nothing big is committed.
 */
const utf8 = (text: string) => new TextEncoder().encode(text);
const LIMIT_MS = 5000;

async function timed<T>(run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    expect(performance.now() - start).toBeLessThan(LIMIT_MS);
  }
}

/** The FormatError readImport throws for these files (fails the test when it does not throw). */
async function refusal(files: NamedBytes[]): Promise<FormatError> {
  const error = await timed(() =>
    readImport({ files, options: {} }).then(
      () => null,
      (e: unknown) => e,
    ),
  );
  expect(error).toBeInstanceOf(FormatError);
  const problems = (error as FormatError).problems;
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) expectBilingual(p);
  return error as FormatError;
}

function expectBilingual(p: InputProblem) {
  expect(p.reason.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(p.reason.en).toMatch(/[a-z]/i);
}

const read = (files: NamedBytes[]): Promise<ReadImportOutput> =>
  timed(() => readImport({ files, options: {} }));

/** Our own Shapefile export of the Wusu sample (GBK, generic profile), as loose files. */
async function sampleShapefile(): Promise<NamedBytes[]> {
  const out = await writeExport({
    document: buildWusuSample(),
    options: { format: 'shapefile', encoding: 'gbk', zip: false, baseName: 'zones' },
  });
  return out.files;
}

const part = (files: NamedBytes[], ext: string) => files.find((f) => f.name.endsWith(`.${ext}`))!;
const withPart = (files: NamedBytes[], ext: string, bytes: Uint8Array) =>
  files.map((f) => (f.name.endsWith(`.${ext}`) ? { ...f, bytes } : f));

/**
 * A deflate stream of `gib` GiB of zeros without compressing that much here: one 16 MiB block
 * ends with a full flush (byte-aligned, dictionary reset), so copies of it chain into one stream.
 */
function zerosDeflated(bytes: number): Uint8Array {
  const block = 16 * 1024 * 1024;
  const segment = deflateRawSync(Buffer.alloc(block), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const copies = Math.ceil(bytes / block);
  return new Uint8Array(
    Buffer.concat([...Array.from({ length: copies }, () => segment), Buffer.from([3, 0])]),
  );
}

/** A zip whose headers declare a tiny size for every entry (a zip bomb lies). */
function lyingZip(entries: { name: string; data: Uint8Array; deflated: boolean }[]): Uint8Array {
  // An honest entry carries its CRC; the bomb never gets far enough for its CRC to matter.
  return rawZip(
    entries.map((e) => ({
      name: e.name,
      deflated: e.deflated ? e.data : new Uint8Array(deflateRawSync(e.data)),
      size: 100,
      crc: e.deflated ? 0 : crc32(e.data),
    })),
  );
}

const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE kml [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n ')}
]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&lol9;</name>
<Polygon><outerBoundaryIs><LinearRing><coordinates>84,44 84.01,44 84.01,44.01 84,44</coordinates></LinearRing></outerBoundaryIs></Polygon>
</Placemark></Document></kml>`;

const EXTERNAL = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&xxe;</name></Placemark></Document></kml>`;

const square = (x: number, y: number, d = 0.001) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

function geojson(features: { properties: string; coordinates: unknown }[]): string {
  const parts = features.map(
    (f) =>
      `{"type":"Feature","properties":${f.properties},"geometry":{"type":"Polygon","coordinates":${JSON.stringify(f.coordinates)}}}`,
  );
  return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
}

const GOOD = '{"object_name":"乌苏文庙","zone_type":"protection_range"}';

describe('hostile inputs through readImport', () => {
  it('a zipped shapefile set whose .dbf inflates past the cap is refused, naming the entry', async () => {
    const shp = await sampleShapefile();
    const zip = lyingZip([
      { name: 'zones.shp', data: part(shp, 'shp').bytes, deflated: false },
      { name: 'zones.dbf', data: zerosDeflated(1024 * 1024 * 1024 + 1), deflated: true },
    ]);
    expect(zip.byteLength).toBeLessThan(4 * 1024 * 1024);
    const error = await refusal([{ name: 'bomb.zip', bytes: zip }]);
    expect(error.file).toBe('bomb.zip');
    expect(error.problems[0]!.field).toBe('zip');
    expect(error.problems[0]!.reason.en).toBe('zones.dbf inflates more than 500:1 (a zip bomb?); stopped');
    expect(error.problems[0]!.reason.zh).toContain('zones.dbf 解压比超过 500:1');
  }, 20_000);

  it.each([
    ['billion laughs', LAUGHS],
    ['an external entity', EXTERNAL],
  ])('KML with %s is refused before any XML parsing', async (_, text) => {
    const error = await refusal([{ name: 'evil.kml', bytes: utf8(text) }]);
    expect(error.file).toBe('evil.kml');
    expect(error.problems[0]!.field).toBe('DOCTYPE');
    expect(error.problems[0]!.reason.zh).toContain('DOCTYPE/ENTITY');
  });

  it('a KMZ holding the billion laughs is refused the same way', async () => {
    const kmz = writeZip([{ name: 'doc.kml', bytes: utf8(LAUGHS) }]);
    const error = await refusal([{ name: 'evil.kmz', bytes: kmz }]);
    expect(error.file).toMatch(/evil\.kmz/);
    expect(error.problems[0]!.field).toBe('DOCTYPE');
  });

  it('__proto__ and constructor keys in GeoJSON properties stay data, never prototypes', async () => {
    const text = geojson([
      {
        properties: `{"object_name":"乌苏文庙","zone_type":"protection_range","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}`,
        coordinates: square(84.7, 44.4),
      },
    ]);
    const out = await read([{ name: 'proto.geojson', bytes: utf8(text) }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(out.result.document.zones).toHaveLength(1);
    const row = out.preview[0]!.rows[0]!;
    expect(Object.hasOwn(row, '__proto__')).toBe(true);
    expect(Object.hasOwn(row, 'constructor')).toBe(true);
    expect((row as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a .dbf field named __proto__ is read as a plain column', async () => {
    const properties = createProperties();
    setProperty(properties, 'OBJ_NAME', '乌苏文庙');
    setProperty(properties, 'ZONE_TYPE', 'protection_range');
    setProperty(properties, 'XXXXXXXXX', 'yes');
    const layer: Layer = {
      name: 'proto',
      epsg: 4490,
      fields: [],
      features: [{ geometry: { type: 'Polygon', coordinates: square(84.7, 44.4) }, properties }],
    };
    const files = writeShapefile([layer], { encoding: 'utf-8' }).files;
    const dbf = part(files, 'dbf').bytes.slice();
    const at = Buffer.from(dbf).indexOf('XXXXXXXXX');
    expect(at).toBeGreaterThan(31);
    dbf.set(utf8('__proto__'), at);
    const out = await read(withPart(files, 'dbf', dbf));
    expect(Object.prototype).not.toHaveProperty('yes');
    expect(out.layers[0]!.fields.map((f) => f.name)).toContain('__proto__');
    const row = out.preview[0]!.rows[0]!;
    expect(Object.hasOwn(row, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')!.value).toBe('yes');
    expect(out.result.document.zones).toHaveLength(1);
  });

  it('1e400 in GeoJSON coordinates refuses that feature only, naming it', async () => {
    const bad = square(84.7, 44.4);
    bad[0]![2] = [84.701, 'HUGE'] as never; // JSON text can hold 1e400; a JS literal cannot
    const text = geojson([
      { properties: GOOD, coordinates: square(84.7, 44.41) },
      { properties: GOOD, coordinates: 'X' },
    ]).replace('"X"', JSON.stringify(bad).replace('"HUGE"', '1e400'));
    expect(text).toContain('1e400');
    const out = await read([{ name: 'huge.geojson', bytes: utf8(text) }]);
    expect(out.result.document.zones).toHaveLength(1);
    expect(out.result.total).toBe(2);
    expect(out.result.rejected).toHaveLength(1);
    const problem = out.result.rejected[0]!;
    expect(problem.index).toBe(1);
    expectBilingual(problem);
    expect(`${problem.field} ${problem.reason.en}`).toMatch(/coordinates|finite|number/i);
  });

  it('JSON nested 200 000 deep is refused without a stack overflow', async () => {
    const depth = 200_000;
    const text = `{"type":"FeatureCollection","features":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const error = await refusal([{ name: 'deep.geojson', bytes: utf8(text) }]);
    expect(error.file).toBe('deep.geojson');
    expect(error.problems[0]!.reason.en).toMatch(/nested too deeply/);
    expect(error.problems[0]!.reason.zh).toMatch(/嵌套过深/);
  });

  it('a truncated .shp keeps the whole records and rejects the cut one, naming file and record', async () => {
    const files = await sampleShapefile();
    const shp = part(files, 'shp').bytes;
    const out = await read(withPart(files, 'shp', shp.slice(0, shp.length - 30)));
    const all = buildWusuSample().zones.length;
    expect(out.result.document.zones).toHaveLength(all - 1);
    expect(out.result.rejected).toHaveLength(1);
    const problem = out.result.rejected[0]!;
    expect(problem.index).toBe(all - 1);
    expect(problem.reason.en).toBe(
      `zones.shp record ${all}: record ${all} runs past the end of the file (truncated)`,
    );
    expect(problem.reason.zh).toContain(`zones.shp 第 ${all} 条记录`);
  });

  it('a .dbf whose header claims more records than it holds is warned about, nothing invented', async () => {
    const files = await sampleShapefile();
    const dbf = part(files, 'dbf').bytes.slice();
    const view = new DataView(dbf.buffer);
    const records = view.getUint32(4, true);
    view.setUint32(4, records + 5, true);
    const out = await read(withPart(files, 'dbf', dbf));
    expect(out.result.document.zones).toHaveLength(records);
    const warnings = out.layers[0]!.info.warnings;
    expect(warnings.some((w) => /zones\.dbf/.test(w.en) && /\u8bb0\u5f55/.test(w.zh))).toBe(true);
  });

  it('a .gpkg that is not SQLite is refused, naming the file', async () => {
    const error = await refusal([{ name: 'fake.gpkg', bytes: utf8('PK this is not a database at all') }]);
    expect(error.file).toBe('fake.gpkg');
    expect(`${error.problems[0]!.reason.en}`).toMatch(/SQLite|GeoPackage/);
  });

  it('a damaged project file is refused, naming the file', async () => {
    const bytes = await writeProjectFile(buildWusuSample(), { generator: 'test' });
    const damaged = bytes.slice(0, Math.floor(bytes.length / 2));
    damaged.fill(0xa5, 4096, 8192);
    const error = await refusal([{ name: '乌苏.hzw', bytes: damaged }]);
    expect(error.file).toBe('乌苏.hzw');
  });
});
