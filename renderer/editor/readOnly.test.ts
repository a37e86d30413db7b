import { afterEach, describe, expect, it } from 'vitest';
import { buildTekesSample } from '../../shared/sample/buildSample';
import { createProject, updateProjectSettings } from './commands/projectCommands';
import { deleteZones } from './commands/zoneCommands';
import { openMemoryStore } from '../testing/memoryStore';
import { CommitError } from '../storage/commitError';
import type { Store } from '../storage/store';

let store: Store;
afterEach(() => store.close());

async function snapshot(projectId: string) {
  return {
    project: await store.read.project(projectId),
    zones: await store.read.zonesOfProject(projectId),
    objects: await store.read.objectsOfProject(projectId),
  };
}

describe('read-only review copies', () => {
  it('are stored with the flag and refuse every write, undo and redo', async () => {
    store = await openMemoryStore('review');
    const review = createProject(buildTekesSample());
    // Recorded as an undo step, so there is a step whose undo must be refused.
    await store.commit({ projectId: review.id, ...review, undo: 'record', readOnly: true });
    expect(await store.read.readOnly(review.id)).toBe(true);
    const before = await snapshot(review.id);
    const zoneId = before.zones[0]!.id;

    for (const command of [deleteZones([zoneId]), updateProjectSettings(review.id, { name: 'changed' })]) {
      await expect(store.commit({ projectId: review.id, ...command })).rejects.toThrow(
        /read-only review copy/,
      );
    }
    await expect(store.undo(review.id)).rejects.toBeInstanceOf(CommitError);
    expect(await store.redo(review.id)).toBeNull();
    expect(await snapshot(review.id)).toEqual(before);
  });

  it('leave other projects editable', async () => {
    store = await openMemoryStore('review-other');
    const review = createProject(buildTekesSample());
    await store.commit({ projectId: review.id, ...review, readOnly: true });
    const own = createProject(buildTekesSample());
    await store.commit({ projectId: own.id, ...own });
    expect(await store.read.readOnly(own.id)).toBe(false);
    const zones = await store.read.zonesOfProject(own.id);
    await store.commit({ projectId: own.id, ...deleteZones([zones[0]!.id]) });
    expect(await store.read.zonesOfProject(own.id)).toHaveLength(zones.length - 1);
  });
});
