import { describe, expect, it } from 'vitest';
import { deriveShapes } from './deriveZones';
import { derivationRecord, derivationState, requestFromDerivation, shapeIndex } from './record';
import { GK_ZONE, square } from './testHelpers';
import type { DeriveRequest } from './types';

describe('derivation record and stale state', () => {
  const source = square(100);
  const request: DeriveRequest = {
    source: { kind: 'zone', zoneId: 'range', geometry: source },
    spec: {
      method: 'rings',
      corner: 'round',
      rings: [
        { cczClass: 1, distanceM: 20 },
        { cczClass: 2, distanceM: 10 },
      ],
    },
  };
  const shapes = deriveShapes(request, { gkZone: GK_ZONE });
  const record = derivationRecord(request, shapes[1]!, '2025-01-01T00:00:00Z');

  it('is current while the source is unchanged, stale once it moves, missing when deleted', () => {
    expect(derivationState(record, () => source)).toBe('current');
    expect(derivationState(record, () => square(100, 1, 0))).toBe('stale');
    expect(derivationState(record, () => undefined)).toBe('missing');
    expect(derivationState(null, () => source)).toBe('none');
  });

  it('regenerates the same ring from the stored record', () => {
    expect(shapeIndex(record)).toBe(1);
    const again = requestFromDerivation(record, source)!;
    expect(deriveShapes(again, { gkZone: GK_ZONE })[1]!.geometry).toEqual(shapes[1]!.geometry);
    const moved = requestFromDerivation(record, square(100, 50, 0))!;
    expect(deriveShapes(moved, { gkZone: GK_ZONE })[1]!.geometry).not.toEqual(shapes[1]!.geometry);
  });
});
