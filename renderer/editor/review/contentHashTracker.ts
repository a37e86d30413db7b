import type { ProtectedObject, Zone } from '../../../shared/domain/schema';
import { contentHashOf, objectHash, zoneHash } from '../../../shared/review/contentHash';
import type { ProjectMirror } from '../projectMirror';
import { createStateStore, type StateStore } from '../stateStore';
import type { DocIds } from './docIds';

/** The open project's content hash and record hashes, in document ids (null while computing). */
export interface ContentHashes {
  contentHash: string;
  objects: ReadonlyMap<string, string>;
  zones: ReadonlyMap<string, string>;
  counts: { objects: number; zones: number };
}

/** How long the document must be still before it is hashed again. */
export const HASH_DEBOUNCE_MS = 300;

/**
 * Keeps the content hash (design §2.4) of the project the mirror holds: recomputed 300 ms after the
 * last change, reusing each record's hash while the record is the same object (the mirror replaces
 * only changed records), so a vertex edit rehashes one zone and the line list.
 */
export class ContentHashTracker {
  readonly state: StateStore<{ hashes: ContentHashes | null }> = createStateStore<{
    hashes: ContentHashes | null;
  }>({ hashes: null });
  private readonly cache = new WeakMap<object, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private run = 0;

  constructor(
    private readonly mirror: ProjectMirror,
    private readonly ids: DocIds,
  ) {}

  /** Follow the mirror (hashing at once when it is loaded); returns the function that stops it. */
  start(): () => void {
    const stop = this.mirror.subscribe(() => this.schedule());
    if (this.mirror.isLoaded) this.schedule(0);
    return () => {
      if (this.timer) clearTimeout(this.timer);
      stop();
    };
  }

  private schedule(delay = HASH_DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.compute(), delay);
  }

  private async hashOf<T extends object>(record: T, hash: (r: T) => Promise<string>): Promise<string> {
    const known = this.cache.get(record);
    if (known) return known;
    const value = await hash(record);
    this.cache.set(record, value);
    return value;
  }

  /** Hash now (the sign-off dialog must not sign a hash 300 ms old). */
  async compute(): Promise<ContentHashes | null> {
    const run = ++this.run;
    const data = this.mirror.data();
    if (!data) return null;
    const { toDoc } = this.ids;
    const objects = await Promise.all(
      data.objects.map(async (o: ProtectedObject) => {
        const id = toDoc(o.id);
        return [id, await this.hashOf(o, () => objectHash({ id, attributes: o.attributes }))] as const;
      }),
    );
    const zones = await Promise.all(
      data.zones.map(async (z: Zone) => {
        const id = toDoc(z.id);
        const view = { id, objectId: toDoc(z.objectId), attributes: z.attributes, geometry: z.geometry };
        return [id, await this.hashOf(z, () => zoneHash(view))] as const;
      }),
    );
    const hashes = { objects: new Map(objects), zones: new Map(zones) };
    const contentHash = await contentHashOf(hashes);
    const result = { contentHash, ...hashes, counts: { objects: objects.length, zones: zones.length } };
    // A newer run started meanwhile: its answer is the one to show.
    if (run === this.run) this.state.set({ hashes: result });
    return result;
  }
}
