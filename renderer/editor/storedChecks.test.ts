import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../storage/store';
import { deleteZones, updateZoneAttributes } from './commands/zoneCommands';
import { openMemoryStore, projectWithSquares } from '../testing/memoryStore';
import { StoredChecks } from './storedChecks';

const open: Store[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

async function project(zoneCount: number) {
  const store = await openMemoryStore(`checks-${Math.random()}`);
  open.push(store);
  return { store, ...(await projectWithSquares(store, zoneCount)) };
}

/** Zones flagged for missing 四至 (every new zone has none). */
const missingBoundaryText = (report: { findings: { code: string; zoneIds: string[] }[] }) =>
  report.findings
    .filter((f) => f.code === 'attribute.missing' && JSON.stringify(f).includes('boundaryText'))
    .flatMap((f) => f.zoneIds)
    .sort();

describe('checks on the stored project (checks worker)', () => {
  it('reads the project from the store and re-reads only the records named as changed', async () => {
    const { store, projectId, zones } = await project(3);
    let reads = 0;
    const checks = new StoredChecks(async () => {
      reads++;
      return store.read;
    });
    const all = await checks.check({ projectId, changed: null, options: {} }, () => {});
    expect(new Set(missingBoundaryText(all))).toEqual(new Set(zones));

    // Fill one zone's 四至 and delete another; name only the deleted one as changed.
    await store.commit({ projectId, ...updateZoneAttributes(zones[0]!, { boundaryText: '东至城墙外侧' }) });
    await store.commit({ projectId, ...deleteZones([zones[1]!]) });
    const partial = await checks.check(
      { projectId, changed: { zones: [zones[1]!], objects: [] }, options: {} },
      () => {},
    );
    // The kept copy still holds zone 0 as it was: it was not named, so it was not read again.
    expect(new Set(missingBoundaryText(partial))).toEqual(new Set([zones[0], zones[2]]));

    const named = await checks.check(
      { projectId, changed: { zones: [zones[0]!], objects: [] }, options: {} },
      () => {},
    );
    expect(missingBoundaryText(named)).toEqual([zones[2]]);
    expect(reads).toBe(3);

    const again = await checks.check({ projectId, changed: null, options: {} }, () => {});
    expect(missingBoundaryText(again)).toEqual([zones[2]]);
  });

  it('runs overlapping calls one after the other, each on the state the previous left', async () => {
    const { store, projectId, zones } = await project(2);
    const checks = new StoredChecks(async () => store.read);
    await checks.check({ projectId, changed: null, options: {} }, () => {});
    await store.commit({ projectId, ...deleteZones([zones[0]!]) });
    const [first, second] = await Promise.all([
      checks.check({ projectId, changed: { zones: [zones[0]!], objects: [] }, options: {} }, () => {}),
      checks.check({ projectId, changed: { zones: [], objects: [] }, options: {} }, () => {}),
    ]);
    expect(missingBoundaryText(first)).toEqual([zones[1]]);
    expect(missingBoundaryText(second)).toEqual([zones[1]]);
  });

  it('refuses a project the store does not hold, by name', async () => {
    const { store } = await project(0);
    const checks = new StoredChecks(async () => store.read);
    await expect(checks.check({ projectId: 'gone', changed: null, options: {} }, () => {})).rejects.toThrow(
      /gone/,
    );
  });
});
