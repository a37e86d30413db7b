import { liveQuery } from 'dexie';
import type { ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import type { WorkbenchDb } from './database';
import { VISIBLE_PREFIX, type OutsideWrite } from './outsideHistory';

/**
 * Reference layers (生态保护红线, 永久基本农田, 城镇开发边界, …) are project data but not zones: they
 * are added and removed as a whole, outside the undo history of zone edits, and never edited.
 * They live in their own table so a 100 000-polygon layer never enters a change set.
 *
 * Showing or hiding a layer is a view preference kept in `meta` (`referenceVisible:<id>`), not a
 * rewrite of the layer record: a farmland layer's record is tens of megabytes, and toggling it
 * must not rewrite and re-read all of them. The visibility stored with the layer is its default.
 *
 * Reads use the store's connection; every write goes through its write door (outsideHistory.ts).
 */
export interface ReferenceLayerStore {
  list(projectId: string): Promise<ReferenceLayerData[]>;
  observe(
    projectId: string,
    onValue: (layers: ReferenceLayerData[]) => void,
    onError: (error: unknown) => void,
  ): () => void;
  add(layer: ReferenceLayerData): Promise<void>;
  remove(id: string): Promise<void>;
  setVisible(id: string, visible: boolean): Promise<void>;
}

export function createReferenceLayerStore(
  db: WorkbenchDb,
  write: (writes: OutsideWrite[]) => Promise<unknown>,
): ReferenceLayerStore {
  const layersOf = async (projectId: string) => {
    const layers = await db.referenceLayers.where('projectId').equals(projectId).toArray();
    return layers.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  };
  const visibility = async () => {
    const records = await db.meta.where('key').startsWith(VISIBLE_PREFIX).toArray();
    return new Map(records.map((r) => [r.key.slice(VISIBLE_PREFIX.length), r.value === 'true']));
  };
  const withVisibility = (layers: ReferenceLayerData[], visible: Map<string, boolean>) =>
    layers.map((l) => (visible.has(l.id) ? { ...l, visible: visible.get(l.id)! } : l));
  return {
    list: async (projectId) => withVisibility(await layersOf(projectId), await visibility()),
    observe(projectId, onValue, onError) {
      // Two queries, so a visibility change re-reads only the small meta records.
      let layers: ReferenceLayerData[] | null = null;
      let visible: Map<string, boolean> | null = null;
      const emit = () => {
        if (layers && visible) onValue(withVisibility(layers, visible));
      };
      const a = liveQuery(() => layersOf(projectId)).subscribe({
        next: (value) => ((layers = value), emit()),
        error: onError,
      });
      const b = liveQuery(visibility).subscribe({
        next: (value) => ((visible = value), emit()),
        error: onError,
      });
      return () => {
        a.unsubscribe();
        b.unsubscribe();
      };
    },
    add: async (layer) => void (await write([{ kind: 'addReferenceLayer', layer }])),
    remove: async (id) => void (await write([{ kind: 'removeReferenceLayer', id }])),
    setVisible: async (id, visible) => void (await write([{ kind: 'referenceVisible', id, visible }])),
  };
}
