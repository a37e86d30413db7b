import { leanRecord } from '../../shared/domain/packedGeometry';
import type { Project, ProtectedObject, Zone } from '../../shared/domain/schema';
import type { Mutated } from '../storage/mutations';
import type { Store } from '../storage/store';

/** The open project as one consistent value (what panels not yet keyed read). */
export interface ProjectData {
  project: Project;
  objects: ProtectedObject[];
  zones: Zone[];
}

/** What one patch changed: keys per table, and whether records came or went (the lists changed). */
export interface MirrorChange {
  project: boolean;
  objects: ReadonlySet<string>;
  zones: ReadonlySet<string>;
  listChanged: boolean;
}

type KeyedTable = 'objects' | 'zones';
type Listener = () => void;

/**
 * A keyed in-memory copy of the open project: read once, then patched by key from the keys each
 * committed transaction changed (this window's edits, undo/redo, imports run in a worker, other
 * windows — storage/mutations.ts), re-reading only those keys in one bulk read. Subscribers listen
 * to one record, to the lists, or to every change; a vertex edit wakes only what shows that zone.
 * Records are never mutated: a changed record is a new object, so identity tells "changed".
 * Zones keep their geometry packed (`leanRecord`): a county's nested coordinate arrays were half
 * the page's heap.
 */
export class ProjectMirror {
  private projectRecord: Project | null = null;
  private readonly maps = { objects: new Map<string, ProtectedObject>(), zones: new Map<string, Zone>() };
  private readonly order: Record<KeyedTable, string[] | null> = { objects: [], zones: [] };
  private loaded = false;
  private version = 0;
  private cached: { version: number; data: ProjectData | null } | null = null;
  private dirty: Mutated = {};
  private flushing: Promise<void> | null = null;
  private readonly all = new Set<(change: MirrorChange) => void>();
  private readonly lists = new Set<Listener>();
  private readonly keyed = {
    objects: new Map<string, Set<Listener>>(),
    zones: new Map<string, Set<Listener>>(),
  };
  private readonly stop: () => void;
  private disposed = false;
  /** Resolves once the first read is in. */
  readonly ready: Promise<void>;

  constructor(
    private readonly store: Store,
    readonly projectId: string,
  ) {
    // Listen before reading, so a commit landing during the first read is re-read after it.
    this.stop = store.changes((mutated) => this.mark(mutated));
    this.ready = this.load();
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  project(): Project | null {
    return this.projectRecord;
  }

  zone(id: string): Zone | undefined {
    return this.maps.zones.get(id);
  }

  object(id: string): ProtectedObject | undefined {
    return this.maps.objects.get(id);
  }

  /** Ids in key order (stable until a record comes or goes). */
  ids(table: KeyedTable): readonly string[] {
    return (this.order[table] ??= [...this.maps[table].keys()].sort());
  }

  zoneCount(): number {
    return this.maps.zones.size;
  }

  /** The whole project as one value, the same object until something changes; undefined while loading. */
  data(): ProjectData | null | undefined {
    if (!this.loaded) return undefined;
    if (this.cached?.version === this.version) return this.cached.data;
    const project = this.projectRecord;
    const data = project && {
      project,
      objects: this.ids('objects').map((id) => this.maps.objects.get(id)!),
      zones: this.ids('zones').map((id) => this.maps.zones.get(id)!),
    };
    this.cached = { version: this.version, data };
    return data;
  }

  /** Every patch (and the first read, as a change of everything). */
  subscribe(listener: (change: MirrorChange) => void): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  /** Records came or went, or the project record changed. */
  subscribeList(listener: Listener): () => void {
    this.lists.add(listener);
    return () => this.lists.delete(listener);
  }

  /** One record changed (or came or went). */
  subscribeKey(table: KeyedTable, id: string, listener: Listener): () => void {
    const map = this.keyed[table];
    let set = map.get(id);
    if (!set) map.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && map.get(id) === set) map.delete(id);
    };
  }

  /** Resolves when every change seen so far has been read back and applied (tests, benches). */
  async settled(): Promise<void> {
    await this.ready;
    while (this.flushing) await this.flushing;
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    this.all.clear();
    this.lists.clear();
  }

  private async load(): Promise<void> {
    const read = this.store.read;
    const [project, objects, zones] = await Promise.all([
      read.project(this.projectId),
      read.objectsOfProject(this.projectId),
      read.zonesOfProject(this.projectId),
    ]);
    if (this.disposed) return;
    this.projectRecord = project ?? null;
    for (const o of objects) this.maps.objects.set(o.id, o);
    for (const z of zones) this.maps.zones.set(z.id, leanRecord(z));
    this.order.objects = null;
    this.order.zones = null;
    this.loaded = true;
    performance.mark('hzw:project-read');
    const everything = {
      project: true,
      objects: new Set(this.maps.objects.keys()),
      zones: new Set(this.maps.zones.keys()),
      listChanged: true,
    };
    this.publish(everything);
    if (Object.keys(this.dirty).length) this.schedule();
  }

  private mark(mutated: Mutated): void {
    for (const table of ['projects', 'objects', 'zones'] as const) {
      const keys = mutated[table];
      if (!keys) continue;
      const had = this.dirty[table];
      if (keys === 'all' || had === 'all') this.dirty[table] = 'all';
      else this.dirty[table] = new Set([...(had ?? []), ...keys]);
    }
    if (this.loaded) this.schedule();
  }

  private schedule(): void {
    if (this.flushing || this.disposed) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (Object.keys(this.dirty).length) this.schedule();
    });
  }

  /** Read back the dirty keys (one bulk read per table) and apply them. */
  private async flush(): Promise<void> {
    const dirty = this.dirty;
    this.dirty = {};
    const read = this.store.read;
    const id = this.projectId;
    const [project, objects, zones] = await Promise.all([
      dirty.projects && (dirty.projects === 'all' || dirty.projects.has(id)) ? read.project(id) : null,
      readTable<'objects'>(
        dirty.objects,
        () => read.objectsOfProject(id),
        (k) => read.records('objects', k),
      ),
      readTable<'zones'>(
        dirty.zones,
        () => read.zonesOfProject(id),
        (k) => read.records('zones', k),
      ),
    ]);
    if (this.disposed) return;
    const start = performance.now();
    const change: MirrorChange = { project: false, objects: new Set(), zones: new Set(), listChanged: false };
    if (project !== null) {
      this.projectRecord = project ?? null;
      change.project = true;
      change.listChanged = true;
    }
    this.patch('objects', objects, change);
    this.patch('zones', zones, change);
    if (change.project || change.objects.size || change.zones.size) this.publish(change);
    // The page-thread cost of one commit reaching every subscriber (map, panels), reads excluded.
    performance.measure('hzw:mirror-patch', { start, end: performance.now() });
  }

  private patch<T extends KeyedTable>(table: T, read: Readout<T> | null, change: MirrorChange): void {
    if (!read) return;
    const map = this.maps[table] as Map<string, Rec<T>>;
    const changed = change[table] as Set<string>;
    const keep = (record: Rec<T> | undefined) => record !== undefined && record.projectId === this.projectId;
    const set = (key: string, record: Rec<T> | undefined) => {
      const had = map.get(key);
      if (keep(record)) {
        // A whole-table re-read brings every record anew: keep the old object when it is unchanged.
        if (read.whole && had && had.updatedAt === record!.updatedAt) return;
        map.set(key, table === 'zones' ? (leanRecord(record as Zone) as Rec<T>) : record!);
        if (!had) change.listChanged = true;
      } else {
        if (!had) return;
        map.delete(key);
        change.listChanged = true;
      }
      changed.add(key);
    };
    if (read.whole) {
      const seen = new Set<string>();
      for (const record of read.records) {
        seen.add(record.id);
        set(record.id, record);
      }
      for (const key of [...map.keys()]) if (!seen.has(key)) set(key, undefined);
    } else {
      read.keys.forEach((key, i) => set(key, read.records[i]));
    }
    if (change.listChanged) this.order[table] = null;
  }

  private publish(change: MirrorChange): void {
    this.version++;
    for (const table of ['objects', 'zones'] as const) {
      for (const key of change[table]) for (const listener of this.keyed[table].get(key) ?? []) listener();
    }
    if (change.listChanged) for (const listener of [...this.lists]) listener();
    for (const listener of [...this.all]) listener(change);
  }
}

type Rec<T extends KeyedTable> = T extends 'zones' ? Zone : ProtectedObject;
type Readout<T extends KeyedTable> =
  { whole: true; records: Rec<T>[] } | { whole: false; keys: string[]; records: (Rec<T> | undefined)[] };

async function readTable<T extends KeyedTable>(
  dirty: ReadonlySet<string> | 'all' | undefined,
  whole: () => Promise<Rec<T>[]>,
  some: (keys: string[]) => Promise<(Rec<T> | undefined)[]>,
): Promise<Readout<T> | null> {
  if (!dirty) return null;
  if (dirty === 'all') return { whole: true, records: await whole() };
  const keys = [...dirty];
  return { whole: false, keys, records: await some(keys) };
}
