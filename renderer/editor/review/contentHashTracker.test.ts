import { afterEach, describe, expect, it, vi } from 'vitest';
import * as hashing from '../../../shared/review/contentHash';
import { openMemoryStore, projectWithSquares, squareAround } from '../../testing/memoryStore';
import type { Store } from '../../storage/store';
import { setZoneGeometries } from '../commands/zoneCommands';
import { ProjectMirror } from '../projectMirror';
import { ContentHashTracker } from './contentHashTracker';
import { docIds } from './docIds';

const open: Store[] = [];
afterEach(() => {
  open.splice(0).forEach((s) => s.close());
  vi.restoreAllMocks();
});

async function project(zoneCount: number) {
  const store = await openMemoryStore(`tracker-${Math.random()}`);
  open.push(store);
  const made = await projectWithSquares(store, zoneCount);
  const mirror = new ProjectMirror(store, made.projectId);
  await mirror.settled();
  return { store, ...made, mirror };
}

describe('ContentHashTracker', () => {
  it('gives the content hash the shared function computes over the same records', async () => {
    const { mirror } = await project(3);
    const tracked = await new ContentHashTracker(mirror, docIds(null)).compute();
    const data = mirror.data()!;
    const expected = await hashing.contentHash({ objects: data.objects, zones: data.zones });
    expect(tracked!.contentHash).toBe(expected);
    expect(tracked!.counts).toEqual({ objects: 1, zones: 3 });
  });

  it('hashes in document ids: the same content stored under other ids, mapped back, hashes the same', async () => {
    const first = await project(2);
    const second = await project(2);
    const original = await new ContentHashTracker(first.mirror, docIds(null)).compute();
    const unmapped = await new ContentHashTracker(second.mirror, docIds(null)).compute();
    const idMap = {
      [second.objectId]: first.objectId,
      ...Object.fromEntries(second.zones.map((id, i) => [id, first.zones[i]!])),
    };
    const mapped = await new ContentHashTracker(second.mirror, docIds(idMap)).compute();
    expect(unmapped!.contentHash).not.toBe(original!.contentHash);
    expect(mapped!.contentHash).toBe(original!.contentHash);
  });

  it('after a vertex edit rehashes that one zone only and the content hash changes', async () => {
    const { store, projectId, zones, mirror } = await project(4);
    const tracker = new ContentHashTracker(mirror, docIds(null));
    const before = await tracker.compute();
    const spy = vi.spyOn(hashing, 'zoneHash');
    await store.commit({ projectId, ...setZoneGeometries(new Map([[zones[2]!, squareAround(85, 45)]])) });
    await mirror.settled();
    const after = await tracker.compute();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(after!.contentHash).not.toBe(before!.contentHash);
    expect([...after!.zones].filter(([id, h]) => before!.zones.get(id) !== h).map(([id]) => id)).toEqual([
      zones[2],
    ]);
  });
});
