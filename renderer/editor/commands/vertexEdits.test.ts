import { describe, expect, it } from 'vitest';
import type { Position, ZoneGeometry } from '../../../shared/domain/geometry';
import { toSurveyXY } from '../../../shared/crs/gaussKruger';
import { buildParcels } from '../../../shared/formats/coordinateTable/parcels';
import { firstPointNumber, openRing, tableOrder } from './vertexEdits';

/** A counter-clockwise outer ring starting in the south-east and a clockwise hole: both against the table's order. */
const ZONE: ZoneGeometry = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [84.682, 44.43],
        [84.6825, 44.432],
        [84.68, 44.4325],
        [84.6795, 44.4302],
        [84.682, 44.43],
      ],
      [
        [84.6805, 44.4305],
        [84.6805, 44.431],
        [84.681, 44.431],
        [84.6805, 44.4305],
      ],
    ],
    [
      [
        [84.69, 44.43],
        [84.691, 44.43],
        [84.691, 44.431],
        [84.69, 44.43],
      ],
    ],
  ],
};

describe('the vertex table', () => {
  it('names and orders points exactly as the exported coordinate table does', () => {
    const parcels = buildParcels([{ geometry: ZONE, name: '测试', use: '保护范围' }], {
      gkZone: 28,
      decimals: 3,
    });
    expect(parcels).toHaveLength(2);
    ZONE.coordinates.forEach((rings, part) => {
      const exported = parcels[part]!.points;
      const rows = rings.flatMap((ring, r) => {
        const stored = openRing(ring as Position[]);
        const first = firstPointNumber(ZONE, { part, ring: r });
        return tableOrder(ZONE, { part, ring: r }, 28).map((i, d) => {
          const { x, y } = toSurveyXY(stored[i]!, 28, { prefixed: true });
          return { name: `J${first + d + 1}`, ring: r + 1, x: Number(x.toFixed(3)), y: Number(y.toFixed(3)) };
        });
      });
      // The export repeats each ring's first point to close it; the table shows it once.
      const open = exported.filter((p, i) => exported.findIndex((q) => q.name === p.name) === i);
      expect(rows).toEqual(open);
    });
  });
});
