import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position, Ring, ZoneGeometry } from '../domain/geometry';
import { circlePolygon } from './circle';
import { interiorPoint } from './interiorPoint';
import { geodesicDistance } from './length';
import { locatePoint } from './pointInPolygon';
import { validateGeometry } from './validatePolygon';

/** Offsets in units of 1e-4° around Wusu. */
const at = (x: number, y: number): Position => [84 + x * 1e-4, 44 + y * 1e-4];
const poly = (...rings: Ring[]): ZoneGeometry => ({ type: 'Polygon', coordinates: rings });
const square = (x: number, y: number, d: number): Ring => [
  at(x, y),
  at(x + d, y),
  at(x + d, y + d),
  at(x, y + d),
  at(x, y),
];

describe('interior point', () => {
  it('puts the point of a circle near its centre', () => {
    const center: Position = [84.6771, 44.4266];
    const point = interiorPoint(circlePolygon(center, 200));
    expect(geodesicDistance(point, center)).toBeLessThan(2);
  });

  it('stays out of the notch of a U and out of a hole', () => {
    const u = poly([
      at(0, 0),
      at(30, 0),
      at(30, 30),
      at(20, 30),
      at(20, 10),
      at(10, 10),
      at(10, 30),
      at(0, 30),
      at(0, 0),
    ]);
    expect(locatePoint(interiorPoint(u), u)).toBe('inside');
    const ring = poly(square(0, 0, 30), square(5, 5, 20).reverse());
    const point = interiorPoint(ring);
    expect(locatePoint(point, ring)).toBe('inside');
  });

  it('labels the largest part of a MultiPolygon', () => {
    const geometry: ZoneGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1)], [square(10, 0, 5)]],
    };
    const point = interiorPoint(geometry);
    expect(locatePoint(point, poly(square(10, 0, 5)))).toBe('inside');
  });

  it('finds the inside of a sliver (1 cm × 800 m) and of a long thin diagonal strip', () => {
    const sliver = poly([at(0, 0), at(100, 0), at(100, 0.001), at(0, 0)]);
    expect(locatePoint(interiorPoint(sliver), sliver)).toBe('inside');
    const strip: Position[] = [];
    for (let i = 0; i <= 2000; i++) strip.push(at(i, i + 0.02 * Math.sin(i)));
    for (let i = 2000; i >= 0; i--) strip.push(at(i + 0.05, i));
    strip.push(strip[0]!);
    expect(locatePoint(interiorPoint(poly(strip)), poly(strip))).toBe('inside');
  });

  it('is always strictly inside random star-shaped polygons with a hole (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 3, maxLength: 60 }),
        fc.double({ min: 0.01, max: 0.95, noNaN: true }),
        (radii, holeFraction) => {
          const shell: Ring = radii.map((r, i) => {
            const a = (2 * Math.PI * i) / radii.length;
            return at(100 * r * Math.cos(a), 100 * r * Math.sin(a));
          });
          shell.push(shell[0]!);
          // Every edge keeps at least min(r)·cos(π/n) from the centre: a square hole within that fits.
          const clearance = 100 * Math.min(...radii) * Math.cos(Math.PI / radii.length);
          const d = (holeFraction * clearance) / Math.SQRT2;
          const hole = [at(-d, -d), at(-d, d), at(d, d), at(d, -d), at(-d, -d)];
          const geometry = poly(shell, hole);
          expect(validateGeometry(geometry).errors).toEqual([]);
          return locatePoint(interiorPoint(geometry), geometry) === 'inside';
        },
      ),
    );
  });
});
