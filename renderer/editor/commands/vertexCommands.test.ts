import { describe, expect, it } from 'vitest';
import type { Position, ZoneGeometry } from '../../../shared/domain/geometry';
import { CommitError } from '../../storage/commitError';
import type { Store } from '../../storage/store';
import { openMemoryStore } from '../../testing/memoryStore';
import { createObject } from './objectCommands';
import { createProject } from './projectCommands';
import { createZoneFromCoordinates, editZoneVertices } from './vertexCommands';
import { applyVertexEdit, pointName } from './vertexEdits';

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
    await store.commit({ projectId, ...editZoneVertices(zoneId, edit, before) });
    const ring = ringOf((await store.read.zone(zoneId))?.geometry)!;
    expect(ring[0]).toEqual([84.6795, 44.4298]);
    expect(ring.at(-1)).toEqual([84.6795, 44.4298]);
    expect((await store.read.history(projectId)).undo?.en).toBe('Edit vertex J1');
    await store.undo(projectId);
    expect((await store.read.zone(zoneId))?.geometry).toEqual(before);
  });

  it('inserts after a row, deletes rows and replaces a ring; points are numbered through the rings', async () => {
    const { store, projectId, zoneId } = await zoneStore();
    const g0 = (await store.read.zone(zoneId))!.geometry;
    expect(pointName(g0, { part: 0, ring: 1, index: 0 })).toBe('J5');
    const mid: Position = [84.681, 44.4298];
    await store.commit({
      projectId,
      ...editZoneVertices(
        zoneId,
        { kind: 'insert', at: { part: 0, ring: 0, index: 0 }, positions: [mid] },
        g0,
      ),
    });
    const g1 = (await store.read.zone(zoneId))!.geometry;
    expect(ringOf(g1)).toEqual([OUTER[0], mid, ...OUTER.slice(1), OUTER[0]]);
    expect((await store.read.history(projectId)).undo?.en).toBe('Insert 1 vertex(es) after J1');
    await store.commit({
      projectId,
      ...editZoneVertices(zoneId, { kind: 'remove', at: { part: 0, ring: 0 }, indices: [1] }, g1),
    });
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
      ...editZoneVertices(zoneId, { kind: 'replace', at: { part: 0, ring: 0 }, positions: square }, g0),
    });
    expect(ringOf((await store.read.zone(zoneId))?.geometry)).toEqual([...square, square[0]]);
    expect(ringOf((await store.read.zone(zoneId))?.geometry, 1)).toEqual([...HOLE, HOLE[0]]);
  });

  it('refuses a move that makes the boundary cross itself, naming the point, and writes nothing', async () => {
    const { store, projectId, zoneId } = await zoneStore();
    const before = await store.read.zone(zoneId);
    const history = await store.read.history(projectId);
    // J2 dragged across the opposite side: the outer ring becomes a bow-tie.
    const edit = {
      kind: 'move' as const,
      at: { part: 0, ring: 0, index: 1 },
      position: [84.678, 44.431] as Position,
    };
    const attempt = store.commit({ projectId, ...editZoneVertices(zoneId, edit, before!.geometry) });
    await expect(attempt).rejects.toBeInstanceOf(CommitError);
    const error = (await attempt.catch((e: unknown) => e)) as CommitError;
    expect(error.title?.en).toBe('Edit vertex J2: the boundary would be invalid; not saved');
    expect(error.title?.zh).toBe('修改界址点 J2：边界将无效，未保存');
    expect(error.problems.map((p) => p.message.en)).toContainEqual(
      expect.stringMatching(/^self-intersection near J\d \(outer ring\)$/),
    );
    expect(await store.read.zone(zoneId)).toEqual(before);
    expect(await store.read.history(projectId)).toEqual(history);
  });

  it('refuses deleting down to two points and a hole moved outside its shell', async () => {
    const { store, projectId, zoneId } = await zoneStore();
    const g = (await store.read.zone(zoneId))!.geometry;
    const remove = editZoneVertices(zoneId, { kind: 'remove', at: { part: 0, ring: 1 }, indices: [0] }, g);
    await expect(store.commit({ projectId, ...remove })).rejects.toMatchObject({
      problems: [{ message: { en: 'hole 1: fewer than 4 positions (3 corners and the closing one)' } }],
    });
    const out = {
      kind: 'replace' as const,
      at: { part: 0, ring: 1 },
      positions: HOLE.map(([x, y]): Position => [x + 0.01, y]),
    };
    await expect(store.commit({ projectId, ...editZoneVertices(zoneId, out, g) })).rejects.toMatchObject({
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
