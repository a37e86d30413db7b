import { describe, expect, it } from 'vitest';
import type { Position, ZoneGeometry } from '../../../shared/domain/geometry';
import { CommitError } from '../../storage/commitError';
import type { Store } from '../../storage/store';
import { openMemoryStore } from '../../testing/memoryStore';
import { createObject } from './objectCommands';
import { createProject } from './projectCommands';
import { createZoneFromCoordinates, editZoneVertices } from './vertexCommands';
import { applyVertexEdit, insertAfterRow, pointName } from './vertexEdits';

// A 100 m-ish square near Wusu, counter-clockwise, with a hole.
const OUTER: Position[] = [
  [84.68, 44.43],
  [84.682, 44.43],
  [84.682, 44.432],
  [84.68, 44.432],
];
const HOLE: Position[] = [
  [84.6805, 44.4305],
  [84.6805, 44.431],
  [84.681, 44.431],
];

async function zoneStore(): Promise<{ store: Store; projectId: string; objectId: string; zoneId: string }> {
  const store = await openMemoryStore();
  const project = createProject({ settings: { name: '乌苏', gkZone: 28 }, objects: [], zones: [] });
  await store.commit({ projectId: project.id, ...project });
  const object = createObject(project.id, { name: '古城墙', objectType: 'relic_unit', level: 'county' });
  await store.commit({ projectId: project.id, ...object });
  const zone = createZoneFromCoordinates({
    projectId: project.id,
    objectId: object.id,
    attributes: { zoneType: 'protection_range' },
    rings: [OUTER, HOLE],
    gkZone: 28,
  });
  await store.commit({ projectId: project.id, ...zone });
  return { store, projectId: project.id, objectId: object.id, zoneId: zone.id };
}

const ringOf = (g: ZoneGeometry | undefined, r = 0) => (g?.type === 'Polygon' ? g.coordinates[r] : undefined);

describe('vertex table commands', () => {
  it('creates a zone from typed rings, closed, with one undo step named after the input', async () => {
    const { store, projectId, zoneId } = await zoneStore();
    const stored = await store.read.zone(zoneId);
    expect(ringOf(stored?.geometry)).toEqual([...OUTER, OUTER[0]]);
    expect(ringOf(stored?.geometry, 1)).toEqual([...HOLE, HOLE[0]]);
    expect((await store.read.history(projectId)).undo?.en).toBe('New protection range from coordinates');
  });

  it('moves one vertex as one undo step; undo restores it, the closing point follows the first', async () => {
    const { store, projectId, zoneId } = await zoneStore();
    const before = (await store.read.zone(zoneId))!.geometry;
    const edit = {
      kind: 'move' as const,
      at: { part: 0, ring: 0, index: 0 },
      position: [84.6795, 44.4298] as Position,
    };
    await store.commit({ projectId, ...editZoneVertices(zoneId, edit, before, 28) });
    const ring = ringOf((await store.read.zone(zoneId))?.geometry)!;
    expect(ring[0]).toEqual([84.6795, 44.4298]);
    expect(ring.at(-1)).toEqual([84.6795, 44.4298]);
    // Stored counter-clockwise from the south-west; the table runs clockwise from the north-west.
    expect((await store.read.history(projectId)).undo?.en).toBe('Edit vertex J4');
    await store.undo(projectId);
    expect((await store.read.zone(zoneId))?.geometry).toEqual(before);
  });

  it('inserts after a row, deletes rows and replaces a ring; points are numbered through the rings', async () => {
    const { store, projectId, zoneId } = await zoneStore();
    const g0 = (await store.read.zone(zoneId))!.geometry;
    // The hole's north-west vertex (stored second) is J5: numbering runs on through the rings.
    expect(pointName(g0, { part: 0, ring: 1, index: 1 }, 28)).toBe('J5');
    // After table row J1 (the north-west corner), i.e. on the north edge towards J2.
    const mid: Position = [84.681, 44.432];
    const insert = insertAfterRow(g0, { part: 0, ring: 0 }, 0, [mid], 28);
    await store.commit({ projectId, ...editZoneVertices(zoneId, insert, g0, 28) });
    const g1 = (await store.read.zone(zoneId))!.geometry;
    expect(ringOf(g1)).toEqual([...OUTER.slice(0, 3), mid, OUTER[3], OUTER[0]]);
    expect((await store.read.history(projectId)).undo?.en).toBe('Insert 1 vertex(es) after J1');
    expect(pointName(g1, { part: 0, ring: 0, index: 3 }, 28)).toBe('J2');
    await store.commit({
      projectId,
      ...editZoneVertices(zoneId, { kind: 'remove', at: { part: 0, ring: 0 }, indices: [3] }, g1, 28),
    });
    expect((await store.read.history(projectId)).undo?.en).toBe('Delete vertex J2');
    expect((await store.read.zone(zoneId))?.geometry).toEqual(g0);
    const square: Position[] = [
      [84.679, 44.429],
      [84.683, 44.429],
      [84.683, 44.433],
      [84.679, 44.433],
      [84.679, 44.431],
    ];
    await store.commit({
      projectId,
      ...editZoneVertices(zoneId, { kind: 'replace', at: { part: 0, ring: 0 }, positions: square }, g0, 28),
    });
    expect(ringOf((await store.read.zone(zoneId))?.geometry)).toEqual([...square, square[0]]);
    expect(ringOf((await store.read.zone(zoneId))?.geometry, 1)).toEqual([...HOLE, HOLE[0]]);
  });

  it('refuses a move that makes the boundary cross itself, naming the point, and writes nothing', async () => {
    const { store, projectId, zoneId } = await zoneStore();
    const before = await store.read.zone(zoneId);
    const history = await store.read.history(projectId);
    // J3 (the south-east corner, stored second) dragged across the west side: a bow-tie.
    const edit = {
      kind: 'move' as const,
      at: { part: 0, ring: 0, index: 1 },
      position: [84.678, 44.431] as Position,
    };
    const attempt = store.commit({ projectId, ...editZoneVertices(zoneId, edit, before!.geometry, 28) });
    await expect(attempt).rejects.toBeInstanceOf(CommitError);
    const error = (await attempt.catch((e: unknown) => e)) as CommitError;
    expect(error.title?.en).toBe('Edit vertex J3: the boundary would be invalid; not saved');
    expect(error.title?.zh).toBe('修改界址点 J3：边界将无效，未保存');
    expect(error.problems.map((p) => p.message.en)).toContainEqual(
      expect.stringMatching(/^self-intersection near J\d \(outer ring\)$/),
    );
    expect(await store.read.zone(zoneId)).toEqual(before);
    expect(await store.read.history(projectId)).toEqual(history);
  });

  it('refuses deleting down to two points and a hole moved outside its shell', async () => {
    const { store, projectId, zoneId } = await zoneStore();
    const g = (await store.read.zone(zoneId))!.geometry;
    const remove = editZoneVertices(
      zoneId,
      { kind: 'remove', at: { part: 0, ring: 1 }, indices: [0] },
      g,
      28,
    );
    await expect(store.commit({ projectId, ...remove })).rejects.toMatchObject({
      problems: [{ message: { en: 'hole 1: fewer than 4 positions (3 corners and the closing one)' } }],
    });
    const out = {
      kind: 'replace' as const,
      at: { part: 0, ring: 1 },
      positions: HOLE.map(([x, y]): Position => [x + 0.01, y]),
    };
    await expect(store.commit({ projectId, ...editZoneVertices(zoneId, out, g, 28) })).rejects.toMatchObject({
      problems: [{ message: { en: 'hole 1: a hole lies outside its shell' } }],
    });
  });

  it('refuses a typed bow-tie as a new zone, naming a point, and stores nothing', async () => {
    const { store, projectId, objectId } = await zoneStore();
    const zones = await store.read.zonesOfProject(projectId);
    const bowTie: Position[] = [OUTER[0]!, OUTER[2]!, OUTER[1]!, OUTER[3]!];
    const command = createZoneFromCoordinates({
      projectId,
      objectId,
      attributes: { zoneType: 'construction_control_zone' },
      rings: [bowTie],
      gkZone: 28,
    });
    const error = (await store.commit({ projectId, ...command }).catch((e: unknown) => e)) as CommitError;
    expect(error).toBeInstanceOf(CommitError);
    expect(error.title?.zh).toBe('按坐标新建建设控制地带：边界无效，未保存');
    expect(error.problems[0]!.message.en).toMatch(/^self-intersection near J\d \(outer ring\)$/);
    expect(await store.read.zonesOfProject(projectId)).toEqual(zones);
  });

  it('adds a hole by replacing the ring one past the last', () => {
    const g: ZoneGeometry = { type: 'Polygon', coordinates: [[...OUTER, OUTER[0]!]] };
    const next = applyVertexEdit(g, { kind: 'replace', at: { part: 0, ring: 1 }, positions: HOLE });
    expect(ringOf(next, 1)).toEqual([...HOLE, HOLE[0]]);
    expect(() =>
      applyVertexEdit(g, { kind: 'move', at: { part: 0, ring: 0, index: 4 }, position: [0, 0] }),
    ).toThrow(RangeError);
  });
});
