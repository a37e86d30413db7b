import type { ProtectedObject, Zone } from '../../shared/domain/schema';
import type { CheckOptions } from '../../shared/checks/findings';
import { runChecks, type CheckReport } from '../../shared/checks/runChecks';
import type { Reader } from '../storage/reader';

/** What changed since the last check of the same project (ids); null: read everything again. */
export interface ChangedRecords {
  zones: readonly string[];
  objects: readonly string[];
}

/** Zones per read when the whole project is read. */
const READ_SLICE = 500;

export interface StoredCheckRequest {
  projectId: string;
  changed: ChangedRecords | null;
  options: Partial<CheckOptions>;
}

export interface ChecksSessionTypes {
  /** Check the project as stored, re-reading only the records named as changed. */
  check: { input: StoredCheckRequest; output: CheckReport };
}

/**
 * The heritage checks over the project as the store holds it, run in the checks worker: the page
 * sends ids, never the document (copying 10 000 zones to a worker took ~0.9 s of the page's
 * thread). The worker keeps its own keyed copy and re-reads only the records an edit changed.
 */
export class StoredChecks {
  private projectId: string | null = null;
  private readonly objects = new Map<string, ProtectedObject>();
  private readonly zones = new Map<string, Zone>();

  /** Calls run one after the other: each patches the copy the next one reads. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly reader: () => Promise<Reader>) {}

  check(request: StoredCheckRequest, progress: (fraction: number) => void): Promise<CheckReport> {
    const run = this.queue.then(() => this.run(request, progress));
    this.queue = run.catch(() => {});
    return run;
  }

  private async run(request: StoredCheckRequest, progress: (fraction: number) => void): Promise<CheckReport> {
    const read = await this.reader();
    // The store reads zones lean (geometry packed, unpacked when asked); every check run walks
    // every zone's geometry, so this copy holds them unpacked once.
    const zonesOf = async (ids: readonly string[]) => (await read.zones(ids)).map((z) => z && { ...z });
    const project = await read.project(request.projectId);
    if (!project) throw new Error(`project ${request.projectId} is not in the store`);
    if (request.projectId !== this.projectId || !request.changed) {
      this.projectId = null;
      replaceAll(this.objects, await read.objectsOfProject(request.projectId));
      // In slices, each its own read: one read of 10 000 zones would hold the table for seconds,
      // and an edit's write waits for every read of its table to finish.
      const ids = await read.zoneIdsOfProject(request.projectId);
      this.zones.clear();
      for (let i = 0; i < ids.length; i += READ_SLICE)
        for (const zone of await zonesOf(ids.slice(i, i + READ_SLICE)))
          if (zone.projectId === request.projectId) this.zones.set(zone.id, zone);
      this.projectId = request.projectId;
    } else {
      const { zones, objects } = request.changed;
      patch(this.zones, zones, await zonesOf(zones), request.projectId);
      const found = await Promise.all(objects.map((id) => read.object(id)));
      patch(
        this.objects,
        objects,
        found.filter((o): o is ProtectedObject => o !== undefined),
        request.projectId,
      );
    }
    // The checks start in a task of their own. Run straight after the last read, they ran while
    // that read's transaction was still active (its success task), so IndexedDB could not close
    // it: every write to the zones — the page's next edit — waited for the whole check (over a
    // minute for 100 objects × 100 zones, the edit's commit stuck behind it).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const document = {
      settings: { gkZone: project.settings.gkZone },
      // In key order, as the page's mirror lists them, so findings come out in the same order.
      objects: byKey(this.objects),
      zones: byKey(this.zones),
    };
    return runChecks(document, request.options, progress);
  }
}

function replaceAll<T extends { id: string }>(map: Map<string, T>, records: readonly T[]): void {
  map.clear();
  for (const r of records) map.set(r.id, r);
}

/** Put what was found, drop the named ids that are gone (or moved to another project). */
function patch<T extends { id: string; projectId: string }>(
  map: Map<string, T>,
  ids: readonly string[],
  found: readonly T[],
  projectId: string,
): void {
  for (const id of ids) map.delete(id);
  for (const r of found) if (r.projectId === projectId) map.set(r.id, r);
}

const byKey = <T>(map: Map<string, T>): T[] => [...map.keys()].sort().map((id) => map.get(id)!);
