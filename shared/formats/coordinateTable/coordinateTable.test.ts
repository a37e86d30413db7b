import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { polygonsOf, type ZoneGeometry } from '../../domain/geometry';
import { toGaussKruger } from '../../crs/gaussKruger';
import { FormatError } from '../formatError';
import { encodeText } from '../text/encoding';
import { coordinateTableAdapter, exportCoordinateTable } from './adapter';
import { northWestIndex } from './parcels';
import { readCoordinateTable } from './readCoordinateTable';
import { crsInfoOf, resolveLayer } from '../../crs/placeLayer';
import type { CrsChoice } from '../../crs/resolveCrs';
import { transformLayer } from '../../crs/transformLayer';
import type { CrsInfo, Layer } from '../layer';

/** Read a table and place it as an import does (shared/crs/resolveCrs.ts), in CGCS2000 lon/lat. */
function readLonLat(bytes: Uint8Array, name: string, choice: CrsChoice = {}) {
  const read = readCoordinateTable(bytes, name);
  const { layer, resolution } = resolveLayer(read.layers[0]!, choice);
  const crs: CrsInfo = crsInfoOf(resolution);
  if (!resolution.crs) throw new Error(resolution.refusal!.en);
  const lonLat: Layer = transformLayer(layer, 4490);
  return { ...read, crs, layers: [lonLat] };
}
import { writeCoordinateTable, writeCoordinateTableBytes } from './writeCoordinateTable';
import { SQUARE_WITH_HOLE, testObject, testZone } from './testZones';

const FIXTURE = new Uint8Array(readFileSync(join(__dirname, 'fixtures', 'wusu-square-hole.gbk.txt')));
const object = testObject('o1');
const entries = [{ zone: testZone('z1', 'o1', SQUARE_WITH_HOLE), object }];

/** Largest distance, in Gauss-Krüger metres, between corresponding vertices (rings compared as sets of vertices). */
function maxOffsetMetres(a: ZoneGeometry, b: ZoneGeometry): number {
  const gk = (g: ZoneGeometry) =>
    polygonsOf(g).map((rings) => rings.map((r) => r.map((p) => toGaussKruger(p, 28, { prefixed: false }))));
  const [pa, pb] = [gk(a), gk(b)];
  let worst = 0;
  pa.forEach((rings, i) =>
    rings.forEach((ring, r) => {
      expect(pb[i]![r]!.length).toBe(ring.length);
      for (const [e, n] of ring) {
        const nearest = Math.min(...pb[i]![r]!.map(([e2, n2]) => Math.hypot(e - e2, n - n2)));
        worst = Math.max(worst, nearest);
      }
    }),
  );
  return worst;
}

describe('writeCoordinateTable', () => {
  it('writes the documented layout byte for byte (GBK, CRLF, prefixed Y, 3 decimals)', () => {
    const bytes = writeCoordinateTableBytes(entries, { gkZone: 28 });
    expect(Buffer.from(bytes).toString('hex')).toBe(Buffer.from(FIXTURE).toString('hex'));
  });

  it('writes Y without the zone prefix, per-ring numbering, 2 decimals and LF on request', () => {
    const text = writeCoordinateTable(entries, {
      gkZone: 28,
      prefixed: false,
      numbering: 'per-ring',
      decimals: 2,
      lineEnding: '\n',
    });
    const lines = text.split('\n');
    expect(lines).toContain('J1,1,4921613.01,553756.38');
    expect(lines).toContain('J1,2,4921502.87,553876.73');
    expect(lines).toContain('精度=2');
    expect(text).not.toContain('\r');
  });

  it('writes each part of a multi-part zone as its own parcel', () => {
    const [outer, hole] = SQUARE_WITH_HOLE.coordinates as [number, number][][];
    const far = outer!.map(([x, y]) => [x + 0.01, y] as [number, number]);
    const multi: ZoneGeometry = { type: 'MultiPolygon', coordinates: [[outer!, hole!], [far]] };
    const text = writeCoordinateTable([{ zone: testZone('z', 'o1', multi, { subZoneNo: 2 }), object }], {
      gkZone: 28,
    });
    expect(text).toMatch(/\r\n10,9\.7340,1-1,示例遗址（2）,面,,保护范围,,@\r\n/);
    expect(text).toMatch(/\r\n5,\d+\.\d{4},1-2,示例遗址（2）,面,,保护范围,,@\r\n/);
  });

  it('starts at the vertex nearest the north-west corner of the bounding box', () => {
    // X north, Y east: a diamond's north vertex (index 2) is nearer NW than its west vertex.
    expect(
      northWestIndex([
        [0, 10],
        [5, 20],
        [11, 10],
        [5, 0],
      ]),
    ).toBe(3);
    expect(
      northWestIndex([
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ]),
    ).toBe(1);
  });
});

describe('readCoordinateTable', () => {
  it('reads the GBK fixture back to the zone within 1 mm, with parcel name and number', () => {
    const result = readLonLat(FIXTURE, 'wusu.txt');
    expect(result.info.encoding?.used).toBe('gbk');
    expect(result.crs.epsg).toBe(4516);
    expect(result.crs.axisOrder).toBe('ne');
    expect(result.problems).toEqual([]);
    const [feature] = result.layers[0]!.features;
    expect(feature!.properties).toMatchObject({
      parcel_no: '1',
      parcel_name: '示例遗址',
      parcel_use: '保护范围',
      declared_area_hm2: 9.734,
    });
    expect(maxOffsetMetres(SQUARE_WITH_HOLE, feature!.geometry as ZoneGeometry)).toBeLessThan(0.001);
  });

  it('reads a local variant: UTF-8, LF, full-width commas, blank lines, no ring column, Y without prefix', () => {
    const text = writeCoordinateTable(entries, { gkZone: 28, prefixed: false, decimals: 4, lineEnding: '\n' })
      .replace(/^(J\d+),\d,/gm, '$1,')
      .replace(/,/g, '，')
      .replace(/\n\[地块坐标\]/, '\n\n[地块坐标]\n');
    // Without ring numbers every ring is "1": the hole is recognised by lying inside the outer ring.
    const result = readLonLat(new TextEncoder().encode(text), 'variant.txt');
    expect(result.info.encoding?.used).toBe('utf-8');
    expect(result.crs.epsg).toBe(4537);
    const geometry = result.layers[0]!.features[0]!.geometry as ZoneGeometry;
    expect(geometry.type).toBe('MultiPolygon');
  });

  it('uses the project zone when neither header nor prefix gives one', () => {
    const text = writeCoordinateTable(entries, { gkZone: 28, prefixed: false }).replace(/带号=28\r\n/, '');
    expect(() => readLonLat(encodeText(text, 'gbk'), 'nozone.txt')).toThrow(/zone/);
    const result = readLonLat(encodeText(text, 'gbk'), 'nozone.txt', { gkZone: 28 });
    expect(
      maxOffsetMetres(SQUARE_WITH_HOLE, result.layers[0]!.features[0]!.geometry as ZoneGeometry),
    ).toBeLessThan(0.001);
  });

  it('refuses bad parcels with their line numbers and keeps the good ones', () => {
    const good =
      '5,1.0,1,好,面,,,,@\nJ1,1,4921600,28553700\nJ2,1,4921600,28553800\nJ3,1,4921500,28553800\nJ1,1,4921600,28553700\n';
    const text =
      '[地块坐标]\n' +
      good +
      '4,1.0,2,未闭合,面,,,,@\nJ1,1,4921600,28553700\nJ2,1,4921600,28553800\nJ3,1,4921500,28553800\nJ4,2,4921550,28553750\n' +
      '3,1.0,3,太少,面,,,,@\nJ1,1,4921600,28553700\nJ2,1,4921600,28553800\nJ1,1,4921600,28553700\n' +
      '2,1.0,4,坏数,面,,,,@\nJ1,1,4921600,2855x3700\n';
    const result = readCoordinateTable(new TextEncoder().encode(text), 'bad.txt');
    expect(result.layers[0]!.features).toHaveLength(1);
    const messages = result.problems.map((p) => `${p.field}: ${p.reason.en}`);
    expect(messages).toContain(
      'parcel 2: ring 1 starting at line 8 is not closed before line 11 (its last point must repeat its first)',
    );
    expect(messages).toContain(
      'parcel 2: ring 2 starting at line 11 is still open at the end of the parcel (its last point must repeat its first)',
    );
    expect(messages).toContain('parcel 3: ring 1 starting at line 13 has fewer than 3 distinct points');
    expect(messages).toContain('parcel 4: line 17: coordinate “2855x3700” is not a number');
  });

  it('refuses a file with no coordinates as a whole', () => {
    expect(() => readCoordinateTable(new TextEncoder().encode('[属性描述]\n带号=28\n'), 'empty.txt')).toThrow(
      FormatError,
    );
    expect(() =>
      readCoordinateTable(new TextEncoder().encode('[地块坐标]\n1,1,1,x,面,,,,@\nJ1,1,a,b\n'), 'x.txt'),
    ).toThrow(/line 3: coordinate “a” is not a number/);
  });
});

describe('coordinate table exports', () => {
  const document = {
    settings: { name: 'p', gkZone: 28 },
    objects: [object],
    zones: entries.map((e) => e.zone),
  };

  it('writes CSV with a BOM and the survey columns, or GBK without one', () => {
    const csv = exportCoordinateTable(document, { format: 'csv', gkZone: 28, baseName: 'p' });
    expect(csv.name).toBe('p.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(
      text.startsWith(
        '\uFEFF点号,圈号,X(北),Y(东),地块号,地块名称\r\nJ1,1,4921613.008,28553756.375,1,示例遗址\r\n',
      ),
    ).toBe(true);
    const gbk = exportCoordinateTable(document, {
      format: 'csv',
      gkZone: 28,
      baseName: 'p',
      encoding: 'gbk',
    });
    expect(new TextDecoder('gbk').decode(gbk.bytes).startsWith('点号,圈号')).toBe(true);
  });

  it('exports one object with its zones, one parcel per zone', () => {
    const other = testObject('o2', { name: '另一处' });
    const two = {
      ...document,
      objects: [object, other],
      zones: [
        ...document.zones,
        testZone('z2', 'o2', SQUARE_WITH_HOLE),
        testZone('z3', 'o1', SQUARE_WITH_HOLE, { zoneType: 'construction_control_zone' }),
      ],
    };
    const text = new TextDecoder('gbk').decode(
      exportCoordinateTable(two, { format: 'txt', gkZone: 28, baseName: 'o1', objectId: 'o1' }).bytes,
    );
    const parcels = text.split('\r\n').filter((l) => l.endsWith('@'));
    expect(parcels).toEqual([
      '10,9.7340,1,示例遗址,面,,保护范围,,@',
      '10,9.7340,2,示例遗址,面,,建设控制地带,,@',
    ]);
  });

  it('writes an XLSX that GDAL reads with the same points', () => {
    const xlsx = exportCoordinateTable(document, { format: 'xlsx', gkZone: 28, baseName: 'p' });
    const file = join(mkdtempSync(join(tmpdir(), 'hzw-ct-')), xlsx.name);
    writeFileSync(file, xlsx.bytes);
    const out = execFileSync('ogrinfo', ['-ro', '-al', '-q', file, '界址点坐标'], { encoding: 'utf8' });
    expect(out).toMatch(/X\(北\) \(Real\) = 4921613\.008/);
    expect(out).toMatch(/Y\(东\) \(Real\) = 28553756\.375/);
    expect(out.match(/OGRFeature/g)).toHaveLength(10);
    const parcels = execFileSync('ogrinfo', ['-ro', '-al', '-q', file, '地块'], { encoding: 'utf8' });
    expect(parcels).toMatch(/面积\(公顷，高斯平面\) \(Real\) = 9\.734/);
  });

  it('the adapter writes lon/lat layers into the chosen EPSG and reads them back', () => {
    const [read] = readLonLat(FIXTURE, 'wusu.txt').layers;
    const [written] = coordinateTableAdapter.write!([read!], { epsg: 4516, baseName: 'again' }, () => {});
    expect(written!.name).toBe('again.txt');
    expect(new TextDecoder('gbk').decode(written!.bytes)).toBe(new TextDecoder('gbk').decode(FIXTURE));
    expect(() => coordinateTableAdapter.write!([read!], { epsg: 4326 }, () => {})).toThrow(/Gauss-Krüger/);
  });
});
