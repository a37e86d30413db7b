import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../formatError';
import { createProperties, setProperty, type Layer, type NamedBytes } from '../layer';
import { readShapefile } from './readShapefile';
import { sampleCollection } from './testData.test';
import { writeShapefile } from './writeShapefile';

/** A valid 12-feature GBK set of ours, as loose files, for damaging. */
function validSet(): NamedBytes[] {
  const features = (
    sampleCollection(12).features as { properties: Record<string, string>; geometry: never }[]
  ).map((f) => {
    const properties = createProperties();
    for (const [k, v] of Object.entries(f.properties)) setProperty(properties, k, v);
    return { geometry: f.geometry, properties };
  });
  const layer: Layer = { name: 'z', epsg: 4490, fields: [], features };
  return writeShapefile([layer], { encoding: 'gbk' }).files;
}

const file = (files: NamedBytes[], ext: string) => files.find((f) => f.name.endsWith(`.${ext}`))!;
const replace = (files: NamedBytes[], ext: string, bytes: Uint8Array | null) =>
  files.flatMap((f) => (f.name.endsWith(`.${ext}`) ? (bytes ? [{ ...f, bytes }] : []) : [f]));

/** Byte offset of record i's first point (polygon content: type, box, parts, points, part index). */
function firstPoint(files: NamedBytes[], i: number): number {
  const shx = new DataView(file(files, 'shx').bytes.buffer);
  const shp = new DataView(file(files, 'shp').bytes.buffer);
  const content = shx.getInt32(100 + i * 8, false) * 2 + 8;
  return content + 44 + shp.getInt32(content + 36, true) * 4;
}

const timed = <T>(f: () => T): T => {
  const start = performance.now();
  const out = f();
  expect(performance.now() - start).toBeLessThan(5000);
  return out;
};

describe('damaged and hostile shapefiles', () => {
  it.each([true, false])(
    'a truncated .shp (with .shx: %s) keeps the whole records and names the cut one',
    (withShx) => {
      const files = validSet();
      const shp = file(files, 'shp').bytes;
      let damaged = replace(files, 'shp', shp.slice(0, shp.length - 30));
      if (!withShx) damaged = replace(damaged, 'shx', null);
      const result = timed(() => readShapefile(damaged, {}));
      expect(result.layers[0]!.features).toHaveLength(11);
      expect(result.problems).toEqual([
        {
          index: 11,
          field: 'geometry',
          reason: {
            zh: 'z.shp 第 12 条记录：第 12 条记录超出文件末尾（文件被截断）',
            en: 'z.shp record 12: record 12 runs past the end of the file (truncated)',
          },
        },
      ]);
    },
  );

  it('a .dbf whose header claims more records than it holds: warned, nothing invented', () => {
    const files = validSet();
    const dbf = file(files, 'dbf').bytes.slice();
    new DataView(dbf.buffer).setUint32(4, 20, true);
    const result = readShapefile(replace(files, 'dbf', dbf), {});
    expect(result.layers[0]!.features).toHaveLength(12);
    expect(result.info.warnings.map((w) => w.en)).toContain(
      'z.dbf: the header declares 20 records but the file holds only 12 (truncated)',
    );
  });

  it('a .dbf with fewer records than the .shp: the features without attributes are refused', () => {
    const files = validSet();
    const dbf = file(files, 'dbf').bytes.slice();
    new DataView(dbf.buffer).setUint32(4, 10, true);
    const result = readShapefile(replace(files, 'dbf', dbf), {});
    expect(result.layers[0]!.features).toHaveLength(10);
    expect(result.problems.map((p) => [p.index, p.field, p.reason.en])).toEqual([
      [10, 'properties', 'z.dbf record 11: no attribute record in the .dbf (it holds only 10)'],
      [11, 'properties', 'z.dbf record 12: no attribute record in the .dbf (it holds only 10)'],
    ]);
    expect(result.info.warnings.some((w) => /the \.shp has 12 records and the \.dbf 10/.test(w.en))).toBe(
      true,
    );
  });

  it('NaN, Infinity and unclosed rings refuse that feature only', () => {
    const files = validSet();
    const shp = file(files, 'shp').bytes;
    const view = new DataView(shp.buffer);
    view.setFloat64(firstPoint(files, 2), NaN, true);
    view.setFloat64(firstPoint(files, 4) + 8, Infinity, true);
    const ring6 = firstPoint(files, 6);
    view.setFloat64(ring6 + 4 * 16, view.getFloat64(ring6 + 4 * 16, true) + 1, true); // move the closing point
    const result = readShapefile(files, {});
    expect(result.layers[0]!.features).toHaveLength(9);
    expect(result.problems.map((p) => [p.index, p.reason.en])).toEqual([
      [2, 'z.shp record 3: a coordinate is not a finite number (NaN or infinity)'],
      [4, 'z.shp record 5: a coordinate is not a finite number (NaN or infinity)'],
      [6, 'z.shp record 7: ring 1 is not closed'],
    ]);
  });

  it('a degenerate (zero-area) ring is refused', () => {
    const layer: Layer = {
      name: 'flat',
      epsg: 4490,
      fields: [],
      features: [
        {
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [2, 0],
                [0, 0],
              ],
            ],
          },
          properties: createProperties(),
        },
        {
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
          properties: createProperties(),
        },
      ],
    };
    const result = readShapefile(writeShapefile([layer], {}).files, {});
    expect(result.layers[0]!.features).toHaveLength(1);
    expect(result.problems[0]!.reason.en).toBe('flat.shp record 1: ring 1 has zero area (degenerate)');
  });

  it('refuses a file that is not a shapefile, naming it', () => {
    const files = replace(validSet(), 'shp', new TextEncoder().encode('x'.repeat(200)));
    expect(() => readShapefile(files, {})).toThrow(FormatError);
    expect(() => readShapefile(files, {})).toThrow('z.shp: is not a shapefile (wrong header code)');
  });

  it('stops a zip bomb at the inflate cap within 5 s, whatever sizes the archive declares', () => {
    const inflated = 100 * 1024 * 1024;
    const data = deflateRawSync(Buffer.alloc(inflated), { level: 9 });
    const name = Buffer.from('bomb.dbf');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(100, 22); // declared uncompressed size: a lie
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(100, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    const zip = new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
    const limits = { maxTotalBytes: 16 * 1024 * 1024, maxEntries: 100 };
    const attempt = () => readShapefile([{ name: 'evil.zip', bytes: zip }], { zipLimits: limits });
    const start = performance.now();
    expect(attempt).toThrow(
      /^evil\.zip: zip: bomb\.dbf inflates past the size limit \(a zip bomb\?\); stopped$/,
    );
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
