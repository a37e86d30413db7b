import { describe, expect, it } from 'vitest';
import type { ProtectedObject, Zone } from '../../../shared/domain/schema';
import { buildWusuSample } from '../../../shared/sample/buildSample';
import { changesSince } from './changesSince';

// The Wusu sample as stored records (ids, attributes, geometry as the sample builds them).
function sampleState() {
  const doc = buildWusuSample();
  const at = '2026-12-01T00:00:00.000Z';
  const objects = doc.objects.map(
    (o) =>
      ({
        id: o.id,
        projectId: 'p',
        attributes: o.attributes,
        createdAt: at,
        updatedAt: at,
      }) as unknown as ProtectedObject,
  );
  const zones = doc.zones.map(
    (z) =>
      ({
        id: z.id,
        projectId: 'p',
        objectId: z.objectId,
        attributes: z.attributes,
        geometry: z.geometry,
        createdAt: at,
        updatedAt: at,
      }) as unknown as Zone,
  );
  return { objects, zones };
}

describe('changesSince', () => {
  it('finds nothing between a state and a copy with new timestamps', () => {
    const before = sampleState();
    const after = {
      objects: before.objects.map((o) => ({ ...o, updatedAt: '2027-01-01T00:00:00.000Z' })),
      zones: before.zones.map((z) => ({ ...z, updatedAt: '2027-01-01T00:00:00.000Z' })),
    };
    expect(changesSince(before, after)).toEqual([]);
  });

  it('names a moved vertex as a geometry change of that one zone', () => {
    const before = sampleState();
    const moved = structuredClone(before.zones[0]!);
    const ring =
      moved.geometry.type === 'Polygon' ? moved.geometry.coordinates[0]! : moved.geometry.coordinates[0]![0]!;
    ring[1] = [ring[1]![0] + 1e-5, ring[1]![1]];
    const after = { objects: before.objects, zones: [moved, ...before.zones.slice(1)] };
    expect(changesSince(before, after)).toEqual([{ table: 'zones', id: moved.id, change: 'geometry' }]);
  });

  it('tells added, removed and attribute changes apart', () => {
    const before = sampleState();
    const [first, second, ...rest] = before.zones;
    const renamed = { ...before.objects[0]!, attributes: { ...before.objects[0]!.attributes, name: '新名' } };
    const retyped = { ...second!, attributes: { ...second!.attributes, heightLimitM: 9 } };
    const added = { ...first!, id: 'new-zone' };
    const after = { objects: [renamed, ...before.objects.slice(1)], zones: [retyped, ...rest, added] };
    expect(changesSince(before, after)).toEqual([
      { table: 'objects', id: renamed.id, change: 'attributes' },
      { table: 'zones', id: retyped.id, change: 'attributes' },
      { table: 'zones', id: 'new-zone', change: 'added' },
      { table: 'zones', id: first!.id, change: 'removed' },
    ]);
  });
});
