import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProperties, setProperty, type Layer, type LayerFeature, type NamedBytes } from '../layer';
import { readZip } from '../zip/zip';
import { readShapefile } from './readShapefile';
import { resolveLayer } from '../../crs/placeLayer';
import { gdalRead, maxDifference, planarArea, sampleCollection } from './testData.test';
import { writeShapefile, writeShapefileZip } from './writeShapefile';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-shp-write-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(files: readonly NamedBytes[], folder: string): string {
  const out = join(dir, folder);
  execFileSync('mkdir', ['-p', out]);
  for (const f of files) writeFileSync(join(out, f.name), f.bytes);
  return out;
}

function sampleLayer(epsg = 4490): Layer {
  const features = (sampleCollection(12).features as LayerFeature[]).map((f, i) => {
    const properties = createProperties();
    for (const [k, v] of Object.entries(f.properties)) setProperty(properties, k, v);
    setProperty(properties, 'OK', i % 2 === 0);
    setProperty(properties, 'BZ', i === 3 ? null : `备注${'长'.repeat(i)}`);
    return { geometry: f.geometry, properties };
  });
  return {
    name: '保护范围',
    epsg,
    fields: [
      { name: '名称', type: 'string' },
      { name: 'BSM', type: 'string' },
      { name: 'MJ', type: 'real' },
      { name: 'NUM', type: 'integer' },
      { name: 'PDATE', type: 'date' },
      { name: 'OK', type: 'boolean' },
      { name: 'BZ', type: 'string' },
    ],
    features,
  };
}

describe('shapefiles we write, read by GDAL', () => {
  it.each(['gbk', 'utf-8'] as const)(
    '%s: same count, attributes and geometry; GDAL honours our .cpg',
    (encoding) => {
      const layer = sampleLayer();
      const { files, renamed } = writeShapefile([layer], { encoding });
      expect(files.map((f) => f.name).sort()).toEqual([
        '保护范围.cpg',
        '保护范围.dbf',
        '保护范围.prj',
        '保护范围.shp',
        '保护范围.shx',
      ]);
      expect(renamed).toEqual([]);
      const dbf = files.find((f) => f.name.endsWith('.dbf'))!.bytes;
      expect(dbf[29]).toBe(encoding === 'gbk' ? 0x4d : 0);
      const gdal = gdalRead(join(save(files, `w-${encoding}`), '保护范围.shp'));
      expect(gdal).toHaveLength(12);
      let maxDeg = 0;
      let maxAreaRatio = 0;
      layer.features.forEach((f, i) => {
        const p = gdal[i]!.properties;
        expect(p['名称']).toBe(f.properties['名称']);
        expect(p['BSM']).toBe(f.properties['BSM']);
        expect(p['MJ']).toBe(f.properties['MJ']);
        expect(p['NUM']).toBe(f.properties['NUM']);
        expect(p['PDATE']).toBe(f.properties['PDATE']);
        expect(p['OK']).toBe(f.properties['OK'] ? 'T' : 'F'); // GDAL 3.6 reports L fields as text
        expect(p['BZ']).toBe(f.properties['BZ']);
        maxDeg = Math.max(maxDeg, maxDifference(f.geometry, gdal[i]!.geometry));
        maxAreaRatio = Math.max(
          maxAreaRatio,
          Math.abs(planarArea(gdal[i]!.geometry) / planarArea(f.geometry) - 1),
        );
      });
      console.info(`${encoding}: max difference ${maxDeg}°, max area ratio error ${maxAreaRatio}`);
      expect(maxDeg).toBeLessThanOrEqual(1e-7);
      expect(maxAreaRatio).toBeLessThanOrEqual(1e-4);
    },
  );

  it('GDAL reads our GBK text from header byte 0x4D alone when the .cpg is lost', () => {
    const layer = sampleLayer();
    const files = writeShapefile([layer], { encoding: 'gbk' }).files.filter((f) => !f.name.endsWith('.cpg'));
    const gdal = gdalRead(join(save(files, 'w-nocpg'), '保护范围.shp'));
    expect(gdal.map((f) => f.properties['名称'])).toEqual(layer.features.map((f) => f.properties['名称']));
  });

  it('writes a .prj GDAL identifies as the same EPSG code, and projected coordinates within 1 mm', () => {
    const layer = sampleLayer();
    const projected = join(dir, 'gk.shp');
    // Let GDAL project the lon/lat sample to zone 28, then write our copy of its reading.
    const src = save(writeShapefile([layer], { encoding: 'utf-8', baseName: 'll' }).files, 'gk-src');
    execFileSync('ogr2ogr', [
      '-f',
      'ESRI Shapefile',
      '-lco',
      'ENCODING=UTF-8',
      '-t_srs',
      'EPSG:4516',
      projected,
      join(src, 'll.shp'),
    ]);
    const gkRead = readShapefile(
      ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => ({
        name: `gk.${e}`,
        bytes: new Uint8Array(readFileSync(join(dir, `gk.${e}`))),
      })),
      {},
    ).layers[0]!;
    const gk = resolveLayer(gkRead).layer;
    expect(gk.epsg).toBe(4516);
    const out = save(writeShapefile([gk], { encoding: 'gbk' }).files, 'gk-ours');
    expect(execFileSync('gdalsrsinfo', ['-e', join(out, 'gk.prj')], { encoding: 'utf8' })).toMatch(
      /EPSG:4516/,
    );
    const gdal = gdalRead(join(out, 'gk.shp'));
    const max = Math.max(...gk.features.map((f, i) => maxDifference(f.geometry, gdal[i]!.geometry)));
    console.info(`EPSG:4516 written by us, read by GDAL: max difference ${max} m`);
    expect(max).toBeLessThanOrEqual(1e-3);
  });

  it('truncates field names to 10 bytes in the chosen encoding, unique, and reports them', () => {
    const properties = createProperties();
    setProperty(properties, '文物保护单位名称', 'a');
    setProperty(properties, '文物保护单位级别', 'b');
    setProperty(properties, 'PROTECTION_LEVEL', 'c');
    setProperty(properties, '__proto__', 'd');
    const layer: Layer = {
      name: 'names',
      epsg: 4490,
      fields: [],
      features: [{ geometry: { type: 'Point', coordinates: [84.6, 44.4] }, properties }],
    };
    const gbk = writeShapefile([layer], { encoding: 'gbk' });
    expect(gbk.renamed).toEqual([
      { layer: 'names', from: '文物保护单位名称', to: '文物保护单' },
      { layer: 'names', from: '文物保护单位级别', to: '文物保护_1' },
      { layer: 'names', from: 'PROTECTION_LEVEL', to: 'PROTECTION' },
    ]);
    const utf8 = writeShapefile([layer], { encoding: 'utf-8' });
    expect(utf8.renamed.map((r) => r.to)).toEqual(['文物保', '文物_1', 'PROTECTION']);
    for (const [files, name] of [
      [gbk.files, 'n-gbk'],
      [utf8.files, 'n-utf8'],
    ] as const) {
      const [f] = gdalRead(join(save(files, name), 'names.shp'));
      expect(Object.keys(f!.properties)).toEqual(
        (name === 'n-gbk' ? gbk : utf8).renamed.map((r) => r.to).concat('__proto__'),
      );
      expect(f!.properties['__proto__']).toBe('d');
    }
    // Our reader keeps __proto__ as a plain own value.
    const back = readShapefile(gbk.files, {}).layers[0]!.features[0]!.properties;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(back, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['d']).toBeUndefined();
  });

  it('splits a layer of mixed geometry types into one set per type', () => {
    const p = () => createProperties();
    const layer: Layer = {
      name: 'mixed',
      epsg: 4490,
      fields: [],
      features: [
        {
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [84, 44],
                [84.1, 44],
                [84.1, 44.1],
                [84, 44],
              ],
            ],
          },
          properties: p(),
        },
        {
          geometry: {
            type: 'LineString',
            coordinates: [
              [84, 44],
              [84.1, 44.1],
            ],
          },
          properties: p(),
        },
        { geometry: { type: 'Point', coordinates: [84, 44] }, properties: p() },
        { geometry: null, properties: p() },
      ],
    };
    const { files, warnings } = writeShapefile([layer], {});
    expect(files.filter((f) => f.name.endsWith('.shp')).map((f) => f.name)).toEqual([
      'mixed_polygon.shp',
      'mixed_line.shp',
      'mixed_point.shp',
    ]);
    expect(warnings.some((w) => /mixes geometry types/.test(w.en))).toBe(true);
    const out = save(files, 'mixed');
    expect(gdalRead(join(out, 'mixed_polygon.shp')).map((f) => f.geometry?.type ?? null)).toEqual([
      'Polygon',
      null,
    ]);
    expect(gdalRead(join(out, 'mixed_line.shp'))[0]!.geometry!.type).toBe('LineString');
    expect(gdalRead(join(out, 'mixed_point.shp'))[0]!.geometry!.type).toBe('Point');
  });

  it('round-trips through our own reader with types, nulls and ring order kept; zips on request', () => {
    const layer = sampleLayer(4516);
    const zip = writeShapefileZip([layer], { encoding: 'gbk', baseName: '区划' });
    expect(zip.name).toBe('区划.zip');
    expect(readZip(zip.bytes).map((f) => f.name)).toContain('区划.shp');
    const back = readShapefile([zip], {});
    expect(back.info.encoding).toMatchObject({ used: 'gbk', source: 'cpg' });
    const read = resolveLayer(back.layers[0]!).layer;
    expect(read.epsg).toBe(4516);
    expect(read.fields.map((f) => f.type)).toEqual([
      'string',
      'string',
      'real',
      'integer',
      'date',
      'boolean',
      'string',
    ]);
    read.features.forEach((f, i) => {
      expect(f.properties).toEqual(layer.features[i]!.properties);
      expect(maxDifference(f.geometry, layer.features[i]!.geometry)).toBe(0);
    });
  });

  it('refuses text GBK cannot hold, naming feature and field', () => {
    const properties = createProperties();
    setProperty(properties, 'NAME', '😀 emoji');
    const layer: Layer = { name: 'x', epsg: 4490, fields: [], features: [{ geometry: null, properties }] };
    expect(() => writeShapefile([layer], { encoding: 'gbk' })).toThrow(
      /#0 properties\.NAME: “😀” cannot be written in GBK/,
    );
    expect(() => writeShapefile([layer], { encoding: 'utf-8' })).not.toThrow();
  });
});
