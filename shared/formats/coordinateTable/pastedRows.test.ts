import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parsePastedRows, pastedRings } from './pastedRows';
import { placePastedRows } from './placePasted';
import { readCoordinateTable } from './readCoordinateTable';

/** PROJ's cs2cs between EPSG codes in their own axis order (4516: northing, easting; 4490: lat, lon). */
function cs2cs(from: string, to: string, rows: readonly (readonly number[])[]): number[][] {
  const out = execFileSync('cs2cs', ['-f', '%.12f', from, to], {
    input: rows.map((r) => r.join(' ')).join('\n'),
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map((l) => l.split(/\s+/).slice(0, 2).map(Number));
}

const NE = [
  [4_921_000.123, 28_554_000.456],
  [4_921_000.123, 28_554_120.5],
  [4_921_090.25, 28_554_120.5],
  [4_921_090.25, 28_554_000.456],
] as const;

/** Within 1 mm on the ground: 1e-8° is about 1.1 mm of latitude. */
const MM_DEGREES = 1e-8;

describe('pasted rows', () => {
  it('reads tab, comma and space rows with names, ring numbers and a header as one table', () => {
    const tsv = ['点号\t圈号\tX(北)\tY(东)', ...NE.map(([x, y], i) => `J${i + 1}\t1\t${x}\t${y}`)].join(
      '\r\n',
    );
    const csv = NE.map(([x, y], i) => `J${i + 1},${x},${y}`).join('\n');
    const bare = NE.map(([x, y]) => `${x}  ${y}`).join('\n');
    const fullWidth = NE.map(([x, y], i) => `Ｊ${i + 1}，${x}，${y}`.replace('Ｊ', 'J')).join('\n');
    for (const text of [tsv, csv, bare, fullWidth]) {
      const rows = parsePastedRows(text);
      expect(rows.problems).toEqual([]);
      expect(rows.points.map((p) => [p.a, p.b])).toEqual(NE.map((p) => [...p]));
      expect(rows.points.every((p) => p.ring === 1)).toBe(true);
    }
    expect(parsePastedRows(tsv).header).toBe(1);
    expect(parsePastedRows(csv).points.map((p) => p.name)).toEqual(['J1', 'J2', 'J3', 'J4']);
  });

  it('reads the point lines of a coordinate-table file the way the file reader does', () => {
    const lines = [
      'J1,1,4921000.123,28554000.456',
      'J2,1,4921000.123,28554120.5',
      'J3,1,4921090.25,28554120.5',
    ];
    const closed = [...lines, 'J1,1,4921000.123,28554000.456'];
    const file = readCoordinateTable(new TextEncoder().encode(closed.join('\n')), 'a.txt');
    const ring = file.layers[0]!.features[0]!.geometry!.coordinates[0] as number[][];
    const pasted = pastedRings(parsePastedRows(closed.join('\n')).points);
    expect(pasted).toHaveLength(1);
    // The closing repeat is dropped: each vertex once.
    expect(pasted[0]!.points.map((p) => [p.a, p.b])).toEqual(ring.slice(0, -1));
  });

  it('names the line and the field of a bad row, in both languages', () => {
    const rows = parsePastedRows('J1\t4921000\t28554000\nJ2\t49210x0\t28554120\nJ3,0,4921090,28554120');
    expect(rows.points).toHaveLength(1);
    expect(rows.problems.map((p) => p.en)).toEqual([
      'line 2: coordinate “49210x0” is not a number',
      'line 3: ring number “0” is not a positive integer',
    ]);
    expect(rows.problems[0]!.zh).toBe('第 2 行：坐标“49210x0”不是数字');
  });

  it('cuts rings by ring number', () => {
    const text = ['J1,1,10,10', 'J2,1,10,20', 'J3,1,20,20', 'J4,2,12,12', 'J5,2,12,14', 'J6,2,14,14'].join(
      '\n',
    );
    expect(pastedRings(parsePastedRows(text).points).map((r) => [r.ring, r.points.length])).toEqual([
      [1, 3],
      [2, 3],
    ]);
  });
});

describe('placing pasted rows', () => {
  const reference = cs2cs('EPSG:4516', 'EPSG:4490', NE).map(([lat, lon]) => [lon!, lat!]);

  it('prefixed Y: the prefix names zone 28, within 1 mm of cs2cs (EPSG:4516)', () => {
    const placed = placePastedRows(parsePastedRows(NE.map((p) => p.join('\t')).join('\n')).points, {
      gkZone: 27,
    });
    if ('refusal' in placed) throw new Error(placed.refusal.en);
    placed.positions.forEach((p, i) => {
      expect(Math.abs(p[0] - reference[i]![0]!)).toBeLessThan(MM_DEGREES);
      expect(Math.abs(p[1] - reference[i]![1]!)).toBeLessThan(MM_DEGREES);
    });
    // The project says 27; the prefix says 28 and wins, with a warning. Nothing speaks of "the file".
    expect(placed.reasons.map((r) => r.en)).toEqual(['The easting carries zone prefix 28 (3° zone)']);
    expect(placed.warnings.map((w) => w.en)).toEqual([
      "The coordinates are in zone 28, not the project's zone 27; converted from zone 28",
    ]);
  });

  it('plain Y in the project zone equals cs2cs with EPSG:4537; Y first is swapped back', () => {
    const plain = NE.map(([x, y]) => [x, y - 28_000_000] as const);
    const expected = cs2cs('EPSG:4537', 'EPSG:4490', plain).map(([lat, lon]) => [lon!, lat!]);
    for (const text of [
      plain.map(([x, y]) => `${x} ${y}`).join('\n'),
      plain.map(([x, y]) => `${y} ${x}`).join('\n'),
    ]) {
      const placed = placePastedRows(parsePastedRows(text).points, { gkZone: 28 });
      if ('refusal' in placed) throw new Error(placed.refusal.en);
      placed.positions.forEach((p, i) => {
        expect(Math.abs(p[0] - expected[i]![0]!)).toBeLessThan(MM_DEGREES);
        expect(Math.abs(p[1] - expected[i]![1]!)).toBeLessThan(MM_DEGREES);
      });
    }
  });

  it('lon/lat rows in lon/lat order stay as typed', () => {
    const placed = placePastedRows(parsePastedRows('84.68 44.43\n84.69 44.43\n84.69 44.44').points, {
      gkZone: 28,
      order: 'en',
    });
    if ('refusal' in placed) throw new Error(placed.refusal.en);
    expect(placed.positions).toEqual([
      [84.68, 44.43],
      [84.69, 44.43],
      [84.69, 44.44],
    ]);
  });

  it('refuses numbers that fit no Chinese system, and points that land outside China', () => {
    const nonsense = placePastedRows(parsePastedRows('12 34567\n13 34568\n14 34569').points, { gkZone: 28 });
    expect('refusal' in nonsense && nonsense.refusal.en).toMatch(/neither like lon\/lat/);
    const outside = placePastedRows(parsePastedRows('J1 10.5 20.5\nJ2 10.6 20.5\nJ3 10.6 20.6').points, {
      gkZone: 28,
      order: 'en',
    });
    expect('refusal' in outside && outside.refusal.en).toMatch(/^Line 1 \(J1\) lies outside China/);
  });
});
