import { liveQuery } from 'dexie';
import { LayerListPrefsSchema, type LayerListPrefs } from '../../shared/domain/backgrounds';
import type { WorkbenchDb } from './database';
import { layerListKey, type OutsideWrite } from './outsideHistory';

/**
 * Each project's layer-list settings: the order of backgrounds and reference layers, their
 * visibility and opacity, the zone types shown and the label field. A view setting of the
 * project, kept in `meta` (`layers:<projectId>`) through the write door, outside the undo history:
 * hiding an orthophoto is not an edit to undo.
 */
export interface LayerListStore {
  get(projectId: string): Promise<LayerListPrefs>;
  observe(
    projectId: string,
    onValue: (prefs: LayerListPrefs) => void,
    onError: (error: unknown) => void,
  ): () => void;
  set(projectId: string, prefs: LayerListPrefs): Promise<void>;
}

/** The settings of a project that has none yet: every layer shown, opaque, labels by name. */
export const defaultLayerList = (): LayerListPrefs => LayerListPrefsSchema.parse({});

export function createLayerListStore(
  db: WorkbenchDb,
  write: (writes: OutsideWrite[]) => Promise<unknown>,
): LayerListStore {
  const get = async (projectId: string) => {
    const stored = (await db.meta.get(layerListKey(projectId)))?.layerList;
    // A record a later version wrote with fields we do not know still gives the ones we do.
    const parsed = LayerListPrefsSchema.safeParse(stored ?? {});
    return parsed.success ? parsed.data : defaultLayerList();
  };
  return {
    get,
    observe(projectId, onValue, onError) {
      const subscription = liveQuery(() => get(projectId)).subscribe({ next: onValue, error: onError });
      return () => subscription.unsubscribe();
    },
    set: async (projectId, prefs) => void (await write([{ kind: 'layerList', projectId, prefs }])),
  };
}
