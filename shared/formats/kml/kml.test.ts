import { describe, expect, it } from 'vitest';
import { FormatError } from '../formatError';
import { writeZip } from '../zip/zip';
import { kmlAdapter, readKml, writeKml } from './kmlAdapter';
import { wusuLayer } from './fixtures/wusuLayer';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string, bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[(bom ? 2 : 0) + 2 * i] = s.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};

const text = (files: { bytes: Uint8Array }[]) => new TextDecoder().decode(files[0]!.bytes);

describe('KML writer and reader', () => {
  it('round-trips zones with holes, Chinese attributes and typed fields, grouped in Chinese folders', () => {
    const [file] = writeKml([wusuLayer]);
    const kml = text([file!]);
    expect(kml).toContain('<Folder><name>保护范围</name>');
    expect(kml).toContain('<Folder><name>建设控制地带</name>');
    expect(kml).toContain('<Style id="protection_range"><LineStyle><color>ff1c1cd0</color>');
    const { layers, problems } = readKml([file!]);
    expect(problems).toEqual([]);
    const [layer] = layers;
    expect(layer!.epsg).toBe(4326);
    expect(layer!.features).toHaveLength(3);
    const byName = new Map(layer!.features.map((f) => [f.properties.name, f]));
    const range = byName.get('乌苏古城 保护范围')!;
    expect(range.properties).toMatchObject({
      folder: '保护范围',
      sub_zone_no: 1,
      height_limit_m: 9.5,
      object_name: '乌苏古城',
    });
    expect(range.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [84.67, 44.42],
          [84.68, 44.42],
          [84.68, 44.43],
          [84.67, 44.43],
          [84.67, 44.42],
        ],
        // the counter-clockwise hole is written clockwise, as KML recommends
        [
          [84.672, 44.422],
          [84.672, 44.424],
          [84.674, 44.424],
          [84.672, 44.422],
        ],
      ],
    });
    expect(byName.get('乌苏古城 建控地带')!.geometry!.type).toBe('MultiPolygon');
    const point = byName.get('标志碑 & <碑>')!;
    expect(point.properties).toMatchObject({ object_name: '石碑 "甲"', folder: '本体' });
    expect(point.geometry).toEqual({ type: 'Point', coordinates: [84.675, 44.425] });
  });

  it('writes booleans as 1/0, which GDAL (bool = integer) and our reader both read right', () => {
    const layer = {
      ...wusuLayer,
      fields: [...wusuLayer.fields, { name: 'same_as_range', type: 'boolean' as const }],
      features: wusuLayer.features.map((f, i) => ({
        ...f,
        properties: { ...f.properties, same_as_range: i === 0 },
      })),
    };
    const [file] = writeKml([layer]);
    const kml = text([file!]);
    expect(kml).toContain('<SimpleField name="same_as_range" type="bool"/>');
    expect(kml).toContain('<SimpleData name="same_as_range">1</SimpleData>');
    expect(kml).toContain('<SimpleData name="same_as_range">0</SimpleData>');
    expect(kml).not.toMatch(/same_as_range">(true|false)</);
    const [read] = readKml([file!]).layers;
    const flags = new Map(read!.features.map((f) => [f.properties.name, f.properties.same_as_range]));
    expect(flags.get('乌苏古城 保护范围')).toBe(true);
    expect([...flags.values()].filter((v) => v === false)).toHaveLength(2);
  });

  it('writes a KMZ that reads back the same', () => {
    const [kmz] = writeKml([wusuLayer], { kmz: true, baseName: 'wusu' });
    expect(kmz!.name).toBe('wusu.kmz');
    const result = readKml([kmz!]);
    expect(result.info.format).toBe('kmz');
    expect(result.layers[0]!.features).toHaveLength(3);
  });

  it('refuses a projected layer', () => {
    expect(() => writeKml([{ ...wusuLayer, epsg: 4516 }])).toThrow(/EPSG:4516/);
  });
});

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n ')}
]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&lol9;</name></Placemark></Document></kml>`;

const EXTERNAL = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&xxe;</name></Placemark></kml>`;

function refusal(bytes: Uint8Array): FormatError {
  try {
    readKml([{ name: 'attack.kml', bytes }]);
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('KML safety', () => {
  it.each([
    ['billion laughs', utf8(BILLION_LAUGHS)],
    ['external entity', utf8(EXTERNAL)],
    ['DOCTYPE after a UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(EXTERNAL)])],
    ['UTF-16LE with BOM', utf16le(EXTERNAL, true)],
    ['UTF-16LE without BOM', utf16le(EXTERNAL, false)],
    ['lower-case doctype late in the file', utf8(`<kml><Document></Document><!doctype x></kml>`)],
  ])('refuses %s before parsing, with the specific message', (_, bytes) => {
    const started = Date.now();
    const error = refusal(bytes);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.problems[0]!.field).toBe('DOCTYPE');
    expect(error.problems[0]!.reason.zh).toContain('DOCTYPE/ENTITY');
    expect(error.message).toContain('attack.kml');
  });

  it('stops a KMZ zip bomb on inflated bytes', () => {
    const bomb = writeZip([{ name: 'doc.kml', bytes: new Uint8Array(20 * 1024 * 1024).fill(0x20) }]);
    expect(bomb.length).toBeLessThan(100_000);
    let error: unknown;
    try {
      readKml([{ name: 'bomb.kmz', bytes: bomb }], { maxBytes: 1024 * 1024 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).message).toMatch(/bomb\.kmz.*size limit/);
  });

  it('refuses a file over the size cap', () => {
    expect(() => readKml([{ name: 'big.kml', bytes: new Uint8Array(2000) }], { maxBytes: 1000 })).toThrow(
      /too large/,
    );
  });

  it('refuses absurd nesting with a message instead of overflowing the stack', () => {
    const deep = `<kml>${'<Folder>'.repeat(5000)}${'</Folder>'.repeat(5000)}</kml>`;
    expect(() => readKml([{ name: 'deep.kml', bytes: utf8(deep) }])).toThrow(FormatError);
  });
});

const placemark = (name: string, coordinates: string) =>
  `<Placemark><name>${name}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;

describe('KML reading of foreign files', () => {
  it('reports bad coordinates per placemark, keeps the good ones (an open ring closed), with folder paths', () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>调查</name>
      <Folder><name>区划</name><Folder><name>子 A</name>
      ${placemark('ok', '1,1 2,1 2,2 1,1')}
      ${placemark('nan', '1,1 x,1 2,2 1,1')}
      ${placemark('range', '1,1 200,1 2,2 1,1')}
      ${placemark('open', '1,1 2,1 2,2 1,2')}
      ${placemark('flat', '1,1 2,2 3,3 1,1')}
      </Folder></Folder>
      <Placemark><name>线</name><ExtendedData><Data name="__proto__"><value>x</value></Data><Data name="备注"><value>说明</value></Data></ExtendedData>
        <LineString><coordinates>1,1,10 2,2,20</coordinates></LineString></Placemark>
    </Document></kml>`;
    const { layers, problems, info } = readKml([{ name: 'survey.kml', bytes: utf8(kml) }]);
    expect(layers[0]!.name).toBe('调查');
    const names = layers[0]!.features.map((f) => f.properties.name);
    expect(names).toEqual(['线', 'ok', 'open']);
    // GDAL reads an open ring; Google Earth draws it closed: closed here, and said so.
    expect(layers[0]!.features[2]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 2],
          [1, 1],
        ],
      ],
    });
    expect(info.warnings.map((w) => w.en)).toContain(
      'placemark 5 “open”: the outer ring was not closed; closed by repeating its first point',
    );
    const line = layers[0]!.features[0]!;
    expect(line.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 1, 10],
        [2, 2, 20],
      ],
    });
    expect(line.properties['备注']).toBe('说明');
    expect(Object.getPrototypeOf(line.properties)).toBe(Object.prototype);
    expect(layers[0]!.features[1]!.properties.folder).toBe('区划/子 A');
    expect(problems.map((p) => [p.index, p.reason.en.replace(/^placemark “(\w+)”: /, '$1: ')])).toEqual([
      [2, 'nan: coordinate “x,1” is not numeric'],
      [3, 'range: coordinate “200,1” is out of the longitude/latitude range'],
      [5, 'flat: the outer ring is degenerate (fewer than 3 distinct points or zero area)'],
    ]);
  });

  it('is a FormatAdapter with id kml', () => {
    expect(kmlAdapter.id).toBe('kml');
    expect(kmlAdapter.extensions).toEqual(['kml', 'kmz']);
  });
});
