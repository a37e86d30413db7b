import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../storage/store';
import { createZone, deleteZones, setZoneGeometries, updateZoneAttributes } from './commands/zoneCommands';
import { projectWithSquares, squareAround } from '../testing/memoryStore';
import { packedGeometryOf } from '../../shared/domain/packedGeometry';
import { ProjectMirror } from './projectMirror';

let seq = 0;
const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

/** Two windows on one database (each store is a connection; Dexie relays their commits). */
async function twoWindows() {
  const name = `mirror-${++seq}`;
  const indexedDB = new IDBFactory();
  const a = await openStore({ name, indexedDB, IDBKeyRange });
  const b = await openStore({ name, indexedDB, IDBKeyRange });
  open.push(a, b);
  return { a, b };
}

const projectWithZones = projectWithSquares;

describe('project mirror', () => {
  it('patches only the committed zone, keeps the others as the same objects, and follows undo', async () => {
    const { a } = await twoWindows();
    const { projectId, zones } = await projectWithZones(a, 3);
    const mirror = new ProjectMirror(a, projectId);
    await mirror.settled();
    expect(mirror.ids('zones')).toEqual([...zones].sort());
    const [first, second] = zones.map((id) => mirror.zone(id)!);
    const listIds = mirror.ids('zones');
    const heard: string[] = [];
    mirror.subscribeKey('zones', zones[0]!, () => heard.push('A'));
    mirror.subscribeKey('zones', zones[1]!, () => heard.push('B'));
    let lists = 0;
    mirror.subscribeList(() => lists++);

    const geometry = squareAround(85, 45);
    await a.commit({ projectId, ...setZoneGeometries(new Map([[zones[1]!, geometry]])) });
    await mirror.settled();
    expect(mirror.zone(zones[1]!)!.geometry).toEqual(geometry);
    // Kept packed (typed arrays), not as Dexie's array per vertex: the same packed form each time.
    expect(packedGeometryOf(mirror.zone(zones[1]!)!)).toBe(packedGeometryOf(mirror.zone(zones[1]!)!));
    expect(packedGeometryOf(first!)).toBe(packedGeometryOf(first!));
    expect(mirror.zone(zones[0]!)).toBe(first);
    expect(heard).toEqual(['B']);
    expect(lists).toBe(0);
    expect(mirror.ids('zones')).toBe(listIds);

    await a.undo(projectId);
    await mirror.settled();
    expect(mirror.zone(zones[1]!)!.geometry).toEqual(second!.geometry);
    expect(heard).toEqual(['B', 'B']);
    await a.redo(projectId);
    await mirror.settled();
    expect(mirror.zone(zones[1]!)!.geometry).toEqual(geometry);
    mirror.dispose();
  });

  it('follows another window’s commits: an edit, a deletion and a new zone', async () => {
    const { a, b } = await twoWindows();
    const { projectId, objectId, zones } = await projectWithZones(a, 2);
    const mirror = new ProjectMirror(a, projectId);
    await mirror.settled();
    const untouched = mirror.zone(zones[0]!);
    let lists = 0;
    mirror.subscribeList(() => lists++);

    await b.commit({ projectId, ...updateZoneAttributes(zones[1]!, { rules: 'from B' }) });
    await waitFor(() => mirror.zone(zones[1]!)?.attributes.rules === 'from B');
    expect(lists).toBe(0);

    await b.commit({ projectId, ...deleteZones([zones[1]!]) });
    const extra = createZone({
      projectId,
      objectId,
      attributes: { zoneType: 'construction_control_zone' },
      geometry: squareAround(86, 44),
    });
    await b.commit({ projectId, ...extra });
    await waitFor(() => mirror.zone(extra.id) !== undefined && mirror.zone(zones[1]!) === undefined);
    expect(mirror.ids('zones')).toEqual([zones[0]!, extra.id].sort());
    expect(mirror.zone(zones[0]!)).toBe(untouched);
    expect(lists).toBeGreaterThan(0);
    const data = mirror.data()!;
    expect(data.zones.map((z) => z.id)).toEqual([zones[0]!, extra.id].sort());
    expect(mirror.data()).toBe(data);
    mirror.dispose();
  });

  it('ignores records of other projects and reports a missing project as null', async () => {
    const { a } = await twoWindows();
    const mine = await projectWithZones(a, 1);
    const other = await projectWithZones(a, 1);
    const mirror = new ProjectMirror(a, mine.projectId);
    await mirror.settled();
    let heard = 0;
    mirror.subscribe(() => heard++);
    await a.commit({
      projectId: other.projectId,
      ...updateZoneAttributes(other.zones[0]!, { rules: 'elsewhere' }),
    });
    await new Promise((r) => setTimeout(r, 30));
    await mirror.settled();
    expect(heard).toBe(0);
    expect(mirror.ids('zones')).toEqual(mine.zones);

    const missing = new ProjectMirror(a, 'no-such-project');
    await missing.settled();
    expect(missing.data()).toBeNull();
    mirror.dispose();
    missing.dispose();
  });
});

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
