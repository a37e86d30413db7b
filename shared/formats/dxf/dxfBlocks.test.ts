import { describe, expect, it } from 'vitest';
import { readDxf } from './dxfAdapter';
import { MAX_BLOCK_DEPTH } from './dxfBlocks';
import { dxfFile, dxfText, type Pairs } from './fixtures/dxfBuilder';
import { onDisk, pairFeatures, readWithGdal } from './dxfTestData.test';

/** INSERT: placement, arrays, ATTRIB values, layer 0 and ByBlock, and drawings built to explode. */
const square = (size: number): Pairs => [
  [0, 'LWPOLYLINE'],
  [8, '0'],
  [62, 0],
  [90, 4],
  [70, 1],
  ...[
    [0, 0],
    [size, 0],
    [size, size],
    [0, size],
  ].flatMap(([x, y]): Pairs => [
    [10, x!],
    [20, y!],
  ]),
];
const insert = (block: string, x: number, y: number, extra: Pairs = []): Pairs => [
  [0, 'INSERT'],
  [5, `I${block}${x}`],
  [8, '界址点'],
  [62, 3],
  [2, block],
  [10, x],
  [20, y],
  ...extra,
];
const attrib = (tag: string, value: string, flags = 0): Pairs => [
  [0, 'ATTRIB'],
  [8, '0'],
  [10, value.length],
  [20, 2],
  [40, 1.5],
  [1, value],
  [2, tag],
  [70, flags],
];

describe('block references', () => {
  const drawing = dxfText({
    blocks: [{ name: 'PARCEL', base: [1, 1], entities: square(10) }],
    entities: [
      ...insert('PARCEL', 500, 300, [
        [66, 1],
        [41, 2],
        [42, 3],
        [50, 45],
      ]),
      ...attrib('编号', 'J12'),
      ...attrib('高程', '1052.3', 1),
      ...attrib('LAYER', 'shadowed'),
      [0, 'SEQEND'],
      ...insert('PARCEL', 0, 0, [
        [70, 3],
        [71, 2],
        [44, 20],
        [45, 30],
        [50, 90],
      ]),
    ],
  });

  it('places inserts, MINSERT cells and ATTRIB labels where GDAL puts them', () => {
    const ours = readDxf([dxfFile(drawing)], { joinLines: false }).layers[0]!.features;
    const gdal = readWithGdal(onDisk(drawing));
    // 1 scaled, rotated insert + 3 × 2 cells; 2 visible ATTRIB labels (GDAL also draws the invisible one)
    expect(ours.filter((f) => f.geometry?.type === 'Polygon')).toHaveLength(7);
    expect(ours.filter((f) => f.geometry?.type === 'Point').map((f) => f.properties.text)).toEqual([
      'J12',
      'shadowed',
    ]);
    const { pairs, unpairedGdal, unpairedOurs } = pairFeatures(gdal, ours);
    expect(unpairedOurs).toEqual([]);
    expect(unpairedGdal.map((f) => f.properties.Text)).toEqual(['1052.3']);
    for (const p of pairs) {
      expect(p.oursToGdal).toBeLessThan(1e-9);
      expect(p.gdalToOurs).toBeLessThan(1e-9);
    }
  });

  it('hands the INSERT its layer, colour, handle, block name and ATTRIB values', () => {
    const [first] = readDxf([dxfFile(drawing)]).layers[0]!.features;
    expect(first!.properties).toMatchObject({
      layer: '界址点', // the block's entity is on layer 0
      color: 3, // ByBlock
      handle: 'IPARCEL500',
      block: 'PARCEL',
      编号: 'J12',
      高程: '1052.3', // invisible, but still a value
      attrib_LAYER: 'shadowed', // a tag named like one of the reader's fields
    });
    expect(readDxf([dxfFile(drawing)]).layers[0]!.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['block', '编号', '高程', 'attrib_LAYER']),
    );
  });
});

describe('drawings built to explode', () => {
  const time = (f: () => void) => {
    const start = performance.now();
    f();
    return performance.now() - start;
  };

  it('refuses a block that inserts itself, and keeps the rest of the drawing', () => {
    const text = dxfText({
      blocks: [{ name: 'LOOP', entities: [...square(1), ...insert('LOOP', 2, 0)] }],
      entities: [...insert('LOOP', 0, 0), ...square(5)],
    });
    const result = readDxf([dxfFile(text)]);
    expect(result.layers[0]!.features).toHaveLength(2); // the loop's square once, and the top-level square
    expect(result.problems.map((p) => p.reason.en)).toEqual([
      'INSERT (layer “界址点”, handle ILOOP0, block “LOOP”): block “LOOP” inserts itself; skipped',
    ]);
  });

  it('refuses 10 levels of 10 inserts (10¹⁰ entities) at once, with the count', () => {
    const blocks = Array.from({ length: 10 }, (_, level) => ({
      name: `L${level}`,
      entities:
        level === 9
          ? Array.from({ length: 10 }, () => square(1)).flat()
          : Array.from({ length: 10 }, (_, k) => insert(`L${level + 1}`, k, 0)).flat(),
    }));
    const text = dxfText({
      blocks,
      entities: [...insert('L0', 0, 0), ...insert('L0', 1, 0), ...insert('L0', 2, 0)],
    });
    let result: ReturnType<typeof readDxf> | null = null;
    expect(time(() => (result = readDxf([dxfFile(text)])))).toBeLessThan(1000);
    expect(result!.layers[0]!.features).toEqual([]);
    expect(result!.problems[0]!.reason.en).toMatch(
      /block “L0” would draw 1\.00e\+10 entities, over the limit of 1000000 per drawing; not expanded/,
    );
    // Later INSERTs past the limit are counted, not listed one by one.
    expect(result!.problems).toHaveLength(1);
    expect(result!.info.warnings.map((w) => w.en)).toContain(
      '3 INSERTs not expanded: the drawing reached its limit of block entities',
    );
  });

  it(`refuses blocks nested deeper than ${MAX_BLOCK_DEPTH} levels`, () => {
    const blocks = Array.from({ length: 40 }, (_, level) => ({
      name: `D${level}`,
      entities: level === 39 ? square(1) : insert(`D${level + 1}`, 0, 0),
    }));
    const result = readDxf([
      dxfFile(dxfText({ blocks, entities: [...insert('D0', 0, 0), ...insert('D30', 9, 9)] })),
    ]);
    expect(result.problems.map((p) => p.reason.en)).toEqual([
      expect.stringContaining(`block “D0” nests more than ${MAX_BLOCK_DEPTH} levels deep; not expanded`),
    ]);
    expect(result.layers[0]!.features).toHaveLength(1); // D30 → … → D39: 9 levels
  });

  it('reports an INSERT of a block that is not defined', () => {
    const result = readDxf([dxfFile(dxfText({ entities: [...insert('GHOST', 0, 0), ...square(3)] }))]);
    expect(result.problems[0]!.reason.en).toContain('block “GHOST” is not defined');
    expect(result.layers[0]!.features).toHaveLength(1);
  });
});
