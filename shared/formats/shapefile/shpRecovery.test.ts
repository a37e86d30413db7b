import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProperties, setProperty, type Layer, type NamedBytes } from '../layer';
import { readShapefile } from './readShapefile';
import { gdalRead, sampleCollection } from './testData.test';
import { writeShapefile } from './writeShapefile';

/**
 * Record headers against the .shx index, and ESRI's "no data" coordinates. GDAL reads by the
 * index; we walk the .shp record headers and fall back on the index only where the walk cannot
 * go on, so every case GDAL reads, we read the same, and a missing, short or wrong index costs
 * nothing.
 */
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
const replace = (files: NamedBytes[], ext: string, bytes: Uint8Array) =>
  files.map((f) => (f.name.endsWith(`.${ext}`) ? { ...f, bytes } : f));
const be = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hzw-shx-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GDAL's reading of a set written to disk under `base`. */
function gdal(files: NamedBytes[], base: string) {
  for (const f of files) writeFileSync(join(dir, f.name.replace(/^z\./, `${base}.`)), f.bytes);
  return gdalRead(join(dir, `${base}.shp`));
}

describe('.shp record headers and the .shx index', () => {
  const intact = validSet();
  const reference = readShapefile(intact, {}).layers[0]!.features;

  it('the intact set reads as GDAL reads it (the baseline of the cases below)', () => {
    const g = gdal(intact, 'intact');
    expect(reference.map((f) => f.properties)).toEqual(g.map((f) => f.properties));
    expect(reference).toHaveLength(12);
  });

  it('an index pointing at the wrong records: the .shp record headers are trusted', () => {
    const shx = file(intact, 'shx').bytes.slice();
    const offset = (i: number) => be(shx).getInt32(100 + i * 8, false);
    const [second, third] = [offset(1), offset(2)];
    be(shx).setInt32(100 + 8, third, false); // records 2 and 3 swapped
    be(shx).setInt32(100 + 16, second, false);
    be(shx).setInt32(100 + 7 * 8, offset(6) + 20, false); // record 8 points into record 7
    const result = readShapefile(replace(intact, 'shx', shx), {});
    expect(result.problems).toEqual([]);
    expect(result.layers[0]!.features).toEqual(reference);
  });

  it('a short index (5 of 12 entries): all 12 records, and a warning naming both counts', () => {
    const shx = file(intact, 'shx').bytes.slice(0, 100 + 5 * 8);
    const result = readShapefile(replace(intact, 'shx', shx), {});
    expect(result.layers[0]!.features).toEqual(reference);
    expect(result.info.warnings.map((w) => w.en)).toContain(
      'z.shp: the .shx index lists 5 records but the .shp holds 12; read by the .shp record headers',
    );
  });

  /** The set with `junk` bytes inserted before record `before` (0-based), index updated. */
  function withGap(before: number, junk: number): NamedBytes[] {
    const shp = file(intact, 'shp').bytes;
    const shx = file(intact, 'shx').bytes.slice();
    const cut = be(shx).getInt32(100 + before * 8, false) * 2;
    const out = new Uint8Array(shp.length + junk);
    out.set(shp.subarray(0, cut));
    out.fill(0xee, cut, cut + junk);
    out.set(shp.subarray(cut), cut + junk);
    be(out).setInt32(24, out.length / 2, false);
    for (let i = before; i < 12; i++) {
      const at = 100 + i * 8;
      be(shx).setInt32(at, be(shx).getInt32(at, false) + junk / 2, false);
    }
    return replace(replace(intact, 'shp', out), 'shx', shx);
  }

  it('junk between records: read through the index, as GDAL does', () => {
    const gapped = withGap(5, 64);
    const result = readShapefile(gapped, {});
    expect(result.problems).toEqual([]);
    expect(result.layers[0]!.features).toEqual(reference);
    expect(gdal(gapped, 'gapped').map((f) => f.properties)).toEqual(reference.map((f) => f.properties));
  });

  it('junk between records and no index: the records before it, and the damage named', () => {
    const gapped = withGap(5, 64).filter((f) => !f.name.endsWith('.shx'));
    const result = readShapefile(gapped, {});
    expect(result.layers[0]!.features).toEqual(reference.slice(0, 5));
    expect(result.problems.map((p) => p.index)).toEqual([5]);
    expect(result.info.warnings.some((w) => /header of record 6 .* is damaged/.test(w.en))).toBe(true);
  });

  it('a record header claiming 2 GB: bounded by the file, the index supplies the length', () => {
    const shp = file(intact, 'shp').bytes.slice();
    const at = be(file(intact, 'shx').bytes).getInt32(100 + 2 * 8, false) * 2;
    be(shp).setInt32(at + 4, 0x3fffffff, false);
    const start = performance.now();
    const withIndex = readShapefile(replace(intact, 'shp', shp), {});
    expect(withIndex.layers[0]!.features).toEqual(reference);
    const withoutIndex = readShapefile(
      replace(intact, 'shp', shp).filter((f) => !f.name.endsWith('.shx')),
      {},
    );
    expect(withoutIndex.layers[0]!.features).toEqual(reference.slice(0, 2));
    expect(withoutIndex.problems.map((p) => p.reason.en)).toEqual([
      'z.shp record 3: record 3 runs past the end of the file (truncated)',
    ]);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('an index counting the 8-byte record header in its lengths, on a cut-off .shp', () => {
    const shx = file(intact, 'shx').bytes.slice();
    for (let at = 104; at < shx.length; at += 8) be(shx).setInt32(at, be(shx).getInt32(at, false) + 4, false);
    const shp = file(intact, 'shp').bytes;
    const result = readShapefile(
      replace(replace(intact, 'shx', shx), 'shp', shp.slice(0, shp.length - 30)),
      {},
    );
    expect(result.layers[0]!.features).toEqual(reference.slice(0, 11));
    expect(result.problems.map((p) => p.index)).toEqual([11]);
  });
});

describe('"no data" coordinates (ESRI: below −10^38)', () => {
  function points(): NamedBytes[] {
    const features = [0, 1, 2, 3].map((i) => {
      const properties = createProperties();
      setProperty(properties, 'NAME', `P${i}`);
      return { geometry: { type: 'Point' as const, coordinates: [84.6 + i, 44.4] }, properties };
    });
    return writeShapefile([{ name: 'z', epsg: 4490, fields: [], features }], {}).files;
  }
  /** Offset of record i's content in a file of fixed-size point records. */
  const pointAt = (i: number) => 100 + i * 28 + 8;

  it('a point holding −DBL_MAX or −∞ reads without geometry, named per record; no NaN anywhere', () => {
    const files = points();
    const shp = file(files, 'shp').bytes;
    new DataView(shp.buffer).setFloat64(pointAt(1) + 4, -Number.MAX_VALUE, true);
    new DataView(shp.buffer).setFloat64(pointAt(2) + 12, -Infinity, true);
    const result = readShapefile(files, {});
    const features = result.layers[0]!.features;
    expect(features.map((f) => [f.properties['NAME'], f.geometry?.type ?? null])).toEqual([
      ['P0', 'Point'],
      ['P1', null],
      ['P2', null],
      ['P3', 'Point'],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.info.warnings.map((w) => w.en)).toEqual(
      expect.arrayContaining([
        'z.shp record 2: the coordinates hold the "no data" value (below −10^38); read without geometry',
        'z.shp record 3: the coordinates hold the "no data" value (below −10^38); read without geometry',
      ]),
    );
  });

  it('a polygon with one "no data" vertex reads without geometry, never with a NaN ring', () => {
    const files = validSet();
    const shp = file(files, 'shp').bytes;
    const content = be(file(files, 'shx').bytes).getInt32(100 + 4 * 8, false) * 2 + 8;
    const firstPoint = content + 44 + new DataView(shp.buffer).getInt32(content + 36, true) * 4;
    new DataView(shp.buffer).setFloat64(firstPoint + 2 * 16 + 8, -1e39, true);
    const result = readShapefile(files, {});
    expect(result.layers[0]!.features[4]!.geometry).toBeNull();
    expect(result.layers[0]!.features[4]!.properties).toEqual(intactProperties(4));
    expect(result.info.warnings.some((w) => w.en.startsWith('z.shp record 5: the coordinates hold'))).toBe(
      true,
    );
  });

  it('many such records: the first 20 named, the rest counted', () => {
    const features = Array.from({ length: 30 }, () => ({
      geometry: { type: 'Point' as const, coordinates: [-Number.MAX_VALUE, -Number.MAX_VALUE] },
      properties: createProperties(),
    }));
    const files = writeShapefile([{ name: 'z', epsg: 4490, fields: [], features }], {}).files;
    const warnings = readShapefile(files, {}).info.warnings.map((w) => w.en);
    expect(warnings.filter((w) => w.includes('"no data"'))).toHaveLength(20);
    expect(warnings).toContain('…and 10 more the same way');
  });
});

const intactProperties = (i: number) => readShapefile(validSet(), {}).layers[0]!.features[i]!.properties;
