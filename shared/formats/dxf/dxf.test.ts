import { resolveLayer } from '../../crs/placeLayer';
import { describe, expect, it } from 'vitest';
import { encodeText } from '../text/encoding';
import type { Coordinates } from '../layer';
import { dxfLayerNames, suggestZoneTypeForCadLayer } from './cadLayers';
import { readDxf, writeDxf } from './dxfAdapter';
import { nearestAci } from './aci';
import { area, projectedLayer } from './fixtures/projectedLayer';

type Pairs = [number, string | number][];
const dxfText = (header: Pairs, entities: Pairs, tables: Pairs = []) =>
  [
    [0, 'SECTION'],
    [2, 'HEADER'],
    ...header,
    [0, 'ENDSEC'],
    [0, 'SECTION'],
    [2, 'TABLES'],
    ...tables,
    [0, 'ENDSEC'],
    [0, 'SECTION'],
    [2, 'ENTITIES'],
    ...entities,
    [0, 'ENDSEC'],
    [0, 'EOF'],
  ]
    .map(([c, v]) => `${c}\r\n${v}\r\n`)
    .join('');
const file = (text: string | Uint8Array, name = 'plan.dxf') => ({
  name,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});
const R2000: Pairs = [
  [9, '$ACADVER'],
  [1, 'AC1015'],
  [9, '$DWGCODEPAGE'],
  [3, 'ANSI_936'],
];
const E0 = 28_553_000;
const N0 = 4_920_000;

const lwpolyline = (layer: string, vertices: [number, number, number?][], closed: boolean): Pairs => [
  [0, 'LWPOLYLINE'],
  [5, 'A1'],
  [8, layer],
  [90, vertices.length],
  [70, closed ? 1 : 0],
  ...vertices.flatMap(([x, y, bulge]): Pairs => [
    [10, x],
    [20, y],
    ...(bulge ? ([[42, bulge]] as Pairs) : []),
  ]),
];

describe('DXF reading', () => {
  it('densifies bulges: a rounded rectangle has the closed-form area within 0.1 %', () => {
    const b = Math.tan(Math.PI / 8); // a quarter turn
    const [w, h, r] = [100, 60, 10];
    const v: [number, number, number?][] = [
      [E0 + r, N0],
      [E0 + w - r, N0, b],
      [E0 + w, N0 + r],
      [E0 + w, N0 + h - r, b],
      [E0 + w - r, N0 + h],
      [E0 + r, N0 + h, b],
      [E0, N0 + h - r],
      [E0, N0 + r, b],
    ];
    const result = readDxf([file(dxfText(R2000, lwpolyline('保护范围', v, true)))]);
    const [feature] = result.layers[0]!.features;
    const expected = w * h - (4 - Math.PI) * r * r;
    expect(Math.abs(area(feature!.geometry) - expected) / expected).toBeLessThan(0.001);
    // chords lie inside the arcs, at most 0.05 m (the default tolerance) from them
    const deficit = expected - area(feature!.geometry);
    expect(deficit).toBeGreaterThan(0);
    expect(deficit).toBeLessThan(2 * Math.PI * r * 0.05);
    expect(feature!.properties).toMatchObject({
      layer: '保护范围',
      entity: 'LWPOLYLINE',
      handle: 'A1',
      closed: true,
    });
    expect(result.layers[0]!.epsg).toBeNull();
    // the text is UTF-8 although the header says ANSI_936: valid UTF-8 wins
    expect(result.info.encoding).toMatchObject({ used: 'utf-8', source: 'detected' });
    // No CRS in a drawing: the resolver takes it from the zone-prefixed eastings.
    expect(resolveLayer(result.layers[0]!).resolution).toMatchObject({
      source: 'magnitude',
      crs: { epsg: 4516 },
    });
    expect(result.info.warnings).toEqual([]);
  });

  it('reads an R12 POLYLINE with VERTEX/SEQEND and its closed flag', () => {
    const vertex = (x: number, y: number): Pairs => [
      [0, 'VERTEX'],
      [8, 'JSKZDD'],
      [10, x],
      [20, y],
    ];
    const entities: Pairs = [
      [0, 'POLYLINE'],
      [8, 'JSKZDD'],
      [66, 1],
      [70, 1],
      ...vertex(E0, N0),
      ...vertex(E0 + 200, N0),
      ...vertex(E0 + 200, N0 + 150),
      ...vertex(E0, N0 + 150),
      [0, 'SEQEND'],
      [8, 'JSKZDD'],
    ];
    const result = readDxf([
      file(
        dxfText(
          [
            [9, '$ACADVER'],
            [1, 'AC1009'],
          ],
          entities,
        ),
      ),
    ]);
    const [feature] = result.layers[0]!.features;
    expect(area(feature!.geometry)).toBeCloseTo(30_000, 6);
    expect(feature!.properties.entity).toBe('POLYLINE');
    expect(dxfLayerNames(result)).toEqual([
      { name: 'JSKZDD', polygons: 1, lines: 0, suggested: 'construction_control_zone' },
    ]);
  });

  it('turns a CIRCLE into a polygon of vertices on the circle', () => {
    const circle = (maxDeviation?: number) =>
      readDxf(
        [
          file(
            dxfText(R2000, [
              [0, 'CIRCLE'],
              [8, '本体'],
              [62, 1],
              [10, E0],
              [20, N0],
              [40, 25],
            ]),
          ),
        ],
        { maxDeviation },
      );
    const coarse = area(circle().layers[0]!.features[0]!.geometry);
    expect(Math.PI * 625 - coarse).toBeGreaterThan(0);
    expect(Math.PI * 625 - coarse).toBeLessThan(2 * Math.PI * 25 * 0.05);
    const result = circle(0.01);
    const g = result.layers[0]!.features[0]!.geometry!;
    expect(Math.abs(area(g) - Math.PI * 625) / (Math.PI * 625)).toBeLessThan(0.001);
    for (const [x, y] of (g as { coordinates: Coordinates[][] }).coordinates[0]!)
      expect(Math.hypot(x! - E0, y! - N0)).toBeCloseTo(25, 6);
    expect(result.layers[0]!.features[0]!.properties.color).toBe(1);
  });

  it('decodes GBK layer names of an R2000 ANSI_936 file', () => {
    const text = dxfText(
      R2000,
      lwpolyline(
        '建设控制地带',
        [
          [E0, N0],
          [E0 + 1, N0],
          [E0, N0 + 1],
        ],
        true,
      ),
    );
    const result = readDxf([file(encodeText(text, 'gbk'))]);
    expect(result.info.encoding).toMatchObject({ used: 'gbk', source: 'header' });
    expect(result.layers[0]!.features[0]!.properties.layer).toBe('建设控制地带');
  });

  it('reads AC1021+ as UTF-8 whatever the code page says, and decodes \\U+XXXX', () => {
    const header: Pairs = [
      [9, '$ACADVER'],
      [1, 'AC1027'],
      [9, '$DWGCODEPAGE'],
      [3, 'ANSI_1252'],
    ];
    const entities = [
      ...lwpolyline(
        '环境协调区',
        [
          [E0, N0],
          [E0 + 1, N0],
          [E0, N0 + 1],
        ],
        true,
      ),
      ...lwpolyline(
        '\\U+7D2B\\U+7EBF',
        [
          [E0, N0],
          [E0 + 2, N0],
          [E0, N0 + 2],
        ],
        true,
      ),
    ];
    const result = readDxf([file(dxfText(header, entities))]);
    expect(result.info.encoding).toMatchObject({ used: 'utf-8', source: 'header' });
    expect(dxfLayerNames(result).map((l) => [l.name, l.suggested])).toEqual([
      ['环境协调区', 'environment_coordination_zone'],
      ['紫线', 'purple_line'],
    ]);
  });

  it('detects GBK when the code page says ANSI_1252', () => {
    const header: Pairs = [
      [9, '$ACADVER'],
      [1, 'AC1015'],
      [9, '$DWGCODEPAGE'],
      [3, 'ANSI_1252'],
    ];
    const text = dxfText(
      header,
      lwpolyline(
        '核心保护范围',
        [
          [E0, N0],
          [E0 + 1, N0],
          [E0, N0 + 1],
        ],
        true,
      ),
    );
    const result = readDxf([file(encodeText(text, 'gbk'))]);
    expect(result.info.encoding).toMatchObject({ used: 'gbk', source: 'detected' });
    expect(result.layers[0]!.features[0]!.properties.layer).toBe('核心保护范围');
  });

  it('keeps open polylines as lines and says they are not zones', () => {
    const result = readDxf([
      file(
        dxfText(
          R2000,
          lwpolyline(
            '道路',
            [
              [E0, N0],
              [E0 + 5, N0],
            ],
            false,
          ),
        ),
      ),
    ]);
    expect(result.layers[0]!.features[0]!.geometry!.type).toBe('LineString');
    expect(result.info.warnings.map((w) => w.en).join()).toMatch(/1 open line features/);
  });

  it('refuses text that is not DXF with the line number', () => {
    expect(() => readDxf([file('hello\nworld\n')])).toThrow(/line 1 should be a group code/);
  });
});

describe('CAD layer names to zone types', () => {
  it.each([
    ['保护范围', 'protection_range'],
    ['文物保护范围线', 'protection_range'],
    ['核心保护范围', 'core_protection_range'],
    ['建控地带', 'construction_control_zone'],
    ['二类建设控制地带', 'construction_control_zone'],
    ['风貌协调区', 'environment_coordination_zone'],
    ['文物本体', 'body'],
    ['城市紫线', 'purple_line'],
    ['BHFW', 'protection_range'],
    ['bhfw_2', 'protection_range'],
    ['JSKZDD', 'construction_control_zone'],
    ['地下文物埋藏区', 'underground_relic_zone'],
    ['DIMENSION', null],
    ['道路红线', null],
    ['0', null],
  ])('%s → %s', (name, type) => expect(suggestZoneTypeForCadLayer(name)).toBe(type));
});

describe('DXF writing', () => {
  it.each(['gbk', 'utf-8'] as const)(
    'writes Chinese CAD layers per zone type that read back (%s)',
    (encoding) => {
      const [out] = writeDxf([projectedLayer], { encoding });
      const result = readDxf([out!]);
      expect(result.info.encoding?.used).toBe(encoding);
      // One zone per zone: the range with its hole, the two-part CCZ (each ring was a zone before).
      expect(dxfLayerNames(result)).toEqual([
        { name: '保护范围', polygons: 1, lines: 0, suggested: 'protection_range' },
        { name: '建设控制地带', polygons: 1, lines: 0, suggested: 'construction_control_zone' },
        { name: '说明 _A_', polygons: 0, lines: 1, suggested: null },
      ]);
      const areas = result.layers[0]!.features.filter((f) => f.geometry!.type !== 'LineString').map((f) =>
        area(f.geometry),
      );
      expect(areas.map((a) => Number(a.toFixed(4)))).toEqual([
        120.5 * 80.25 - 50,
        Number(((250 * 200) / 2 + (50.123 * 40.456) / 2).toFixed(4)),
      ]);
    },
  );

  it('labels vertices J1, J2, … when asked', () => {
    const [out] = writeDxf([projectedLayer], { vertexLabels: true, textHeight: 1.5 });
    const text = new TextDecoder('gbk').decode(out!.bytes);
    const labels = [...text.matchAll(/\r\n {2}1\r\n(J\d+)\r\n/g)].map((m) => m[1]);
    // protection range: 4 + 3 vertices, CCZ: 3 + 3, the line: 2
    expect(labels).toEqual([
      'J1',
      'J2',
      'J3',
      'J4',
      'J5',
      'J6',
      'J7',
      'J1',
      'J2',
      'J3',
      'J4',
      'J5',
      'J6',
      'J1',
      'J2',
    ]);
    expect(text).toContain('\r\n 40\r\n1.5\r\n');
  });

  it('refuses lon/lat layers', () => {
    expect(() => writeDxf([{ ...projectedLayer, epsg: 4490 }])).toThrow(/projected coordinates/);
  });

  it('picks CAD colours near the zone colours', () => {
    expect(nearestAci('#ff0000')).toBe(1);
    expect(nearestAci('#e07b00')).toBe(30);
  });
});
