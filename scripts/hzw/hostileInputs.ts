import { constants, deflateRawSync } from 'node:zlib';
import { openDatabase, type Database } from '../../shared/formats/geopackage/sqlite';
import { writeExport } from '../../shared/formats/mapping/writeExport';
import { writeProjectFile } from '../../shared/formats/projectFile';
import { crc32 } from '../../shared/formats/zip/crc32';
import { rawZip, type RawZipEntry } from '../../shared/formats/zip/rawZip';
import { buildWusuSample } from '../../shared/sample/buildSample';

/**
 * Small generators of the hostile inputs the reader budgets stop (shared/formats/budgets.ts):
 * each builds in a second or two what would cost an unbudgeted reader gigabytes or minutes.
 * Nothing big is committed; budgets.test.ts feeds them to `hzw` and to readImport.
 */

/** zlib's crc32_combine: the CRC of A followed by B from the CRCs of both and B's length. */
function gf2Times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0; vector; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(matrix, matrix[n]!);
}

export function crc32Combine(crc1: number, crc2: number, length2: number): number {
  if (length2 <= 0) return crc1;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the CRC-32 polynomial: the operator for one zero bit
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  gf2Square(even, odd); // two zero bits
  gf2Square(odd, even); // four zero bits
  let crc = crc1 >>> 0;
  let length = length2;
  do {
    gf2Square(even, odd);
    if (length & 1) crc = gf2Times(even, crc);
    length = Math.floor(length / 2);
    if (!length) break;
    gf2Square(odd, even);
    if (length & 1) crc = gf2Times(odd, crc);
    length = Math.floor(length / 2);
  } while (length);
  return (crc ^ crc2) >>> 0;
}

/** The CRC-32 of `copies` repetitions of bytes whose CRC is `crc` (`length` bytes each). */
function repeatedCrc(crc: number, length: number, copies: number): number {
  let total = crc;
  for (let i = 1; i < copies; i++) total = crc32Combine(total, crc, length);
  return total;
}

/** An honest entry of small content. */
export function entry(name: string, bytes: Uint8Array): RawZipEntry {
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * An entry of `copies` repetitions of `block`, deflated once: each copy ends with a full flush
 * (byte-aligned, dictionary reset), so the copies chain into one valid stream.
 */
export function repeatedEntry(name: string, block: Uint8Array, copies: number): RawZipEntry {
  const piece = deflateRawSync(block, { level: 1, finishFlush: constants.Z_FULL_FLUSH });
  const crc = repeatedCrc(crc32(block), block.length, copies);
  const deflated = Buffer.concat([...Array.from({ length: copies }, () => piece), Buffer.from([3, 0])]);
  return { name, deflated: new Uint8Array(deflated), size: block.length * copies, crc };
}

/** The 100-byte header of a .shp or .shx. */
function shapeHeader(type: number, fileBytes: number): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0);
  h.writeInt32BE(Math.min(0x7fffffff, fileBytes / 2), 24);
  h.writeInt32LE(1000, 28);
  h.writeInt32LE(type, 32);
  return h;
}

/** A dBASE table of one character field and `rows` records. */
export function dbf(rows: number): Uint8Array {
  const header = Buffer.alloc(32 + 32 + 1);
  header[0] = 3;
  header.writeUInt32LE(rows, 4);
  header.writeUInt16LE(65, 8);
  header.writeUInt16LE(1 + 4, 10);
  header.write('NAME', 32, 'latin1');
  header[32 + 11] = 'C'.charCodeAt(0);
  header[32 + 16] = 4;
  header[64] = 0x0d;
  const records = Buffer.alloc(rows * 5, ' ');
  return new Uint8Array(Buffer.concat([header, records, Buffer.from([0x1a])]));
}

/** A polygon record of rings (each closed, clockwise or not as given). */
function polygonRecord(number: number, rings: number[][][]): Buffer {
  const points = rings.reduce((n, r) => n + r.length, 0);
  const content = Buffer.alloc(44 + rings.length * 4 + points * 16);
  content.writeInt32LE(5, 0);
  content.writeInt32LE(rings.length, 36);
  content.writeInt32LE(points, 40);
  let at = 44 + rings.length * 4;
  let start = 0;
  rings.forEach((ring, i) => {
    content.writeInt32LE(start, 44 + i * 4);
    start += ring.length;
    for (const [x, y] of ring) {
      content.writeDoubleLE(x!, at);
      content.writeDoubleLE(y!, at + 8);
      at += 16;
    }
  });
  const head = Buffer.alloc(8);
  head.writeInt32BE(number, 0);
  head.writeInt32BE(content.length / 2, 4);
  return Buffer.concat([head, content]);
}

const square = (clockwise: boolean): number[][] => {
  const ring = [
    [500000, 4400000],
    [500000, 4400100],
    [500100, 4400100],
    [500100, 4400000],
    [500000, 4400000],
  ];
  return clockwise ? ring : ring.reverse();
};

/**
 * A .shp whose one polygon record (`points` vertices) is followed by bytes that are no record,
 * and a .shx of `entries` entries all pointing at that record: read by the index, one record of
 * the file would become `entries` features.
 */
export function shxAllOneRecord(points: number, entries: number): Uint8Array {
  const ring = Array.from({ length: points }, (_, i) => {
    const a = (-2 * Math.PI * i) / (points - 1);
    return [500000 + 100 * Math.cos(a), 4400000 + 100 * Math.sin(a)];
  });
  ring[points - 1] = ring[0]!;
  const record = polygonRecord(1, [ring]);
  const junk = Buffer.alloc(64, 0xee);
  const shp = Buffer.concat([shapeHeader(5, 100 + record.length + junk.length), record, junk]);
  const index = Buffer.alloc(8);
  index.writeInt32BE(50, 0);
  index.writeInt32BE((record.length - 8) / 2, 4);
  const shxBody = Buffer.concat(Array.from({ length: entries }, () => index));
  const shx = Buffer.concat([shapeHeader(5, 100 + shxBody.length), shxBody]);
  return rawZip([entry('one.shp', shp), entry('one.shx', shx), entry('one.dbf', dbf(1))]);
}

/**
 * A zip of a .shp of `records` point records: one random bit per record (x is one of two values)
 * keeps deflate near 35:1, below the zip ratio stop, so the records reach the reader.
 */
function pointBlock(perBlock: number): Buffer {
  const block = Buffer.alloc(perBlock * 28);
  let seed = 1;
  for (let i = 0; i < perBlock; i++) {
    const at = i * 28;
    seed = (seed * 1103515245 + 12345) >>> 0;
    block.writeInt32BE(1, at);
    block.writeInt32BE(10, at + 4);
    block.writeInt32LE(1, at + 8);
    block.writeDoubleLE(440000 + ((seed >>> 16) % 2), at + 12);
    block.writeDoubleLE(4400000, at + 20);
  }
  return block;
}

/** The .shp of `records` point records, unzipped (for the in-process readers). */
export function pointsShp(records: number): Uint8Array {
  return new Uint8Array(Buffer.concat([shapeHeader(1, 100 + records * 28), pointBlock(records)]));
}

export function manyPoints(records: number): Uint8Array {
  const perBlock = 1 << 20;
  const block = pointBlock(perBlock);
  const copies = Math.ceil(records / perBlock);
  const header = shapeHeader(1, 100 + copies * block.length);
  const body = repeatedEntry('points.shp', block, copies);
  // The header is its own flushed piece ahead of the body's stream.
  const head = deflateRawSync(header, { finishFlush: constants.Z_FULL_FLUSH });
  return rawZip([
    {
      name: 'points.shp',
      deflated: new Uint8Array(Buffer.concat([head, body.deflated])),
      size: header.length + body.size,
      crc: crc32Combine(crc32(header), body.crc, body.size),
    },
    entry('points.dbf', dbf(0)),
  ]);
}

/** One polygon record of `pairs` clockwise squares and `pairs` counter-clockwise ones, all alike. */
export function ringsSharingOneBox(pairs: number): Uint8Array {
  const rings = [
    ...Array.from({ length: pairs }, () => square(true)),
    ...Array.from({ length: pairs }, () => square(false)),
  ];
  const record = polygonRecord(1, rings);
  const shp = Buffer.concat([shapeHeader(5, 100 + record.length), record]);
  return rawZip([entry('rings.shp', shp), entry('rings.dbf', dbf(1))]);
}

/**
 * Not hostile, large: one clockwise shell of `vertices` vertices (a 10 km circle) holding `holes`
 * counter-clockwise 10 m squares on a grid, as loose .shp and .dbf bytes.
 */
export function shellWithHoles(vertices: number, holes: number): { shp: Uint8Array; dbf: Uint8Array } {
  const shell = Array.from({ length: vertices }, (_, i) => {
    const a = (-2 * Math.PI * i) / (vertices - 1);
    return [500000 + 10000 * Math.cos(a), 4400000 + 10000 * Math.sin(a)];
  });
  shell[vertices - 1] = shell[0]!;
  const side = Math.ceil(Math.sqrt(holes));
  const squares = Array.from({ length: holes }, (_, i) => {
    const [x, y] = [495000 + (i % side) * (10000 / side), 4395000 + Math.floor(i / side) * (10000 / side)];
    return [
      [x, y],
      [x + 10, y],
      [x + 10, y + 10],
      [x, y + 10],
      [x, y],
    ];
  });
  const record = polygonRecord(1, [shell, ...squares]);
  return {
    shp: new Uint8Array(Buffer.concat([shapeHeader(5, 100 + record.length), record])),
    dbf: dbf(1),
  };
}

/** A zip whose `names` entries all point at one deflated kernel of `kernelBytes` zeros. */
export function overlappingZip(names: number, kernelBytes: number): Uint8Array {
  const zeros = new Uint8Array(kernelBytes);
  const kernel = { ...entry('k0.dbf', zeros) };
  return rawZip([
    kernel,
    ...Array.from({ length: names - 1 }, (_, i) => ({
      ...kernel,
      name: `k${i + 1}.dbf`,
      sharesWith: 'k0.dbf',
    })),
  ]);
}

/** A DXF of `bulges` polyline vertices of bulge 10⁶ and `circles` circles of 1 000 km. */
export function curvesDxf(bulges: number, circles: number): Uint8Array {
  const lines: string[] = ['0', 'SECTION', '2', 'ENTITIES'];
  lines.push('0', 'LWPOLYLINE', '8', 'ZONES', '90', String(bulges), '70', '1');
  for (let i = 0; i < bulges; i++) lines.push('10', String(500000 + i), '20', '4400000', '42', '1000000');
  for (let i = 0; i < circles; i++)
    lines.push('0', 'CIRCLE', '8', 'ZONES', '10', String(500000 + i), '20', '4400000', '40', '1000000');
  lines.push('0', 'ENDSEC', '0', 'EOF');
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** A copy of SQLite file bytes changed by the SQL `change` writes (given the database to look at). */
async function altered(bytes: Uint8Array, change: (db: Database) => string): Promise<Uint8Array> {
  const db = await openDatabase(bytes);
  try {
    db.exec(change(db));
    return db.export();
  } finally {
    db.close();
  }
}

/**
 * A project file whose zones' `json` is computed on every read: 900 MB of text per row. SQLite
 * computes the column on INSERT too, so the rows are written first and the schema is rewritten
 * afterwards (writable_schema), as a crafted file would be.
 */
export async function generatedColumnProject(): Promise<Uint8Array> {
  const bytes = await writeProjectFile(buildWusuSample(), { generator: 'hostile' });
  const generated = `CREATE TABLE hzw_zones (id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL,
    json TEXT GENERATED ALWAYS AS (printf('%.*c', 900000000, 'x')) VIRTUAL)`;
  return altered(
    bytes,
    () => `PRAGMA writable_schema = ON;
     UPDATE sqlite_master SET sql = '${generated.replaceAll("'", "''")}' WHERE name = 'hzw_zones';
     PRAGMA writable_schema = OFF;`,
  );
}

/** A GeoPackage whose registered layer `forever` is a view over a recursive CTE that never ends. */
export async function endlessViewGeoPackage(): Promise<Uint8Array> {
  const out = await writeExport({
    document: buildWusuSample(),
    options: { format: 'geopackage', baseName: 'zones' },
  });
  return altered(out.files[0]!.bytes, (db) => {
    const [table, column] = db.exec('SELECT table_name, column_name FROM gpkg_geometry_columns')[0]!
      .values[0] as [string, string];
    return `CREATE VIEW forever AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
       SELECT i AS fid, (SELECT "${column}" FROM "${table}" LIMIT 1) AS geom FROM n;
     INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id)
       SELECT 'forever', 'features', 'forever', srs_id FROM gpkg_contents WHERE table_name = '${table}';
     INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
       SELECT 'forever', 'geom', geometry_type_name, srs_id, 0, 0 FROM gpkg_geometry_columns
       WHERE table_name = '${table}';`;
  });
}

/** SQL dropping every trigger (the R-tree's would need the rtree module sql.js lacks). */
const dropTriggers = (db: Database): string =>
  (db.exec("SELECT name FROM sqlite_master WHERE type = 'trigger'")[0]?.values ?? [])
    .map(([name]) => `DROP TRIGGER "${String(name).replaceAll('"', '""')}";`)
    .join('\n');

const ENDLESS = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)';

/** A GeoPackage whose gpkg_contents is an endless view that lists its table over and over. */
export async function endlessContentsGeoPackage(): Promise<Uint8Array> {
  const out = await writeExport({
    document: buildWusuSample(),
    options: { format: 'geopackage', baseName: 'zones' },
  });
  return altered(
    out.files[0]!.bytes,
    (db) => `${dropTriggers(db)}
     ALTER TABLE gpkg_contents RENAME TO contents_old;
     CREATE VIEW gpkg_contents AS ${ENDLESS} SELECT c.* FROM n, contents_old c;`,
  );
}

/** A project file whose hzw_zones is an endless view instead of its table. */
export async function endlessViewProject(): Promise<Uint8Array> {
  const bytes = await writeProjectFile(buildWusuSample(), { generator: 'hostile' });
  return altered(
    bytes,
    (db) => `${dropTriggers(db)}
     DROP TABLE hzw_zones;
     CREATE VIEW hzw_zones AS ${ENDLESS} SELECT 'z' || i AS id, i AS seq, '{}' AS json FROM n;`,
  );
}
