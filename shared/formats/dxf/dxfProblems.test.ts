import { describe, expect, it } from 'vitest';
import { readDxf } from './dxfAdapter';
import { dxfFile, dxfText, type Pairs } from './fixtures/dxfBuilder';

/** Degenerate entities are refused one by one (type, layer, handle, reason); the file still reads. */
const E = 28_553_000;
const N = 4_920_000;
const entity = (type: string, handle: string, pairs: Pairs): Pairs => [
  [0, type],
  [5, handle],
  [8, '保护范围'],
  ...pairs,
];
const square: Pairs = [
  [90, 4],
  [70, 1],
  [10, E],
  [20, N],
  [10, E + 10],
  [20, N],
  [10, E + 10],
  [20, N + 10],
  [10, E],
  [20, N + 10],
];

describe('degenerate entities', () => {
  const entities: Pairs = [
    ...entity('CIRCLE', 'C0', [
      [10, E],
      [20, N],
      [40, 0],
    ]),
    ...entity('CIRCLE', 'C1', [
      [10, E],
      [20, N],
      [40, -1],
    ]),
    ...entity('ARC', 'A1', [
      [10, E],
      [20, N],
      [40, 'nan'],
      [50, 0],
      [51, 90],
    ]),
    ...entity('LINE', 'L1', [
      [10, E],
      [20, N],
      [11, E],
      [21, N],
    ]),
    ...entity('LWPOLYLINE', 'P1', [
      [90, 4],
      [70, 1],
      [10, E],
      [20, N],
      [10, E + 5],
      [20, N],
      [10, E + 5],
      [20, N],
      [10, E],
      [20, N],
    ]),
    ...entity('LWPOLYLINE', 'P2', [
      [90, 2],
      [70, 0],
      [10, E],
      [20, '1e400'],
      [10, E + 5],
      [20, N],
    ]),
    ...entity('POINT', 'X1', [
      [10, 1e300],
      [20, N],
    ]),
    ...entity('SOLID', 'S1', [
      [10, E],
      [20, N],
      [11, E],
      [21, N],
      [12, E + 1],
      [22, N],
      [13, E + 1],
      [23, N],
    ]),
    ...entity('LWPOLYLINE', 'OK', square),
  ];

  it('refuses each with its type, layer, handle and reason, and keeps the good ones', () => {
    const result = readDxf([dxfFile(dxfText({ entities }))]);
    expect(result.layers[0]!.features.map((f) => f.properties.handle)).toEqual(['OK']);
    expect(result.problems.map((p) => p.reason.en)).toEqual([
      'CIRCLE (layer “保护范围”, handle C0): radius 0 is not greater than 0',
      'CIRCLE (layer “保护范围”, handle C1): radius -1 is not greater than 0',
      'ARC (layer “保护范围”, handle A1): a coordinate is not numeric',
      'LINE (layer “保护范围”, handle L1): zero-length line',
      'LWPOLYLINE (layer “保护范围”, handle P1): closed polyline has fewer than 3 distinct vertices',
      'LWPOLYLINE (layer “保护范围”, handle P2): a coordinate is not numeric',
      'POINT (layer “保护范围”, handle X1): a coordinate is not finite or out of range (±1e12)',
      'SOLID (layer “保护范围”, handle S1): fewer than 3 distinct corners',
    ]);
    expect(result.problems[0]!.reason.zh).toBe('CIRCLE（图层“保护范围”，句柄 C0）：半径 0 不大于 0');
    // Numbered after the features, so the import dialog can list them beside the kept ones.
    expect(result.problems.map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
