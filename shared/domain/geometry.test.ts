import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MultiPolygonSchema, PolygonSchema, ZoneGeometrySchema } from './geometry';
import { describeIssues } from './messages';
import { ZoneSchema } from './schema';

/** The geometry rules as plain zod states them: what the fast path must agree with exactly. */
const ZOD_ONLY = z.discriminatedUnion('type', [PolygonSchema, MultiPolygonSchema]);

/** Values a file can carry where a coordinate belongs, most of them not a valid one. */
const bad = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, 180.5, -181, 90.5, -90.5, 1e300, '84', null, undefined),
  fc.double(),
);
const lonLat = fc.tuple(
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: -90, max: 90, noNaN: true }),
);
/** Positions: lon/lat, sometimes with a height, a missing value or something else. */
const position = fc.oneof(
  { weight: 10, arbitrary: lonLat },
  { weight: 2, arbitrary: fc.tuple(lonLat, fc.double()).map(([p, z]) => [...p, z]) },
  { weight: 1, arbitrary: fc.constantFrom([1], '84,44', null, [180, 90], [-180, -90], [-0, 0]) },
);
/** A ring of positions with at most one value replaced by a bad one (position, axis, value). */
const ring = fc
  .tuple(
    fc.array(position, { minLength: 0, maxLength: 7 }),
    fc.option(fc.tuple(fc.nat(), fc.nat(2), bad), { freq: 2 }),
  )
  .map(([positions, change]) => {
    if (!change || positions.length === 0) return positions;
    const [at, axis, value] = change;
    const p = positions[at % positions.length];
    if (Array.isArray(p)) (p as unknown[])[axis] = value;
    return positions;
  });
const rings = fc.array(ring, { minLength: 0, maxLength: 3 });
const geometry = fc.oneof(
  fc.record({ type: fc.constant('Polygon'), coordinates: rings }),
  fc.record({ type: fc.constant('MultiPolygon'), coordinates: fc.array(rings, { maxLength: 3 }) }),
  fc.record({
    type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'polygon'),
    coordinates: fc.oneof(rings, fc.constant(null), fc.constant('x')),
    bbox: fc.constant([0, 0, 1, 1]),
  }),
  fc.constantFrom(null, 'Polygon', [], 3),
);

function outcome(result: z.ZodSafeParseResult<unknown>) {
  if (result.success) return { data: result.data };
  return { zh: describeIssues(result.error, 'zh'), en: describeIssues(result.error, 'en') };
}

describe('ZoneGeometrySchema', () => {
  it('accepts, copies and refuses exactly as the plain zod rules do, with the same messages', () => {
    fc.assert(
      fc.property(geometry, (value) => {
        expect(outcome(ZoneGeometrySchema.safeParse(value))).toEqual(outcome(ZOD_ONLY.safeParse(value)));
      }),
      { numRuns: 3000 },
    );
  });

  it('names the field inside a zone record as the plain rules did', () => {
    const record = {
      id: 'z1',
      projectId: 'p1',
      objectId: 'o1',
      attributes: { zoneType: 'protection_range' },
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const broken = {
      type: 'Polygon',
      coordinates: [
        [
          [84, 44],
          [84.1, 95],
          [84.1, 44.1],
        ],
      ],
    };
    const result = ZoneSchema.safeParse({ ...record, geometry: broken });
    expect(result.success).toBe(false);
    const paths = describeIssues(result.error!, 'en').map((p) => p.path);
    expect(paths).toEqual(['geometry.coordinates.0.1.1', 'geometry.coordinates.0']);
    expect(describeIssues(result.error!, 'zh')[1]!.message).toMatch(/4/);
  });

  it('returns a copy with the third dimension and other keys dropped, or the input when it is exact', () => {
    const square = [
      [84, 44, 5],
      [84.1, 44, 5],
      [84.1, 44.1, 5],
      [84, 44, 5],
    ];
    const input = { type: 'Polygon', coordinates: [square], bbox: [84, 44, 84.1, 44.1] };
    const parsed = ZoneGeometrySchema.parse(input);
    expect(parsed).toEqual({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y])] });
    expect(parsed.coordinates[0]).not.toBe(square);
    // Already two-dimensional, nothing else in it: the same object comes back.
    expect(ZoneGeometrySchema.parse(parsed)).toBe(parsed);
    const multi = { type: 'MultiPolygon', coordinates: [parsed.coordinates] };
    expect(ZoneGeometrySchema.parse(multi)).toBe(multi);
  });
});
