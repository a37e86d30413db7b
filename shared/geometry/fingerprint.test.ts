import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometryFingerprint, recordFingerprint } from './fingerprint';

const position = fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true }));
const polygon = fc.array(fc.array(position, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 });

describe('fingerprints', () => {
  it('are equal for equal content and differ when any coordinate or the nesting changes', () => {
    fc.assert(
      fc.property(polygon, fc.nat(), fc.nat(1), (rings, at, axis) => {
        const geometry = { type: 'Polygon', coordinates: rings };
        const print = geometryFingerprint(geometry);
        expect(geometryFingerprint(structuredClone(geometry))).toBe(print);
        const flat = rings.flat();
        const changed = structuredClone(rings);
        const p = changed.flat()[at % flat.length]!;
        p[axis] = p[axis] === 0 ? Number.MIN_VALUE : -p[axis]! || 1;
        expect(geometryFingerprint({ type: 'Polygon', coordinates: changed })).not.toBe(print);
        expect(geometryFingerprint({ type: 'MultiPolygon', coordinates: rings })).not.toBe(print);
        expect(geometryFingerprint({ type: 'Polygon', coordinates: [flat] })).not.toBe(
          rings.length > 1 ? print : NaN,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('of a record cover its members, nested ones called geometry included, and its geometry', () => {
    const record = {
      id: 'z1',
      attributes: { zoneType: 'protection_range', derivation: { geometry: [1, 2] } },
      geometry: { type: 'Polygon', coordinates: [[[84, 44]]] },
    };
    const print = recordFingerprint(record);
    expect(recordFingerprint(structuredClone(record))).toBe(print);
    const nested = structuredClone(record);
    nested.attributes.derivation.geometry[0] = 3;
    expect(recordFingerprint(nested)).not.toBe(print);
    const moved = structuredClone(record);
    moved.geometry.coordinates[0]![0]![1] = 44.000001;
    expect(recordFingerprint(moved)).not.toBe(print);
    expect(recordFingerprint({ ...record, id: 'z2' })).not.toBe(print);
  });
});
