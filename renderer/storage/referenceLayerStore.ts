import { liveQuery } from 'dexie';
import type { ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import { DATABASE_NAME, WorkbenchDb } from './database';

/**
 * Reference layers (生态保护红线, 永久基本农田, 城镇开发边界, …) are project data but not zones: they
 * are added and removed as a whole, outside the undo history of zone edits, and never edited.
 * They live in their own table so a 100 000-polygon layer never enters a change set.
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

const stores = new Map<string, ReferenceLayerStore>();

export function referenceLayerStore(
  name = DATABASE_NAME,
  idb: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
): ReferenceLayerStore {
  const existing = stores.get(name);
  if (existing) return existing;
  const db = new WorkbenchDb(name, idb);
  const list = async (projectId: string) => {
    const layers = await db.referenceLayers.where('projectId').equals(projectId).toArray();
    return layers.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  };
  const store: ReferenceLayerStore = {
    list,
    observe(projectId, onValue, onError) {
      const subscription = liveQuery(() => list(projectId)).subscribe({ next: onValue, error: onError });
      return () => subscription.unsubscribe();
    },
    async add(layer) {
      await db.referenceLayers.put(layer);
    },
    async remove(id) {
      await db.referenceLayers.delete(id);
    },
    async setVisible(id, visible) {
      await db.referenceLayers.update(id, { visible });
    },
  };
  stores.set(name, store);
  return store;
}
