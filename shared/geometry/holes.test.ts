import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ring, ZoneGeometry } from '../domain/geometry';
import { addHole, addHoleToGeometry, holeProblemMessage, type HoleProblem } from './holes';
import { isCounterClockwise } from './rings';
import { validateGeometry } from './validatePolygon';
import { polygon, square } from './testShapes';

const reason = (result: { ok: boolean; reason?: HoleProblem }) => (result.ok ? 'ok' : result.reason);

describe('adding a hole', () => {
  it('adds a hole inside a square: closed, clockwise, and the result validates', () => {
    const drawn: Ring = square(84.02, 44.02, 0.02).slice(0, 4); // open and counter-clockwise
    const result = addHole(polygon(square(84, 44, 0.1)), drawn);
    if (!result.ok) throw new Error(result.reason);
    const hole = result.geometry.coordinates[1]!;
    expect(hole).toHaveLength(5);
    expect(hole[0]).toEqual(hole[4]);
    expect(isCounterClockwise(hole)).toBe(false);
    expect(validateGeometry(result.geometry).errors).toEqual([]);
  });

  it('a hole added anywhere strictly inside a square always validates (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.9, noNaN: true }),
        fc.double({ min: 0.001, max: 0.9, noNaN: true }),
        fc.double({ min: 0.001, max: 0.099, noNaN: true }),
        fc.boolean(),
        (fx, fy, fd, clockwise) => {
          const ring = square(84 + fx * 0.1, 44 + fy * 0.1, fd * 0.1);
          const result = addHole(polygon(square(84, 44, 0.1)), clockwise ? ring.reverse() : ring);
          return result.ok && validateGeometry(result.geometry).errors.length === 0;
        },
      ),
    );
  });

  it('refuses rings that are not simple, outside, crossing or touching the shell', () => {
    const shell = polygon(square(84, 44, 0.1));
    const bowtie: Ring = [
      [84.01, 44.01],
      [84.02, 44.02],
      [84.02, 44.01],
      [84.01, 44.02],
      [84.01, 44.01],
    ];
    expect(reason(addHole(shell, bowtie))).toBe('invalid_ring');
    expect(reason(addHole(shell, square(84.01, 44.01, 0).slice(0, 2)))).toBe('invalid_ring');
    expect(reason(addHole(shell, square(85, 44, 0.01)))).toBe('outside_shell');
    expect(reason(addHole(shell, square(84.09, 44.05, 0.02)))).toBe('crosses_boundary');
    const touching: Ring = [
      [84, 44],
      [84.02, 44.01],
      [84.01, 44.02],
      [84, 44],
    ];
    expect(reason(addHole(shell, touching))).toBe('crosses_boundary');
  });

  it('refuses holes that overlap, touch, lie in or enclose an existing hole', () => {
    const holed = polygon(square(84, 44, 0.1), square(84.03, 44.03, 0.02).reverse());
    expect(reason(addHole(holed, square(84.04, 44.04, 0.02)))).toBe('overlaps_hole');
    expect(reason(addHole(holed, square(84.05, 44.05, 0.01)))).toBe('overlaps_hole');
    expect(reason(addHole(holed, square(84.035, 44.035, 0.005)))).toBe('overlaps_hole');
    expect(reason(addHole(holed, square(84.02, 44.02, 0.05)))).toBe('overlaps_hole');
    expect(reason(addHole(holed, square(84.06, 44.06, 0.01)))).toBe('ok');
  });

  it('cuts the hole into the part of a MultiPolygon that holds it, even an island in a lake', () => {
    const lake = square(84.02, 44.02, 0.06).reverse();
    const island = square(84.03, 44.03, 0.04);
    const geometry: ZoneGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(84, 44, 0.1), lake], [island]],
    };
    const inIsland = addHoleToGeometry(geometry, square(84.04, 44.04, 0.01));
    if (!inIsland.ok || inIsland.geometry.type !== 'MultiPolygon') throw new Error('expected a MultiPolygon');
    expect(inIsland.geometry.coordinates[1]).toHaveLength(2);
    expect(inIsland.geometry.coordinates[0]).toHaveLength(2);
    expect(validateGeometry(inIsland.geometry).errors).toEqual([]);
    const inMainland = addHoleToGeometry(geometry, square(84.005, 44.005, 0.01));
    if (!inMainland.ok || inMainland.geometry.type !== 'MultiPolygon')
      throw new Error('expected a MultiPolygon');
    expect(inMainland.geometry.coordinates[0]).toHaveLength(3);
    expect(reason(addHoleToGeometry(geometry, square(85, 44, 0.01)))).toBe('outside_shell');
    expect(reason(addHoleToGeometry(geometry, square(84.09, 44.05, 0.02)))).toBe('crosses_boundary');
  });

  it('explains every refusal in both languages', () => {
    for (const problem of ['invalid_ring', 'outside_shell', 'crosses_boundary', 'overlaps_hole'] as const) {
      expect(holeProblemMessage(problem).zh).toMatch(/内环/);
      expect(holeProblemMessage(problem).en).toMatch(/hole/);
    }
  });
});
