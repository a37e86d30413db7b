import { describe, expect, it } from 'vitest';
import type { AxisOrder } from '../../crs/evidence';
import { positionTransform } from '../../crs/transformLayer';
import { writeCoordinateTable } from '../coordinateTable/writeCoordinateTable';
import { testObject, testZone } from '../coordinateTable/testZones';
import type { Coordinates, Layer, NamedBytes } from '../layer';
import { writeShapefile } from '../shapefile/writeShapefile';
import { encodeText } from '../text/encoding';
import { readImport } from './readImport';
import type { ImportOptions } from './types';

/**
 * One decision, every format: a square near Wusu written in zone 28 with and without the zone
 * prefix, in GIS order (X = east) and in survey order (X = north), with and without a .prj (or a
 * header zone), read with the axis order left to the resolver or chosen either way, with and
 * without the project zone. Each case either lands within 1 mm of where the square is, or is
 * refused with a reason — never placed somewhere else in silence.
 */
const SQUARE: [number, number][] = [
  [84.6751, 44.4251],
  [84.6791, 44.4251],
  [84.6791, 44.4281],
  [84.6751, 44.4281],
  [84.6751, 44.4251],
];

type Prefix = 'prefixed' | 'plain';
const CODE: Record<Prefix, number> = { prefixed: 4516, plain: 4537 };

/** The square in the file's numbers: projected, and swapped for survey order. */
function numbers(prefix: Prefix, order: AxisOrder): Coordinates[] {
  const f = positionTransform(4490, CODE[prefix]);
  return SQUARE.map((p) => f(p)).map(([e, n]) => (order === 'en' ? [e!, n!] : [n!, e!]));
}

const layerOf = (ring: Coordinates[], epsg: number | null): Layer => ({
  name: 'square',
  epsg,
  fields: [{ name: 'zone_type', type: 'string' }],
  features: [
    { geometry: { type: 'Polygon', coordinates: [ring] }, properties: { zone_type: 'protection_range' } },
  ],
});

function shapefile(prefix: Prefix, order: AxisOrder, prj: boolean): NamedBytes[] {
  const { files } = writeShapefile([layerOf(numbers(prefix, order), CODE[prefix])], { baseName: 'square' });
  return files.filter((f) => prj || !f.name.endsWith('.prj'));
}

function dxf(prefix: Prefix, order: AxisOrder): NamedBytes[] {
  const vertices = numbers(prefix, order)
    .slice(0, -1)
    .flatMap(([x, y]) => ['10', String(x), '20', String(y)]);
  const pairs = [
    '0',
    'SECTION',
    '2',
    'ENTITIES',
    '0',
    'LWPOLYLINE',
    '8',
    '保护范围',
    '90',
    '4',
    '70',
    '1',
    ...vertices,
  ];
  const text = [...pairs, '0', 'ENDSEC', '0', 'EOF'].join('\r\n');
  return [{ name: 'square.dxf', bytes: new TextEncoder().encode(text) }];
}

function table(prefix: Prefix, order: AxisOrder, headerZone: boolean): NamedBytes[] {
  const zone = testZone('z', 'o', { type: 'Polygon', coordinates: [SQUARE] });
  let text = writeCoordinateTable([{ zone, object: testObject('o') }], {
    gkZone: 28,
    prefixed: prefix === 'prefixed',
  });
  if (!headerZone) text = text.replace(/带号=28\r\n/, '');
  if (order === 'en') text = text.replace(/^(J\d+,\d+),([\d.]+),([\d.]+)$/gm, '$1,$3,$2');
  return [{ name: 'square.txt', bytes: encodeText(text, 'gbk') }];
}

interface Outcome {
  placed: boolean;
  /** Largest distance from the square's corners, metres (Infinity when refused). */
  offset: number;
  warned: boolean;
}

async function importSquare(files: NamedBytes[], options: ImportOptions): Promise<Outcome> {
  const out = await readImport({
    files,
    options: { defaultObjectName: '方形', defaultZoneType: 'protection_range', ...options },
  });
  const zone = out.result.document.zones[0];
  const warned = out.layers.some((l) => l.info.warnings.length > 0);
  if (out.refused || !zone) return { placed: false, offset: Infinity, warned };
  const ring = zone.geometry.coordinates[0] as number[][];
  const toMetres = positionTransform(4490, 4537);
  let offset = 0;
  for (const corner of SQUARE.slice(0, -1)) {
    const [e, n] = toMetres(corner);
    const nearest = Math.min(...ring.map((p) => toMetres(p)).map(([x, y]) => Math.hypot(x! - e!, y! - n!)));
    offset = Math.max(offset, nearest);
  }
  return { placed: true, offset, warned };
}

const ORDERS: AxisOrder[] = ['en', 'ne'];
const CHOICES: (AxisOrder | undefined)[] = [undefined, 'en', 'ne'];
const PREFIXES: Prefix[] = ['prefixed', 'plain'];

/** What must happen: right place, or refused; a wrong user order may also land elsewhere with a warning. */
function expectOutcome(outcome: Outcome, expected: 'placed' | 'refused' | 'wrong-order', label: string) {
  if (expected === 'placed') {
    expect(outcome.placed, label).toBe(true);
    expect(outcome.offset, label).toBeLessThan(0.001);
  } else if (expected === 'refused') expect(outcome.placed, label).toBe(false);
  else expect(!outcome.placed || (outcome.offset > 1000 && outcome.warned), label).toBe(true);
}

describe('the CRS resolver across formats (format × prefix × axis order × axis choice × .prj/zone)', () => {
  it('Shapefile', async () => {
    for (const prefix of PREFIXES)
      for (const order of ORDERS)
        for (const prj of [true, false])
          for (const gkZone of [28, undefined])
            for (const choice of CHOICES) {
              const label = `shp ${prefix} ${order} prj=${prj} zone=${gkZone} choice=${choice}`;
              const options: ImportOptions = {
                ...(gkZone ? { gkZone } : {}),
                ...(choice ? { axisOrder: choice } : {}),
              };
              const outcome = await importSquare(shapefile(prefix, order, prj), options);
              const needsZone = !prj && prefix === 'plain' && gkZone === undefined;
              const expected = choice && choice !== order ? 'wrong-order' : needsZone ? 'refused' : 'placed';
              expectOutcome(outcome, expected, label);
            }
  });

  it('DXF', async () => {
    for (const prefix of PREFIXES)
      for (const order of ORDERS)
        for (const gkZone of [28, undefined])
          for (const choice of CHOICES) {
            const label = `dxf ${prefix} ${order} zone=${gkZone} choice=${choice}`;
            const options: ImportOptions = {
              ...(gkZone ? { gkZone } : {}),
              ...(choice ? { axisOrder: choice } : {}),
            };
            const outcome = await importSquare(dxf(prefix, order), options);
            const needsZone = prefix === 'plain' && gkZone === undefined;
            const expected = choice && choice !== order ? 'wrong-order' : needsZone ? 'refused' : 'placed';
            expectOutcome(outcome, expected, label);
          }
  });

  it('coordinate table (survey order by convention)', async () => {
    for (const prefix of PREFIXES)
      for (const order of ORDERS)
        for (const headerZone of [true, false])
          for (const choice of CHOICES) {
            const label = `txt ${prefix} ${order} header=${headerZone} choice=${choice}`;
            const outcome = await importSquare(
              table(prefix, order, headerZone),
              choice ? { axisOrder: choice } : {},
            );
            const needsZone = prefix === 'plain' && !headerZone;
            const expected = choice && choice !== order ? 'wrong-order' : needsZone ? 'refused' : 'placed';
            expectOutcome(outcome, expected, label);
          }
  });

  it('a user CRS wins over the .prj, and a survey-order file with a .prj is read in survey order with a warning', async () => {
    const swapped = await readImport({
      files: shapefile('prefixed', 'ne', true),
      options: { defaultObjectName: '方形' },
    });
    expect(swapped.layers[0]!.info.crs).toMatchObject({ epsg: 4516, source: 'prj', axisOrder: 'ne' });
    expect(swapped.layers[0]!.info.warnings.map((w) => w.en).join()).toMatch(/X\/Y swapped/);
    const user = await readImport({ files: shapefile('plain', 'en', true), options: { epsg: 4537 } });
    expect(user.layers[0]!.info.crs).toMatchObject({ epsg: 4537, source: 'user' });
  });
});
